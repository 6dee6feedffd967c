/// Converts between the three ways positions in a YAML file are counted: libyaml's
/// character indexes, UTF-8 byte offsets, and 1-based lines and columns.
///
/// libyaml counts `mark.index` in characters (Unicode scalars, CR LF counted as two) from
/// just past a leading byte order mark, while `Source` and diagnostics use byte offsets
/// from the start of the file. Lines and columns follow `Source`: LF, CR and
/// CR LF end a line, and columns count Unicode scalars. libyaml's own line and column are
/// not used, because it also ends lines at U+0085, U+2028 and U+2029.
struct TextPositions {
    let bytes: [UInt8]

    /// The byte offset of every `checkpointStride`-th scalar. Scalar indexes between two
    /// checkpoints are found by walking forward, so a lookup costs at most one stride.
    private let checkpoints: [Int]
    private let isASCII: Bool
    private let lineStarts: [Int]
    /// The scalar index where each line starts, to turn scalar indexes into columns.
    private let lineStartScalars: [Int]

    /// 1 when the file starts with a byte order mark, which libyaml skips without counting.
    private let skippedLeadingScalars: Int

    private static let checkpointStride = 64

    init(bytes: [UInt8]) {
        self.bytes = bytes

        var checkpoints: [Int] = []
        var lineStarts = [0]
        var lineStartScalars = [0]
        var scalarIndex = 0
        var isASCII = true
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte >= 0x80 { isASCII = false }

            if !YAMLCharacters.isContinuationByte(byte) {
                if scalarIndex % Self.checkpointStride == 0 { checkpoints.append(offset) }
                scalarIndex += 1
            }

            // A CR followed by LF ends its line at the LF, so CR LF is one line end.
            let endsLine = byte == 0x0A || (byte == 0x0D && (offset + 1 >= bytes.count || bytes[offset + 1] != 0x0A))
            if endsLine {
                lineStarts.append(offset + 1)
                lineStartScalars.append(scalarIndex)
            }
            offset += 1
        }

        self.checkpoints = checkpoints
        self.isASCII = isASCII
        self.lineStarts = lineStarts
        self.lineStartScalars = lineStartScalars
        self.skippedLeadingScalars = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 1 : 0
    }

    /// Returns the byte offset of a libyaml character index.
    func byteOffset(ofCharacterIndex index: Int) -> Int {
        byteOffset(ofScalar: index + skippedLeadingScalars)
    }

    /// Returns the mark of a libyaml character index.
    func mark(atCharacterIndex index: Int) -> YAMLMark {
        let scalar = index + skippedLeadingScalars
        return mark(offset: byteOffset(ofScalar: scalar), scalarIndex: scalar)
    }

    /// Returns the byte offset of the scalar with the given index in the file, or the file
    /// size past the end.
    func byteOffset(ofScalar index: Int) -> Int {
        if isASCII { return min(max(index, 0), bytes.count) }

        let checkpoint = max(index, 0) / Self.checkpointStride
        guard checkpoint < checkpoints.count else { return bytes.count }
        var offset = checkpoints[checkpoint]
        var remaining = index - checkpoint * Self.checkpointStride
        while remaining > 0, offset < bytes.count {
            offset += YAMLCharacters.width(ofLeadByte: bytes[offset])
            remaining -= 1
        }
        return min(offset, bytes.count)
    }

    /// Returns the index of the scalar that starts at or contains the given byte offset.
    func scalarIndex(ofByte offset: Int) -> Int {
        let target = min(max(offset, 0), bytes.count)
        if isASCII { return target }

        var low = 0
        var high = checkpoints.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if checkpoints[middle] <= target { low = middle } else { high = middle - 1 }
        }
        guard !checkpoints.isEmpty else { return 0 }

        var index = low * Self.checkpointStride
        var position = checkpoints[low]
        while position < target {
            position += YAMLCharacters.width(ofLeadByte: bytes[position])
            if position <= target { index += 1 }
        }
        return index
    }

    /// Returns the mark of a byte offset.
    func mark(atByte offset: Int) -> YAMLMark {
        let clamped = min(max(offset, 0), bytes.count)
        return mark(offset: clamped, scalarIndex: scalarIndex(ofByte: clamped))
    }

    private func mark(offset: Int, scalarIndex: Int) -> YAMLMark {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return YAMLMark(offset: offset, line: low + 1, column: scalarIndex - lineStartScalars[low] + 1)
    }
}
