/// Limits that keep parsing and evaluation of hostile input bounded.
public struct ParserLimits: Sendable {
    /// The deepest nesting accepted, counted in syntax-tree levels. CEL implementations
    /// commonly accept 250.
    public var maxDepth: Int = 250
    /// The longest expression accepted, in UTF-8 bytes.
    public var maxLength: Int = 100_000
    /// How many syntax errors one expression may report before the rest are counted only.
    public var maxErrors: Int = 10

    public init() {}
}

/// A recursive-descent parser for CEL, with one function per precedence level.
///
/// After an error it records a diagnostic, returns an `invalid` node and skips to a
/// token that can continue the enclosing construct, so one mistake gives one message.
public struct Parser {
    let source: Source
    let limits: ParserLimits
    var tokens: [Token] = []
    var index = 0
    var nextID = 1
    var depth = 0
    var diagnostics: [Diagnostic] = []
    var omittedErrors = 0
    /// The start of the last reported error; a second error at the same place is a cascade.
    var lastErrorOffset = -1

    public init(source: Source, limits: ParserLimits = ParserLimits()) {
        self.source = source
        self.limits = limits
    }

    /// Parses the whole source as one expression.
    public static func parse(_ source: Source, limits: ParserLimits = ParserLimits()) -> ParsedExpression {
        var parser = Parser(source: source, limits: limits)
        return parser.parseAll()
    }

    mutating func parseAll() -> ParsedExpression {
        if source.utf8.count > limits.maxLength {
            let span = SourceSpan(start: 0, end: 0)
            report(SyntaxError.tooLong(limit: limits.maxLength), at: span)
            return finish(root: Expr(id: makeID(), span: span, kind: .invalid))
        }
        tokens = Lexer.tokenize(source.utf8)
        var root = parseExpression()
        if case .endOfInput = current.kind {} else {
            report(SyntaxError.unexpected(current, expecting: "end of expression"), at: current.span)
            root = Expr(id: makeID(), span: root.span.union(current.span), kind: .invalid)
        }
        if root.depth > limits.maxDepth, diagnostics.isEmpty {
            report(SyntaxError.tooDeep(limit: limits.maxDepth), at: root.span)
        }
        return finish(root: root)
    }

    func finish(root: Expr) -> ParsedExpression {
        var all = diagnostics
        if omittedErrors > 0 {
            all.append(Diagnostic(
                id: "syntax-error",
                message: "\(omittedErrors) more syntax error\(omittedErrors == 1 ? "" : "s") not shown",
                span: all.last?.span ?? .none, source: source))
        }
        return ParsedExpression(source: source, root: root, diagnostics: all, maxID: nextID - 1)
    }

    // MARK: - Tokens

    var current: Token { tokens[index] }

    func peekKind(_ ahead: Int = 1) -> Token.Kind {
        tokens[min(index + ahead, tokens.count - 1)].kind
    }

    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func isAt(_ punctuation: Punctuation) -> Bool {
        if case .punctuation(let found) = current.kind { return found == punctuation }
        return false
    }

    mutating func accept(_ punctuation: Punctuation) -> Bool {
        guard isAt(punctuation) else { return false }
        _ = advance()
        return true
    }

    func isAtIdentifier(_ word: String) -> Bool {
        if case .identifier(let name) = current.kind { return name == word }
        return false
    }

    mutating func makeID() -> ExprID {
        defer { nextID += 1 }
        return nextID
    }

    mutating func node(_ kind: ExprKind, _ span: SourceSpan) -> Expr {
        Expr(id: makeID(), span: span, kind: kind)
    }

    // MARK: - Errors

    mutating func report(_ message: String, at span: SourceSpan) {
        guard span.start != lastErrorOffset else { return }
        lastErrorOffset = span.start
        if diagnostics.count >= limits.maxErrors {
            omittedErrors += 1
            return
        }
        diagnostics.append(Diagnostic(id: "syntax-error", message: message, span: span, source: source))
    }

    /// Reports an error at the current token, skips to a token where parsing can resume,
    /// and returns a placeholder node covering the skipped text.
    mutating func recover(_ message: String) -> Expr {
        let start = current.span
        report(message, at: start)
        let end = skipToResumePoint(stoppingAt: [.comma, .colon, .question, .and, .or]) ?? start
        return node(.invalid, start.union(end))
    }

    /// Skips tokens up to the closing bracket of the enclosing construct, or up to one of
    /// `separators` outside brackets, and returns the span of the last token skipped.
    mutating func skipToResumePoint(stoppingAt separators: Set<Punctuation>) -> SourceSpan? {
        var end: SourceSpan?
        var nesting = 0
        loop: while true {
            switch current.kind {
            case .endOfInput:
                break loop
            case .punctuation(let punctuation):
                switch punctuation {
                case .leftParen, .leftBracket, .leftBrace, .leftBracketQuestion:
                    nesting += 1
                case .rightParen, .rightBracket, .rightBrace:
                    if nesting == 0 { break loop }
                    nesting -= 1
                default:
                    if nesting == 0, separators.contains(punctuation) { break loop }
                }
            default:
                break
            }
            end = advance().span
        }
        return end
    }

    /// Consumes the expected token. When a closing bracket is missing, reports it and skips
    /// to that bracket (or the end), so that parsing resumes after the broken part.
    mutating func expect(_ punctuation: Punctuation, closing opener: Token? = nil) -> Bool {
        if accept(punctuation) { return true }
        var message = SyntaxError.unexpected(current, expecting: "'\(punctuation.rawValue)'")
        if let opener {
            let location = source.location(of: opener.span.start)
            message += " to close '\(SyntaxError.spelling(opener))' at \(location.line):\(location.column)"
        }
        report(message, at: current.span)
        if opener != nil { skipPast(punctuation) }
        return false
    }

    /// Skips tokens up to and including `closer` at the current nesting level.
    mutating func skipPast(_ closer: Punctuation) {
        var nesting = 0
        while true {
            switch current.kind {
            case .endOfInput:
                return
            case .punctuation(let punctuation):
                switch punctuation {
                case .leftParen, .leftBracket, .leftBrace, .leftBracketQuestion:
                    nesting += 1
                case .rightParen, .rightBracket, .rightBrace:
                    if nesting == 0 {
                        if punctuation == closer { _ = advance() }
                        return
                    }
                    nesting -= 1
                default:
                    break
                }
            default:
                break
            }
            _ = advance()
        }
    }

    /// Guards recursion so that deeply nested input gives an error, not a stack overflow.
    mutating func enterNesting() -> Bool {
        depth += 1
        if depth > limits.maxDepth {
            report(SyntaxError.tooDeep(limit: limits.maxDepth), at: current.span)
            return false
        }
        return true
    }

    mutating func leaveNesting() {
        depth -= 1
    }
}
