/// Splits expression text into tokens. It never fails: text it cannot read becomes an
/// `invalid` token carrying the reason, and the parser reports it.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads every token up to and including the end-of-input token.
    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var lexer = Lexer(bytes)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    mutating func next() -> Token {
        skipWhitespaceAndComments()
        let start = position
        guard let byte = peek() else {
            return Token(kind: .endOfInput, span: SourceSpan(start: start, end: start))
        }
        let kind: Token.Kind
        if isIdentifierStart(byte) {
            kind = lexWordOrPrefixedString()
        } else if isDigit(byte) || (byte == UInt8(ascii: ".") && isDigit(peek(1) ?? 0)) {
            kind = lexNumber()
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            kind = lexString(raw: false, bytes: false)
        } else if byte == UInt8(ascii: "`") {
            kind = lexQuotedIdentifier()
        } else {
            kind = lexPunctuation()
        }
        return Token(kind: kind, span: SourceSpan(start: start, end: position))
    }

    // MARK: - Characters

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let index = position + ahead
        return index < bytes.count ? bytes[index] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    private mutating func skipWhitespaceAndComments() {
        while let byte = peek() {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                position += 1
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while let next = peek(), next != 0x0A, next != 0x0D { position += 1 }
            default:
                return
            }
        }
    }

    // MARK: - Words

    private mutating func lexWordOrPrefixedString() -> Token.Kind {
        // A string prefix is one of r, b, rb, br in any case, directly before a quote.
        var prefixLength = 0
        var raw = false
        var isBytes = false
        while prefixLength < 2, let byte = peek(prefixLength) {
            let lower = byte | 0x20
            if lower == UInt8(ascii: "r"), !raw {
                raw = true
            } else if lower == UInt8(ascii: "b"), !isBytes {
                isBytes = true
            } else {
                break
            }
            prefixLength += 1
        }
        if prefixLength > 0, let quote = peek(prefixLength), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            position += prefixLength
            return lexString(raw: raw, bytes: isBytes)
        }

        let start = position
        while let byte = peek(), isIdentifierPart(byte) { position += 1 }
        return .identifier(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    private mutating func lexQuotedIdentifier() -> Token.Kind {
        position += 1
        let start = position
        while let byte = peek(), byte != UInt8(ascii: "`") {
            if byte == 0x0A || byte == 0x0D { return .invalid("unterminated quoted identifier") }
            position += 1
        }
        guard peek() != nil else { return .invalid("unterminated quoted identifier") }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        if name.isEmpty { return .invalid("empty quoted identifier") }
        // Quoted identifiers may hold letters, digits and the characters '_', '.', '-', '/' and ' '.
        let allowed = name.utf8.allSatisfy { isIdentifierPart($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2F || $0 == 0x20 }
        if !allowed { return .invalid("invalid character in quoted identifier '\(name)'") }
        return .quotedIdentifier(name)
    }

    // MARK: - Numbers

    private mutating func lexNumber() -> Token.Kind {
        let start = position
        if peek() == UInt8(ascii: "0"), let x = peek(1), x | 0x20 == UInt8(ascii: "x") {
            position += 2
            let digitsStart = position
            while let byte = peek(), isHexDigit(byte) { position += 1 }
            let digits = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
            if digits.isEmpty { return .invalid("hexadecimal literal has no digits") }
            return finishInteger(digits: digits, radix: 16)
        }

        while let byte = peek(), isDigit(byte) { position += 1 }
        var isDouble = false
        if peek() == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
            isDouble = true
            position += 1
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        if let e = peek(), e | 0x20 == UInt8(ascii: "e") {
            var lookahead = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { lookahead = 2 }
            if let digit = peek(lookahead), isDigit(digit) {
                isDouble = true
                position += lookahead
                while let byte = peek(), isDigit(byte) { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isDouble { return checkNumberEnd(.doubleLiteral(text)) }
        return finishInteger(digits: text, radix: 10)
    }

    private mutating func finishInteger(digits: String, radix: Int) -> Token.Kind {
        if let suffix = peek(), suffix | 0x20 == UInt8(ascii: "u") {
            position += 1
            return checkNumberEnd(.uintLiteral(digits: digits, radix: radix))
        }
        return checkNumberEnd(.intLiteral(digits: digits, radix: radix))
    }

    /// Rejects a number glued to a name, such as `12abc`, instead of reading two tokens.
    private mutating func checkNumberEnd(_ kind: Token.Kind) -> Token.Kind {
        guard let byte = peek(), isIdentifierPart(byte) else { return kind }
        while let next = peek(), isIdentifierPart(next) { position += 1 }
        return .invalid("invalid number literal")
    }

    // MARK: - Strings

    private mutating func lexString(raw: Bool, bytes isBytes: Bool) -> Token.Kind {
        let quote = bytes[position]
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var content: [UInt8] = []
        while true {
            guard let byte = peek() else {
                return .invalid("unterminated string literal")
            }
            if byte == quote {
                if !triple {
                    position += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    position += 3
                    break
                }
            }
            if !triple && (byte == 0x0A || byte == 0x0D) {
                return .invalid("unterminated string literal; use a triple-quoted string for text over several lines")
            }
            if byte == UInt8(ascii: "\\") {
                if raw {
                    // A raw string keeps the backslash; an escaped quote does not end it.
                    content.append(byte)
                    position += 1
                    if let next = peek(), next == quote || next == UInt8(ascii: "\\") {
                        content.append(next)
                        position += 1
                    }
                    continue
                }
                if let error = lexEscape(into: &content, isBytes: isBytes) {
                    skipToStringEnd(quote: quote, triple: triple)
                    return .invalid(error)
                }
                continue
            }
            content.append(byte)
            position += 1
        }
        if isBytes { return .bytesLiteral(content) }
        guard let text = String(validating: content, as: UTF8.self) else {
            return .invalid("string literal is not valid UTF-8")
        }
        return .stringLiteral(text)
    }

    /// Reads one escape sequence after a backslash, appending its UTF-8 bytes (or the
    /// raw byte, in a bytes literal). Returns an error message for a malformed escape.
    private mutating func lexEscape(into content: inout [UInt8], isBytes: Bool) -> String? {
        position += 1
        guard let code = peek() else { return "unterminated escape sequence" }
        position += 1
        switch code {
        case UInt8(ascii: "a"): content.append(0x07)
        case UInt8(ascii: "b"): content.append(0x08)
        case UInt8(ascii: "f"): content.append(0x0C)
        case UInt8(ascii: "n"): content.append(0x0A)
        case UInt8(ascii: "r"): content.append(0x0D)
        case UInt8(ascii: "t"): content.append(0x09)
        case UInt8(ascii: "v"): content.append(0x0B)
        case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            content.append(code)
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            guard let value = readDigits(count: 2, radix: 16) else { return "invalid \\x escape: expected two hexadecimal digits" }
            appendCodePoint(value, isBytes: isBytes, into: &content)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            if isBytes { return "\\u and \\U escapes are not allowed in bytes literals" }
            let count = code == UInt8(ascii: "u") ? 4 : 8
            guard let value = readDigits(count: count, radix: 16) else {
                return "invalid \\\(Character(Unicode.Scalar(code))) escape: expected \(count) hexadecimal digits"
            }
            guard let scalar = Unicode.Scalar(value) else {
                return "invalid escape: U+\(String(value, radix: 16, uppercase: true)) is not a Unicode scalar value"
            }
            content.append(contentsOf: Array(String(scalar).utf8))
        case UInt8(ascii: "0")...UInt8(ascii: "3"):
            position -= 1
            guard let value = readDigits(count: 3, radix: 8) else { return "invalid octal escape: expected three octal digits" }
            appendCodePoint(value, isBytes: isBytes, into: &content)
        default:
            return "invalid escape sequence '\\\(Character(Unicode.Scalar(code)))'"
        }
        return nil
    }

    private mutating func readDigits(count: Int, radix: UInt32) -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let byte = peek(), let digit = Character(Unicode.Scalar(byte)).hexDigitValue, UInt32(digit) < radix else {
                return nil
            }
            value = value * radix + UInt32(digit)
            position += 1
        }
        return value
    }

    /// In a string an escape names a code point; in bytes it names the byte itself.
    private func appendCodePoint(_ value: UInt32, isBytes: Bool, into content: inout [UInt8]) {
        if isBytes {
            content.append(UInt8(truncatingIfNeeded: value))
        } else if let scalar = Unicode.Scalar(value) {
            content.append(contentsOf: Array(String(scalar).utf8))
        }
    }

    private mutating func skipToStringEnd(quote: UInt8, triple: Bool) {
        while let byte = peek() {
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == quote {
                if !triple {
                    position += 1
                    return
                }
                if peek(1) == quote && peek(2) == quote {
                    position += 3
                    return
                }
            }
            if !triple && (byte == 0x0A || byte == 0x0D) { return }
            position += 1
        }
        position = min(position, bytes.count)
    }

    // MARK: - Punctuation

    private mutating func lexPunctuation() -> Token.Kind {
        let twoCharacter: [(String, Punctuation)] = [
            ("==", .equal), ("!=", .notEqual), ("<=", .lessEqual), (">=", .greaterEqual),
            ("&&", .and), ("||", .or), (".?", .dotQuestion), ("[?", .leftBracketQuestion),
        ]
        if let first = peek(), let second = peek(1) {
            for (text, punctuation) in twoCharacter {
                let utf8 = Array(text.utf8)
                if utf8[0] == first && utf8[1] == second {
                    position += 2
                    return .punctuation(punctuation)
                }
            }
        }
        let byte = bytes[position]
        if let punctuation = Punctuation(rawValue: String(Unicode.Scalar(byte))), byte < 0x80 {
            position += 1
            return .punctuation(punctuation)
        }
        return lexUnexpectedCharacter()
    }

    private mutating func lexUnexpectedCharacter() -> Token.Kind {
        let start = position
        position += 1
        // Consume the whole UTF-8 sequence so the message shows the character.
        while let byte = peek(), byte & 0xC0 == 0x80 { position += 1 }
        let character = String(decoding: bytes[start..<position], as: UTF8.self)
        if character == "=" { return .invalid("unexpected character '='; use '==' to compare") }
        if character == "&" { return .invalid("unexpected character '&'; use '&&' for logical and") }
        if character == "|" { return .invalid("unexpected character '|'; use '||' for logical or") }
        return .invalid("unexpected character '\(character)'")
    }
}
