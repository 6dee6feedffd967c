/// One step of a compiled regular expression, run by the Pike VM.
enum RegexInstruction: Sendable, Equatable {
    /// Consumes one scalar equal to the value.
    case scalar(UInt32)
    /// Consumes one scalar in `RegexProgram.classes[index]`.
    case characterClass(Int)
    case anyScalar
    case anyScalarExceptNewline
    /// Continues at the next instruction when the assertion is satisfied at the current position.
    case assertion(RegexAssertion)
    /// Continues at both targets. The thread at `preferred` has the higher priority,
    /// which is how greedy, lazy and alternation order are expressed.
    case split(preferred: Int, alternative: Int)
    case jump(Int)
    /// Reports a match that ends at the current position.
    case match
}

/// A compiled regular expression: instructions that start at index 0, and the
/// character classes they refer to.
struct RegexProgram: Sendable {
    var instructions: [RegexInstruction]
    var classes: [CharacterClass]

    /// True when every match must start at the beginning of the text (`\A` or `^`
    /// without `m` comes first), so the search never starts a thread anywhere else.
    var isAnchoredAtStart: Bool

    /// The UTF-8 bytes that every match starts with. The search skips ahead to their
    /// next occurrence whenever no thread is running. Empty when there is no such prefix.
    var literalPrefix: [UInt8]
}
