/// Builds the offset map of a scalar by decoding its raw text again and checking the
/// result against the value that libyaml produced.
struct ScalarOffsetMapper {
    let file: [UInt8]
    let positions: TextPositions

    /// Builds the offset map of a scalar whose raw text (quotes and block header included)
    /// is `region`, and tells whether the map is exact.
    ///
    /// When re-decoding does not give libyaml's value, which would mean this decoder and
    /// libyaml disagree on some input, the map falls back to sending every byte to the
    /// start of the content so that positions stay inside the scalar.
    func offsetMap(style: YAMLScalarStyle, region: Range<Int>, value: [UInt8]) -> (map: [Int], isExact: Bool) {
        if region.isEmpty && value.isEmpty {
            return ([region.lowerBound], true)
        }

        if let map = verbatimOffsetMap(style: style, region: region, value: value) {
            return (map, true)
        }

        if let decoded = decode(style: style, region: region, value: value), decoded.bytes == value {
            return (decoded.offsetMap, true)
        }

        // NOTE: reached only when the decoders here and libyaml disagree. The tests check
        // that no scalar of the YAML test suite gets here.
        let contentStart = style == .singleQuoted || style == .doubleQuoted
            ? min(region.lowerBound + 1, region.upperBound) : region.lowerBound
        return (Array(repeating: contentStart, count: value.count) + [region.upperBound], false)
    }

    /// Builds the map of a flow scalar whose content is copied unchanged (the common case)
    /// without decoding it. Equal bytes imply an unchanged copy, because every escape and
    /// every fold changes the bytes.
    private func verbatimOffsetMap(style: YAMLScalarStyle, region: Range<Int>, value: [UInt8]) -> [Int]? {
        let content: Range<Int>
        switch style {
        case .plain:
            content = region
        case .singleQuoted, .doubleQuoted:
            guard region.count >= 2 else { return nil }
            content = (region.lowerBound + 1)..<(region.upperBound - 1)
        case .literal, .folded:
            return nil
        }
        guard content.count == value.count, file[content].elementsEqual(value) else { return nil }

        // Every byte of a multibyte character maps to the character's first byte.
        var map: [Int] = []
        map.reserveCapacity(value.count + 1)
        var characterStart = content.lowerBound
        for offset in content {
            if !YAMLCharacters.isContinuationByte(file[offset]) { characterStart = offset }
            map.append(characterStart)
        }
        map.append(content.upperBound)
        return map
    }

    private func decode(style: YAMLScalarStyle, region: Range<Int>, value: [UInt8]) -> DecodedText? {
        switch style {
        case .plain:
            return FlowScalarDecoder(file: file, quoting: .plain).decode(region)
        case .singleQuoted:
            return FlowScalarDecoder(file: file, quoting: .single).decode(region)
        case .doubleQuoted:
            return FlowScalarDecoder(file: file, quoting: .double).decode(region)
        case .literal, .folded:
            return decodeBlock(isLiteral: style == .literal, region: region, value: value)
        }
    }

    /// Tries the possible indentations of the enclosing collection, from the top level
    /// (-1) up to the indicator's column, and keeps the first decoding that gives the
    /// value. The enclosing collection is never more indented than the indicator.
    private func decodeBlock(isLiteral: Bool, region: Range<Int>, value: [UInt8]) -> DecodedText? {
        let decoder = BlockScalarDecoder(file: file, isLiteral: isLiteral)
        let indicatorColumn = positions.mark(atByte: region.lowerBound).column - 1

        var parentIndent = -1
        while parentIndent <= indicatorColumn {
            let decoded = decoder.decode(region, parentIndent: parentIndent)
            if decoded.bytes == value { return decoded }
            parentIndent += 1
        }
        return nil
    }
}
