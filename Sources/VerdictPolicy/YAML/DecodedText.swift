/// Decoded scalar bytes together with the file offset that each byte came from: the
/// output of re-reading a scalar's raw text to build its offset map.
struct DecodedText {
    private(set) var bytes: [UInt8] = []
    private(set) var sources: [Int] = []
    /// The file offset for the position just past the last byte.
    private(set) var endOffset: Int

    init(startingAt offset: Int) {
        endOffset = offset
    }

    var isEmpty: Bool { bytes.isEmpty }
    var first: UInt8? { bytes.first }
    /// The file offset of the first byte, or the end offset when there is none.
    var firstSource: Int { sources.first ?? endOffset }

    /// Appends the bytes of one decoded character, all mapped to `source`. `next` is the
    /// offset that the end of the value maps to when this character is the last one.
    mutating func append<Bytes: Sequence<UInt8>>(_ newBytes: Bytes, from source: Int, next: Int) {
        for byte in newBytes {
            bytes.append(byte)
            sources.append(source)
        }
        endOffset = next
    }

    mutating func append(_ byte: UInt8, from source: Int, next: Int) {
        append(CollectionOfOne(byte), from: source, next: next)
    }

    /// Appends a character copied unchanged from the file.
    mutating func appendVerbatim(_ file: [UInt8], at offset: Int, width: Int) {
        append(file[offset..<(offset + width)], from: offset, next: offset + width)
    }

    mutating func append(_ other: DecodedText) {
        guard !other.isEmpty else { return }
        bytes.append(contentsOf: other.bytes)
        sources.append(contentsOf: other.sources)
        endOffset = other.endOffset
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        sources.removeAll(keepingCapacity: true)
    }

    /// The offset map: one entry per byte and one for the end.
    var offsetMap: [Int] { sources + [endOffset] }
}

extension DecodedText {
    /// Reads the line break at `offset` the way libyaml copies it into a scalar: CR LF,
    /// CR, LF and NEL become one LF, while U+2028 and U+2029 are kept. The break maps to
    /// itself, and so does the end of the value when the value ends with it.
    mutating func appendLineBreak(_ file: [UInt8], at offset: Int, length: Int) {
        if length == 3 {
            append(file[offset..<(offset + 3)], from: offset, next: offset)
        } else {
            append(YAMLCharacters.lineFeed, from: offset, next: offset)
        }
    }
}
