/// The position of a string literal's text in the source, so that a diagnostic about part
/// of the string (a regular expression, a field path) can point inside it.
enum StringLiteralBody {
    /// Returns the source offset of the first character of the literal's body when the
    /// body is `value` verbatim, or nil when escapes make their offsets differ.
    static func start(of literal: Expr, value: String, source: Source) -> Int? {
        let text = Array(source.snippet(literal.span).utf8)
        let prefixLength = text.prefix { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") }.count
        guard prefixLength < text.count else { return nil }
        let quote = text[prefixLength]
        let isTriple = text.count >= prefixLength + 6 && text[prefixLength + 1] == quote && text[prefixLength + 2] == quote
        let quoteLength = isTriple ? 3 : 1
        guard text.count >= prefixLength + 2 * quoteLength else { return nil }
        let body = text[(prefixLength + quoteLength)..<(text.count - quoteLength)]
        guard body.elementsEqual(value.utf8) else { return nil }
        return literal.span.start + prefixLength + quoteLength
    }
}
