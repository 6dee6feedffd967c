/// Type conversions: `int`, `uint`, `double`, `string`, `bytes`, `bool`, `dyn`, `type`,
/// `timestamp` and `duration`. A conversion that would lose range is an error.
enum Conversions {
    static let functions: [Function] = [int, uint, double, string, bytes, bool, dyn, type, timestamp, duration]

    private static func conversionError(_ value: Value, to type: String) -> EvaluationError {
        EvaluationError(.invalidArgument, "cannot convert \(ValueFormatter.brief(value, limit: 60)) to \(type)")
    }

    private static func rangeError(_ value: Value, to type: String) -> EvaluationError {
        EvaluationError(.outOfRange, "\(ValueFormatter.brief(value, limit: 60)) is out of the \(type) range")
    }

    static let int = Function(
        "int", summary: "Converts to int; doubles truncate toward zero, timestamps give Unix seconds.",
        overloads: [
            .global("int_to_int", [.int], .int), .global("uint_to_int", [.uint], .int),
            .global("double_to_int", [.double], .int), .global("string_to_int", [.string], .int),
            .global("timestamp_to_int", [.timestamp], .int), .global("duration_to_int", [.duration], .int),
        ],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .int:
                return value
            case .uint(let number):
                guard let converted = Int64(exactly: number) else { throw rangeError(value, to: "int") }
                return .int(converted)
            case .double(let number):
                // Int64 cannot hold 2^63, which is the double nearest to Int64.max.
                guard number.isFinite, number > -9.223372036854775808e18, number < 9.223372036854775807e18 else {
                    throw rangeError(value, to: "int")
                }
                return .int(Int64(number.rounded(.towardZero)))
            case .string(let text):
                guard let converted = Int64(text) else { throw conversionError(value, to: "int") }
                return .int(converted)
            case .timestamp(let timestamp):
                return .int(timestamp.seconds)
            case .duration(let duration):
                guard let nanoseconds = duration.totalNanoseconds else { throw rangeError(value, to: "int") }
                return .int(nanoseconds)
            default:
                throw .noOverload("int", value)
            }
        })

    static let uint = Function(
        "uint", summary: "Converts to uint; negative values are out of range.",
        overloads: [
            .global("uint_to_uint", [.uint], .uint), .global("int_to_uint", [.int], .uint),
            .global("double_to_uint", [.double], .uint), .global("string_to_uint", [.string], .uint),
        ],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .uint:
                return value
            case .int(let number):
                guard let converted = UInt64(exactly: number) else { throw rangeError(value, to: "uint") }
                return .uint(converted)
            case .double(let number):
                guard number.isFinite, number > -1, number < 1.8446744073709551615e19 else { throw rangeError(value, to: "uint") }
                return .uint(UInt64(number.rounded(.towardZero)))
            case .string(let text):
                guard let converted = UInt64(text) else { throw conversionError(value, to: "uint") }
                return .uint(converted)
            default:
                throw .noOverload("uint", value)
            }
        })

    static let double = Function(
        "double", summary: "Converts to double.",
        overloads: [
            .global("double_to_double", [.double], .double), .global("int_to_double", [.int], .double),
            .global("uint_to_double", [.uint], .double), .global("string_to_double", [.string], .double),
        ],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .double:
                return value
            case .int(let number):
                return .double(Double(number))
            case .uint(let number):
                return .double(Double(number))
            case .string(let text):
                guard let converted = parseDouble(text) else { throw conversionError(value, to: "double") }
                return .double(converted)
            default:
                throw .noOverload("double", value)
            }
        })

    /// Decimal and exponent notation, plus `NaN`, `Infinity` and `-Infinity` as in JSON.
    private static func parseDouble(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 | 0x20 == 0x65 }) else {
                return nil
            }
            return Swift.Double(text)
        }
    }

    static let string = Function(
        "string", summary: "Converts numbers, bools, bytes (UTF-8), timestamps and durations to text.",
        overloads: [
            .global("string_to_string", [.string], .string), .global("int_to_string", [.int], .string),
            .global("uint_to_string", [.uint], .string), .global("double_to_string", [.double], .string),
            .global("bytes_to_string", [.bytes], .string), .global("bool_to_string", [.bool], .string),
            .global("timestamp_to_string", [.timestamp], .string), .global("duration_to_string", [.duration], .string),
        ],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .string:
                return value
            case .int(let number):
                return .string(Swift.String(number))
            case .uint(let number):
                return .string(Swift.String(number))
            case .double(let number):
                return .string(ValueFormatter.double(number))
            case .bool(let flag):
                return .string(flag ? "true" : "false")
            case .bytes(let bytes):
                guard let text = Swift.String(validating: bytes, as: UTF8.self) else {
                    throw EvaluationError(.invalidArgument, "bytes are not valid UTF-8 and cannot convert to string")
                }
                return .string(text)
            case .timestamp(let timestamp):
                return .string(TimestampText.format(timestamp))
            case .duration(let duration):
                return .string(DurationText.format(duration))
            case .type(let type):
                return .string(type.rawValue)
            default:
                throw .noOverload("string", value)
            }
        })

    static let bytes = Function(
        "bytes", summary: "Converts a string to its UTF-8 bytes.",
        overloads: [.global("bytes_to_bytes", [.bytes], .bytes), .global("string_to_bytes", [.string], .bytes)],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .bytes: return value
            case .string(let text): return .bytes(Array(text.utf8))
            default: throw .noOverload("bytes", value)
            }
        })

    static let bool = Function(
        "bool", summary: "Converts 'true', 'True', 'TRUE', 't', '1' and their false forms to bool.",
        overloads: [.global("bool_to_bool", [.bool], .bool), .global("string_to_bool", [.string], .bool)],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .bool:
                return value
            case .string(let text):
                switch text {
                case "1", "t", "true", "True", "TRUE": return .bool(true)
                case "0", "f", "false", "False", "FALSE": return .bool(false)
                default: throw conversionError(value, to: "bool")
                }
            default:
                throw .noOverload("bool", value)
            }
        })

    static let dyn = Function(
        "dyn", summary: "Returns its argument; tells the type checker to treat it as any type.",
        overloads: [.global("to_dyn", [.parameter("A")], .dyn)],
        implementation: .unary { value in value })

    static let type = Function(
        "type", summary: "The type of a value, such as int or google.protobuf.Timestamp.",
        overloads: [.global("type", [.parameter("A")], .type(.parameter("A")))],
        implementation: .unary { value in .type(value.type) })

    static let timestamp = Function(
        "timestamp", summary: "Converts RFC 3339 text (2024-05-20T06:34:21Z) or Unix seconds to a timestamp.",
        overloads: [
            .global("timestamp_to_timestamp", [.timestamp], .timestamp),
            .global("string_to_timestamp", [.string], .timestamp),
            .global("int_to_timestamp", [.int], .timestamp),
        ],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .timestamp:
                return value
            case .string(let text):
                guard let parsed = TimestampText.parse(text) else {
                    throw EvaluationError(.invalidArgument,
                        "invalid timestamp \(ValueFormatter.quoted(text)): expected RFC 3339 such as 2024-05-20T06:34:21Z, in years 0001 to 9999")
                }
                return .timestamp(parsed)
            case .int(let seconds):
                guard let converted = Timestamp(seconds: seconds) else { throw TimeArithmetic.timestampRange }
                return .timestamp(converted)
            default:
                throw .noOverload("timestamp", value)
            }
        })

    static let duration = Function(
        "duration", summary: "Converts text such as 90s, 1h30m, 250ms or 7d to a duration.",
        overloads: [.global("duration_to_duration", [.duration], .duration), .global("string_to_duration", [.string], .duration)],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .duration:
                return value
            case .string(let text):
                guard let parsed = DurationText.parse(text) else {
                    throw EvaluationError(.invalidArgument,
                        "invalid duration \(ValueFormatter.quoted(text)): expected a number and unit such as 90s, 1h30m, 250ms or 7d, within about ±10,000 years")
                }
                return .duration(parsed)
            default:
                throw .noOverload("duration", value)
            }
        })
}
