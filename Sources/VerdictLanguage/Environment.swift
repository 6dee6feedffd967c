/// A variable that expressions may use, with its type for the checker.
public struct VariableDeclaration: Sendable {
    public let name: String
    public let type: StaticType
    /// One line for documentation and hover text.
    public let summary: String

    public init(_ name: String, _ type: StaticType, summary: String = "") {
        self.name = name
        self.type = type
        self.summary = summary
    }
}

/// What expressions can refer to (variables and functions) and the limits that apply:
/// the entry point to parse, check and plan expressions.
public struct Environment: Sendable {
    public var variables: [VariableDeclaration]
    public var functions: FunctionRegistry
    public var parserLimits = ParserLimits()
    /// The most macro iterations one evaluation may take before it fails.
    public var stepLimit = 1_000_000

    public init(variables: [VariableDeclaration] = [], functions: FunctionRegistry = .standard) {
        self.variables = variables
        self.functions = functions
    }

    /// Adds a function, or replaces the one of the same name.
    public mutating func add(_ function: Function) {
        functions.add(function)
    }

    public func parse(_ source: Source) -> ParsedExpression {
        Parser.parse(source, limits: parserLimits)
    }

    /// Plans a parsed expression for evaluation. With `observed`, evaluation reports every
    /// node's result to the observer it is given, for explanations; such plans are slower.
    public func plan(_ parsed: ParsedExpression, observed: Bool = false) -> Program {
        var planner = Planner(variables: variables.map(\.name), functions: functions, observed: observed)
        let root = planner.plan(parsed.root)
        return Program(root: root, variables: variables.map(\.name), slotCount: planner.slotCount, stepLimit: stepLimit)
    }

    /// Parses and plans an expression, failing with its syntax errors.
    public func compile(_ text: String, name: String = "<expression>") throws(CompileError) -> Program {
        let parsed = parse(Source(text: text, name: name))
        if parsed.hasErrors { throw CompileError(diagnostics: parsed.diagnostics) }
        return plan(parsed)
    }
}

/// The diagnostics of an expression that could not be compiled.
public struct CompileError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map { $0.rendered() }.joined(separator: "\n")
    }
}
