/// Re-reads the raw text of a plain, single-quoted or double-quoted scalar and records
/// where each decoded byte came from.
///
/// The steps follow libyaml 0.2's scanner (`yaml_parser_scan_plain_scalar` and
/// `yaml_parser_scan_flow_scalar`), so that the decoded bytes equal libyaml's value. Runs
/// of non-blank characters are copied, with quotes and escapes decoded. Blanks between
/// them on one line are kept, and a line break with the blanks around it is folded. The
/// first break of a fold becomes a space unless blank lines follow it. In that case each
/// further break becomes a line feed. The caller checks the result against libyaml's
/// value.
struct FlowScalarDecoder {
    enum Quoting { case plain, single, double }

    let file: [UInt8]
    let quoting: Quoting

    /// Decodes `region`, which runs from the scalar's first character (or opening quote)
    /// to just past its last character (or closing quote).
    func decode(_ region: Range<Int>) -> DecodedText {
        let contentStart = quoting == .plain ? region.lowerBound : region.lowerBound + 1
        let contentEnd = quoting == .plain ? region.upperBound : region.upperBound - 1
        var output = DecodedText(startingAt: contentStart)
        guard contentStart < contentEnd else { return output }

        var state = FoldState(contentStart: contentStart)
        var offset = contentStart
        while offset < contentEnd {
            let brokeLineByEscape = readNonBlanks(from: &offset, end: contentEnd, into: &output)
            if brokeLineByEscape { state.leadingBlanks = true }
            if offset >= contentEnd && !brokeLineByEscape { break }

            readBlanks(from: &offset, end: contentEnd, state: &state)

            // A plain scalar's region ends at its last character, so blanks before the end
            // only appear in quoted scalars, where they are part of the value.
            state.join(into: &output)
        }
        return output
    }

    /// Copies characters up to the next blank or line break. Returns true when it stopped
    /// after an escaped line break (`\` at the end of a line in double quotes).
    private func readNonBlanks(from offset: inout Int, end: Int, into output: inout DecodedText) -> Bool {
        while offset < end,
              !YAMLCharacters.isBlank(file, at: offset, end: end),
              !YAMLCharacters.isLineBreak(file, at: offset, end: end) {
            let byte = file[offset]

            if quoting == .single, byte == UInt8(ascii: "'"), offset + 1 < end, file[offset + 1] == UInt8(ascii: "'") {
                output.append(UInt8(ascii: "'"), from: offset, next: offset + 2)
                offset += 2
                continue
            }

            if quoting == .double, byte == UInt8(ascii: "\\") {
                let breakLength = YAMLCharacters.lineBreakLength(file, at: offset + 1, end: end)
                if breakLength > 0 {
                    offset += 1 + breakLength
                    return true
                }
                if let escape = EscapeSequence.decode(file, at: offset, end: end) {
                    output.append(escape.value, from: offset, next: offset + escape.length)
                    offset += escape.length
                    continue
                }
            }

            let width = min(YAMLCharacters.width(ofLeadByte: byte), end - offset)
            output.appendVerbatim(file, at: offset, width: width)
            offset += width
        }
        return false
    }

    /// Reads blanks and line breaks into the fold state.
    private func readBlanks(from offset: inout Int, end: Int, state: inout FoldState) {
        while offset < end {
            if YAMLCharacters.isBlank(file, at: offset, end: end) {
                // Blanks after a line break are indentation and are dropped.
                if !state.leadingBlanks { state.whitespace.appendVerbatim(file, at: offset, width: 1) }
                offset += 1
                continue
            }

            let breakLength = YAMLCharacters.lineBreakLength(file, at: offset, end: end)
            guard breakLength > 0 else { return }

            if state.leadingBlanks {
                state.trailingBreaks.appendLineBreak(file, at: offset, length: breakLength)
            } else {
                // Blanks before a line break are dropped too.
                state.whitespace.removeAll()
                state.leadingBreak.appendLineBreak(file, at: offset, length: breakLength)
                state.leadingBlanks = true
            }
            offset += breakLength
        }
    }
}

/// The blanks and line breaks read between two runs of content in a flow scalar.
private struct FoldState {
    var whitespace: DecodedText
    var leadingBreak: DecodedText
    var trailingBreaks: DecodedText
    var leadingBlanks = false

    init(contentStart: Int) {
        whitespace = DecodedText(startingAt: contentStart)
        leadingBreak = DecodedText(startingAt: contentStart)
        trailingBreaks = DecodedText(startingAt: contentStart)
    }

    /// Writes what the blanks and breaks fold into, then clears them.
    mutating func join(into output: inout DecodedText) {
        if leadingBlanks {
            if leadingBreak.first == YAMLCharacters.lineFeed {
                if trailingBreaks.isEmpty {
                    // A single line break folds into a space, placed at that break.
                    let breakOffset = leadingBreak.firstSource
                    output.append(YAMLCharacters.space, from: breakOffset, next: breakOffset)
                } else {
                    output.append(trailingBreaks)
                }
            } else {
                // An escaped line break leaves the leading break empty, and U+2028 and
                // U+2029 are kept as they are.
                output.append(leadingBreak)
                output.append(trailingBreaks)
            }
            leadingBreak.removeAll()
            trailingBreaks.removeAll()
            leadingBlanks = false
        } else {
            output.append(whitespace)
            whitespace.removeAll()
        }
    }
}
