/// Re-reads the raw text of a literal (`|`) or folded (`>`) block scalar and records where
/// each decoded byte came from.
///
/// The steps follow libyaml 0.2's `yaml_parser_scan_block_scalar`. First read the header:
/// the chomping and indentation indicators, then an optional comment. Then find the
/// content indentation and copy each content line without it. Line breaks between lines
/// are kept or folded, and the final breaks are chomped. The caller checks the result
/// against libyaml's value.
struct BlockScalarDecoder {
    let file: [UInt8]
    let isLiteral: Bool

    /// The header's indicators, which decide indentation and chomping.
    private struct Header {
        /// -1 strips the final line break (`-`), 0 keeps one (clip), 1 keeps all (`+`).
        var chomping = 0
        /// The indentation indicator (`|2`), or 0 when the indentation is detected.
        var indentIncrement = 0
        /// The offset where the content lines start, just past the header's line break.
        var contentStart = 0
    }

    /// Decodes `region`, which runs from the `|` or `>` indicator to the start of the line
    /// after the scalar's last line break.
    ///
    /// `parentIndent` is libyaml's indentation of the enclosing block collection, -1 at the
    /// top level. It decides the content indentation when the header gives an indentation
    /// indicator, and is a lower bound when the indentation is detected. libyaml does not
    /// report it, so the caller tries candidates until the result matches.
    func decode(_ region: Range<Int>, parentIndent: Int) -> DecodedText {
        let end = region.upperBound
        let header = readHeader(region)
        var output = DecodedText(startingAt: header.contentStart)

        var indent = 0
        if header.indentIncrement > 0 {
            indent = parentIndent >= 0 ? parentIndent + header.indentIncrement : header.indentIncrement
        }

        var cursor = LineCursor(offset: header.contentStart)
        var leadingBreak = DecodedText(startingAt: header.contentStart)
        var trailingBreaks = DecodedText(startingAt: header.contentStart)
        skipIndentationAndEmptyLines(&cursor, indent: &indent, parentIndent: parentIndent, end: end, breaks: &trailingBreaks)

        var leadingBlank = false
        while cursor.column == indent && cursor.offset < end {
            // Folding joins two lines with a space only when neither is more indented
            // than the content, because more-indented lines keep their breaks.
            let trailingBlank = YAMLCharacters.isBlank(file, at: cursor.offset, end: end)
            if !isLiteral && leadingBreak.first == YAMLCharacters.lineFeed && !leadingBlank && !trailingBlank {
                if trailingBreaks.isEmpty {
                    let breakOffset = leadingBreak.firstSource
                    output.append(YAMLCharacters.space, from: breakOffset, next: breakOffset)
                }
            } else {
                output.append(leadingBreak)
            }
            leadingBreak.removeAll()
            output.append(trailingBreaks)
            trailingBreaks.removeAll()

            leadingBlank = YAMLCharacters.isBlank(file, at: cursor.offset, end: end)
            while cursor.offset < end, !YAMLCharacters.isLineBreak(file, at: cursor.offset, end: end) {
                let width = min(YAMLCharacters.width(ofLeadByte: file[cursor.offset]), end - cursor.offset)
                output.appendVerbatim(file, at: cursor.offset, width: width)
                cursor.offset += width
                cursor.column += 1
            }

            let breakLength = YAMLCharacters.lineBreakLength(file, at: cursor.offset, end: end)
            if breakLength > 0 {
                leadingBreak.appendLineBreak(file, at: cursor.offset, length: breakLength)
                cursor.startLine(after: breakLength)
            }
            skipIndentationAndEmptyLines(&cursor, indent: &indent, parentIndent: parentIndent, end: end, breaks: &trailingBreaks)
        }

        if header.chomping != -1 { output.append(leadingBreak) }
        if header.chomping == 1 { output.append(trailingBreaks) }
        return output
    }

    /// Reads `|` or `>`, the indicators in either order, blanks, a comment and the line
    /// break. libyaml has already checked the header, so nothing here can fail.
    private func readHeader(_ region: Range<Int>) -> Header {
        var header = Header()
        let end = region.upperBound
        var offset = region.lowerBound + 1

        func readChomping() {
            guard offset < end else { return }
            if file[offset] == UInt8(ascii: "+") { header.chomping = 1; offset += 1 }
            else if file[offset] == UInt8(ascii: "-") { header.chomping = -1; offset += 1 }
        }
        func readIncrement() {
            guard offset < end, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(file[offset]) else { return }
            header.indentIncrement = Int(file[offset] - UInt8(ascii: "0"))
            offset += 1
        }
        if offset < end, file[offset] == UInt8(ascii: "+") || file[offset] == UInt8(ascii: "-") {
            readChomping()
            readIncrement()
        } else {
            readIncrement()
            readChomping()
        }

        while YAMLCharacters.isBlank(file, at: offset, end: end) { offset += 1 }
        if offset < end, file[offset] == UInt8(ascii: "#") {
            while offset < end, !YAMLCharacters.isLineBreak(file, at: offset, end: end) { offset += 1 }
        }
        offset += YAMLCharacters.lineBreakLength(file, at: offset, end: end)

        header.contentStart = offset
        return header
    }

    /// Skips indentation spaces and collects the breaks of empty lines, stopping at the
    /// first line with content past the indentation. When `indent` is 0 it is set to the
    /// detected indentation: the deepest indentation seen, at least `parentIndent + 1`
    /// and at least 1.
    private func skipIndentationAndEmptyLines(_ cursor: inout LineCursor, indent: inout Int, parentIndent: Int, end: Int, breaks: inout DecodedText) {
        var maxIndent = 0
        while true {
            while indent == 0 || cursor.column < indent,
                  cursor.offset < end, file[cursor.offset] == YAMLCharacters.space {
                cursor.offset += 1
                cursor.column += 1
            }
            maxIndent = max(maxIndent, cursor.column)

            let breakLength = YAMLCharacters.lineBreakLength(file, at: cursor.offset, end: end)
            guard breakLength > 0 else { break }
            breaks.appendLineBreak(file, at: cursor.offset, length: breakLength)
            cursor.startLine(after: breakLength)
        }

        if indent == 0 {
            indent = max(maxIndent, parentIndent + 1, 1)
        }
    }
}

/// A position in a block scalar with libyaml's column: characters since the last break.
private struct LineCursor {
    var offset: Int
    var column = 0

    init(offset: Int) {
        self.offset = offset
    }

    mutating func startLine(after breakLength: Int) {
        offset += breakLength
        column = 0
    }
}
