/// The characters that every report and message shows as an escape, and the escape
/// itself.
///
/// Resource ids, names and error messages come from inventories, so they may contain
/// characters that a terminal, a browser or a text viewer acts on instead of showing. A
/// carriage return overwrites the start of the line, an escape sequence moves the cursor,
/// and a bidirectional control reorders what follows, so `key-\u{202E}yek-dorp` displays
/// as `key-prod-key`. Escapes follow CEL string literals, so that a reader can paste one
/// into a condition: `\n`, `\r` and `\t`, `\x1b` below U+0100, `\u202e` in the Basic
/// Multilingual Plane and `\U0001f600` above it.
public enum ControlCharacters {
    /// Tells whether `scalar` is shown as an escape: a C0 control (U+0000–U+001F), DEL, a
    /// C1 control (U+0080–U+009F), a bidirectional control (the Unicode property
    /// Bidi_Control: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), or the line
    /// and paragraph separators U+2028 and U+2029, which many viewers break lines at.
    // NOTE: zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are not escaped, because
    // the joiners are part of emoji and of some scripts, so ids that differ only by them
    // still look alike.
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Returns `text` with every character that `isEscaped` selects written as its CEL
    /// escape, except those in `kept`. Other text, backslashes included, is unchanged.
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        // Most text has nothing to escape, so it is returned as it is, without a copy.
        guard text.unicodeScalars.contains(where: { isEscaped($0) && !kept.contains($0) }) else { return text }

        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) && !kept.contains(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Returns the CEL string-literal escape of one character: `\n`, `\r` and `\t` by
    /// name, then `\xHH`, `\uHHHH` or `\UHHHHHHHH` by code point, in lowercase hexadecimal.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: break
        }
        let hex = String(scalar.value, radix: 16)
        switch scalar.value {
        case ..<0x100: return "\\x" + zeroPadded(hex, to: 2)
        case ..<0x10000: return "\\u" + zeroPadded(hex, to: 4)
        default: return "\\U" + zeroPadded(hex, to: 8)
        }
    }

    private static func zeroPadded(_ digits: String, to width: Int) -> String {
        String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
