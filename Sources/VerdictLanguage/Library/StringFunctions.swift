/// CEL's string functions (`size`, `contains`, `startsWith`, `endsWith`, `matches`) and
/// the common string extensions. Positions and lengths count Unicode code points.
enum StringFunctions {
    static let functions: [Function] = [
        contains, startsWith, endsWith, matches,
        charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split, substring, trim, join, quote, StringFormat.function,
    ]

    private static func stringPredicate(_ name: String, _ summary: String, _ test: @escaping @Sendable (String, String) -> Bool) -> Function {
        Function(name, summary: summary, overloads: [.method("string_\(name)_string", [.string, .string], .bool)],
                 implementation: .binary { receiver, argument throws(EvaluationError) in
            guard case .string(let text) = receiver, case .string(let other) = argument else {
                throw .noOverload(name, receiver, argument)
            }
            return .bool(test(text, other))
        })
    }

    static let contains = stringPredicate("contains", "Whether the string contains the argument.") {
        TextComparison.firstIndex(of: $1, in: $0) != nil
    }
    static let startsWith = stringPredicate("startsWith", "Whether the string starts with the argument.") {
        TextComparison.hasPrefix($0, $1)
    }
    static let endsWith = stringPredicate("endsWith", "Whether the string ends with the argument.") {
        TextComparison.hasSuffix($0, $1)
    }

    static let matches = Function(
        "matches", summary: "Whether an RE2 regular expression matches part of the string; anchor with ^ and $ to match all of it.",
        overloads: [.global("matches", [.string, .string], .bool), .method("matches_string", [.string, .string], .bool)],
        implementation: .binary { receiver, argument throws(EvaluationError) in
            guard case .string(let text) = receiver, case .string(let pattern) = argument else {
                throw .noOverload("matches", receiver, argument)
            }
            do throws(RegexSyntaxError) {
                return .bool(try RegularExpression(pattern).matches(text))
            } catch {
                throw EvaluationError(.invalidArgument, "invalid regular expression \(ValueFormatter.quoted(pattern)): \(error.message)")
            }
        })

    // MARK: - Extensions

    private static func indexError(_ index: Int64) -> EvaluationError {
        EvaluationError(.outOfRange, "index out of range: \(index)")
    }

    static let charAt = Function(
        "charAt", summary: "The character at a position, or '' at the end of the string.",
        overloads: [.method("string_char_at_int", [.string, .int], .string)],
        implementation: .binary { receiver, argument throws(EvaluationError) in
            guard case .string(let text) = receiver, case .int(let position) = argument else {
                throw .noOverload("charAt", receiver, argument)
            }
            let scalars = Array(text.unicodeScalars)
            guard position >= 0, position <= scalars.count else { throw indexError(position) }
            return .string(position == scalars.count ? "" : String(scalars[Int(position)]))
        })

