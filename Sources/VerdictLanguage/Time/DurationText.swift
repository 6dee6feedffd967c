/// Duration text: CEL's `duration()` reads Go-style strings such as `1h30m`, `-1.5s`,
/// `300ms`; Verdict adds the unit `d` (24 hours) because compliance windows are counted
/// in days. `string()` writes seconds with a fraction only when needed: `5400s`, `1.5s`.
enum DurationText {
    private static let nanosPerUnit: [(unit: String, nanos: Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
    ]

    static func format(_ duration: Duration) -> String {
        var text = duration.seconds == 0 && duration.nanos < 0 ? "-" : ""
        text += String(duration.seconds)
        if duration.nanos != 0 {
            var fraction = TimestampText.pad(Int64(abs(duration.nanos)), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "s"
    }

    /// Parses a duration; returns nil for malformed text or a value out of range.
    static func parse(_ text: String) -> Duration? {
        var scalars = Substring(text)
        var negative = false
        if scalars.first == "-" || scalars.first == "+" {
            negative = scalars.first == "-"
            scalars = scalars.dropFirst()
        }
        if scalars == "0" { return Duration(seconds: 0) }
        guard !scalars.isEmpty else { return nil }

        // Sum in whole seconds and nanoseconds separately so that ten thousand years of
        // nanoseconds cannot overflow.
        var seconds: Int64 = 0
        var nanos: Int64 = 0
        while !scalars.isEmpty {
            let integerDigits = scalars.prefix { $0.isASCII && $0.isNumber }
            scalars = scalars.dropFirst(integerDigits.count)
            var fractionDigits = Substring()
            if scalars.first == "." {
                scalars = scalars.dropFirst()
                fractionDigits = scalars.prefix { $0.isASCII && $0.isNumber }
                scalars = scalars.dropFirst(fractionDigits.count)
            }
            guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return nil }
            let unitText = scalars.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            scalars = scalars.dropFirst(unitText.count)
            guard let unit = nanosPerUnit.first(where: { $0.unit == unitText }) else { return nil }

            guard let (wholeSeconds, wholeNanos) = scale(integerDigits, unitNanos: unit.nanos) else { return nil }
            let fractionNanos = fraction(fractionDigits, unitNanos: unit.nanos)
            seconds += wholeSeconds
            nanos += wholeNanos + fractionNanos
            guard seconds <= Duration.maxSeconds * 2 else { return nil }
        }
        seconds += nanos / 1_000_000_000
        nanos %= 1_000_000_000
        return negative ? Duration(seconds: -seconds, nanos: -nanos) : Duration(seconds: seconds, nanos: nanos)
    }

    /// An integer count of a unit, as seconds and nanoseconds; nil when it is far out of range.
    private static func scale(_ digits: Substring, unitNanos: Int64) -> (Int64, Int64)? {
        guard !digits.isEmpty else { return (0, 0) }
        guard digits.count <= 18, let count = Int64(digits) else { return nil }
        if unitNanos >= 1_000_000_000 {
            let (seconds, overflow) = count.multipliedReportingOverflow(by: unitNanos / 1_000_000_000)
            return overflow ? nil : (seconds, 0)
        }
        let perSecond = 1_000_000_000 / unitNanos
        return (count / perSecond, count % perSecond * unitNanos)
    }

    /// The nanoseconds that a decimal fraction of a unit adds, truncated, computed in
    /// integers so that `1.1h` is exact.
    private static func fraction(_ digits: Substring, unitNanos: Int64) -> Int64 {
        var numerator: UInt64 = 0
        var scale: UInt64 = 1
        for digit in digits.prefix(18) {
            numerator = numerator * 10 + UInt64(digit.wholeNumberValue ?? 0)
            scale *= 10
        }
        let product = numerator.multipliedFullWidth(by: UInt64(unitNanos))
        return Int64(scale.dividingFullWidth(product).quotient)
    }
}
