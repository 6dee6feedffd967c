/// A runtime error: evaluation produced no value. As in CEL, errors travel like values:
/// `&&`, `||` and the `all` and `exists` macros drop an error when another operand
/// decides the result.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    /// The kinds of runtime error; the raw values are CEL's names where CEL has one.
    public enum Kind: String, Sendable {
        case noMatchingOverload = "no_matching_overload"
        case noSuchKey = "no_such_key"
        case noSuchField = "no_such_field"
        case undeclaredReference = "undeclared_reference"
        case unboundVariable = "unbound_variable"
        case divisionByZero = "division_by_zero"
        case overflow = "overflow"
        case outOfRange = "out_of_range"
        case invalidArgument = "invalid_argument"
        case budgetExceeded = "budget_exceeded"
        case unsupported = "unsupported"
        /// An error raised by a function that the host application added.
        case host = "host"
    }

    public var kind: Kind
    public var message: String
    /// The node that raised the error; 0 until the enclosing plan node fills it in.
    public var exprID: ExprID

    public init(_ kind: Kind, _ message: String, exprID: ExprID = 0) {
        self.kind = kind
        self.message = message
        self.exprID = exprID
    }

    public var description: String { message }

    // MARK: - Messages, in one place

    static func noOverload(_ function: String, _ arguments: [Value]) -> EvaluationError {
        let types = arguments.map { $0.type.displayName }.joined(separator: ", ")
        return EvaluationError(.noMatchingOverload, "no matching overload for '\(Operator.displayName(function))' applied to (\(types))")
    }

    static func noOverload(_ function: String, _ arguments: Value...) -> EvaluationError {
        noOverload(function, arguments)
    }

    static func noSuchKey(_ key: Value) -> EvaluationError {
        EvaluationError(.noSuchKey, "no such key: \(ValueFormatter.literal(key))")
    }

    static func noSuchField(_ field: String, on value: Value) -> EvaluationError {
        EvaluationError(.noSuchField, "no field '\(field)' on a value of type \(value.type.displayName)")
    }

    static func overflow(_ operation: String) -> EvaluationError {
        EvaluationError(.overflow, "integer overflow in \(operation)")
    }

    static let divisionByZero = EvaluationError(.divisionByZero, "division by zero")
    static let moduloByZero = EvaluationError(.divisionByZero, "modulus by zero")

    /// Policies cannot change the limit, so the message names only what the author can do.
    static func budgetExceeded(_ limit: Int) -> EvaluationError {
        EvaluationError(.budgetExceeded,
            "evaluation exceeded the limit of \(limit) macro iterations, which counts every element that all(), exists(), map(), filter() "
            + "and the other macros visit, nested ones included; simplify the condition, for example by filtering a list once "
            + "before a nested macro iterates over it")
    }
}
