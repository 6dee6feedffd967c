/// Text from inventories and policies made safe to print on a terminal.
///
/// Resource names, ids, regions and error messages come from the inventory, so they may
/// contain characters that a terminal acts on instead of showing. A carriage return
/// overwrites the start of the line, an escape sequence moves the cursor or sets the
/// window title, and a bidirectional control reorders what follows. Every such
/// character is shown as an escape instead: `\t`, `\n` and `\r`, and `\u{XX}` for the
/// others.
public enum TerminalText {
    /// Returns `text` with C0 controls (U+0000–U+001F), DEL, C1 controls
    /// (U+0080–U+009F) and the bidirectional controls (U+200E, U+200F, U+202A–U+202E,
    /// U+2066–U+2069) escaped. Other text, backslashes included, is unchanged.
    public static func escaped(_ text: String) -> String {
        // Most text has nothing to escape; returning it as it is avoids a copy.
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }

        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
