/// Optional selection and indexing, which the language does not support: CEL's own `a.?b`
/// and `a[?k]`, and `a?.b` and `a?[k]` as other languages write them. The parser
/// recognises them only to say what to write instead.
extension Parser {
    /// Returns the message for `operand?.field` or `operand?[key]` when the token at
    /// `questionIndex` is a `?` written directly before a `.` or `[`, or nil otherwise.
    ///
    /// Such a `?` is first read as the start of a conditional, so this is asked only once
    /// the conditional's ':' turns out to be missing: `c ?.x : y` and `c ?[1] : []` are
    /// valid conditionals.
    func optionalAccessMessage(atQuestion questionIndex: Int, operand: Expr) -> String? {
        guard questionIndex + 1 < tokens.count, tokens[questionIndex].kind == .punctuation(.question) else { return nil }
        let question = tokens[questionIndex]
        let next = tokens[questionIndex + 1]
        guard next.span.start == question.span.end else { return nil }
        switch next.kind {
        case .punctuation(.dot):
            return SyntaxError.optionalSelection("?.", operand: operandText(operand), field: fieldName(at: questionIndex + 2))
        case .punctuation(.leftBracket):
            return SyntaxError.optionalIndex("?[", operand: operandText(operand), key: keyText(at: questionIndex + 2))
        default:
            return nil
        }
    }

    /// Returns the message for CEL's `operand.?field` or `operand[?key]` at the current
    /// token.
    func optionalMemberMessage(operand: Expr) -> String {
        if isAt(.dotQuestion) {
            return SyntaxError.optionalSelection(".?", operand: operandText(operand), field: fieldName(at: index + 1))
        }
        return SyntaxError.optionalIndex("[?", operand: operandText(operand), key: keyText(at: index + 1))
    }

    /// Reports an optional access at `span`, and skips the rest of the enclosing argument,
    /// element or parenthesised expression, so that the broken conditional gives no
    /// second error.
    mutating func rejectOptionalAccess(_ message: String, at span: SourceSpan, start: SourceSpan) -> Expr {
        report(message, at: span)
        let end = skipToResumePoint(stoppingAt: [.comma]) ?? span
        return node(.invalid, start.union(end))
    }

    /// Returns the operand's source text for the suggestion when it is one short line, and
    /// a placeholder otherwise.
    private func operandText(_ operand: Expr) -> String {
        if case .invalid = operand.kind { return "x" }
        let text = source.snippet(operand.span)
        return text.isEmpty || text.utf8.count > 60 || text.contains(where: \.isNewline) ? "x" : text
    }

    private func fieldName(at tokenIndex: Int) -> String? {
        guard tokenIndex < tokens.count else { return nil }
        switch tokens[tokenIndex].kind {
        case .identifier(let name): return name
        case .quotedIdentifier(let name): return "`\(name)`"
        default: return nil
        }
    }

    /// Returns the text of a key that is one token followed by ']', such as `"k"` or `0`.
    private func keyText(at tokenIndex: Int) -> String? {
        guard tokenIndex + 1 < tokens.count, tokens[tokenIndex + 1].kind == .punctuation(.rightBracket) else { return nil }
        switch tokens[tokenIndex].kind {
        case .identifier, .intLiteral, .stringLiteral:
            return source.snippet(tokens[tokenIndex].span)
        default:
            return nil
        }
    }
}
