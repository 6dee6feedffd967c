/// Typed readings of a scalar by the YAML 1.2 core schema.
///
/// Without a tag, only plain scalars have a type other than string: a quoted or block
/// scalar is always a string. A core tag (`!!int`, `!!float`, `!!bool`, `!!null`) makes
/// the scalar read as that type whatever its style, and `!!str` or `!` makes it a string.
/// Words that YAML 1.1 read as booleans (`yes`, `no`, `on`, `off`, `y`, `n`) stay strings;
/// the reader of the policy format decides where it expects a boolean.
extension YAMLScalar {
    /// `true` or `false` (also `True`, `TRUE`, `False`, `FALSE`), or nil.
    public var bool: Bool? {
        guard readsAs(YAMLTag.boolean) else { return nil }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A decimal, `0x` hexadecimal or `0o` octal integer with an optional sign that fits
    /// in Int64, or nil. The core schema allows a sign on decimal integers only, and this
    /// accessor also accepts one on the other two, so `-0x10` is -16.
    public var int: Int64? {
        guard readsAs(YAMLTag.integer) else { return nil }
        return YAMLNumberSyntax.integer(value)
    }

    /// A decimal number with an optional fraction and exponent, `.inf`, `-.inf` or `.nan`
    /// (in the core schema's capitalizations), or nil. Integers also read as doubles,
    /// because a number is often accepted in either form. Check `int` first when the
    /// difference matters.
    public var double: Double? {
        guard readsAs(YAMLTag.float) || tag == YAMLTag.integer else { return nil }
        if let number = YAMLNumberSyntax.float(value) { return number }
        return YAMLNumberSyntax.integer(value).map(Double.init)
    }

    /// True for `null`, `Null`, `NULL`, `~` and the empty plain scalar.
    public var isNull: Bool {
        guard readsAs(YAMLTag.null) else { return false }
        switch value {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// True when the scalar's tag is `type`, or when it has no tag and is plain, so that
    /// its text decides.
    private func readsAs(_ type: String) -> Bool {
        if let tag { return tag == type }
        return style == .plain
    }
}

/// The core schema's number syntax, checked by hand because `Double(_:)` accepts forms
/// that YAML does not (such as `0x1p3`, `inf` and `nan`), and `Int64(_:)` reads no
/// `0x` or `0o` prefix.
enum YAMLNumberSyntax {
    static func integer(_ text: String) -> Int64? {
        var digits = Substring(text)
        var isNegative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            isNegative = sign == "-"
            digits = digits.dropFirst()
        }

        var radix = 10
        if digits.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }

        // Parse the magnitude unsigned so that Int64.min, whose magnitude does not fit in
        // Int64, still reads.
        guard let magnitude = UInt64(digits, radix: radix) else { return nil }
        if isNegative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard isDecimalFloat(text) else { return nil }
        return Double(text)
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func isDecimalFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func skipDigits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }

        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }

        let integerDigits = skipDigits()
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = skipDigits()
            // ".5" needs its fraction digits, but "5." is allowed.
            if integerDigits == 0 && fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }

        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if skipDigits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
