import Foundation
import VerdictLanguage

/// Decodes `cel.expr.Value` messages in the protobuf JSON mapping, the form in which the
/// conformance files state bindings and expected results.
enum ProtoValue {
    struct Unsupported: Error {
        let kind: String
    }

    static func decode(_ message: Value) throws -> Value {
        guard case .map(let map) = message, map.count == 1, case .string(let kind) = map.keys[0] else {
            throw Unsupported(kind: "empty value")
        }
        let payload = map.values[0]
        switch kind {
        case "null_value":
            return .null
        case "bool_value":
            return payload
        case "int64_value":
            guard let number = integerText(payload).flatMap({ Int64($0) }) else { throw Unsupported(kind: kind) }
            return .int(number)
        case "uint64_value":
            guard let number = integerText(payload).flatMap({ UInt64($0) }) else { throw Unsupported(kind: kind) }
            return .uint(number)
        case "double_value":
            return .double(try double(payload))
        case "string_value":
            return payload
        case "bytes_value":
            guard case .string(let base64) = payload, let data = Data(base64Encoded: base64) else { throw Unsupported(kind: kind) }
            return .bytes(Array(data))
        case "list_value":
            return .list(try (payload["values"]?.listElements ?? []).map(decode))
        case "map_value":
            var keys: [Value] = []
            var values: [Value] = []
            for entry in payload["entries"]?.listElements ?? [] {
                guard let entryKey = entry["key"], let entryValue = entry["value"] else { continue }
                keys.append(try decode(entryKey))
                values.append(try decode(entryValue))
            }
            return .map(try MapValue(keys: keys, values: values))
        case "type_value":
            guard case .string(let name) = payload, let type = ValueType(rawValue: name) else { throw Unsupported(kind: kind) }
            return .type(type)
        default:
            throw Unsupported(kind: kind)
        }
    }

    private static func integerText(_ payload: Value) -> String? {
        switch payload {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        default: return nil
        }
    }

    private static func double(_ payload: Value) throws -> Double {
        switch payload {
        case .double(let number): return number
        case .int(let number): return Double(number)
        case .uint(let number): return Double(number)
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        default: throw Unsupported(kind: "double_value")
        }
    }
}
