/// `parseJSON`: reads JSON held in a string, as several cloud APIs return nested
/// configuration (`master_url`, bucket policies, alarm dimensions).
enum JSONFunctions {
    static let functions: [Function] = [parseJSON]

    static let parseJSON = Function(
        "parseJSON", summary: "Parses a string holding JSON into a value; an error names the position of invalid JSON.",
        overloads: [.global("parse_json_string", [.string], .dyn), .method("string_parse_json", [.string], .dyn)],
        implementation: .unary { value throws(EvaluationError) in
            guard case .string(let text) = value else { throw .noOverload("parseJSON", value) }
            do throws(JSONSyntaxError) {
                return try JSONReader.parse(text)
            } catch {
                throw EvaluationError(.invalidArgument, "invalid JSON in the string at line \(error.line), column \(error.column): \(error.message)")
            }
        })
}

/// `fail`: raises an evaluation error with the rule author's message, for data a
/// condition cannot decide on (the verdict is then ERROR with that message).
enum FailFunction {
    static let functions: [Function] = [fail]

    static let fail = Function(
        "fail", summary: "Raises an evaluation error with the given message; the result is ERROR.",
        overloads: [.global("fail_string", [.string], .dyn)], isPure: false,
        implementation: .unary { value throws(EvaluationError) in
            guard case .string(let message) = value else { throw .noOverload("fail", value) }
            throw EvaluationError(.host, message)
        })
}
