/// Compiles a `RegexNode` tree to a `RegexProgram` (Thompson's construction).
///
/// Counted repetitions are expanded: `a{2,4}` becomes `aa(?:a(?:a)?)?`. Nested
/// counts multiply, so the compiler stops with an error as soon as the program
/// passes `maximumInstructionCount`. The work before that point is bounded too,
/// because every node other than `.empty` emits at least one instruction.
struct RegexCompiler {
    /// The largest program allowed. It bounds the memory of a compiled expression and
    /// the per-character cost of a search, which is proportional to the program size.
    static let maximumInstructionCount = 100_000

    private var instructions: [RegexInstruction] = []
    private var classes: [CharacterClass] = []
    private var classIndex: [CharacterClass: Int] = [:]

    /// The offset of the outermost repetition being expanded, reported when the program gets too large.
    private var expandingRepetitionOffset: Int?

    static func compile(_ root: RegexNode) throws(RegexSyntaxError) -> RegexProgram {
        var compiler = RegexCompiler()
        try compiler.emit(root)
        try compiler.append(.match)
        return RegexProgram(
            instructions: compiler.instructions,
            classes: compiler.classes,
            isAnchoredAtStart: root.startsWithBeginningOfText,
            literalPrefix: root.literalPrefix)
    }

    // MARK: Emitting

    @discardableResult
    private mutating func append(_ instruction: RegexInstruction) throws(RegexSyntaxError) -> Int {
        if instructions.count >= Self.maximumInstructionCount {
            throw RegexSyntaxError(
                RegexErrorMessages.programTooLarge(limit: Self.maximumInstructionCount),
                at: expandingRepetitionOffset ?? 0)
        }
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
        switch node {
        case .empty:
            break
        case .literal(let scalar):
            try append(.scalar(scalar))
        case .characterClass(let members):
            try append(.characterClass(index(of: members)))
        case .anyScalar:
            try append(.anyScalar)
        case .anyScalarExceptNewline:
            try append(.anyScalarExceptNewline)
        case .assertion(let assertion):
            try append(.assertion(assertion))
        case .concatenation(let items):
            for item in items {
                try emit(item)
            }
        case .alternation(let branches):
            try emitAlternation(branches)
        case .repetition(let operand, let minimum, let maximum, let isGreedy, let operatorOffset):
            let isOutermost = expandingRepetitionOffset == nil
            if isOutermost {
                expandingRepetitionOffset = operatorOffset
            }
            try emitRepetition(operand, minimum: minimum, maximum: maximum, isGreedy: isGreedy)
            if isOutermost {
                expandingRepetitionOffset = nil
            }
        }
    }

    /// Stores each distinct class once, so `[a-z]{1000}` keeps one copy of the class.
    private mutating func index(of members: CharacterClass) -> Int {
        if let existing = classIndex[members] { return existing }
        classes.append(members)
        classIndex[members] = classes.count - 1
        return classes.count - 1
    }

    /// Emits `a|b|c` as a chain of splits that prefer the earlier branch:
    ///
    ///         split L1, L2
    ///     L1: <a>
    ///         jump End
    ///     L2: split L3, L4
    ///     L3: <b>
    ///         jump End
    ///     L4: <c>
    ///    End:
    private mutating func emitAlternation(_ branches: [RegexNode]) throws(RegexSyntaxError) {
        var jumpsToEnd: [Int] = []
        for branch in branches.dropLast() {
            let split = try append(.split(preferred: 0, alternative: 0))
            try emit(branch)
            jumpsToEnd.append(try append(.jump(0)))
            instructions[split] = .split(preferred: split + 1, alternative: instructions.count)
        }
        if let last = branches.last {
            try emit(last)
        }
        for jump in jumpsToEnd {
            instructions[jump] = .jump(instructions.count)
        }
    }

    private mutating func emitRepetition(
        _ operand: RegexNode, minimum: Int, maximum: Int?, isGreedy: Bool
    ) throws(RegexSyntaxError) {
        guard let maximum else {
            // x{n,} is n-1 copies followed by x+, and x{0,} is x*.
            if minimum == 0 {
                try emitStar(operand, isGreedy: isGreedy)
                return
            }
            for _ in 1..<minimum {
                try emit(operand)
            }
            try emitPlus(operand, isGreedy: isGreedy)
            return
        }

        for _ in 0..<minimum {
            try emit(operand)
        }

        // x{n,m} continues with m-n optional copies, each entered only after the one
        // before it matched. Every skip goes to the common end, as in x(?:x(?:x)?)?.
        var splits: [Int] = []
        for _ in minimum..<maximum {
            splits.append(try append(.split(preferred: 0, alternative: 0)))
            try emit(operand)
        }
        let end = instructions.count
        for split in splits {
            instructions[split] = makeSplit(enter: split + 1, skip: end, isGreedy: isGreedy)
        }
    }

    /// Emits x* as `L: split body, End; body; jump L`.
    ///
    /// When x can match the empty string, x* is compiled as (?:x+)? instead. With the
    /// loop form, an empty iteration of a lazy or alternating body would jump back to
    /// the split already visited at this position, and the thread that leaves the loop
    /// would lose its priority: `(|a)*` would match "aa" instead of "".
    private mutating func emitStar(_ operand: RegexNode, isGreedy: Bool) throws(RegexSyntaxError) {
        if operand.isNullable {
            let split = try append(.split(preferred: 0, alternative: 0))
            try emitPlus(operand, isGreedy: isGreedy)
            instructions[split] = makeSplit(enter: split + 1, skip: instructions.count, isGreedy: isGreedy)
            return
        }

        let split = try append(.split(preferred: 0, alternative: 0))
        try emit(operand)
        try append(.jump(split))
        instructions[split] = makeSplit(enter: split + 1, skip: instructions.count, isGreedy: isGreedy)
    }

    /// Emits x+ as `L: body; split L, End`.
    private mutating func emitPlus(_ operand: RegexNode, isGreedy: Bool) throws(RegexSyntaxError) {
        let loopStart = instructions.count
        try emit(operand)
        let split = try append(.split(preferred: 0, alternative: 0))
        instructions[split] = makeSplit(enter: loopStart, skip: split + 1, isGreedy: isGreedy)
    }

    private func makeSplit(enter: Int, skip: Int, isGreedy: Bool) -> RegexInstruction {
        isGreedy ? .split(preferred: enter, alternative: skip) : .split(preferred: skip, alternative: enter)
    }
}

extension RegexNode {
    /// True when the node begins with `\A`, so a match can only start at offset 0.
    var startsWithBeginningOfText: Bool {
        switch self {
        case .assertion(.beginningOfText):
            return true
        case .concatenation(let items):
            return items.first?.startsWithBeginningOfText ?? false
        default:
            return false
        }
    }

    /// The UTF-8 bytes of the literal scalars that begin every match.
    var literalPrefix: [UInt8] {
        var scalars: [UInt32] = []
        switch self {
        case .literal(let scalar):
            scalars = [scalar]
        case .concatenation(let items):
            for item in items {
                guard case .literal(let scalar) = item else { break }
                scalars.append(scalar)
            }
        default:
            break
        }

        var bytes: [UInt8] = []
        for scalar in scalars {
            // A surrogate from \x{D800} has no UTF-8 form, so the prefix stops there.
            guard let unicodeScalar = Unicode.Scalar(scalar) else { break }
            bytes += Array(String(Character(unicodeScalar)).utf8)
        }
        return bytes
    }
}
