/// Byte-level character classes of YAML as libyaml applies them to UTF-8 text.
enum YAMLCharacters {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    static func isContinuationByte(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Returns the length of the UTF-8 sequence that starts with this byte, or 1 for a
    /// stray byte so that walks always advance.
    static func width(ofLeadByte byte: UInt8) -> Int {
        if byte < 0x80 { return 1 }
        if byte & 0xE0 == 0xC0 { return 2 }
        if byte & 0xF0 == 0xE0 { return 3 }
        if byte & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    /// Tells whether the byte at `offset` is a space or a tab, which YAML calls a blank.
    static func isBlank(_ bytes: [UInt8], at offset: Int, end: Int) -> Bool {
        offset < end && (bytes[offset] == space || bytes[offset] == tab)
    }

    /// Returns the length in bytes of the line break at `offset`, or 0 when there is none.
    ///
    /// libyaml reads YAML 1.1 line breaks: CR LF, CR, LF, NEL (U+0085), and the line and
    /// paragraph separators U+2028 and U+2029.
    static func lineBreakLength(_ bytes: [UInt8], at offset: Int, end: Int) -> Int {
        guard offset < end else { return 0 }
        switch bytes[offset] {
        case carriageReturn:
            return offset + 1 < end && bytes[offset + 1] == lineFeed ? 2 : 1
        case lineFeed:
            return 1
        case 0xC2:
            return offset + 1 < end && bytes[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            let isSeparator = offset + 2 < end && bytes[offset + 1] == 0x80
                && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9)
            return isSeparator ? 3 : 0
        default:
            return 0
        }
    }

    static func isLineBreak(_ bytes: [UInt8], at offset: Int, end: Int) -> Bool {
        lineBreakLength(bytes, at: offset, end: end) > 0
    }
}
