/// A compiled RE2-syntax regular expression that matches in time linear in the text.
///
/// The engine is a Pike VM over Unicode scalars: no pattern can make a search
/// backtrack, and patterns whose features need backtracking (back-references,
/// look-around, atomic groups) are rejected when compiled.
public struct RegularExpression: Sendable {
    private let program: RegexProgram

    /// Compiles `pattern`, or throws the first syntax error with its UTF-8 offset.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        let root = try RegexParser.parse(pattern)
        program = try RegexCompiler.compile(root)
    }

    /// True when the pattern matches a substring of `text` (CEL `matches` semantics: unanchored search; use ^ and $ to anchor).
    public func matches(_ text: String) -> Bool {
        search(text, stopAtFirstMatch: true) != nil
    }

    /// Returns the UTF-8 byte range of the leftmost match (leftmost-first, like RE2 / Go regexp), or nil.
    public func firstMatch(in text: String) -> Range<Int>? {
        search(text, stopAtFirstMatch: false)
    }

    private func search(_ text: String, stopAtFirstMatch: Bool) -> Range<Int>? {
        // withUTF8 needs a mutable string because it may first make the storage contiguous.
        var text = text
        return text.withUTF8 { bytes in
            PikeVM(program: program).search(in: bytes, stopAtFirstMatch: stopAtFirstMatch)
        }
    }
}
