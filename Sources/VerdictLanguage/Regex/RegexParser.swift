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
/// offsets. Group openings, repetitions, escapes and bracket classes live in extensions.
struct RegexParser {
    /// The largest count allowed in `{n,m}`, as in RE2.
    static let maximumRepetitionCount = 1000

    /// The deepest group nesting allowed, as in RE2. Parsing and compiling use heap
    /// stacks, but releasing the syntax tree is recursive, so its depth must stay bounded.
    /// A test compiles a pattern this deep on a 512 KiB thread stack in a debug build.
    static let maximumNestingDepth = 1000

    let scalars: [Unicode.Scalar]

    /// The UTF-8 offset of each scalar, plus one entry for the end of the pattern.
    let offsets: [Int]

    /// The index in `scalars` of the next scalar to read.
    var position = 0

    var flags = RegexFlags()
    var groupNames: Set<String> = []

    /// Parses a whole pattern.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern)
        return try parser.parsePattern()
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

    /// A group whose ')' has not been read yet, with the state of the enclosing group
    /// to restore when it closes.
    private struct OpenGroup {
        var enclosingBranches: [RegexNode]
        var enclosingItems: [RegexNode]
        var enclosingFlags: RegexFlags
        var openIndex: Int
    }

    /// Parses the pattern from the current position to its end.
    ///
    /// Groups are kept on an explicit stack instead of in recursive calls, so a deeply
    /// nested pattern costs heap memory rather than thread stack.
    mutating func parsePattern() throws(RegexSyntaxError) -> RegexNode {
        var openGroups: [OpenGroup] = []
        var branches: [RegexNode] = []
        var items: [RegexNode] = []

        while let scalar = peek() {
            switch scalar {
            case "|":
                position += 1
                branches.append(.concatenating(items))
                items = []

            case "(":
                let openIndex = position
                let enclosingFlags = flags
                guard try parseGroupOpening() else { continue }

                if openGroups.count >= Self.maximumNestingDepth {
                    throw RegexSyntaxError(RegexErrorMessages.tooDeep(limit: Self.maximumNestingDepth), at: offset(openIndex))
                }
                openGroups.append(OpenGroup(
                    enclosingBranches: branches, enclosingItems: items,
                    enclosingFlags: enclosingFlags, openIndex: openIndex))
                branches = []
                items = []

            case ")":
                guard let group = openGroups.popLast() else {
                    throw RegexSyntaxError(RegexErrorMessages.unmatchedClosingParenthesis, at: offset())
                }
                position += 1
                let contents = Self.alternating(branches, items)
                branches = group.enclosingBranches
                items = group.enclosingItems
                flags = group.enclosingFlags
                items.append(try parseRepetitions(of: contents))

            default:
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
        }

        if let innermost = openGroups.last {
            throw RegexSyntaxError(RegexErrorMessages.missingClosingParenthesis, at: offset(innermost.openIndex))
        }
        return Self.alternating(branches, items)
    }

    /// Builds the alternation of the finished `branches` and the branch still in `items`.
    private static func alternating(_ branches: [RegexNode], _ items: [RegexNode]) -> RegexNode {
        let last = RegexNode.concatenating(items)
        return branches.isEmpty ? last : .alternation(branches + [last])
    }

    /// Parses one atom other than a group, or nothing for an empty `\Q\E`.
    ///
    /// `\Q...\E` yields several literals, but a repetition operator after it applies
    /// only to the last one, so the others go straight into `items`.
    mutating func parseAtom(
        appendingLeadingLiteralsTo items: inout [RegexNode]
    ) throws(RegexSyntaxError) -> RegexNode? {
        let scalar = scalars[position]
        switch scalar {
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
}
