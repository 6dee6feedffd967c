/// The flags that change how the parser reads the rest of a group.
struct RegexFlags: Sendable {
    /// `i`: letters match their simple case-fold equivalents.
    var isCaseInsensitive = false
    /// `m`: `^` and `$` match at line boundaries as well as the text boundaries.
    var isMultiLine = false
    /// `s`: `.` matches `\n` too.
    var dotMatchesNewline = false
    /// `U`: swaps the meaning of `x*` and `x*?`, so repetitions prefer fewer iterations.
    var isUngreedy = false
}

/// Parses RE2 syntax into a `RegexNode` tree, applying flags as it goes.
///
/// The parser works on the pattern's Unicode scalars and reports errors at UTF-8 byte
/// offsets. It is recursive descent: alternation, then concatenation, then an atom
/// with its repetition operators. Escapes and bracket classes live in extensions.
struct RegexParser {
    /// The largest count allowed in `{n,m}`, as in RE2.
    static let maximumRepetitionCount = 1000

    /// The deepest group nesting allowed, as in RE2. It bounds the recursion of the
    /// parser and the compiler, so a hostile pattern cannot overflow the stack.
    static let maximumNestingDepth = 1000

    let scalars: [Unicode.Scalar]

    /// The UTF-8 offset of each scalar, plus one entry for the end of the pattern.
    let offsets: [Int]

    /// The index in `scalars` of the next scalar to read.
    var position = 0

    var flags = RegexFlags()
    var groupNames: Set<String> = []
    var nestingDepth = 0

    /// Parses a whole pattern.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern)
        let root = try parser.parseAlternation()

        // parseAlternation stops only at the end or at a ')' that closes no group.
        if parser.position < parser.scalars.count {
            throw RegexSyntaxError(RegexErrorMessages.unmatchedClosingParenthesis, at: parser.offset())
        }
        return root
    }

    init(_ pattern: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in pattern.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    // MARK: Reading

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    func isLooking(at text: String) -> Bool {
        var index = position
        for scalar in text.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// Returns the UTF-8 offset of the scalar at `index`, by default the current position.
    func offset(_ index: Int? = nil) -> Int {
        offsets[min(index ?? position, scalars.count)]
    }

    /// Returns the pattern text from `start` up to the current position, for messages.
    func text(from start: Int) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<min(position, scalars.count)])
        return text
    }

    // MARK: Structure

    mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseConcatenation()]
        while peek() == "|" {
            position += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseConcatenation() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = peek(), scalar != "|", scalar != ")" {
            // A repetition operator directly after an atom is read with the atom, so one
            // found here follows '(', '|', a flag group or the start of the pattern.
            let operatorStart = position
            if let repetition = parseRepetitionOperator() {
                throw RegexSyntaxError(
                    RegexErrorMessages.missingRepetitionOperand(repetition.text), at: offset(operatorStart))
            }

            guard let atom = try parseAtom(appendingLeadingLiteralsTo: &items) else { continue }
            items.append(try parseRepetitions(of: atom))
        }
        return .concatenating(items)
    }

    /// Parses one atom, or nothing for a flag group such as `(?i)` or an empty `\Q\E`.
    ///
    /// `\Q...\E` yields several literals, but a repetition operator after it applies
    /// only to the last one, so the others go straight into `items`.
    mutating func parseAtom(
        appendingLeadingLiteralsTo items: inout [RegexNode]
    ) throws(RegexSyntaxError) -> RegexNode? {
        let scalar = scalars[position]
        switch scalar {
        case "(":
            return try parseGroup()
        case "[":
            return try parseBracketClass()
        case "\\":
            return try parseEscape(appendingLeadingLiteralsTo: &items)
        case ".":
            position += 1
            return flags.dotMatchesNewline ? .anyScalar : .anyScalarExceptNewline
        case "^":
            position += 1
            return .assertion(flags.isMultiLine ? .beginningOfLine : .beginningOfText)
        case "$":
            position += 1
            return .assertion(flags.isMultiLine ? .endOfLine : .endOfText)
        default:
            position += 1
            return literal(scalar.value)
        }
    }

    /// Returns the node for one literal scalar, as a class of its case-fold equivalents under `i`.
    func literal(_ scalar: UInt32) -> RegexNode {
        guard flags.isCaseInsensitive else { return .literal(scalar) }
        let equivalents = CaseFolding.equivalents(of: scalar)
        if equivalents.count == 1 { return .literal(scalar) }
        return .characterClass(CharacterClass(scalars: equivalents))
    }

    // MARK: Groups

    /// Parses a group, or applies a flag group such as `(?i)` and returns nil.
    mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode? {
        let openIndex = position
        let outerFlags = flags
        position += 1

        if peek() == "?" {
            try rejectUnsupportedGroup(openIndex: openIndex)

            if isLooking(at: "?P<") || isLooking(at: "?<") {
                position += isLooking(at: "?P<") ? 3 : 2
                try parseGroupName(openIndex: openIndex)
            } else {
                position += 1
                let isScoped = try parseFlags(openIndex: openIndex)

                // (?i) sets flags until the end of the enclosing group, which restores them.
                if !isScoped { return nil }
            }
        }

        nestingDepth += 1
        if nestingDepth > Self.maximumNestingDepth {
            throw RegexSyntaxError(RegexErrorMessages.tooDeep(limit: Self.maximumNestingDepth), at: offset(openIndex))
        }

        let contents = try parseAlternation()
        guard peek() == ")" else {
            throw RegexSyntaxError(RegexErrorMessages.missingClosingParenthesis, at: offset(openIndex))
        }
        position += 1
        nestingDepth -= 1
        flags = outerFlags
        return contents
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

        // (?1), (?+1) and (?-1) call a numbered group; (?-i) is a flag group.
        let hasSign = peek(1) == "+" || peek(1) == "-"
        let digitIndex = position + (hasSign ? 2 : 1)
        if let digit = peek(digitIndex - position), ("0"..."9").contains(digit) {
            var spelling = ""
            spelling.unicodeScalars.append(contentsOf: scalars[openIndex...digitIndex])
            throw RegexSyntaxError(
                RegexErrorMessages.unsupported("recursion", spelling, lacks: "recursion"), at: openOffset)
        }
    }

    /// Parses a group name up to '>' and records it. Position is at the first letter.
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
    mutating func parseFlags(openIndex: Int) throws(RegexSyntaxError) -> Bool {
        var isNegated = false
        var negationIndex = 0
        var hasFlag = false
        var hasNegatedFlag = false

        while true {
            guard let scalar = peek() else {
                throw RegexSyntaxError(RegexErrorMessages.missingClosingParenthesis, at: offset(openIndex))
            }
            switch scalar {
            case "i", "m", "s", "U":
                setFlag(scalar, to: !isNegated)
                hasFlag = true
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
                if scalar == ")" && !hasFlag {
                    throw RegexSyntaxError(RegexErrorMessages.missingFlags, at: offset(openIndex))
                }
                position += 1
                return scalar == ":"
            default:
                // An unknown first character means an unknown group form, not a flag.
                if position == openIndex + 2 {
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
