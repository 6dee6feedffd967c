/// The tags that the loader accepts: those of the YAML 1.2 core schema, and the
/// non-specific tag `!`, which only marks a node as not resolved by its text.
enum YAMLTag {
    static let corePrefix = "tag:yaml.org,2002:"
    static let string = corePrefix + "str"
    static let integer = corePrefix + "int"
    static let float = corePrefix + "float"
    static let boolean = corePrefix + "bool"
    static let null = corePrefix + "null"
    static let sequence = corePrefix + "seq"
    static let mapping = corePrefix + "map"
    static let nonSpecific = "!"

    static let scalarTags: Set<String> = [string, integer, float, boolean, null]
    static let allowedTags: Set<String> = scalarTags.union([sequence, mapping, nonSpecific])

    /// Returns the tag as it is usually written: `!!str` for a core tag, the full form
    /// otherwise.
    static func shortForm(_ tag: String) -> String {
        tag.hasPrefix(corePrefix) ? "!!" + tag.dropFirst(corePrefix.count) : tag
    }

    /// Returns the message for a tag that the loader does not accept at all.
    static func unsupportedMessage(_ tag: String) -> String {
        "unsupported tag '\(shortForm(tag))'; only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed, so remove the tag"
    }
}
