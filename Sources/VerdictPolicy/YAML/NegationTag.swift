/// A condition such as `compliantWhen: !has(config.DeleteDate)` written as a plain YAML
/// value: YAML reads its leading `!` as a tag. Removing the tag, as the message for other
/// unsupported tags advises, would delete the negation and reverse the rule, so these get
/// a message of their own.
enum NegationTag {
    /// The keys whose values are conditions, where a leading `!` is always a negation.
    static let conditionKeys: Set<String> = ["appliesWhen", "compliantWhen"]

    /// Tells whether a tag on a scalar is most likely the `!` of an expression. On a
    /// condition that is any tag but a core scalar tag (`!!str`, `!!int` ...). Elsewhere it
    /// is a tag with characters of an expression and none of a tag URI (`/`, `:`), such as
    /// `!has(config.Name)` or `!config.Enabled`.
    static func isNegation(tag: String, key: String?) -> Bool {
        if YAMLTag.scalarTags.contains(tag) { return false }
        if let key, conditionKeys.contains(key) { return true }
        let isURI = tag.contains("/") || (tag.contains(":") && !tag.hasPrefix(YAMLTag.corePrefix))
        if tag == YAMLTag.nonSpecific || isURI { return false }
        let name = YAMLTag.shortForm(tag)
        return name.contains { "().=<>[]&|\"'".contains($0) }
    }

    /// Returns the message for a condition whose `!` YAML read as a tag. `text` is the
    /// value as written, from its `!` to the end of the line.
    static func message(for text: String) -> String {
        "a plain YAML value cannot start with '!', which YAML reads as a tag; quote the condition ('\(example(text))') "
            + "or write it as a block scalar (|)"
    }

    /// Shortens a condition for the message: `!has(config.DeleteDate) && x` becomes
    /// `!has(...)`.
    static func example(_ text: String) -> String {
        if let parenthesis = text.firstIndex(of: "(") {
            return text[...parenthesis] + "...)"
        }
        return text.count > 40 ? text.prefix(40) + "..." : text
    }

    /// Returns the offset of a `!` that starts the value on the line of `offset`, as in
    /// `key: !value` or `- !value`, when that `!` is most likely a negation: the key is a
    /// condition, or the text up to the next blank is not a core tag such as `!!str`.
    static func negationStart(onLineOf offset: Int, in bytes: [UInt8]) -> Int? {
        var lineStart = min(offset, bytes.count)
        while lineStart > 0, !isLineBreak(bytes[lineStart - 1]) { lineStart -= 1 }
        var position = lineStart
        func skipBlanks() {
            while YAMLCharacters.isBlank(bytes, at: position, end: bytes.count) { position += 1 }
        }

        // The value follows the first ': ' of a mapping entry, or the '- ' of a sequence entry.
        skipBlanks()
        var key: String?
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "-"), YAMLCharacters.isBlank(bytes, at: position + 1, end: bytes.count) {
            position += 1
        } else {
            let keyStart = position
            while position + 1 < bytes.count, !(bytes[position] == UInt8(ascii: ":") && YAMLCharacters.isBlank(bytes, at: position + 1, end: bytes.count)) {
                if isLineBreak(bytes[position]) { return nil }
                position += 1
            }
            key = String(decoding: bytes[keyStart..<position], as: UTF8.self)
            position += 1
        }
        skipBlanks()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "!") else { return nil }

        var tagEnd = position
        while tagEnd < bytes.count, !YAMLCharacters.isBlank(bytes, at: tagEnd, end: bytes.count), !isLineBreak(bytes[tagEnd]) { tagEnd += 1 }
        let tag = String(decoding: bytes[position..<tagEnd], as: UTF8.self)
        if YAMLTag.allowedTags.contains { YAMLTag.shortForm($0) == tag && $0 != YAMLTag.nonSpecific } { return nil }
        if let key, conditionKeys.contains(key) { return position }
        return tag == YAMLTag.nonSpecific ? nil : position
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == YAMLCharacters.lineFeed || byte == YAMLCharacters.carriageReturn
    }

    /// Returns the text from `start` to the end of its line, without trailing blanks.
    static func lineText(from start: Int, in bytes: [UInt8]) -> String {
        var end = start
        while end < bytes.count, !isLineBreak(bytes[end]) { end += 1 }
        while end > start, YAMLCharacters.isBlank(bytes, at: end - 1, end: bytes.count) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
