/// One element of a character class, and the result of an escape sequence.
enum ClassItem {
    case scalar(UInt32)
    /// A set given by its members. `isNegated` is set for `\D`, `\PL` and `[:^alpha:]`,
    /// which stay positive here so that case folding can apply before the negation.
    case set(CharacterClass, isNegated: Bool)
}

extension RegexParser {
    /// Parses an escape outside a bracket class. Position is at the backslash.
    mutating func parseEscape(
        appendingLeadingLiteralsTo items: inout [RegexNode]
    ) throws(RegexSyntaxError) -> RegexNode? {
        let start = position
        position += 1
        guard let letter = peek() else {
            throw RegexSyntaxError(RegexErrorMessages.trailingBackslash, at: offset(start))
        }

        switch letter {
        case "A":
            position += 1
            return .assertion(.beginningOfText)
        case "z":
            position += 1
            return .assertion(.endOfText)
        case "b":
            position += 1
            return .assertion(.wordBoundary)
        case "B":
            position += 1
            return .assertion(.notWordBoundary)
        case "Q":
            position += 1
            return parseQuotedText(appendingLeadingLiteralsTo: &items)
        default:
            switch try parseEscapeSequence(start: start) {
            case .scalar(let scalar):
                return literal(scalar)
            case .set(let members, let isNegated):
                return .characterClass(resolve(members, isNegated: isNegated))
            }
        }
    }

    /// Applies the case-insensitive flag and then the negation to a set, the order RE2
    /// uses: `(?i)\W` excludes U+212A KELVIN SIGN because `(?i)\w` includes it.
    func resolve(_ members: CharacterClass, isNegated: Bool) -> CharacterClass {
        let folded = flags.isCaseInsensitive ? members.addingCaseFoldEquivalents() : members
        return isNegated ? folded.inverted() : folded
    }

    /// Parses the escapes allowed both inside and outside bracket classes. Position is
    /// at the letter after the backslash, and `start` is the backslash.
    mutating func parseEscapeSequence(start: Int) throws(RegexSyntaxError) -> ClassItem {
        let letter = scalars[position]
        position += 1

        switch letter {
        case "a": return .scalar(0x07)
        case "f": return .scalar(0x0C)
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "r": return .scalar(0x0D)
        case "v": return .scalar(0x0B)
        case "x":
            return .scalar(try parseHexadecimalEscape(start: start))
        case "0"..."9":
            return .scalar(try parseOctalEscape(firstDigit: letter, start: start))
        case "p", "P":
            return try parseUnicodeClass(isNegated: letter == "P", start: start)
        case "u":
            throw RegexSyntaxError(RegexErrorMessages.unicodeEscape, at: offset(start))
        case "Z":
            throw RegexSyntaxError(RegexErrorMessages.endOfTextEscape, at: offset(start))
        case "C":
            throw RegexSyntaxError(RegexErrorMessages.anyByteEscape, at: offset(start))
        default:
            if let perl = ASCIIClasses.perlClass(letter) {
                return .set(perl.members, isNegated: perl.isNegated)
            }

            // Any ASCII punctuation may be escaped, so `\.` and `\-` are literals.
            let isAlphanumeric = letter.properties.isAlphabetic || ("0"..."9").contains(letter)
            if letter.isASCII && !isAlphanumeric {
                return .scalar(letter.value)
            }
            throw RegexSyntaxError(RegexErrorMessages.invalidEscape(text(from: start)), at: offset(start))
        }
    }

    /// Parses `\Q...\E`: everything up to `\E` or the end of the pattern is literal text.
    ///
    /// NOTE: RE2 applies a repetition after an empty `\Q\E` to the atom before it, as in
    /// `a\Q\E*`. This parser rejects that as a missing operand.
    private mutating func parseQuotedText(appendingLeadingLiteralsTo items: inout [RegexNode]) -> RegexNode? {
        var literals: [RegexNode] = []
        while position < scalars.count {
            if isLooking(at: "\\E") {
                position += 2
                break
            }
            literals.append(literal(scalars[position].value))
            position += 1
        }

        guard let last = literals.popLast() else { return nil }
        items.append(contentsOf: literals)
        return last
    }

