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
    private let source: Source
    private let limits: ParserLimits
    private var tokens: [Token] = []
    private var index = 0
    private var nextID = 1
    private var depth = 0
    private var diagnostics: [Diagnostic] = []
    private var omittedErrors = 0
    /// The start of the last reported error; a second error at the same place is a cascade.
    private var lastErrorOffset = -1

    public init(source: Source, limits: ParserLimits = ParserLimits()) {
        self.source = source
        self.limits = limits
    }

    /// Parses the whole source as one expression.
    public static func parse(_ source: Source, limits: ParserLimits = ParserLimits()) -> ParsedExpression {
        var parser = Parser(source: source, limits: limits)
        return parser.parseAll()
    }

    private mutating func parseAll() -> ParsedExpression {
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

    private func finish(root: Expr) -> ParsedExpression {
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

    private var current: Token { tokens[index] }

    private func peekKind(_ ahead: Int = 1) -> Token.Kind {
        tokens[min(index + ahead, tokens.count - 1)].kind
    }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isAt(_ punctuation: Punctuation) -> Bool {
        if case .punctuation(let found) = current.kind { return found == punctuation }
        return false
    }

    private mutating func accept(_ punctuation: Punctuation) -> Bool {
        guard isAt(punctuation) else { return false }
        _ = advance()
        return true
    }

    private func isAtIdentifier(_ word: String) -> Bool {
        if case .identifier(let name) = current.kind { return name == word }
        return false
    }

    private mutating func makeID() -> ExprID {
        defer { nextID += 1 }
        return nextID
    }

    private mutating func node(_ kind: ExprKind, _ span: SourceSpan) -> Expr {
        Expr(id: makeID(), span: span, kind: kind)
    }

    // MARK: - Errors

    private mutating func report(_ message: String, at span: SourceSpan) {
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
    private mutating func recover(_ message: String) -> Expr {
        let start = current.span
        report(message, at: start)
        var end = start
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
                case .comma, .colon, .question, .and, .or:
                    if nesting == 0 { break loop }
                default:
                    break
                }
            default:
                break
            }
            end = advance().span
        }
        return node(.invalid, start.union(end))
    }

    /// Consumes the expected token. When a closing bracket is missing, reports it and skips
    /// to that bracket (or the end), so that parsing resumes after the broken part.
    private mutating func expect(_ punctuation: Punctuation, closing opener: Token? = nil) -> Bool {
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
    private mutating func skipPast(_ closer: Punctuation) {
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
    private mutating func enterNesting() -> Bool {
        depth += 1
        if depth > limits.maxDepth {
            report(SyntaxError.tooDeep(limit: limits.maxDepth), at: current.span)
            return false
        }
        return true
    }

    private mutating func leaveNesting() {
        depth -= 1
    }

    // MARK: - Precedence levels

    /// Expr = ConditionalOr ["?" ConditionalOr ":" Expr]
    private mutating func parseExpression() -> Expr {
        guard enterNesting() else { return skipNested() }
        defer { leaveNesting() }

        let condition = parseConditionalOr()
        guard isAt(.question) else { return condition }
        let questionToken = advance()
        let whenTrue = parseConditionalOr()
        guard expect(.colon) else {
            return node(.invalid, condition.span.union(questionToken.span))
        }
        let whenFalse = parseExpression()
        return node(.call(function: Operator.conditional, target: nil, arguments: [condition, whenTrue, whenFalse]),
                    condition.span.union(whenFalse.span))
    }

    /// Skips the rest of a construct nested past the limit, so it is reported once.
    private mutating func skipNested() -> Expr {
        let start = current.span
        var nesting = 0
        while true {
            if case .endOfInput = current.kind { break }
            if case .punctuation(let punctuation) = current.kind {
                switch punctuation {
                case .leftParen, .leftBracket, .leftBrace, .leftBracketQuestion: nesting += 1
                case .rightParen, .rightBracket, .rightBrace:
                    if nesting == 0 { return node(.invalid, start) }
                    nesting -= 1
                default: break
                }
            }
            _ = advance()
        }
        return node(.invalid, start)
    }

    private mutating func parseConditionalOr() -> Expr {
        var left = parseConditionalAnd()
        while isAt(.or) {
            _ = advance()
            let right = parseConditionalAnd()
            left = binary(Operator.logicalOr, left, right)
        }
        return left
    }

    private mutating func parseConditionalAnd() -> Expr {
        var left = parseRelation()
        while isAt(.and) {
            _ = advance()
            let right = parseRelation()
            left = binary(Operator.logicalAnd, left, right)
        }
        return left
    }

    private mutating func parseRelation() -> Expr {
        var left = parseAddition()
        while let function = relationOperator() {
            _ = advance()
            let right = parseAddition()
            left = binary(function, left, right)
        }
        return left
    }

    private func relationOperator() -> String? {
        switch current.kind {
        case .punctuation(.less): return Operator.less
        case .punctuation(.lessEqual): return Operator.lessEquals
        case .punctuation(.greater): return Operator.greater
        case .punctuation(.greaterEqual): return Operator.greaterEquals
        case .punctuation(.equal): return Operator.equals
        case .punctuation(.notEqual): return Operator.notEquals
        case .identifier("in"): return Operator.in
        default: return nil
        }
    }

    private mutating func parseAddition() -> Expr {
        var left = parseMultiplication()
        while true {
            let function: String
            if isAt(.plus) { function = Operator.add } else if isAt(.minus) { function = Operator.subtract } else { return left }
            _ = advance()
            let right = parseMultiplication()
            left = binary(function, left, right)
        }
    }

    private mutating func parseMultiplication() -> Expr {
        var left = parseUnary()
        while true {
            let function: String
            if isAt(.star) {
                function = Operator.multiply
            } else if isAt(.slash) {
                function = Operator.divide
            } else if isAt(.percent) {
                function = Operator.modulo
            } else {
                return left
            }
            _ = advance()
            let right = parseUnary()
            left = binary(function, left, right)
        }
    }

    private mutating func binary(_ function: String, _ left: Expr, _ right: Expr) -> Expr {
        let result = node(.call(function: function, target: nil, arguments: [left, right]), left.span.union(right.span))
        if result.depth > limits.maxDepth {
            report(SyntaxError.tooDeep(limit: limits.maxDepth), at: right.span)
            return node(.invalid, result.span)
        }
        return result
    }

    /// Unary = Member | "!" {"!"} Member | "-" {"-"} Member
    private mutating func parseUnary() -> Expr {
        guard isAt(.bang) || isAt(.minus) else { return parseMember() }
        guard enterNesting() else { return skipNested() }
        defer { leaveNesting() }

        let operatorToken = advance()
        let isNegation = operatorToken.kind == .punctuation(.minus)
        // A minus directly before a number is part of the literal, so that the smallest
        // int, -9223372036854775808, can be written.
        if isNegation, let literal = negativeNumberLiteral(minus: operatorToken) {
            return parseMemberSuffixes(literal)
        }
        let operand = parseUnary()
        let function = isNegation ? Operator.negate : Operator.logicalNot
        return node(.call(function: function, target: nil, arguments: [operand]), operatorToken.span.union(operand.span))
    }

    private mutating func negativeNumberLiteral(minus: Token) -> Expr? {
        let span = minus.span.union(current.span)
        switch current.kind {
        case .intLiteral(let digits, let radix):
            _ = advance()
            guard let value = Int64("-" + digits, radix: radix) else {
                report(SyntaxError.intOutOfRange("-" + (radix == 16 ? "0x" : "") + digits), at: span)
                return node(.invalid, span)
            }
            return node(.literal(.int(value)), span)
        case .doubleLiteral(let text):
            _ = advance()
            return node(.literal(.double(-(Double(text) ?? .nan))), span)
        default:
            return nil
        }
    }

    // MARK: - Member access

    private mutating func parseMember() -> Expr {
        parseMemberSuffixes(parsePrimary())
    }

    /// Member = Primary | Member "." IDENT ["(" args ")"] | Member "[" Expr "]" | Member "{" fields "}"
    private mutating func parseMemberSuffixes(_ primary: Expr) -> Expr {
        var expr = primary
        while true {
            if expr.depth >= limits.maxDepth {
                if isAt(.dot) || isAt(.leftBracket) {
                    report(SyntaxError.tooDeep(limit: limits.maxDepth), at: current.span)
                    return skipMemberChain(expr)
                }
                return expr
            }
            if isAt(.dot) {
                _ = advance()
                expr = parseSelectOrMethod(on: expr)
            } else if isAt(.leftBracket) {
                let open = advance()
                let key = parseExpression()
                let closed = expect(.rightBracket, closing: open)
                let end = closed ? tokens[index - 1].span : key.span
                expr = node(.call(function: Operator.index, target: nil, arguments: [expr, key]), expr.span.union(end))
                if !closed { return expr }
            } else if isAt(.dotQuestion) || isAt(.leftBracketQuestion) {
                return recover(SyntaxError.optionalSyntax)
            } else if isAt(.leftBrace), let typeName = qualifiedName(expr) {
                expr = parseMessage(typeName: typeName, start: expr.span)
            } else {
                return expr
            }
        }
    }

    private mutating func skipMemberChain(_ expr: Expr) -> Expr {
        while isAt(.dot) || isAt(.leftBracket) || isAt(.leftParen) {
            if isAt(.dot) {
                _ = advance()
                _ = advance()
            } else {
                _ = advance()
                _ = skipNested()
                _ = advance()
            }
        }
        return node(.invalid, expr.span)
    }

    private mutating func parseSelectOrMethod(on operand: Expr) -> Expr {
        let nameToken = current
        let name: String
        switch nameToken.kind {
        case .identifier(let word):
            // Reserved words may name fields and methods after a dot.
            name = word
        case .quotedIdentifier(let word):
            name = word
        default:
            return recover(SyntaxError.unexpected(nameToken, expecting: "a field or method name after '.'"))
        }
        _ = advance()
        if isAt(.leftParen), case .identifier = nameToken.kind {
            let open = advance()
            let (arguments, end) = parseArguments(open: open)
            let span = operand.span.union(end)
            return makeCall(function: name, target: operand, arguments: arguments, span: span, nameSpan: nameToken.span)
        }
        return node(.select(operand: operand, field: name, testOnly: false), operand.span.union(nameToken.span))
    }

    /// The dotted name an expression spells, such as `a.b.C` for a message type.
    private func qualifiedName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .identifier(let name):
            return name
        case .select(let operand, let field, false):
            return qualifiedName(operand).map { $0 + "." + field }
        default:
            return nil
        }
    }

    private mutating func parseMessage(typeName: String, start: SourceSpan) -> Expr {
        let open = advance()
        var fields: [MessageField] = []
        while !isAt(.rightBrace) {
            if case .endOfInput = current.kind { break }
            let nameToken = current
            guard case .identifier(let name) = nameToken.kind else {
                _ = recover(SyntaxError.unexpected(nameToken, expecting: "a field name"))
                if !accept(.comma) { break }
                continue
            }
            _ = advance()
            _ = expect(.colon)
            fields.append(MessageField(name: name, value: parseExpression()))
            if !accept(.comma) { break }
        }
        let end = current.span
        _ = expect(.rightBrace, closing: open)
        return node(.message(typeName: typeName, fields: fields), start.union(end))
    }

    // MARK: - Primary expressions

    private mutating func parsePrimary() -> Expr {
        let token = current
        switch token.kind {
        case .identifier(let name):
            return parseIdentifierOrCall(name, token)
        case .quotedIdentifier:
            return recover(SyntaxError.quotedIdentifierAtStart)
        case .punctuation(.dot):
            // A leading dot names the root scope: `.a.b` is `a.b`.
            _ = advance()
            guard case .identifier(let name) = current.kind, !reservedWords.contains(name) else {
                return recover(SyntaxError.unexpected(current, expecting: "a name after '.'"))
            }
            let nameToken = advance()
            return finishIdentifier(name, nameToken, start: token.span)
        case .punctuation(.leftParen):
            _ = advance()
            let inner = parseExpression()
            _ = expect(.rightParen, closing: token)
            return inner
        case .punctuation(.leftBracket):
            return parseList()
        case .punctuation(.leftBrace):
            return parseMap()
        case .intLiteral(let digits, let radix):
            _ = advance()
            guard let value = Int64(digits, radix: radix) else {
                report(SyntaxError.intOutOfRange((radix == 16 ? "0x" : "") + digits), at: token.span)
                return node(.invalid, token.span)
            }
            return node(.literal(.int(value)), token.span)
        case .uintLiteral(let digits, let radix):
            _ = advance()
            guard let value = UInt64(digits, radix: radix) else {
                report(SyntaxError.uintOutOfRange((radix == 16 ? "0x" : "") + digits + "u"), at: token.span)
                return node(.invalid, token.span)
            }
            return node(.literal(.uint(value)), token.span)
        case .doubleLiteral(let text):
            _ = advance()
            return node(.literal(.double(Double(text) ?? .nan)), token.span)
        case .stringLiteral(let text):
            _ = advance()
            return node(.literal(.string(text)), token.span)
        case .bytesLiteral(let bytes):
            _ = advance()
            return node(.literal(.bytes(bytes)), token.span)
        case .invalid(let message):
            _ = advance()
            report(message, at: token.span)
            return node(.invalid, token.span)
        case .endOfInput:
            report(SyntaxError.unexpectedEnd, at: token.span)
            return node(.invalid, token.span)
        case .punctuation:
            return recover(SyntaxError.unexpected(token, expecting: "an expression"))
        }
    }

    private mutating func parseIdentifierOrCall(_ name: String, _ token: Token) -> Expr {
        switch name {
        case "true", "false":
            _ = advance()
            return node(.literal(.bool(name == "true")), token.span)
        case "null":
            _ = advance()
            return node(.literal(.null), token.span)
        default:
            break
        }
        if reservedWords.contains(name) {
            _ = advance()
            report(SyntaxError.reservedWord(name), at: token.span)
            return node(.invalid, token.span)
        }
        _ = advance()
        return finishIdentifier(name, token, start: token.span)
    }

    private mutating func finishIdentifier(_ name: String, _ token: Token, start: SourceSpan) -> Expr {
        guard isAt(.leftParen) else {
            return node(.identifier(name), start.union(token.span))
        }
        let open = advance()
        let (arguments, end) = parseArguments(open: open)
        return makeCall(function: name, target: nil, arguments: arguments, span: start.union(end), nameSpan: token.span)
    }

    /// Parses call arguments after '(' and returns them with the span of the ')' token.
    private mutating func parseArguments(open: Token) -> ([Expr], SourceSpan) {
        var arguments: [Expr] = []
        if !isAt(.rightParen) {
            repeat {
                arguments.append(parseExpression())
            } while accept(.comma)
        }
        let end = current.span
        _ = expect(.rightParen, closing: open)
        return (arguments, end)
    }

    private mutating func parseList() -> Expr {
        let open = advance()
        var elements: [Expr] = []
        while !isAt(.rightBracket) {
            if case .endOfInput = current.kind { break }
            if isAt(.question) {
                return recover(SyntaxError.optionalSyntax)
            }
            elements.append(parseExpression())
            if !accept(.comma) { break }
        }
        let end = current.span
        _ = expect(.rightBracket, closing: open)
        return node(.list(elements: elements), open.span.union(end))
    }

    private mutating func parseMap() -> Expr {
        let open = advance()
        var entries: [MapEntry] = []
        while !isAt(.rightBrace) {
            if case .endOfInput = current.kind { break }
            if isAt(.question) {
                return recover(SyntaxError.optionalSyntax)
            }
            let key = parseExpression()
            if !expect(.colon) {
                _ = recover(SyntaxError.unexpected(current, expecting: "':'"))
            }
            let value = parseExpression()
            entries.append(MapEntry(key: key, value: value))
            if !accept(.comma) { break }
        }
        let end = current.span
        _ = expect(.rightBrace, closing: open)
        return node(.map(entries: entries), open.span.union(end))
    }

    // MARK: - Macros

    /// Builds a call, or the macro it spells: `has(a.b)`, `e.all(x, p)`, `e.exists(x, p)`,
    /// `e.exists_one(x, p)`, `e.map(x, t)`, `e.map(x, p, t)` and `e.filter(x, p)`.
    private mutating func makeCall(function: String, target: Expr?, arguments: [Expr], span: SourceSpan, nameSpan: SourceSpan) -> Expr {
        if target == nil, function == "has", arguments.count == 1 {
            guard case .select(let operand, let field, false) = arguments[0].kind else {
                report(SyntaxError.invalidHasArgument, at: arguments[0].span)
                return node(.invalid, span)
            }
            return node(.select(operand: operand, field: field, testOnly: true), span)
        }
        if function == "bind", arguments.count == 3, case .identifier("cel")? = target?.kind {
            guard case .identifier(let variable) = arguments[0].kind else {
                report(SyntaxError.macroVariable("cel.bind"), at: arguments[0].span)
                return node(.invalid, span)
            }
            let binding = Comprehension(kind: .bind, variable: variable, variableSpan: arguments[0].span, secondVariable: nil,
                                        range: arguments[1], body: arguments[2], filter: nil)
            return node(.comprehension(binding), span)
        }
        if let target, let kind = Parser.macroKind(function, argumentCount: arguments.count) {
            let usesTwoVariables = Parser.takesTwoVariables(kind, argumentCount: arguments.count)
            let variableCount = usesTwoVariables ? 2 : 1
            var variables: [String] = []
            for argument in arguments.prefix(variableCount) {
                guard case .identifier(let variable) = argument.kind else {
                    report(SyntaxError.macroVariable(function), at: argument.span)
                    return node(.invalid, span)
                }
                variables.append(variable)
            }
            let rest = Array(arguments.dropFirst(variableCount))
            let hasFilter = rest.count == 2
            let comprehension = Comprehension(
                kind: kind, variable: variables[0], variableSpan: arguments[0].span,
                secondVariable: usesTwoVariables ? variables[1] : nil, range: target,
                body: rest[hasFilter ? 1 : 0], filter: hasFilter ? rest[0] : nil)
            return node(.comprehension(comprehension), span)
        }
        return node(.call(function: function, target: target, arguments: arguments), span)
    }

    private static func macroKind(_ function: String, argumentCount: Int) -> Comprehension.Kind? {
        switch (function, argumentCount) {
        case ("all", 2), ("all", 3): return .all
        case ("exists", 2), ("exists", 3): return .exists
        case ("exists_one", 2), ("exists_one", 3), ("existsOne", 2), ("existsOne", 3): return .existsOne
        case ("map", 2), ("map", 3): return .map
        case ("filter", 2): return .filter
        case ("transformList", 3), ("transformList", 4): return .transformList
        case ("transformMap", 3), ("transformMap", 4): return .transformMap
        default: return nil
        }
    }

    /// Whether a macro call binds an index or key and a value: the three-argument forms of
    /// `all`, `exists` and `exists_one`, and every form of `transformList` and `transformMap`.
    /// (Three-argument `map` is the filtered form with one variable.)
    private static func takesTwoVariables(_ kind: Comprehension.Kind, argumentCount: Int) -> Bool {
        switch kind {
        case .transformList, .transformMap: return true
        case .all, .exists, .existsOne: return argumentCount == 3
        case .map, .filter, .bind: return false
        }
    }
}
