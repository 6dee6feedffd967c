/// Counts written with their noun in the matching number, for every report format.
public enum CountText {
    /// Returns the count and its noun: `1 rule`, `2 rules`, `0 rules`. `plural` is for
    /// nouns that do not take an `s`.
    public static func of(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(noun(count, singular, plural: plural))"
    }

    /// Returns the noun alone in the number that `count` needs.
    public static func noun(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }
}
