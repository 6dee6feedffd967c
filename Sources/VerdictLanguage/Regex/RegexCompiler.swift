/// Compiles a `RegexNode` tree to a `RegexProgram` (Thompson's construction).
///
/// Counted repetitions are expanded: `a{2,4}` becomes `aa(?:a(?:a)?)?`. Nested
/// counts multiply, so the compiler stops with an error as soon as the program
/// passes `maximumInstructionCount`. The work before that point is bounded too,
/// because every node other than `.empty` emits at least one instruction.
///
/// The tree is walked with an explicit stack of steps rather than by recursion, so a
/// deeply nested pattern cannot overflow the thread stack. A step that must patch
/// an instruction emitted earlier finds its index on `pendingSplits` or `pendingJumps`.
/// Those stacks work because a node's steps all finish before its parent's next step.
struct RegexCompiler {
    /// The largest program allowed. It bounds the memory of a compiled expression and
    /// the per-character cost of a search, which is proportional to the program size.
    static let maximumInstructionCount = 100_000

    private enum Step {
        case emit(RegexNode)
        /// Emits the node `count` more times.
        case emitCopies(RegexNode, count: Int)
        /// Emits `count` nested optional copies of the node, as in x(?:x)? for 2.
        case emitOptionalCopies(RegexNode, count: Int)
        /// Appends a split to patch later and pushes its index on `pendingSplits`.
        case openSplit
        /// Pops `count` splits and points each one at the next instruction when skipped.
        case closeSplits(count: Int, isGreedy: Bool)
        /// Appends a jump to patch later and pushes its index on `pendingJumps`.
        case openJump
        /// Pops `count` jumps and points them at the next instruction.
        case closeJumps(count: Int)
        /// Pushes the index of the next instruction on `pendingSplits`, as the start of a loop.
        case markLoopStart
        /// Pops a loop start and appends the split that repeats or leaves the loop.
        case closeLoop(isGreedy: Bool)
        case enterRepetition(operatorOffset: Int)
        case leaveRepetition
    }

    private var instructions: [RegexInstruction] = []
    private var classes: [CharacterClass] = []
    private var classIndex: [CharacterClass: Int] = [:]

    private var steps: [Step] = []
    private var pendingSplits: [Int] = []
    private var pendingJumps: [Int] = []

    /// The operator offsets of the repetitions being expanded, outermost first. The
    /// outermost is reported when the program gets too large, because its count is
    /// the one that multiplies everything inside it.
    private var repetitionOffsets: [Int] = []

    static func compile(_ root: RegexNode) throws(RegexSyntaxError) -> RegexProgram {
        var compiler = RegexCompiler()
        compiler.steps.append(.emit(root))
        try compiler.run()
        try compiler.append(.match)
        return RegexProgram(
            instructions: compiler.instructions,
            classes: compiler.classes,
            isAnchoredAtStart: root.startsWithBeginningOfText,
            literalPrefix: root.literalPrefix)
    }

    // MARK: Steps

    /// Pushes `sequence` so that its first step runs next.
    private mutating func schedule(_ sequence: [Step]) {
        steps.append(contentsOf: sequence.reversed())
    }

