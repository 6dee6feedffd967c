extension RegexParser {
    /// Parses the opening of a group up to its contents: `(`, `(?:`, `(?i:`, `(?P<name>`
    /// or `(?<name>`. Position is at the '('. Returns false for a flag group such as
    /// `(?i)`, which opens nothing and sets the flags until the enclosing group closes.
    mutating func parseGroupOpening() throws(RegexSyntaxError) -> Bool {
        let openIndex = position
        position += 1

        if peek() == "?" {
            try rejectUnsupportedGroup(openIndex: openIndex)

            if isLooking(at: "?P<") || isLooking(at: "?<") {
                position += isLooking(at: "?P<") ? 3 : 2
                try parseGroupName(openIndex: openIndex)
            } else {
                position += 1
                return try parseFlags(openIndex: openIndex)
            }
        }
        return true
    }

    /// Rejects the Perl and PCRE group forms that RE2 leaves out. Position is at the '?'.
    func rejectUnsupportedGroup(openIndex: Int) throws(RegexSyntaxError) {
        let openOffset = offset(openIndex)
        let forms: [(prefix: String, feature: String, lacks: String)] = [
            ("?=", "look-ahead", "look-around"),
            ("?!", "negative look-ahead", "look-around"),
            ("?<=", "look-behind", "look-around"),
            ("?<!", "negative look-behind", "look-around"),
            ("?>", "atomic group", "atomic groups"),
            ("?(", "conditional", "conditionals"),
            ("?P=", "named back-reference", "back-references"),
            ("?P>", "recursion", "recursion"),
            ("?&", "recursion", "recursion"),
            ("?R", "recursion", "recursion"),
            ("?|", "branch reset group", "branch reset groups"),
        ]
        for form in forms where isLooking(at: form.prefix) {
            throw RegexSyntaxError(
                RegexErrorMessages.unsupported(form.feature, "(" + form.prefix, lacks: form.lacks), at: openOffset)
        }

        if isLooking(at: "?#") {
            throw RegexSyntaxError(RegexErrorMessages.commentGroup, at: openOffset)
        }

        // (?1), (?+1) and (?-1) call a numbered group, while (?-i) is a flag group.
        let digitAhead = (peek(1) == "+" || peek(1) == "-") ? 2 : 1
        if let digit = peek(digitAhead), ("0"..."9").contains(digit) {
            var spelling = ""
            spelling.unicodeScalars.append(contentsOf: scalars[openIndex...(position + digitAhead)])
            throw RegexSyntaxError(
                RegexErrorMessages.unsupported("recursion", spelling, lacks: "recursion"), at: openOffset)
        }
    }

    /// Parses a group name up to '>' and records it. Position is at the first letter.
    ///
    /// Duplicate names are rejected although RE2 (google-re2 1.1.20251105) accepts them,
    /// because a capture API added later could not tell the groups apart.
    mutating func parseGroupName(openIndex: Int) throws(RegexSyntaxError) {
        let nameStart = position
        while let scalar = peek(), scalar != ">" {
            position += 1
        }
        guard peek() == ">" else {
            throw RegexSyntaxError(RegexErrorMessages.missingGroupNameEnd, at: offset(openIndex))
        }

        let name = text(from: nameStart)
        position += 1
        if name.isEmpty {
            throw RegexSyntaxError(RegexErrorMessages.emptyGroupName, at: offset(nameStart))
        }
        let isValid = name.unicodeScalars.allSatisfy { $0.isASCII && ASCIIClasses.isWordCharacter($0.value) }
        if !isValid {
            throw RegexSyntaxError(RegexErrorMessages.invalidGroupName(name), at: offset(nameStart))
        }
        if !groupNames.insert(name).inserted {
            throw RegexSyntaxError(RegexErrorMessages.duplicateGroupName(name), at: offset(nameStart))
        }
    }

    /// Parses the flags of `(?flags)` or `(?flags:`, updating `flags`. Position is just
    /// after the '?'. Returns true for the scoped form `(?flags:`, which opens a group.
    /// As in RE2, `(?)` sets no flag and is accepted.
    mutating func parseFlags(openIndex: Int) throws(RegexSyntaxError) -> Bool {
        var isNegated = false
        var negationIndex = 0
        var hasNegatedFlag = false

        while true {
            guard let scalar = peek() else {
                throw RegexSyntaxError(RegexErrorMessages.missingClosingParenthesis, at: offset(openIndex))
            }
            switch scalar {
            case "i", "m", "s", "U":
                setFlag(scalar, to: !isNegated)
                hasNegatedFlag = hasNegatedFlag || isNegated
            case "-":
                if isNegated {
                    throw RegexSyntaxError(RegexErrorMessages.repeatedFlagNegation, at: offset())
                }
                isNegated = true
                negationIndex = position
            case ":", ")":
                if isNegated && !hasNegatedFlag {
                    throw RegexSyntaxError(RegexErrorMessages.danglingFlagNegation, at: offset(negationIndex))
                }
                position += 1
                return scalar == ":"
            default:
                // A first character that is not even a letter means an unknown group form.
                if position == openIndex + 2 && !scalar.properties.isAlphabetic {
                    position += 1
                    throw RegexSyntaxError(RegexErrorMessages.unknownGroupSyntax(text(from: openIndex)), at: offset(openIndex))
                }
                throw RegexSyntaxError(RegexErrorMessages.unknownFlag(String(scalar)), at: offset())
            }
            position += 1
        }
    }

    private mutating func setFlag(_ letter: Unicode.Scalar, to value: Bool) {
        switch letter {
        case "i": flags.isCaseInsensitive = value
        case "m": flags.isMultiLine = value
        case "s": flags.dotMatchesNewline = value
        default: flags.isUngreedy = value
        }
    }
}
