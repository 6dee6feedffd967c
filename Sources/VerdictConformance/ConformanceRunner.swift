import VerdictLanguage

/// Runs conformance tests by parsing, planning and evaluating each expression.
public enum ConformanceRunner {
    public enum Outcome: Sendable {
        case passed
        case failed(String)
        case skipped(String)
    }

    public static func run(_ test: ConformanceTest) -> Outcome {
        if let reason = SkipRules.reason(for: test) { return .skipped(reason) }

        var environment = Environment()
        environment.variables = test.declaredNames.map { VariableDeclaration($0, .dyn) }
        let parsed = environment.parse(Source(text: test.expression, name: test.name))
        let result: Result<Value, EvaluationError>
        if parsed.hasErrors {
            let message = parsed.diagnostics.map(\.message).joined(separator: "; ")
            result = .failure(EvaluationError(.invalidArgument, "syntax error: \(message)"))
        } else {
            result = environment.plan(parsed).evaluate(test.bindings)
        }

        switch (test.expectation, result) {
        case (.value(let expected), .success(let actual)):
            if StrictEquality.equal(expected, actual) { return .passed }
            return .failed("expected \(ValueFormatter.literal(expected)) but got \(ValueFormatter.literal(actual))")
        case (.value(let expected), .failure(let error)):
            return .failed("expected \(ValueFormatter.literal(expected)) but got error: \(error.message)")
        case (.error, .failure):
            return .passed
        case (.error, .success(let actual)):
            return .failed("expected an error but got \(ValueFormatter.literal(actual))")
        case (.other(let what), _):
            return .skipped(what)
        }
    }
}

/// Equality for comparing results with expectations: types must match exactly (an int
/// is not a double here) and NaN equals NaN.
enum StrictEquality {
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.double(let a), .double(let b)):
            return (a.isNaN && b.isNaN) || (a == b && a.sign == b.sign)
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let index = b.keys.firstIndex(where: { equal($0, key) }), equal(value, b.values[index]) else { return false }
            }
            return true
        default:
            return lhs.type == rhs.type && Value.celEqual(lhs, rhs)
        }
    }
}
