/// Serializes values as JSON text. Values without a JSON form follow CEL's JSON mapping:
/// bytes as base64 strings, timestamps as RFC 3339 strings, durations as `"1.5s"`, types
/// by name, and NaN and infinities as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
public enum JSONWriter {
    public static func string(_ value: Value, pretty: Bool = false, sortedKeys: Bool = false) -> String {
        var output: [UInt8] = []
        write(value, pretty: pretty, sortedKeys: sortedKeys, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    public static func write(_ value: Value, pretty: Bool, sortedKeys: Bool, into output: inout [UInt8]) {
        var writer = Writer(pretty: pretty, sortedKeys: sortedKeys)
        writer.write(value, indent: 0)
        output.append(contentsOf: writer.output)
    }

    private struct Writer {
        let pretty: Bool
        let sortedKeys: Bool
        var output: [UInt8] = []

        mutating func append(_ text: String) {
            output.append(contentsOf: text.utf8)
        }

        mutating func newline(_ indent: Int) {
            guard pretty else { return }
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: indent * 2))
        }

        mutating func write(_ value: Value, indent: Int) {
            switch value {
            case .null: append("null")
            case .bool(let flag): append(flag ? "true" : "false")
            case .int(let number): append(String(number))
            case .uint(let number): append(String(number))
            case .double(let number): writeDouble(number)
            case .string(let text): writeString(text)
            case .bytes(let bytes): writeString(Base64.encode(bytes))
            case .timestamp(let timestamp): writeString(TimestampText.format(timestamp))
            case .duration(let duration): writeString(DurationText.format(duration))
            case .type(let type): writeString(type.rawValue)
            case .list(let elements): writeList(elements, indent: indent)
            case .map(let map): writeMap(map, indent: indent)
            }
        }

        mutating func writeDouble(_ number: Double) {
            if number.isNaN { return writeString("NaN") }
            if number.isInfinite { return writeString(number < 0 ? "-Infinity" : "Infinity") }
            // Swift prints the shortest text that reads back as the same double.
            var text = "\(number)"
            if text.hasSuffix(".0") { text.removeLast(2) }
            append(text)
        }

        mutating func writeList(_ elements: [Value], indent: Int) {
            guard !elements.isEmpty else { return append("[]") }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        }

        mutating func writeMap(_ map: MapValue, indent: Int) {
            guard map.count > 0 else { return append("{}") }
            var entries = map.entries.map { (key: JSONWriter.keyText($0.0), value: $0.1) }
            if sortedKeys { entries.sort { TextComparison.less($0.key, $1.key) } }
            output.append(UInt8(ascii: "{"))
            for (position, entry) in entries.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                writeString(entry.key)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(0x20) }
                write(entry.value, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        }

        mutating func writeString(_ text: String) {
            output.append(UInt8(ascii: "\""))
            // Most strings need no escape: copy them in one piece.
            if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                output.append(contentsOf: text.utf8)
                output.append(UInt8(ascii: "\""))
                return
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default:
                    output.append(byte)
                }
            }
            output.append(UInt8(ascii: "\""))
        }
    }

    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        var writer = Writer(pretty: false, sortedKeys: false)
        swap(&writer.output, &output)
        writer.writeString(text)
        swap(&writer.output, &output)
    }

    /// The JSON object key for a map key: strings as they are, other keys as text.
    static func keyText(_ key: Value) -> String {
        switch key {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return ValueFormatter.literal(key)
        }
    }
}

/// Standard base64 with padding (RFC 4648, section 4).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int(chunk >> UInt32(shift) & 0x3F)]) }
            index += 3
        }
        let remaining = bytes.count - index
        if remaining > 0 {
            var chunk = UInt32(bytes[index]) << 16
            if remaining == 2 { chunk |= UInt32(bytes[index + 1]) << 8 }
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
            output.append(remaining == 2 ? alphabet[Int(chunk >> 6 & 0x3F)] : UInt8(ascii: "="))
            output.append(UInt8(ascii: "="))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
