import VerdictLanguage

extension LibYAMLError {
    /// Converts the error into a "yaml-syntax" diagnostic at the problem's position, or at
    /// the start of its context when the problem is the end of the file. The message keeps libyaml's
    /// words, adds where the context started, and adds what to do when the cause is clear.
    func diagnostic(positions: TextPositions, source: Source) -> Diagnostic {
        let fileSize = positions.bytes.count
        let problemOffset = isReaderError ? min(readerByteOffset, fileSize) : positions.byteOffset(ofCharacterIndex: problemIndex)
        let character = problemOffset < fileSize ? positions.bytes[problemOffset] : nil

        // A problem at the end of the file is an unclosed quote or bracket: point at where
        // it was opened, which the message's context names.
        var offset = problemOffset
        if problemOffset >= fileSize, context != nil {
            offset = positions.byteOffset(ofCharacterIndex: contextIndex)
        }

        // A condition that starts with '!' fails as a tag, or on what follows the tag, such
        // as the anchor that '&&' starts. libyaml's words describe those, but the '!' is the
        // mistake, so the message is about it alone.
        if let negation = negatedValueStart(positions: positions) {
            let written = NegationTag.lineText(from: negation, in: positions.bytes)
            return Diagnostic(id: "yaml-syntax", message: NegationTag.message(for: written),
                              span: SourceSpan(start: negation, end: negation + 1), source: source)
        }

        var message = problem
        if isReaderError, readerValue >= 0 {
            message += " (U+\(String(readerValue, radix: 16, uppercase: true).leftPadded(to: 4)))"
        }
        if let context {
            message += " (\(context)"
            if contextIndex != problemIndex {
                let mark = positions.mark(atCharacterIndex: contextIndex)
                message += " that starts at line \(mark.line), column \(mark.column)"
            }
            message += ")"
        }
        if let hint = hint(character: character) {
            message += "; \(hint)"
        }

        let end = min(offset + 1, fileSize)
        return Diagnostic(id: "yaml-syntax", message: message, span: SourceSpan(start: offset, end: max(end, offset)), source: source)
    }

    /// Returns the offset of the `!` that starts a value, most likely a negated condition,
    /// on the line where the failed construct started (or of the problem, without one).
    private func negatedValueStart(positions: TextPositions) -> Int? {
        guard !isReaderError else { return nil }
        let offset = positions.byteOffset(ofCharacterIndex: context == nil ? problemIndex : contextIndex)
        return NegationTag.negationStart(onLineOf: offset, in: positions.bytes)
    }

    /// Suggests what to do about the common mistakes behind libyaml's messages.
    private func hint(character: UInt8?) -> String? {
        if problem.contains("tab character") || (problem.contains("cannot start any token") && character == YAMLCharacters.tab) {
            return "YAML does not allow tabs for indentation, so indent with spaces"
        }
        if problem.contains("cannot start any token"), let character, character == UInt8(ascii: "@") || character == UInt8(ascii: "`") {
            return "'@' and '`' are reserved and cannot start a plain scalar, so put the value in quotes"
        }
        if problem.contains("mapping values are not allowed") {
            return "a plain value cannot contain ': ', so put the value in quotes or write it as a block scalar (|), "
                + "or line this key up with the keys above it"
        }
        if problem.contains("could not find expected ':'") {
            return "write ': ' after the key, or indent or quote the line if it continues the previous value"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return "check this line's indentation against the lines above"
        }
        if problem.contains("found unexpected end of stream"), context?.contains("quoted scalar") == true {
            return "the closing quote is missing"
        }
        if problem.contains("unknown escape character") {
            return "write a backslash as '\\\\' in double quotes, or use single quotes, where backslashes are plain characters"
        }
        if problem.contains("control characters are not allowed") {
            return "remove the character, or write it as an escape such as '\\x07' in a double-quoted string"
        }
        return nil
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
