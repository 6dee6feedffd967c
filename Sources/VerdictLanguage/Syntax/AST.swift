/// The identifier of an expression node, unique within one parsed expression. Checker
/// results, evaluation errors and explanations refer to nodes by it.
public typealias ExprID = Int

/// A node of the abstract syntax tree, with the span of source text it came from.
public struct Expr: Sendable {
    public let id: ExprID
    public let span: SourceSpan
    public let kind: ExprKind
    /// The number of nodes on the longest path from this node to a leaf, counting this one.
    public let depth: Int

    public init(id: ExprID, span: SourceSpan, kind: ExprKind) {
        self.id = id
        self.span = span
        self.kind = kind
        self.depth = 1 + kind.children.reduce(0) { max($0, $1.depth) }
    }
}

/// The kinds of expression. Operators are calls of functions with reserved names such as
/// `_+_` (see `Operator`), as in CEL's own AST.
public indirect enum ExprKind: Sendable {
    case literal(Constant)
    case identifier(String)
    /// `operand.field`, or `has(operand.field)` when `testOnly` is set.
    case select(operand: Expr, field: String, testOnly: Bool)
    /// A global call `f(args)` when `target` is nil, otherwise a method call `target.f(args)`.
    case call(function: String, target: Expr?, arguments: [Expr])
    case list(elements: [Expr])
    case map(entries: [MapEntry])
    /// `Name{field: value}`: accepted by the parser so that it can report a precise error.
    case message(typeName: String, fields: [MessageField])
    /// One of the macros `all`, `exists`, `exists_one`, `map` and `filter`.
    case comprehension(Comprehension)
    /// A placeholder for text that did not parse; the parser has reported it.
    case invalid

    /// The direct sub-expressions, in source order.
    public var children: [Expr] {
        switch self {
        case .literal, .identifier, .invalid:
            return []
        case .select(let operand, _, _):
            return [operand]
        case .call(_, let target, let arguments):
            return (target.map { [$0] } ?? []) + arguments
        case .list(let elements):
            return elements
        case .map(let entries):
            return entries.flatMap { [$0.key, $0.value] }
        case .message(_, let fields):
            return fields.map(\.value)
        case .comprehension(let comprehension):
            return [comprehension.range, comprehension.body] + (comprehension.filter.map { [$0] } ?? [])
        }
    }
}

/// A literal value written in the source.
public enum Constant: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
}

public struct MapEntry: Sendable {
    public let key: Expr
    public let value: Expr
}

public struct MessageField: Sendable {
    public let name: String
    public let value: Expr
}

/// A macro over the elements of a list (or the keys of a map).
///
/// With two variables (`list.all(i, v, p)`, `transformList`, `transformMap`), the first is
/// bound to the index of a list element or a map key, the second to the element or value.
public struct Comprehension: Sendable {
    public enum Kind: String, Sendable {
        case all
        case exists
        case existsOne = "exists_one"
        case map
        case filter
        case transformList
        case transformMap
        /// `cel.bind(name, value, body)`: evaluates `value` once and binds it to `name` in
        /// `body`; `range` holds the value.
        case bind = "cel.bind"
    }

    public let kind: Kind
    /// The name bound to each element, such as `x` in `list.all(x, x > 0)`.
    public let variable: String
    public let variableSpan: SourceSpan
    /// The name bound to the element or value in the two-variable forms.
    public let secondVariable: String?
    /// The list or map iterated over.
    public let range: Expr
    /// The predicate of `all`, `exists`, `exists_one` and `filter`, or the transform of `map`.
    public let body: Expr
    /// The filter of the three-argument `map(x, filter, transform)`.
    public let filter: Expr?
}

/// The reserved function names that operators are parsed into.
public enum Operator {
    public static let conditional = "_?_:_"
    public static let logicalAnd = "_&&_"
    public static let logicalOr = "_||_"
    public static let logicalNot = "!_"
    public static let negate = "-_"
    public static let equals = "_==_"
    public static let notEquals = "_!=_"
    public static let less = "_<_"
    public static let lessEquals = "_<=_"
    public static let greater = "_>_"
    public static let greaterEquals = "_>=_"
    public static let add = "_+_"
    public static let subtract = "_-_"
    public static let multiply = "_*_"
    public static let divide = "_/_"
    public static let modulo = "_%_"
    public static let index = "_[_]"
    public static let `in` = "@in"

    /// The source spelling of each binary operator, for printing and messages.
    public static let binarySymbols: [String: String] = [
        logicalAnd: "&&", logicalOr: "||", equals: "==", notEquals: "!=",
        less: "<", lessEquals: "<=", greater: ">", greaterEquals: ">=",
        add: "+", subtract: "-", multiply: "*", divide: "/", modulo: "%", `in`: "in",
    ]

    /// Binding strength of binary operators: a higher number binds tighter.
    public static let precedence: [String: Int] = [
        conditional: 1, logicalOr: 2, logicalAnd: 3,
        equals: 4, notEquals: 4, less: 4, lessEquals: 4, greater: 4, greaterEquals: 4, `in`: 4,
        add: 5, subtract: 5, multiply: 6, divide: 6, modulo: 6,
    ]

    /// The display form of an operator or function name: `+` for `_+_`, `size` for `size`.
    public static func displayName(_ function: String) -> String {
        if let symbol = binarySymbols[function] { return symbol }
        switch function {
        case logicalNot: return "!"
        case negate: return "-"
        case index: return "[]"
        case conditional: return "?:"
        default: return function
        }
    }
}

/// The result of parsing: a tree, possibly with `invalid` nodes, and the syntax errors.
public struct ParsedExpression: Sendable {
    public let source: Source
    public let root: Expr
    public let diagnostics: [Diagnostic]
    /// The number of node ids handed out; ids run from 1 to this number.
    public let maxID: ExprID

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
