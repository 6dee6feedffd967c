/// A runtime value of the expression language: CEL's value types, which also cover JSON.
///
/// JSON maps onto it as null, bool, string, list and map; a JSON number without a
/// fraction or exponent becomes an `int` when it fits in 64 bits (CEL itself reads every
/// JSON number as a double; integers read better in rules and compare equal either way).
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([Value])
    case map(MapValue)
    case timestamp(Timestamp)
    case duration(Duration)
    case type(ValueType)

    /// The runtime type, as `type(x)` returns it.
    public var type: ValueType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .list: return .list
        case .map: return .map
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .type: return .type
        }
    }

    /// A map with string keys, in the given order.
    public static func object(_ entries: [(String, Value)]) -> Value {
        .map(MapValue(stringKeyed: entries))
    }
}

/// The type of a runtime value, itself a value (`type(1) == int`).
public enum ValueType: String, Sendable, CaseIterable {
    case null = "null_type"
    case bool
    case int
    case uint
    case double
    case string
    case bytes
    case list
    case map
    case timestamp = "google.protobuf.Timestamp"
    case duration = "google.protobuf.Duration"
    case type

    /// The name used in messages: `timestamp` rather than the protobuf name.
    public var displayName: String {
        switch self {
        case .timestamp: return "timestamp"
        case .duration: return "duration"
        default: return rawValue
        }
    }
}
