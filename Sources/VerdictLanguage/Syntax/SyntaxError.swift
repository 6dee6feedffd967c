/// The messages of the lexer and parser, in one place so they read in one voice.
enum SyntaxError {
    static func unexpected(_ token: Token, expecting expected: String) -> String {
        if case .invalid(let message) = token.kind { return message }
        if case .endOfInput = token.kind { return "expected \(expected) but the expression ended" }
        return "expected \(expected) but found '\(spelling(token))'"
    }

    static func spelling(_ token: Token) -> String {
        switch token.kind {
        case .identifier(let name): return name
        case .quotedIdentifier(let name): return "`\(name)`"
        case .intLiteral(let digits, let radix): return radix == 16 ? "0x" + digits : digits
        case .uintLiteral(let digits, let radix): return (radix == 16 ? "0x" + digits : digits) + "u"
        case .doubleLiteral(let text): return text
        case .stringLiteral: return "string literal"
        case .bytesLiteral: return "bytes literal"
        case .punctuation(let punctuation): return punctuation.rawValue
        case .invalid: return "invalid token"
        case .endOfInput: return "end of expression"
        }
    }

    static let unexpectedEnd = "expected an expression but the expression ended"
    static let optionalEntry = "optional list and map entries ('?') are not supported"

    /// `a?.b` or CEL's `a.?b`, with the conditional that does the same.
    static func optionalSelection(_ spelling: String, operand: String, field: String?) -> String {
        let path = operand + "." + (field ?? "field")
        return "optional field selection '\(spelling)' is not supported; use has(\(path)) ? \(path) : default"
    }

    /// `a?[k]` or CEL's `a[?k]`, with the conditional that does the same.
    static func optionalIndex(_ spelling: String, operand: String, key: String?) -> String {
        let prefix = "optional index '\(spelling)' is not supported; "
        if let key, key.hasPrefix("\"") || key.hasPrefix("'") {
            return prefix + "use \(key) in \(operand) ? \(operand)[\(key)] : default"
        }
        let index = key ?? "i"
        return prefix + "use size(\(operand)) > \(index) ? \(operand)[\(index)] : default for a list, "
            + "or \(index) in \(operand) ? \(operand)[\(index)] : default for a map"
    }
    static let quotedIdentifierAtStart = "a backtick-quoted name can only follow '.', as in a.`content-type`"
    static let invalidHasArgument = "has() takes a field selection such as has(config.Name)"

    static func reservedWord(_ word: String) -> String {
        "'\(word)' is a reserved word and cannot name a variable or function"
    }

    static func macroVariable(_ macro: String) -> String {
        "the first argument of \(macro)() must be a simple name, as in list.\(macro)(x, ...)"
    }

    static func intOutOfRange(_ text: String) -> String {
        "integer literal \(text) is out of the int range (-9223372036854775808 to 9223372036854775807); add 'u' for uint or '.0' for double"
    }

    static func uintOutOfRange(_ text: String) -> String {
        "unsigned integer literal \(text) is out of the uint range (0 to 18446744073709551615)"
    }

    static func tooDeep(limit: Int) -> String {
        "expression is nested more than \(limit) levels deep; split it into simpler conditions"
    }

    static func tooLong(limit: Int) -> String {
        "expression is longer than \(limit) bytes"
    }
}
