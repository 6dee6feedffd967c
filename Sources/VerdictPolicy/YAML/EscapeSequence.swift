/// The escape sequences of double-quoted scalars, as libyaml 0.2 decodes them.
enum EscapeSequence {
    /// Decodes the escape that starts with the backslash at `offset` into its UTF-8 bytes
    /// and raw length. Returns nil for an invalid escape, which libyaml rejects first.
    static func decode(_ bytes: [UInt8], at offset: Int, end: Int) -> (value: [UInt8], length: Int)? {
        guard offset + 1 < end else { return nil }

        let simple: [UInt8]?
        switch bytes[offset + 1] {
        case UInt8(ascii: "0"): simple = [0x00]
        case UInt8(ascii: "a"): simple = [0x07]
        case UInt8(ascii: "b"): simple = [0x08]
        case UInt8(ascii: "t"), YAMLCharacters.tab: simple = [0x09]
        case UInt8(ascii: "n"): simple = [0x0A]
        case UInt8(ascii: "v"): simple = [0x0B]
        case UInt8(ascii: "f"): simple = [0x0C]
        case UInt8(ascii: "r"): simple = [0x0D]
        case UInt8(ascii: "e"): simple = [0x1B]
        case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: "\\"):
            simple = [bytes[offset + 1]]
        case UInt8(ascii: "N"): simple = [0xC2, 0x85]
        case UInt8(ascii: "_"): simple = [0xC2, 0xA0]
        case UInt8(ascii: "L"): simple = [0xE2, 0x80, 0xA8]
        case UInt8(ascii: "P"): simple = [0xE2, 0x80, 0xA9]
        case UInt8(ascii: "x"): return decodeCode(bytes, at: offset, digits: 2, end: end)
        case UInt8(ascii: "u"): return decodeCode(bytes, at: offset, digits: 4, end: end)
        case UInt8(ascii: "U"): return decodeCode(bytes, at: offset, digits: 8, end: end)
        default: simple = nil
        }
        return simple.map { ($0, 2) }
    }

    /// Decodes `\xXX`, `\uXXXX` or `\UXXXXXXXX` into the UTF-8 bytes of that code point.
    private static func decodeCode(_ bytes: [UInt8], at offset: Int, digits: Int, end: Int) -> (value: [UInt8], length: Int)? {
        let length = 2 + digits
        guard offset + length <= end else { return nil }

        var code: UInt32 = 0
        for index in (offset + 2)..<(offset + length) {
            guard let digit = hexDigitValue(bytes[index]) else { return nil }
            code = code << 4 | digit
        }

        guard let scalar = Unicode.Scalar(code) else { return nil }
        return (Array(String(Character(scalar)).utf8), length)
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
