/// Text forms of values: CEL's `string()` conversion, and a literal form for messages
/// and explanations (`"abc"`, `[1, 2]`, `{"a": true}`).
public enum ValueFormatter {
    /// The value as a CEL literal that would produce it, where one exists.
    public static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .uint(let number): return String(number) + "u"
        case .double(let number): return doubleLiteral(number)
        case .string(let text): return quoted(text)
        case .bytes(let bytes): return "b" + quotedBytes(bytes)
        case .list(let elements): return "[" + elements.map(literal).joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + map.entries.map { literal($0.0) + ": " + literal($0.1) }.joined(separator: ", ") + "}"
        case .timestamp(let timestamp): return "timestamp(\"\(TimestampText.format(timestamp))\")"
        case .duration(let duration): return "duration(\"\(DurationText.format(duration))\")"
        case .type(let type): return type.rawValue
        }
    }

    /// The literal form, shortened to about `limit` characters for one-line messages.
    public static func brief(_ value: Value, limit: Int = 80) -> String {
        let text = literal(value)
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// CEL's `string(double)`, which follows Go's `%g`: the shortest text that reads back
    /// as the same double, in exponent form below 1e-4 and from 1e6 on (`1e+06`), and
    /// without `.0` for integral values (`string(2.0)` is `"2"`).
    public static func double(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == 0 { return number.sign == .minus ? "-0" : "0" }

        // Swift's description gives the shortest round-trip digits; take them apart into
        // sign, digits and decimal exponent, then lay them out again.
        let (negative, digits, exponent) = decompose(number)
        let sign = negative ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let exponentSign = exponent < 0 ? "-" : "+"
            let exponentDigits = String(abs(exponent))
            return sign + mantissa + "e" + exponentSign + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        if digits.count <= exponent + 1 {
            return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// A double as a literal: like `double(_:)` but always recognizable as a double.
    static func doubleLiteral(_ number: Double) -> String {
        if number.isNaN { return "double(\"NaN\")" }
        if number.isInfinite { return number < 0 ? "double(\"-Infinity\")" : "double(\"Infinity\")" }
        let text = double(number)
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// Sign, significant digits without leading or trailing zeros, and the decimal exponent
    /// of the first digit.
    private static func decompose(_ number: Double) -> (Bool, String, Int) {
        var text = "\(abs(number))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fractionPart
        exponent += integerPart.count - 1
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (number < 0, digits, exponent)
    }

    /// Returns `text` as a double-quoted CEL string literal, with quotes and backslashes
    /// escaped and the characters that `ControlCharacters` selects written as CEL escapes
    /// (`\x1b`, `\u202e`).
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if ControlCharacters.isEscaped(scalar) {
                    result += ControlCharacters.escape(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func quotedBytes(_ bytes: [UInt8]) -> String {
        var result = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): result += "\\\""
            case UInt8(ascii: "\\"): result += "\\\\"
            case 0x20..<0x7F: result.unicodeScalars.append(Unicode.Scalar(byte))
            default: result += "\\x" + String(byte, radix: 16).leftPadded(to: 2)
            }
        }
        return result + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