    /// The code point position of `needle` in `scalars` at or after `start` (searching
    /// forward) or at or before it (searching backward).
    private static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int, backward: Bool) -> Int {
        let lastStart = scalars.count - needle.count
        guard lastStart >= 0 else { return -1 }
        let positions = backward ? Array(stride(from: min(start, lastStart), through: 0, by: -1)) : Array(stride(from: start, through: lastStart, by: 1))
        for position in positions where scalars[position..<(position + needle.count)].elementsEqual(needle) {
            return position
        }
        return -1
    }

    private static func indexFunction(_ name: String, backward: Bool) -> Function {
        Function(name, summary: backward ? "The position of the last occurrence of the argument, or -1." : "The position of the first occurrence of the argument, or -1.",
                 overloads: [.method("string_\(name)_string", [.string, .string], .int),
                             .method("string_\(name)_string_int", [.string, .string, .int], .int)],
                 implementation: .variadic { arguments throws(EvaluationError) in
            guard arguments.count == 2 || arguments.count == 3,
                  case .string(let text) = arguments[0], case .string(let needle) = arguments[1] else {
                throw .noOverload(name, arguments)
            }
            let scalars = Array(text.unicodeScalars)
            var start = backward ? scalars.count : 0
            if arguments.count == 3 {
                guard case .int(let offset) = arguments[2] else { throw .noOverload(name, arguments) }
                guard offset >= 0, offset <= scalars.count else { throw indexError(offset) }
                start = Int(offset)
            }
            return .int(Int64(find(Array(needle.unicodeScalars), in: scalars, from: start, backward: backward)))
        })
    }

    static let indexOf = indexFunction("indexOf", backward: false)
    static let lastIndexOf = indexFunction("lastIndexOf", backward: true)

    private static func caseFunction(_ name: String, _ summary: String, upper: Bool) -> Function {
        Function(name, summary: summary, overloads: [.method("string_\(name)", [.string], .string)],
                 implementation: .unary { receiver throws(EvaluationError) in
            guard case .string(let text) = receiver else { throw .noOverload(name, receiver) }
            var bytes = Array(text.utf8)
            for index in bytes.indices {
                let byte = bytes[index]
                if upper, byte >= 0x61, byte <= 0x7A { bytes[index] = byte - 0x20 }
                if !upper, byte >= 0x41, byte <= 0x5A { bytes[index] = byte + 0x20 }
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        })
    }

    static let lowerAscii = caseFunction("lowerAscii", "The string with ASCII letters in lower case.", upper: false)
    static let upperAscii = caseFunction("upperAscii", "The string with ASCII letters in upper case.", upper: true)

    static let replace = Function(
        "replace", summary: "Replaces occurrences of a substring, all of them or at most n.",
        overloads: [.method("string_replace_string_string", [.string, .string, .string], .string),
                    .method("string_replace_string_string_int", [.string, .string, .string, .int], .string)],
        implementation: .variadic { arguments throws(EvaluationError) in
            guard arguments.count == 3 || arguments.count == 4, case .string(let text) = arguments[0],
                  case .string(let old) = arguments[1], case .string(let new) = arguments[2] else {
                throw .noOverload("replace", arguments)
            }
            var limit = Int64.max
            if arguments.count == 4 {
                guard case .int(let count) = arguments[3] else { throw .noOverload("replace", arguments) }
                limit = count < 0 ? Int64.max : count
            }
            return .string(replaceOccurrences(in: text, of: old, with: new, limit: limit))
        })

    private static func replaceOccurrences(in text: String, of old: String, with new: String, limit: Int64) -> String {
        let scalars = Array(text.unicodeScalars)
        let oldScalars = Array(old.unicodeScalars)
        var result = String.UnicodeScalarView()
        var position = 0
        var replaced: Int64 = 0
        while position <= scalars.count, replaced < limit {
            let found = find(oldScalars, in: scalars, from: position, backward: false)
            guard found >= 0 else { break }
            result.append(contentsOf: scalars[position..<found])
            result.append(contentsOf: new.unicodeScalars)
            replaced += 1
            if oldScalars.isEmpty {
                // An empty pattern matches between every two characters.
                if found < scalars.count { result.append(scalars[found]) }
                position = found + 1
            } else {
                position = found + oldScalars.count
            }
        }
        if position < scalars.count { result.append(contentsOf: scalars[position...]) }
        return String(result)
    }

    static let split = Function(
        "split", summary: "Splits at a separator, into at most n parts when n is given (0 gives none).",
        overloads: [.method("string_split_string", [.string, .string], .list(.string)),
                    .method("string_split_string_int", [.string, .string, .int], .list(.string))],
        implementation: .variadic { arguments throws(EvaluationError) in
            guard arguments.count == 2 || arguments.count == 3, case .string(let text) = arguments[0],
                  case .string(let separator) = arguments[1] else {
                throw .noOverload("split", arguments)
            }
            var limit = Int64.max
            if arguments.count == 3 {
                guard case .int(let count) = arguments[2] else { throw .noOverload("split", arguments) }
                limit = count < 0 ? Int64.max : count
            }
            return .list(splitText(text, separator: separator, limit: limit).map { .string($0) })
        })

    private static func splitText(_ text: String, separator: String, limit: Int64) -> [String] {
        if limit == 0 { return [] }
        let scalars = Array(text.unicodeScalars)
        if separator.isEmpty {
            // An empty separator splits into characters, the last part keeping the rest.
            var parts: [String] = []
            for (index, scalar) in scalars.enumerated() {
                if Int64(parts.count) == limit - 1 {
                    parts.append(String(String.UnicodeScalarView(scalars[index...])))
                    return parts
                }
                parts.append(String(scalar))
            }
            return parts
        }
        let separatorScalars = Array(separator.unicodeScalars)
        var parts: [String] = []
        var position = 0
        while Int64(parts.count) < limit - 1 {
            let found = find(separatorScalars, in: scalars, from: position, backward: false)
            guard found >= 0 else { break }
            parts.append(String(String.UnicodeScalarView(scalars[position..<found])))
            position = found + separatorScalars.count
        }
        parts.append(String(String.UnicodeScalarView(scalars[position...])))
        return parts
    }

    static let substring = Function(
        "substring", summary: "The characters from start up to (not including) end.",
        overloads: [.method("string_substring_int", [.string, .int], .string),
                    .method("string_substring_int_int", [.string, .int, .int], .string)],
        implementation: .variadic { arguments throws(EvaluationError) in
            guard arguments.count == 2 || arguments.count == 3, case .string(let text) = arguments[0],
                  case .int(let start) = arguments[1] else {
                throw .noOverload("substring", arguments)
            }
            let scalars = Array(text.unicodeScalars)
            var end = Int64(scalars.count)
            if arguments.count == 3 {
                guard case .int(let given) = arguments[2] else { throw .noOverload("substring", arguments) }
                end = given
            }
            guard start >= 0, start <= scalars.count else { throw indexError(start) }
            guard end >= 0, end <= scalars.count else { throw indexError(end) }
            guard start <= end else {
                throw EvaluationError(.outOfRange, "invalid substring range: start \(start) is after end \(end)")
            }
            return .string(String(String.UnicodeScalarView(scalars[Int(start)..<Int(end)])))
        })

    static let trim = Function(
        "trim", summary: "The string without leading and trailing Unicode white space.",
        overloads: [.method("string_trim", [.string], .string)],
        implementation: .unary { receiver throws(EvaluationError) in
            guard case .string(let text) = receiver else { throw .noOverload("trim", receiver) }
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else {
                return .string("")
            }
            return .string(String(String.UnicodeScalarView(scalars[first...last])))
        })

    static let join = Function(
        "join", summary: "Joins a list of strings, with an optional separator.",
        overloads: [.method("list_join", [.list(.string)], .string),
                    .method("list_join_string", [.list(.string), .string], .string)],
        implementation: .variadic { arguments throws(EvaluationError) in
            guard arguments.count == 1 || arguments.count == 2, case .list(let elements) = arguments[0] else {
                throw .noOverload("join", arguments)
            }
            var separator = ""
            if arguments.count == 2 {
                guard case .string(let given) = arguments[1] else { throw .noOverload("join", arguments) }
                separator = given
            }
            var parts: [String] = []
            for element in elements {
                guard case .string(let text) = element else {
                    throw EvaluationError(.noMatchingOverload, "join() needs a list of strings, but an element has type \(element.type.displayName)")
                }
                parts.append(text)
            }
            return .string(parts.joined(separator: separator))
        })

    static let quote = Function(
        "strings.quote", summary: "The string as a double-quoted literal with escapes.",
        overloads: [.global("strings_quote", [.string], .string)],
        implementation: .unary { value throws(EvaluationError) in
            guard case .string(let text) = value else { throw .noOverload("strings.quote", value) }
            return .string(quoteLiteral(text))
        })

    private static func quoteLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0B}": result += "\\v"
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
