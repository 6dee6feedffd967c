import VerdictLanguage

/// Text from inventories and policies made safe to print on a terminal.
///
/// Resource names, ids, regions and error messages come from the inventory, so they may
/// contain characters that a terminal acts on instead of showing. A carriage return
/// overwrites the start of the line, an escape sequence moves the cursor or sets the
/// window title, and a bidirectional control reorders what follows. Every such
/// character is shown as the CEL escape that `ControlCharacters` writes: `\t`, `\n`,
/// `\r`, `\x1b`, `\u202e`.
public enum TerminalText {
    /// Returns `text` with the characters that `ControlCharacters.isEscaped` selects
    /// escaped. Other text, backslashes included, is unchanged.
    public static func escaped(_ text: String) -> String {
        ControlCharacters.escaped(text)
    }
}
