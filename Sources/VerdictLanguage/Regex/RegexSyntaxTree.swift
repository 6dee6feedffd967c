/// A zero-width test on the text around a position.
enum RegexAssertion: Sendable, Equatable {
    /// `\A`, and `^` without the `m` flag.
    case beginningOfText
    /// `\z`, and `$` without the `m` flag. Unlike Perl's `$`, it does not match before a final newline.
    case endOfText
    /// `^` with the `m` flag: the beginning of the text or just after a newline.
    case beginningOfLine
    /// `$` with the `m` flag: the end of the text or just before a newline.
    case endOfLine
    /// `\b`: an ASCII word character on exactly one side.
    case wordBoundary
    /// `\B`: the negation of `\b`.
    case notWordBoundary
}

/// A parsed regular expression. Flags are already applied, so the tree needs no
/// context: `(?i)a` is a class of `a` and `A`, and `(?s).` is `anyScalar`.
///
/// Capture groups have no node of their own because the public API reports only the
/// whole match, so a group is its contents.
indirect enum RegexNode: Sendable, Equatable {
    /// Matches the empty string.
    case empty
    case literal(UInt32)
    case characterClass(CharacterClass)
    /// `.` with the `s` flag.
    case anyScalar
    /// `.` without the `s` flag: every scalar except `\n`.
    case anyScalarExceptNewline
    case assertion(RegexAssertion)
    case concatenation([RegexNode])
    /// Alternatives in priority order: the first one that leads to a match wins.
    case alternation([RegexNode])
    /// `maximum` is nil for no upper bound. `operatorOffset` is the pattern offset of the
    /// operator, for the error raised when the expansion is too large.
    case repetition(RegexNode, minimum: Int, maximum: Int?, isGreedy: Bool, operatorOffset: Int)

    /// Builds a concatenation, dropping empty items and unwrapping a single item.
    static func concatenating(_ items: [RegexNode]) -> RegexNode {
        let nonEmpty = items.filter { $0 != .empty }
        switch nonEmpty.count {
        case 0: return .empty
        case 1: return nonEmpty[0]
        default: return .concatenation(nonEmpty)
        }
    }

    /// Builds a repetition, simplifying the cases that need no loop.
    ///
    /// Besides keeping programs small, the simplification guarantees that every node
    /// other than `.empty` compiles to at least one instruction. The compiler relies on
    /// that to bound its work by the instruction limit, even for `((){1000}){1000}`.
    static func repeating(
        _ operand: RegexNode, minimum: Int, maximum: Int?, isGreedy: Bool, operatorOffset: Int
    ) -> RegexNode {
        if operand == .empty || maximum == 0 { return .empty }
        if minimum == 1, maximum == 1 { return operand }
        return .repetition(
            operand, minimum: minimum, maximum: maximum, isGreedy: isGreedy, operatorOffset: operatorOffset)
    }
}
