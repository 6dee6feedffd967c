/// "Did you mean" suggestions for misspelled keys, field names and rule ids.
public enum Suggestions {
    /// The candidates closest to `word`, best first: a case-insensitive match, then those
    /// within a small edit distance for the word's length.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return [exact] }
        let allowed = max(1, min(3, word.count / 3))
        let scored = candidates
            .map { (candidate: $0, distance: editDistance(lowered, $0.lowercased())) }
            .filter { $0.distance <= allowed }
            .sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        return Array(scored.prefix(limit).map(\.candidate))
    }

    /// `; did you mean 'x'?` or an empty string.
    public static func phrase(for word: String, in candidates: [String]) -> String {
        let matches = closest(to: word, in: candidates)
        guard !matches.isEmpty else { return "" }
        return "; did you mean " + matches.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// Levenshtein distance, counting an adjacent transposition as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
