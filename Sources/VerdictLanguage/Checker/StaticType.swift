/// A type as the static checker sees it: CEL's types with element types for lists and
/// maps, `dyn` for anything, type parameters for generic overloads, and object types
/// whose fields are known from a schema.
public indirect enum StaticType: Sendable, Hashable, CustomStringConvertible {
    case dyn
    case null
    case bool
    case int
    case uint
    case double
    case string
    case bytes
    case timestamp
    case duration
    case list(StaticType)
    case map(StaticType, StaticType)
    /// The type of a type value: `type(int)` is the type of the expression `int`.
    case type(StaticType)
    /// A type parameter of a generic overload, such as `A` in `list(A).size()`.
    case parameter(String)
    /// A JSON object whose fields are described by a schema.
    case object(ObjectSchema)
    /// A value of any of several types, as a field that some exports write as a bool and
    /// others as a string.
    case union([StaticType])
    /// A string that holds JSON of the given type; `parseJSON` of it has that type.
    case jsonText(StaticType)
    /// The type of an expression that already has an error, so no second one is reported.
    case error

    public var description: String {
        switch self {
        case .dyn: return "dyn"
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .timestamp: return "timestamp"
        case .duration: return "duration"
        case .list(let element): return "list(\(element))"
        case .map(let key, let value): return "map(\(key), \(value))"
        case .type(let type): return "type(\(type))"
        case .parameter(let name): return name
        case .object(let schema): return schema.name
        case .union(let members): return members.map(\.description).joined(separator: " | ")
        case .jsonText: return "string"
        case .error: return "*error*"
        }
    }

    /// The runtime type that values of this static type have, when there is exactly one.
    public var runtimeType: ValueType? {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .list: return .list
        case .map, .object: return .map
        case .type: return .type
        case .jsonText: return .string
        case .dyn, .parameter, .error, .union: return nil
        }
    }

    /// The static type of a runtime value's type, with `dyn` for element types.
    public init(_ type: ValueType) {
        switch type {
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .uint: self = .uint
        case .double: self = .double
        case .string: self = .string
        case .bytes: self = .bytes
        case .list: self = .list(.dyn)
        case .map: self = .map(.dyn, .dyn)
        case .timestamp: self = .timestamp
        case .duration: self = .duration
        case .type: self = .type(.dyn)
        }
    }
}

/// The fields of a JSON object, with their types, as a schema describes them. A schema
/// is open when it allows fields it does not list.
public final class ObjectSchema: Sendable, Hashable {
    public let name: String
    public let fields: [String: StaticType]
    /// Field names in the schema's order, for suggestions and documentation.
    public let fieldOrder: [String]
    /// Whether fields outside `fields` may appear (a free-form map such as tags).
    public let isOpen: Bool

    public init(name: String, fields: [(String, StaticType)], isOpen: Bool = false) {
        self.name = name
        self.fields = Dictionary(fields, uniquingKeysWith: { _, last in last })
        self.fieldOrder = fields.map(\.0)
        self.isOpen = isOpen
    }

    public static func == (lhs: ObjectSchema, rhs: ObjectSchema) -> Bool { lhs === rhs }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(self))
    }
}
