/// Finds where a scalar's own text starts when an anchor or tag comes before it.
///
/// A scalar event starts at its first property (`&anchor` or `!tag`), which may even be
/// on an earlier line, but the offset map needs the start of the scalar token. A second
/// libyaml parser scans tokens over the same input, and only as far as needed: scalar
/// events arrive in file order, so the token scan only moves forward.
final class ScalarTokenStarts {
    private let scanner: LibYAMLParser
    private var lastToken: (start: Int, end: Int)?
    private var isFinished = false

    init(input: LibYAMLInput, count: Int) {
        scanner = LibYAMLParser(input: input, count: count)
    }

    /// Returns the character index where the scalar token ending at `end` starts, or nil
    /// when no scalar token ends there (an empty scalar that has only properties).
    func start(ofScalarEndingAt end: Int) -> Int? {
        while true {
            if let lastToken {
                if lastToken.end == end { return lastToken.start }
                if lastToken.end > end { return nil }
            }
            guard !isFinished, let token = scanner.nextScalarToken() else {
                isFinished = true
                return nil
            }
            lastToken = token
        }
    }
}
