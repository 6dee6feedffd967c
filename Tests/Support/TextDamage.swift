/// Edits that break text the way hand edits and broken exports do, for tests that feed
/// broken input through a stage and check that it fails cleanly.
public struct TextDamage {
    /// Text that the format under test treats specially, inserted at random places.
    public let fragments: [String]
    /// The most characters one deletion or duplication spans.
    public let maxRange: Int
    /// The most edits applied to one text.
    public let maxEdits: Int

    public init(fragments: [String], maxRange: Int, maxEdits: Int) {
        self.fragments = fragments
        self.maxRange = maxRange
        self.maxEdits = maxEdits
    }

    /// Applies one to `maxEdits` edits: delete a range, duplicate a range, insert a
    /// fragment, or swap two characters. Positions count characters, so the result stays
    /// valid Unicode.
    public func apply(to text: String, using random: inout SeededGenerator) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...maxEdits, using: &random) where !characters.isEmpty {
            let position = Int.random(in: 0..<characters.count, using: &random)
            let length = min(Int.random(in: 1...maxRange, using: &random), characters.count - position)
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                characters.removeSubrange(position..<position + length)
            case 1:
                characters.insert(contentsOf: characters[position..<position + length], at: position)
            case 2:
                characters.insert(contentsOf: fragments.randomElement(using: &random)!, at: position)
            default:
                characters.swapAt(position, Int.random(in: 0..<characters.count, using: &random))
            }
        }
        return String(characters)
    }
}
