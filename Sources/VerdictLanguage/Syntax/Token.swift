/// One lexical element of an expression.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        /// A backtick-quoted field name such as `` `content-type` ``.
        case quotedIdentifier(String)
        /// Digits of a decimal or hexadecimal integer, kept as text so that the parser can
        /// fold a preceding minus before checking the range.
        case intLiteral(digits: String, radix: Int)
        case uintLiteral(digits: String, radix: Int)
        case doubleLiteral(String)
        case stringLiteral(String)
        case bytesLiteral([UInt8])
        case punctuation(Punctuation)
        /// A token the lexer could not read; the message says why.
        case invalid(String)
        case endOfInput
    }

    var kind: Kind
    var span: SourceSpan
}

/// Operators and delimiters, spelled as in the source.
enum Punctuation: String, Sendable {
    case leftParen = "(", rightParen = ")"
    case leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case dot = ".", comma = ",", colon = ":", question = "?"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case bang = "!"
    case equal = "==", notEqual = "!="
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "&&", or = "||"
    /// Optional selection and indexing (`a.?b`, `a[?b]`), recognized only to reject them clearly.
    case dotQuestion = ".?", leftBracketQuestion = "[?"
}

/// Words that cannot name a variable or function. `true`, `false`, `null` and `in` are
/// part of the syntax; the rest are set aside so that CEL can be embedded in languages
/// where they are keywords. They may still follow a dot as a field or method name.
let reservedWords: Set<String> = [
    "true", "false", "null", "in",
    "as", "break", "const", "continue", "else", "for", "function", "if", "import",
    "let", "loop", "package", "namespace", "return", "var", "void", "while",
]
