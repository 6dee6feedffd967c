/// A function of the expression language: its overloads, which the checker uses, and one
/// implementation, which the interpreter calls with the receiver (for a method call)
/// followed by the arguments.
public struct Function: Sendable {
    public let name: String
    /// One line for the function reference.
    public let summary: String
    public let overloads: [Overload]
    public let implementation: Implementation
    /// Whether calls with constant arguments may be evaluated once, when planning.
    public let isPure: Bool

    public init(_ name: String, summary: String, overloads: [Overload], isPure: Bool = true, implementation: Implementation) {
        self.name = name
        self.summary = summary
        self.overloads = overloads
        self.implementation = implementation
        self.isPure = isPure
    }

    public var allowsGlobalCall: Bool { overloads.contains { !$0.isMethod } }
    public var allowsMethodCall: Bool { overloads.contains { $0.isMethod } }
}

/// One signature of a function.
public struct Overload: Sendable {
    public let id: String
    /// Whether the overload is called as `receiver.name(args)`; the receiver is then the
    /// first parameter.
    public let isMethod: Bool
    public let parameters: [StaticType]
    public let result: StaticType

    public static func global(_ id: String, _ parameters: [StaticType], _ result: StaticType) -> Overload {
        Overload(id: id, isMethod: false, parameters: parameters, result: result)
    }

    public static func method(_ id: String, _ parameters: [StaticType], _ result: StaticType) -> Overload {
        Overload(id: id, isMethod: true, parameters: parameters, result: result)
    }
}

/// The code behind a function, by arity so that common calls need no argument array.
public enum Implementation: Sendable {
    case unary(@Sendable (Value) throws(EvaluationError) -> Value)
    case binary(@Sendable (Value, Value) throws(EvaluationError) -> Value)
    case variadic(@Sendable ([Value]) throws(EvaluationError) -> Value)
    /// For host functions that read the evaluation's context, such as related resources.
    case contextual(@Sendable ([Value], Activation) throws(EvaluationError) -> Value)
}

/// The functions an environment knows, by name.
public struct FunctionRegistry: Sendable {
    public private(set) var functions: [String: Function] = [:]

    public init() {}

    /// Adds a function, replacing one of the same name.
    public mutating func add(_ function: Function) {
        functions[function.name] = function
    }

    public subscript(name: String) -> Function? { functions[name] }
}
