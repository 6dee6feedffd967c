/// The check that compiles the pattern of a `matches` call while type checking, when the
/// pattern is a string literal. Without it, a pattern that the regex engine rejects fails
/// every evaluation of the call, and the rule gives ERROR for every resource.
enum ConstantPatternCheck {
    static let diagnosticID = "invalid-regex"

    /// Returns the `invalid-regex` diagnostic for a call with a literal pattern that does
    /// not compile, or nil. `arguments` includes the receiver of a method call, so the
    /// pattern is the second argument in both `s.matches(p)` and `matches(s, p)`.
    static func diagnostic(function: String, arguments: [Expr], source: Source) -> Diagnostic? {
        guard function == "matches", arguments.count == 2,
              case .literal(.string(let pattern)) = arguments[1].kind else { return nil }
        do throws(RegexSyntaxError) {
            _ = try RegularExpression(pattern)
            return nil
        } catch {
            return Diagnostic(id: diagnosticID,
                              message: "invalid regular expression \(ValueFormatter.quoted(pattern)): \(error.message)",
                              span: span(of: error, in: arguments[1], pattern: pattern, source: source), source: source)
        }
    }

    /// Returns the span from the error to the end of the pattern when the literal's text
    /// is the pattern verbatim, and the whole literal when escapes make the offsets of
    /// pattern and text differ.
    private static func span(of error: RegexSyntaxError, in literal: Expr, pattern: String, source: Source) -> SourceSpan {
        guard let bodyStart = StringLiteralBody.start(of: literal, value: pattern, source: source) else { return literal.span }
        let length = pattern.utf8.count
        return SourceSpan(start: bodyStart + min(error.offset, length), end: bodyStart + length)
    }
}
