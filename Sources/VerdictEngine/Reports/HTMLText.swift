import VerdictLanguage

/// Text written into the HTML report. Ids, names, regions, paths and messages come from
/// the inventory, so besides markup they may contain characters that change what a
/// browser shows: a right-to-left override makes `key-\u{202E}yek-dorp` read as
/// `key-prod-key`. Those characters are shown as the escapes the text report uses.
enum HTMLText {
    /// Returns `text` for an element or a quoted attribute: the characters that
    /// `ControlCharacters` selects written as escapes, and `&`, `<`, `>`, `"` and `'` as
    /// character references.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in ControlCharacters.escaped(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Returns `text` escaped and inside `<bdi>`, so that right-to-left letters in it are
    /// laid out on their own and cannot reorder the text beside it in the same cell.
    static func isolated(_ text: String) -> String {
        "<bdi>" + escaped(text) + "</bdi>"
    }
}