    private mutating func run() throws(RegexSyntaxError) {
        while let step = steps.popLast() {
            switch step {
            case .emit(let node):
                try emit(node)

            case .emitCopies(let node, let count):
                if count > 0 {
                    schedule([.emit(node), .emitCopies(node, count: count - 1)])
                }

            case .emitOptionalCopies(let node, let count):
                if count > 0 {
                    schedule([.openSplit, .emit(node), .emitOptionalCopies(node, count: count - 1)])
                }

            case .openSplit:
                pendingSplits.append(try append(.split(preferred: 0, alternative: 0)))

            case .closeSplits(let count, let isGreedy):
                for _ in 0..<count {
                    let split = pendingSplits.removeLast()
                    instructions[split] = makeSplit(enter: split + 1, skip: instructions.count, isGreedy: isGreedy)
                }

            case .openJump:
                pendingJumps.append(try append(.jump(0)))

            case .closeJumps(let count):
                for _ in 0..<count {
                    instructions[pendingJumps.removeLast()] = .jump(instructions.count)
                }

            case .markLoopStart:
                pendingSplits.append(instructions.count)

            case .closeLoop(let isGreedy):
                let loopStart = pendingSplits.removeLast()
                let split = instructions.count
                try append(makeSplit(enter: loopStart, skip: split + 1, isGreedy: isGreedy))

            case .enterRepetition(let operatorOffset):
                repetitionOffsets.append(operatorOffset)

            case .leaveRepetition:
                repetitionOffsets.removeLast()
            }
        }
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
            schedule(items.map { .emit($0) })
        case .alternation(let branches):
            scheduleAlternation(branches)
        case .repetition(let operand, let minimum, let maximum, let isGreedy, let operatorOffset):
            schedule([.enterRepetition(operatorOffset: operatorOffset)]
                + repetitionSteps(operand, minimum: minimum, maximum: maximum, isGreedy: isGreedy)
                + [.leaveRepetition])
        }
    }

    /// Schedules `a|b|c` as a chain of splits that prefer the earlier branch:
    ///
    ///         split L1, L2
    ///     L1: <a>
    ///         jump End
    ///     L2: split L3, L4
    ///     L3: <b>
    ///         jump End
    ///     L4: <c>
    ///    End:
    private mutating func scheduleAlternation(_ branches: [RegexNode]) {
        var sequence: [Step] = []
        for branch in branches.dropLast() {
            // The split is closed right after its jump, so "skip" lands on the next branch.
            sequence += [.openSplit, .emit(branch), .openJump, .closeSplits(count: 1, isGreedy: true)]
        }
        if let last = branches.last {
            sequence.append(.emit(last))
        }
        sequence.append(.closeJumps(count: branches.count - 1))
        schedule(sequence)
    }

    /// Returns the steps of `x{minimum,maximum}`, where a nil maximum means no bound.
    ///
    /// x* is compiled as (?:x+)?, which is the same size as the usual loop
    /// `L: split body, End; body; jump L`. The loop form is wrong when x can match the
    /// empty string. There, an empty iteration jumps back to the split already visited
    /// at this position, so the thread that leaves the loop loses its priority, and
    /// `(|a)*` would match "aa" instead of "".
    private func repetitionSteps(_ operand: RegexNode, minimum: Int, maximum: Int?, isGreedy: Bool) -> [Step] {
        let plus: [Step] = [.markLoopStart, .emit(operand), .closeLoop(isGreedy: isGreedy)]
        guard let maximum else {
            if minimum == 0 {
                return [.openSplit] + plus + [.closeSplits(count: 1, isGreedy: isGreedy)]
            }
            // x{n,} is n-1 copies followed by x+.
            return [.emitCopies(operand, count: minimum - 1)] + plus
        }

        // x{n,m} continues with m-n optional copies, each entered only after the one
        // before it matched. Every skip goes to the common end, as in x(?:x(?:x)?)?.
        let optionalCount = maximum - minimum
        return [
            .emitCopies(operand, count: minimum),
            .emitOptionalCopies(operand, count: optionalCount),
            .closeSplits(count: optionalCount, isGreedy: isGreedy),
        ]
    }

    // MARK: Instructions

    @discardableResult
    private mutating func append(_ instruction: RegexInstruction) throws(RegexSyntaxError) -> Int {
        if instructions.count >= Self.maximumInstructionCount {
            throw RegexSyntaxError(
                RegexErrorMessages.programTooLarge(limit: Self.maximumInstructionCount),
                at: repetitionOffsets.first ?? 0)
        }
        instructions.append(instruction)
        return instructions.count - 1
    }

    /// Stores each distinct class once, so `[a-z]{1000}` keeps one copy of the class.
    private mutating func index(of members: CharacterClass) -> Int {
        if let existing = classIndex[members] { return existing }
        classes.append(members)
        classIndex[members] = classes.count - 1
        return classes.count - 1
    }

    private func makeSplit(enter: Int, skip: Int, isGreedy: Bool) -> RegexInstruction {
        isGreedy ? .split(preferred: enter, alternative: skip) : .split(preferred: skip, alternative: enter)
    }
}

extension RegexNode {
    /// True when the node begins with `\A`, so a match can only start at offset 0.
    var startsWithBeginningOfText: Bool {
        var node = self
        while case .concatenation(let items) = node, let first = items.first {
            node = first
        }
        return node == .assertion(.beginningOfText)
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