    /// Parses `\x41` (exactly two digits) or `\x{1F600}`. Position is just after the 'x'.
    private mutating func parseHexadecimalEscape(start: Int) throws(RegexSyntaxError) -> UInt32 {
        guard peek() == "{" else {
            guard let high = peek().flatMap(hexadecimalValue), let low = peek(1).flatMap(hexadecimalValue) else {
                throw RegexSyntaxError(RegexErrorMessages.missingHexDigits, at: offset(start))
            }
            position += 2
            return high << 4 | low
        }

        position += 1
        var value: UInt32 = 0
        var digitCount = 0
        while let scalar = peek(), scalar != "}" {
            position += 1
            guard let digit = hexadecimalValue(scalar) else {
                throw RegexSyntaxError(RegexErrorMessages.invalidHexDigit(text(from: start)), at: offset(start))
            }
            // Saturate so that a long run of digits cannot overflow.
            value = min(value << 4 | digit, CharacterClass.maximumScalar + 1)
            digitCount += 1
        }
        guard peek() == "}" else {
            throw RegexSyntaxError(RegexErrorMessages.missingHexBrace, at: offset(start))
        }
        position += 1
        if digitCount == 0 {
            throw RegexSyntaxError(RegexErrorMessages.missingHexDigits, at: offset(start))
        }
        if value > CharacterClass.maximumScalar {
            throw RegexSyntaxError(RegexErrorMessages.invalidCodePoint(text(from: start)), at: offset(start))
        }
        return value
    }

    private func hexadecimalValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// Parses an octal escape of up to three digits. As in RE2, `\0` always starts one,
    /// `\1` to `\7` start one only when another octal digit follows, and any other
    /// digit escape is a back-reference, which RE2 syntax rejects. Position is just
    /// after the first digit.
    private mutating func parseOctalEscape(firstDigit: Unicode.Scalar, start: Int) throws(RegexSyntaxError) -> UInt32 {
        let octalDigits: ClosedRange<Unicode.Scalar> = "0"..."7"
        let startsOctal = firstDigit == "0" || (octalDigits.contains(firstDigit) && peek().map(octalDigits.contains) == true)
        guard startsOctal else {
            while let scalar = peek(), ("0"..."9").contains(scalar) {
                position += 1
            }
            throw RegexSyntaxError(RegexErrorMessages.backReference(text(from: start)), at: offset(start))
        }

        var value = firstDigit.value - 0x30
        var digitCount = 1
        while digitCount < 3, let scalar = peek(), octalDigits.contains(scalar) {
            value = value * 8 + (scalar.value - 0x30)
            digitCount += 1
            position += 1
        }
        return value
    }

    /// Parses the name after `\p` or `\P`: one letter, as in `\pL`, or braces, as in
    /// `\p{Greek}`. A leading '^' inside the braces negates. Position is just after the 'p'.
    private mutating func parseUnicodeClass(isNegated: Bool, start: Int) throws(RegexSyntaxError) -> ClassItem {
        guard let first = peek(), first != "}" else {
            throw RegexSyntaxError(RegexErrorMessages.missingUnicodeClassName, at: offset(start))
        }

        var name: String
        if first == "{" {
            position += 1
            let nameStart = position
            while let scalar = peek(), scalar != "}" {
                position += 1
            }
            guard peek() == "}" else {
                throw RegexSyntaxError(RegexErrorMessages.missingUnicodeClassBrace, at: offset(start))
            }
            name = text(from: nameStart)
            position += 1
        } else {
            name = String(first)
            position += 1
        }

        var negated = isNegated
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        if name.isEmpty {
            throw RegexSyntaxError(RegexErrorMessages.missingUnicodeClassName, at: offset(start))
        }
        guard let members = UnicodeGeneralCategories.characterClass(named: name) ?? UnicodeScripts.characterClass(named: name) else {
            throw RegexSyntaxError(RegexErrorMessages.unknownUnicodeClass(name), at: offset(start))
        }
        return .set(members, isNegated: negated)
    }
}
