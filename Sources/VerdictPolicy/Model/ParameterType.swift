import VerdictLanguage

/// The declared type of a rule parameter: a scalar or a list of scalars.
public indirect enum ParameterType: Sendable, Equatable, CustomStringConvertible {
    case int
    case double
    case bool
    case string
    case duration
    case list(ParameterType)

    /// The spelling in policy files: `int`, `list(string)`.
    public var description: String {
        switch self {
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .string: return "string"
        case .duration: return "duration"
        case .list(let element): return "list(\(element))"
        }
    }

    /// Every spelling a policy file may use, for messages and the JSON Schema.
    public static let spellings = ["int", "double", "bool", "string", "duration",
                                   "list(int)", "list(double)", "list(bool)", "list(string)", "list(duration)"]

    /// Parses a type as written in a policy file; nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.filter { !$0.isWhitespace }
        switch trimmed {
        case "int": self = .int
        case "double": self = .double
        case "bool": self = .bool
        case "string": self = .string
        case "duration": self = .duration
        default:
            guard trimmed.hasPrefix("list("), trimmed.hasSuffix(")") else { return nil }
            let inner = String(trimmed.dropFirst(5).dropLast())
            guard let element = ParameterType(parsing: inner), !element.isList else { return nil }
            self = .list(element)
        }
    }

    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// The type of each element of a list, or the type itself for a scalar.
    public var elementType: ParameterType {
        if case .list(let element) = self { return element }
        return self
    }

    /// Whether values of the type have an order, so that a minimum and maximum apply.
    public var isOrdered: Bool {
        switch self {
        case .int, .double, .duration: return true
        case .bool, .string, .list: return false
        }
    }

    /// The type the expression checker sees for `params.NAME`.
    public var staticType: StaticType {
        switch self {
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .string: return .string
        case .duration: return .duration
        case .list(let element): return .list(element.staticType)
        }
    }
}
