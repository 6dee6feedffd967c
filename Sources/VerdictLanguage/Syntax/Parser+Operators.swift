/// The precedence levels of CEL, from the conditional down to unary operators; each
/// level parses the next tighter one for its operands.
extension Parser {
    /// Expr = ConditionalOr ["?" ConditionalOr ":" Expr]
    mutating func parseExpression() -> Expr {
        guard enterNesting() else { return skipNested() }
        defer { leaveNesting() }

        let condition = parseConditionalOr()
        guard isAt(.question) else { return condition }
        let questionIndex = index
        let questionToken = advance()
        let whenTrue = parseConditionalOr()

        // Without its ':', a '?' directly before '.' or '[' is an optional access such as
        // config.m?.k: in the branch just parsed, or this '?' itself.
        if !isAt(.colon) {
            if let message = optionalAccessMessage(atQuestion: index, operand: whenTrue) {
                let span = current.span
                _ = advance()
                return rejectOptionalAccess(message, at: span, start: condition.span)
            }
            if let message = optionalAccessMessage(atQuestion: questionIndex, operand: condition) {
                return rejectOptionalAccess(message, at: questionToken.span, start: condition.span)
            }
        }
        guard expect(.colon) else {
            return node(.invalid, condition.span.union(questionToken.span))
        }
        let whenFalse = parseExpression()
        return node(.call(function: Operator.conditional, target: nil, arguments: [condition, whenTrue, whenFalse]),
                    condition.span.union(whenFalse.span))
    }

    /// Skips the rest of a construct nested past the limit, so it is reported once.
    mutating func skipNested() -> Expr {
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

    mutating func parseConditionalOr() -> Expr {
        var terms = [parseConditionalAnd()]
        while isAt(.or) {
            _ = advance()
            terms.append(parseConditionalAnd())
        }
        return balancedChain(Operator.logicalOr, terms[...])
    }

    mutating func parseConditionalAnd() -> Expr {
        var terms = [parseRelation()]
        while isAt(.and) {
            _ = advance()
            terms.append(parseRelation())
        }
        return balancedChain(Operator.logicalAnd, terms[...])
    }

    /// Joins the terms of a chain of one logical operator into a balanced tree, as CEL
    /// parsers do, so that only real nesting counts against the depth limit: a flat chain
    /// of n terms is about log2(n) levels deep. `&&` and `||` are associative in CEL, error
    /// absorption included, so the shape does not change any result. Chains of up to three
    /// terms nest to the left as before.
    mutating func balancedChain(_ function: String, _ terms: ArraySlice<Expr>) -> Expr {
        guard terms.count > 1 else { return terms[terms.startIndex] }
        let lastOfLeft = terms.startIndex + (terms.count - 1) / 2
        let left = balancedChain(function, terms[terms.startIndex...lastOfLeft])
        let right = balancedChain(function, terms[(lastOfLeft + 1)...])
        return binary(function, left, right)
    }

    mutating func parseRelation() -> Expr {
        var left = parseAddition()
        while let function = relationOperator() {
            _ = advance()
            let right = parseAddition()
            left = binary(function, left, right)
        }
        return left
    }

    func relationOperator() -> String? {
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

    mutating func parseAddition() -> Expr {
        var left = parseMultiplication()
        while true {
            let function: String
            if isAt(.plus) { function = Operator.add } else if isAt(.minus) { function = Operator.subtract } else { return left }
            _ = advance()
            let right = parseMultiplication()
            left = binary(function, left, right)
        }
    }

    mutating func parseMultiplication() -> Expr {
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

    mutating func binary(_ function: String, _ left: Expr, _ right: Expr) -> Expr {
        let result = node(.call(function: function, target: nil, arguments: [left, right]), left.span.union(right.span))
        if result.depth > limits.maxDepth {
            report(SyntaxError.tooDeep(limit: limits.maxDepth), at: right.span)
            return node(.invalid, result.span)
        }
        return result
    }

    /// Unary = Member | "!" {"!"} Member | "-" {"-"} Member
    mutating func parseUnary() -> Expr {
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

    mutating func negativeNumberLiteral(minus: Token) -> Expr? {
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
}
