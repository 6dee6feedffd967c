extension RegexParser {
    /// Parses a bracket class such as `[a-z_]`, `[^\d]` or `[[:alpha:]]`. Position is at the '['.
    ///
    /// A ']' right after '[' or '[^' is a literal, and so is a '-' that cannot form a
    /// range. Under the `i` flag each element is case folded before the class is
    /// negated, so `(?i)[^k]` matches neither `k`, `K` nor U+212A KELVIN SIGN.
    mutating func parseBracketClass() throws(RegexSyntaxError) -> RegexNode {
        let openIndex = position
        position += 1
        let isNegated = peek() == "^"
        if isNegated {
            position += 1
        }

        // Positive elements are folded together at the end. Negated ones (`\D`, `\PL`,
        // `[:^alpha:]`) are resolved one by one because folding must precede negation.
        var ranges: [ClosedRange<UInt32>] = []
        var resolvedSets: [CharacterClass] = []
        var isFirst = true

        while true {
            guard let scalar = peek() else {
                throw RegexSyntaxError(RegexErrorMessages.missingClosingBracket, at: offset(openIndex))
            }
            if scalar == "]" && !isFirst {
                position += 1
                break
            }
            isFirst = false

            let itemIndex = position
            var item: ClassItem
            if let posixClass = try parsePOSIXClass() {
                item = posixClass
            } else {
                item = try parseClassItem()
            }
            switch item {
            case .set(let members, isNegated: false):
                ranges += members.ranges
            case .set(let members, isNegated: true):
                resolvedSets.append(resolve(members, isNegated: true))
            case .scalar(let low):
                ranges.append(try parseRangeEnd(from: low, itemIndex: itemIndex))
            }
        }

        var members = CharacterClass(ranges: ranges)
        if flags.isCaseInsensitive {
            members = members.addingCaseFoldEquivalents()
        }
        for set in resolvedSets {
            members = members.union(set)
        }
        return .characterClass(isNegated ? members.inverted() : members)
    }

    /// Completes `low` into a range when a '-' and an end follow, as in `a-z`.
    /// Returns the single scalar otherwise, leaving a '-' before ']' to be read as a literal.
    private mutating func parseRangeEnd(from low: UInt32, itemIndex: Int) throws(RegexSyntaxError) -> ClosedRange<UInt32> {
        guard peek() == "-", let next = peek(1), next != "]" else { return low...low }
        position += 1

        let highIndex = position
        guard case .scalar(let high) = try parseClassItem() else {
            throw RegexSyntaxError(RegexErrorMessages.classRangeEndpoint(text(from: itemIndex)), at: offset(highIndex))
        }
        guard low <= high else {
            throw RegexSyntaxError(RegexErrorMessages.invertedClassRange(text(from: itemIndex)), at: offset(itemIndex))
        }
        return low...high
    }

    /// Parses one scalar or escape inside a bracket class.
    private mutating func parseClassItem() throws(RegexSyntaxError) -> ClassItem {
        let scalar = scalars[position]
        guard scalar == "\\" else {
            position += 1
            return .scalar(scalar.value)
        }

        let start = position
        position += 1
        guard let letter = peek() else {
            throw RegexSyntaxError(RegexErrorMessages.trailingBackslash, at: offset(start))
        }
        switch letter {
        case "b":
            throw RegexSyntaxError(RegexErrorMessages.backspaceInClass, at: offset(start))
        case "A", "z", "B", "Q", "E":
            position += 1
            throw RegexSyntaxError(RegexErrorMessages.escapeInClass(text(from: start)), at: offset(start))
        default:
            return try parseEscapeSequence(start: start)
        }
    }

    /// Parses `[:alpha:]` or `[:^alpha:]` when the position is at one. Returns nil
    /// without moving when no ":]" follows, so the '[' is read as a literal.
    private mutating func parsePOSIXClass() throws(RegexSyntaxError) -> ClassItem? {
        guard isLooking(at: "[:") else { return nil }

        let start = position
        var end = position + 2
        while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") {
            end += 1
        }
        guard end + 1 < scalars.count else { return nil }

        var name = ""
        name.unicodeScalars.append(contentsOf: scalars[(start + 2)..<end])
        position = end + 2

        let isNegated = name.hasPrefix("^")
        if isNegated {
            name.removeFirst()
        }
        guard let members = ASCIIClasses.posixClass(named: name) else {
            throw RegexSyntaxError(RegexErrorMessages.unknownPOSIXClass(text(from: start)), at: offset(start))
        }
        return .set(members, isNegated: isNegated)
    }
}
