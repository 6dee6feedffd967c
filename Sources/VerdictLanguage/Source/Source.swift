/// The text of an expression or document, with a display name and the offsets where its
/// lines start, so that byte offsets in nodes turn into line and column only when a
/// diagnostic is shown.
///
/// A source can be embedded in a larger file (an expression inside a YAML scalar): the
/// `origin` then says where the text starts in that file, and `map` translates offsets
/// of the embedded text into offsets of the file when the scalar was not copied
/// verbatim (escapes, folded lines).
public struct Source: Sendable {
    /// The name shown in diagnostics, usually a file path.
    public let name: String
    /// The text that the lexer reads.
    public let text: String
    /// The UTF-8 bytes of `text`; offsets everywhere in this module index into them.
    public let utf8: [UInt8]
    /// Where `text` is shown from: the enclosing file's text and the translation of
    /// offsets into it. Nil when the text is the whole file.
    public let embedding: Embedding?

    private let lineStarts: [Int]
    private let shownBytes: [UInt8]

    /// An expression placed inside a larger file.
    public struct Embedding: Sendable {
        /// The whole text of the enclosing file, used to print the source line.
        public let fileText: String
        /// For each UTF-8 offset of the embedded text (and one past its end), the UTF-8
        /// offset of the same character in the file.
        public let offsetMap: [Int]

        public init(fileText: String, offsetMap: [Int]) {
            self.fileText = fileText
            self.offsetMap = offsetMap
        }

        /// An embedding whose text appears verbatim in the file from `start` on.
        public init(fileText: String, verbatimAt start: Int, length: Int) {
            self.fileText = fileText
            self.offsetMap = Array(start...(start + length))
        }
    }

    public init(text: String, name: String = "<expression>", embedding: Embedding? = nil) {
        self.name = name
        self.text = text
        self.utf8 = Array(text.utf8)
        self.embedding = embedding
        self.shownBytes = embedding.map { Array($0.fileText.utf8) } ?? utf8
        self.lineStarts = Source.computeLineStarts(shownBytes)
    }

    private static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(index + 1)
            } else if byte == UInt8(ascii: "\r") {
                // A lone CR ends a line too; CR LF counts once.
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    /// The offset in the shown file for an offset in `text`.
    public func fileOffset(_ offset: Int) -> Int {
        guard let embedding else { return offset }
        let map = embedding.offsetMap
        if map.isEmpty { return 0 }
        return map[min(max(offset, 0), map.count - 1)]
    }

    /// The 1-based line and column of an offset in `text`; columns count Unicode scalars,
    /// so a caret lines up under multibyte characters.
    public func location(of offset: Int) -> SourceLocation {
        let shown = fileOffset(offset)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= shown { low = middle } else { high = middle - 1 }
        }
        let lineStart = lineStarts[low]
        let bytes = shownBytes
        var column = 1
        var index = lineStart
        while index < shown, index < bytes.count {
            // Count only the first byte of each UTF-8 sequence.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: low + 1, column: column, offset: shown)
    }

    /// The text of a 1-based line of the shown file, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let bytes = shownBytes
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text of a span of `text`.
    public func snippet(_ span: SourceSpan) -> String {
        let start = min(max(span.start, 0), utf8.count)
        let end = min(max(span.end, start), utf8.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// A 1-based line and column (in Unicode scalars), with the UTF-8 offset they came from.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(line: Int, column: Int, offset: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range of UTF-8 offsets into a source's text.
public struct SourceSpan: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static let none = SourceSpan(start: 0, end: 0)

    /// The smallest span that covers both spans.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }
}
