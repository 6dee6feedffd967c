import Foundation
import VerdictPolicy

/// A JSON value, to compare loaded YAML with the test suite's `in.json` files.
enum JSONValue: Equatable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Converts a loaded node to JSON, typing scalars with the loader's accessors in the
    /// order of the core schema: null, boolean, integer, float, then string.
    init(_ node: YAMLNode?) {
        guard let node else {
            self = .null
            return
        }
        switch node {
        case .scalar(let scalar):
            if scalar.isNull {
                self = .null
            } else if let value = scalar.bool {
                self = .bool(value)
            } else if let value = scalar.int {
                self = .number(Double(value))
            } else if let value = scalar.double {
                self = .number(value)
            } else {
                self = .string(scalar.value)
            }
        case .sequence(let items, _, _):
            self = .array(items.map { JSONValue($0) })
        case .mapping(let pairs, _, _):
            var object: [String: JSONValue] = [:]
            for pair in pairs { object[pair.key.value] = JSONValue(pair.value) }
            self = .object(object)
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let value): return value.debugDescription
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }
            return "{" + sorted.map { "\($0.key.debugDescription): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
