/// Member access, calls and primary expressions: field selection, indexing, method and
/// function calls, message construction, identifiers, literals, lists and maps.
extension Parser {
    mutating func parseMember() -> Expr {
        parseMemberSuffixes(parsePrimary())
    }

    /// Member = Primary | Member "." IDENT ["(" args ")"] | Member "[" Expr "]" | Member "{" fields "}"
    mutating func parseMemberSuffixes(_ primary: Expr) -> Expr {
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
                return recover(optionalMemberMessage(operand: expr))
            } else if isAt(.leftBrace), let typeName = qualifiedName(expr) {
                expr = parseMessage(typeName: typeName, start: expr.span)
            } else {
                return expr
            }
        }
    }

    mutating func skipMemberChain(_ expr: Expr) -> Expr {
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

    mutating func parseSelectOrMethod(on operand: Expr) -> Expr {
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
    func qualifiedName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .identifier(let name):
            return name
        case .select(let operand, let field, false):
            return qualifiedName(operand).map { $0 + "." + field }
        default:
            return nil
        }
    }

    mutating func parseMessage(typeName: String, start: SourceSpan) -> Expr {
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

    mutating func parsePrimary() -> Expr {
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

    mutating func parseIdentifierOrCall(_ name: String, _ token: Token) -> Expr {
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

    mutating func finishIdentifier(_ name: String, _ token: Token, start: SourceSpan) -> Expr {
        guard isAt(.leftParen) else {
            return node(.identifier(name), start.union(token.span))
        }
        let open = advance()
        let (arguments, end) = parseArguments(open: open)
        return makeCall(function: name, target: nil, arguments: arguments, span: start.union(end), nameSpan: token.span)
    }

    /// Parses call arguments after '(' and returns them with the span of the ')' token.
    mutating func parseArguments(open: Token) -> ([Expr], SourceSpan) {
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

    mutating func parseList() -> Expr {
        let open = advance()
        var elements: [Expr] = []
        while !isAt(.rightBracket) {
            if case .endOfInput = current.kind { break }
            if isAt(.question) {
                return recover(SyntaxError.optionalEntry)
            }
            elements.append(parseExpression())
            if !accept(.comma) { break }
        }
        let end = current.span
        _ = expect(.rightBracket, closing: open)
        return node(.list(elements: elements), open.span.union(end))
    }

    mutating func parseMap() -> Expr {
        let open = advance()
        var entries: [MapEntry] = []
        while !isAt(.rightBrace) {
            if case .endOfInput = current.kind { break }
            if isAt(.question) {
                return recover(SyntaxError.optionalEntry)
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
}
