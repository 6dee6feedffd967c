/// The messages of the regular-expression parser and compiler, kept in one place so
/// they read in one voice.
enum RegexErrorMessages {
    /// The reason shared by every feature that RE2 syntax leaves out on purpose.
    static let linearTimeReason = "RE2 syntax matches in linear time"

    static func unsupported(_ feature: String, _ spelling: String, lacks: String) -> String {
        "\(feature) '\(spelling)' is not supported: \(linearTimeReason) and has no \(lacks)"
    }

    // MARK: Groups

    static let missingClosingParenthesis =
        "missing ')': the group that opens here is never closed; add ')' or write '\\(' for a literal '('"
    static let unmatchedClosingParenthesis =
        "unmatched ')': no group is open here; remove it or write '\\)' for a literal ')'"
    static let missingGroupNameEnd = "missing '>' after the group name, as in (?P<name>...)"
    static let emptyGroupName = "empty group name; write a name of letters, digits and '_', as in (?P<name>...)"

    static func invalidGroupName(_ name: String) -> String {
        "invalid group name '\(name)': a name contains only ASCII letters, digits and '_'"
    }

    static func duplicateGroupName(_ name: String) -> String {
        "duplicate group name '\(name)': each named group needs its own name"
    }

    static let commentGroup = "comment group '(?#' is not supported: RE2 syntax has no comments; remove it"

    static func unknownGroupSyntax(_ text: String) -> String {
        "invalid group syntax '\(text)'; write (...), (?:...), (?P<name>...), (?<name>...) or flags such as (?i)"
    }

    static func tooDeep(limit: Int) -> String {
        "groups are nested more than \(limit) levels deep; simplify the pattern"
    }

    // MARK: Flags

    static let danglingFlagNegation = "missing flag after '-'; write a flag to turn off, as in (?-i)"
    static let repeatedFlagNegation = "a flag group can contain '-' only once, as in (?i-s)"

    static func unknownFlag(_ flag: String) -> String {
        "unknown flag '\(flag)'; the flags are i (case-insensitive), m (multi-line), s (dot matches newline) and U (ungreedy)"
    }

    // MARK: Repetition

    static func missingRepetitionOperand(_ operatorText: String) -> String {
        "missing operand for repetition operator '\(operatorText)'; write '\\\(operatorText.prefix(1))' to match it literally"
    }

    static func nestedRepetition(_ operatorText: String) -> String {
        "repetition operator '\(operatorText)' cannot follow another repetition; wrap the first one in a group, as in (?:a*)\(operatorText)"
    }

    static func possessiveRepetition(_ operatorText: String) -> String {
        unsupported("possessive repetition", operatorText, lacks: "possessive repetitions")
            + "; drop the trailing '+'"
    }

    static func repetitionCountTooLarge(_ operatorText: String, maximum: Int) -> String {
        "repetition count in '\(operatorText)' is larger than the maximum of \(maximum)"
    }

    static func invertedRepetitionRange(_ text: String) -> String {
        "invalid repetition '\(text)': the minimum is larger than the maximum"
    }

    static func programTooLarge(limit: Int) -> String {
        "pattern is too large: it compiles to more than \(limit) instructions; lower the repetition counts"
    }

    // MARK: Escapes

    static let trailingBackslash = "trailing '\\' at the end of the pattern; write '\\\\' to match a backslash"
    static let missingHexDigits = "missing hexadecimal digits after '\\x'; write '\\x41' or '\\x{1F600}'"
    static let missingHexBrace = "missing '}' after '\\x{'; write '\\x{1F600}'"

    static func invalidEscape(_ text: String) -> String {
        "invalid escape sequence '\(text)'; escape only punctuation, or see the RE2 syntax for the supported escapes"
    }

    static func invalidCodePoint(_ text: String) -> String {
        "invalid code point in '\(text)': the largest code point is 10FFFF"
    }

    static func invalidHexDigit(_ text: String) -> String {
        "invalid hexadecimal escape '\(text)'; write hexadecimal digits, as in '\\x{1F600}'"
    }

    static func backReference(_ text: String) -> String {
        unsupported("back-reference", text, lacks: "back-references")
    }

    static let unicodeEscape = "invalid escape sequence '\\u'; write '\\x{263A}' for a code point"
    static let endOfTextEscape = "invalid escape sequence '\\Z'; write '\\z' for the end of the text, or '$'"
    static let anyByteEscape =
        "'\\C' (any single byte) is not supported: it can split a UTF-8 sequence; write '.' to match one character"

    // MARK: Character classes

    static let missingClosingBracket =
        "missing ']': the character class that opens here is never closed; add ']' or write '\\[' for a literal '['"

    static func invertedClassRange(_ text: String) -> String {
        "invalid range '\(text)' in a character class: the start is larger than the end"
    }

    static func classRangeEndpoint(_ text: String) -> String {
        "invalid range endpoint '\(text)' in a character class: a range goes from one character to another, as in a-z"
    }

    static func escapeInClass(_ text: String) -> String {
        "escape sequence '\(text)' is not allowed in a character class"
    }

    static let backspaceInClass =
        "escape sequence '\\b' is not allowed in a character class; write '\\x08' for a backspace"

    static func unknownPOSIXClass(_ text: String) -> String {
        "unknown POSIX class '\(text)'; the classes are alnum, alpha, ascii, blank, cntrl, digit, graph, lower, print, punct, space, upper, word and xdigit"
    }

    static let missingUnicodeClassName = "missing Unicode class name after '\\p'; write \\pL or \\p{Greek}"
    static let missingUnicodeClassBrace = "missing '}' after the Unicode class name, as in \\p{Greek}"

    static func unknownUnicodeClass(_ name: String) -> String {
        "unknown Unicode class '\(name)'; write a general category such as L, Lu or Nd, Any, or one of the scripts \(UnicodeScripts.names.joined(separator: ", "))"
    }
}
