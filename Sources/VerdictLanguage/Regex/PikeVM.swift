/// Runs a `RegexProgram` over UTF-8 text by advancing every NFA thread in lockstep,
/// one scalar at a time (Pike's VM). It never backtracks, so a search takes
/// O(text length × program size) time whatever the pattern.
///
/// Threads are kept in priority order, and a thread that reaches `match` discards the
/// threads behind it. That gives leftmost-first matches, as in RE2 and Go's regexp.
struct PikeVM {
    let program: RegexProgram

    /// Returns the UTF-8 range of the leftmost-first match in `bytes`, or nil.
    ///
    /// With `stopAtFirstMatch`, the search returns as soon as any thread matches. That
    /// is enough to decide whether a match exists, but the range may then be shorter
    /// than the leftmost-first one.
    func search(in bytes: UnsafeBufferPointer<UInt8>, stopAtFirstMatch: Bool) -> Range<Int>? {
        let instructions = program.instructions
        let classes = program.classes
        var current = ThreadList(capacity: instructions.count)
        var next = ThreadList(capacity: instructions.count)
        var stack: [Int] = []
        stack.reserveCapacity(instructions.count)
        var match: Range<Int>?

        var position = 0
        var previous: UInt32?
        var scalar = decode(bytes, at: 0)

        while true {
            // Until a match is found, a new attempt starts at every position, behind
            // the older attempts because a match that starts earlier wins.
            if match == nil {
                if current.isEmpty {
                    if program.isAnchoredAtStart && position > 0 { break }
                    if !program.literalPrefix.isEmpty {
                        guard let found = UTF8Text.firstOffset(of: program.literalPrefix, in: bytes, from: position) else {
                            break
                        }
                        if found > position {
                            position = found
                            previous = UTF8Text.scalar(in: bytes, before: position)
                            scalar = decode(bytes, at: position)
                        }
                    }
                }
                addThread(0, matchStart: position, to: &current, previous: previous, next: scalar?.value, stack: &stack)
            }
            if current.isEmpty { break }

            let nextPosition = position + (scalar?.length ?? 0)
            let following = scalar == nil ? nil : decode(bytes, at: nextPosition)

            threads: for index in 0..<current.count {
                let pc = current.instructionAt[index]
                let isConsumed: Bool
                switch instructions[pc] {
                case .match:
                    match = current.matchStartAt[index]..<position
                    if stopAtFirstMatch { return match }
                    // The threads behind this one have lower priority, so none of them can win.
                    break threads
                case .scalar(let expected):
                    isConsumed = scalar?.value == expected
                case .characterClass(let classIndex):
                    isConsumed = scalar.map { classes[classIndex].contains($0.value) } ?? false
                case .anyScalar:
                    isConsumed = scalar != nil
                case .anyScalarExceptNewline:
                    isConsumed = scalar.map { $0.value != 0x0A } ?? false
                case .assertion, .split, .jump:
                    // Followed when the thread was added, so there is nothing left to do.
                    isConsumed = false
                }
                if isConsumed {
                    addThread(
                        pc + 1, matchStart: current.matchStartAt[index], to: &next,
                        previous: scalar?.value, next: following?.value, stack: &stack)
                }
            }

            guard let consumed = scalar else { break }
            swap(&current, &next)
            next.removeAll()
            previous = consumed.value
            position = nextPosition
            scalar = following
        }
        return match
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int)? {
        offset < bytes.count ? UTF8Text.scalar(in: bytes, at: offset) : nil
    }

    /// Adds the thread at `pc` and every thread reachable from it without consuming a
    /// scalar, depth first in priority order. `previous` and `next` are the scalars
    /// around the position the threads are at, for the assertions.
    ///
    /// An explicit stack replaces recursion because a chain of splits can be as long as
    /// the program. An instruction already in the list was reached by a thread of
    /// higher priority, so it is skipped, which also ends loops of empty iterations.
    private func addThread(
        _ pc: Int, matchStart: Int, to list: inout ThreadList,
        previous: UInt32?, next: UInt32?, stack: inout [Int]
    ) {
        stack.append(pc)
        while let pc = stack.popLast() {
            if list.contains(pc) { continue }
            list.insert(pc, matchStart: matchStart)

            switch program.instructions[pc] {
            case .jump(let target):
                stack.append(target)
            case .split(let preferred, let alternative):
                // Pushed last, so the preferred branch is explored first.
                stack.append(alternative)
                stack.append(preferred)
            case .assertion(let assertion):
                if assertion.isSatisfied(after: previous, before: next) {
                    stack.append(pc + 1)
                }
            case .scalar, .characterClass, .anyScalar, .anyScalarExceptNewline, .match:
                break
            }
        }
    }
}

extension RegexAssertion {
    /// True when the assertion is satisfied at a position between `previous` and
    /// `next`, where nil is the start or the end of the text.
    ///
    /// Positions are always between scalars. RE2 works on bytes, so its `\B` can also
    /// match inside a multi-byte character, where this engine never reports a match.
    func isSatisfied(after previous: UInt32?, before next: UInt32?) -> Bool {
        switch self {
        case .beginningOfText:
            return previous == nil
        case .endOfText:
            return next == nil
        case .beginningOfLine:
            return previous == nil || previous == 0x0A
        case .endOfLine:
            return next == nil || next == 0x0A
        case .wordBoundary, .notWordBoundary:
            let wordBefore = previous.map(ASCIIClasses.isWordCharacter) ?? false
            let wordAfter = next.map(ASCIIClasses.isWordCharacter) ?? false
            return (wordBefore != wordAfter) == (self == .wordBoundary)
        }
    }
}
