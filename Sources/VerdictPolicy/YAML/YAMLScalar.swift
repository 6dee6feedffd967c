import VerdictLanguage

/// The style in which a scalar is written in the file.
public enum YAMLScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar node: its decoded text, how it was written, and where each byte of the text
/// came from in the file.
public struct YAMLScalar: Sendable {
    /// The decoded value, after escapes, line folding and block indentation were applied.
    public let value: String
    public let style: YAMLScalarStyle
    /// The explicit tag in its full form (`!!str` is `tag:yaml.org,2002:str`), or nil when
    /// the scalar has no tag.
    public let tag: String?
    /// The position of the scalar's first character, opening quote or block indicator
    /// (`|`, `>`). An anchor or tag before it is not included.
    public let start: YAMLMark
    /// Just past the scalar's last character or closing quote. A block scalar ends at the
    /// start of the line after its last line break.
    public let end: YAMLMark
    /// For each UTF-8 offset in `value` (`0...value.utf8.count`), the UTF-8 offset in the
    /// file of the character it came from.
    ///
    /// Every byte of an escape sequence maps to its backslash. A space or line break that
    /// line folding made maps to the line break it replaced. The last entry, for the end of
    /// the value, maps just past the last source character, or to the line break when the
    /// value ends with one.
    public let offsetMap: [Int]
    /// False when the loader could not reproduce libyaml's decoding of the raw text. The
    /// map then sends every byte to the start of the scalar's content.
    let offsetMapIsExact: Bool

    init(value: String, style: YAMLScalarStyle, tag: String?, start: YAMLMark, end: YAMLMark,
         offsetMap: [Int], offsetMapIsExact: Bool) {
        self.value = value
        self.style = style
        self.tag = tag
        self.start = start
        self.end = end
        self.offsetMap = offsetMap
        self.offsetMapIsExact = offsetMapIsExact
    }

    /// Returns the file offset of a UTF-8 offset in `value`, clamped to the value's bounds.
    public func fileOffset(ofValueOffset offset: Int) -> Int {
        offsetMap[min(max(offset, 0), offsetMap.count - 1)]
    }

    /// Makes a `Source` for an expression written in this scalar, so that diagnostics
    /// about the expression show the file's name, line and column.
    public func embeddedSource(in document: YAMLDocument) -> Source {
        let embedding = Source.Embedding(fileText: document.source.text, offsetMap: offsetMap)
        return Source(text: value, name: document.source.name, embedding: embedding)
    }
}
