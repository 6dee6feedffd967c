import Foundation

/// The strings extension's `format`: `"%s has %d zones".format([name, count])`.
///
/// The clauses are `%s` for any value as text and `%d` for integers. `%f` and `%e` give
/// fixed-point and scientific notation, with six digits unless a precision such as `%.2f`
/// says otherwise. `%b`, `%o`, `%x` and `%X` give binary, octal and hexadecimal, and the
/// hexadecimal clauses also take strings and bytes. `%%` is a percent sign. A clause
/// without its argument, or with an argument its verb cannot show, is an evaluation error.
enum StringFormat {
    static let function = Function(
        "format", summary: "Substitutes the list's values into %s, %d, %f, %e, %b, %o, %x and %X clauses of the string.",
        overloads: [.method("string_format_list", [.string, .list(.dyn)], .string)],
        implementation: .binary { receiver, argument throws(EvaluationError) in
            guard case .string(let template) = receiver, case .list(let arguments) = argument else {
                throw .noOverload("format", receiver, argument)
            }
            return .string(try format(template, arguments))
        })

    static func format(_ template: String, _ arguments: [Value]) throws(EvaluationError) -> String {
        var result = ""
        var scalars = template.unicodeScalars.makeIterator()
        var nextArgument = 0

        while let scalar = scalars.next() {
            guard scalar == "%" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            var precision: Int?
            var verb = scalars.next()
            if verb == "." {
                var digits = ""
                verb = scalars.next()
                while let digit = verb, ("0"..."9").contains(digit) {
                    digits.unicodeScalars.append(digit)
                    verb = scalars.next()
                }
                guard let value = Int(digits), value <= 100 else {
                    throw EvaluationError(.invalidArgument, "format: a precision needs digits after '.', at most 100, such as %.2f")
                }
                precision = value
            }
            guard let verb else {
                throw EvaluationError(.invalidArgument, "format: the string ends inside a clause; write %% for a percent sign")
            }
            if verb == "%" && precision == nil {
                result += "%"
                continue
            }
            guard nextArgument < arguments.count else {
                throw EvaluationError(.invalidArgument, "format: clause %\(verb) has no matching argument, because the list has only \(arguments.count) values")
            }
            result += try clause(verb, precision: precision, arguments[nextArgument])
            nextArgument += 1
        }
        return result
    }

    private static func clause(_ verb: Unicode.Scalar, precision: Int?, _ value: Value) throws(EvaluationError) -> String {
        switch verb {
        case "s": return try text(value)
        case "d": return try decimal(value)
        case "f": return try floating(value, style: "f", precision: precision ?? 6)
        case "e": return try floating(value, style: "e", precision: precision ?? 6)
        case "b": return try integer(value, radix: 2, verb: "b", allowsBool: true)
        case "o": return try integer(value, radix: 8, verb: "o")
        case "x", "X": return try hexadecimal(value, uppercase: verb == "X")
        default:
            throw EvaluationError(.invalidArgument, "format: unknown clause %\(verb); use %s, %d, %f, %e, %b, %o, %x, %X or %%")
        }
    }

    /// Formats a value for `%s`: like `string()`, and lists and maps element by element,
    /// with map entries sorted by key text so that the result is deterministic.
    static func text(_ value: Value) throws(EvaluationError) -> String {
        switch value {
        case .null:
            return "null"
        case .list(let elements):
            var parts: [String] = []
            for element in elements { parts.append(try text(element)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let map):
            var entries: [(key: String, value: String)] = []
            for (key, element) in map.entries { entries.append((try text(key), try text(element))) }
            entries.sort { $0.key < $1.key }
            return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        default:
            guard case .unary(let convert) = Conversions.string.implementation,
                  case .string(let converted) = try convert(value) else {
                throw EvaluationError(.invalidArgument, "format: %s cannot show a value of type \(value.type.displayName)")
            }
            return converted
        }
    }

    private static func decimal(_ value: Value) throws(EvaluationError) -> String {
        switch value {
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number) where !number.isFinite: return ValueFormatter.double(number)
        default: throw mismatch("d", "an int or uint", value)
        }
    }

    private static func floating(_ value: Value, style: String, precision: Int) throws(EvaluationError) -> String {
        let number: Double
        switch value {
        case .double(let double): number = double
        case .int(let int): number = Double(int)
        case .uint(let uint): number = Double(uint)
        default: throw mismatch(style, "a double, int or uint", value)
        }
        guard number.isFinite else { return ValueFormatter.double(number) }
        // The C library rounds the exact binary value half to even, as CEL's format does.
        return String(format: "%.\(precision)\(style)", number)
    }

    private static func integer(_ value: Value, radix: Int, verb: String, allowsBool: Bool = false) throws(EvaluationError) -> String {
        switch value {
        case .int(let number):
            return (number < 0 ? "-" : "") + String(number.magnitude, radix: radix)
        case .uint(let number):
            return String(number, radix: radix)
        case .bool(let flag) where allowsBool:
            return flag ? "1" : "0"
        default:
            throw mismatch(verb, allowsBool ? "an int, uint or bool" : "an int or uint", value)
        }
    }

    private static func hexadecimal(_ value: Value, uppercase: Bool) throws(EvaluationError) -> String {
        let text: String
        switch value {
        case .string(let string):
            text = string.utf8.map { byteHex($0) }.joined()
        case .bytes(let bytes):
            text = bytes.map { byteHex($0) }.joined()
        case .int, .uint:
            text = try integer(value, radix: 16, verb: uppercase ? "X" : "x")
        default:
            throw mismatch(uppercase ? "X" : "x", "an int, uint, string or bytes", value)
        }
        return uppercase ? text.uppercased() : text
    }

    private static func byteHex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }

    private static func mismatch(_ verb: String, _ expected: String, _ value: Value) -> EvaluationError {
        EvaluationError(.invalidArgument, "format: %\(verb) needs \(expected), not a \(value.type.displayName)")
    }
}
