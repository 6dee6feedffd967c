/// A parsed repetition operator such as `*`, `+?` or `{2,5}`.
struct RepetitionOperator {
    var minimum: Int
    /// Nil for no upper bound.
    var maximum: Int?
    /// True for the lazy forms written with a trailing '?', such as `*?`.
    var isLazy: Bool
    /// The operator as written, for messages.
    var text: String
}

extension RegexParser {
    /// Parses the repetition operators after `operand`. RE2 syntax allows one operator
    /// per operand: `a**` and the possessive `a*+` are errors, and `(?:a*)*` is the way
    /// to write a repetition of a repetition.
    mutating func parseRepetitions(of operand: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        let operatorIndex = position
        guard let repetition = parseRepetitionOperator() else { return operand }
        try validateCounts(repetition, at: operatorIndex)

        if peek() == "+" {
            throw RegexSyntaxError(
                RegexErrorMessages.possessiveRepetition(repetition.text + "+"), at: offset(operatorIndex))
        }
        let secondIndex = position
        if let second = parseRepetitionOperator() {
            throw RegexSyntaxError(RegexErrorMessages.nestedRepetition(second.text), at: offset(secondIndex))
        }

        // The U flag swaps greedy and lazy, so `a*?` under U prefers more iterations.
        let isGreedy = repetition.isLazy == flags.isUngreedy
        return .repeating(
            operand, minimum: repetition.minimum, maximum: repetition.maximum,
            isGreedy: isGreedy, operatorOffset: offset(operatorIndex))
    }

    /// Reads `*`, `+`, `?` or a counted form, with an optional lazy '?', or returns nil
    /// without moving. A '{' that does not start `{n}`, `{n,}` or `{n,m}` is a literal, as in RE2.
    mutating func parseRepetitionOperator() -> RepetitionOperator? {
        let start = position
        var repetition: RepetitionOperator

        switch peek() {
        case "*":
            repetition = RepetitionOperator(minimum: 0, maximum: nil, isLazy: false, text: "")
            position += 1
        case "+":
            repetition = RepetitionOperator(minimum: 1, maximum: nil, isLazy: false, text: "")
            position += 1
        case "?":
            repetition = RepetitionOperator(minimum: 0, maximum: 1, isLazy: false, text: "")
            position += 1
        case "{":
            guard let counted = parseCountedRepetition() else { return nil }
            repetition = counted
        default:
            return nil
        }

        if peek() == "?" {
            repetition.isLazy = true
            position += 1
        }
        repetition.text = text(from: start)
        return repetition
    }

    /// Parses `{n}`, `{n,}` or `{n,m}`, or returns nil without moving.
    ///
    /// Counts above the maximum are returned as they are (saturated at Int.max) so
    /// that `validateCounts` can report them with the operator's offset.
    private mutating func parseCountedRepetition() -> RepetitionOperator? {
        let start = position
        position += 1

        guard let minimum = parseDecimal() else {
            position = start
            return nil
        }
        var maximum: Int? = minimum
        if peek() == "," {
            position += 1
            maximum = peek() == "}" ? nil : parseDecimal()
            if maximum == nil && peek() != "}" {
                position = start
                return nil
            }
        }
        guard peek() == "}" else {
            position = start
            return nil
        }
        position += 1
        return RepetitionOperator(minimum: minimum, maximum: maximum, isLazy: false, text: "")
    }

    private mutating func parseDecimal() -> Int? {
        var value = 0
        var digitCount = 0
        while let scalar = peek(), ("0"..."9").contains(scalar) {
            let digit = Int(scalar.value - 0x30)
            let (product, productOverflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = product.addingReportingOverflow(digit)
            value = productOverflow || sumOverflow ? Int.max : sum
            digitCount += 1
            position += 1
        }
        return digitCount > 0 ? value : nil
    }

    private func validateCounts(_ repetition: RepetitionOperator, at operatorIndex: Int) throws(RegexSyntaxError) {
        let limit = Self.maximumRepetitionCount
        if max(repetition.minimum, repetition.maximum ?? 0) > limit {
            throw RegexSyntaxError(
                RegexErrorMessages.repetitionCountTooLarge(repetition.text, maximum: limit), at: offset(operatorIndex))
        }
        if let maximum = repetition.maximum, maximum < repetition.minimum {
            throw RegexSyntaxError(
                RegexErrorMessages.invertedRepetitionRange(repetition.text), at: offset(operatorIndex))
        }
    }
}
