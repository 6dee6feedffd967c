/// A point in time with nanosecond precision, in the range CEL allows:
/// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second, 0 to 999,999,999.
    public let nanos: Int32

    public static let minSeconds: Int64 = -62_135_596_800
    public static let maxSeconds: Int64 = 253_402_300_799

    /// Creates a timestamp, or returns nil outside CEL's range.
    public init?(seconds: Int64, nanos: Int64 = 0) {
        var (carry, remainder) = nanos.quotientAndRemainder(dividingBy: 1_000_000_000)
        if remainder < 0 {
            carry -= 1
            remainder += 1_000_000_000
        }
        let (total, overflow) = seconds.addingReportingOverflow(carry)
        guard !overflow, total >= Timestamp.minSeconds, total <= Timestamp.maxSeconds else { return nil }
        self.seconds = total
        self.nanos = Int32(remainder)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }
}

/// A signed span of time with nanosecond precision. CEL bounds durations to about
/// ten thousand years either way (±315,576,000,000 seconds).
public struct Duration: Sendable, Hashable, Comparable {
    /// Whole seconds; has the same sign as `nanos` when both are non-zero.
    public let seconds: Int64
    /// Nanoseconds beyond `seconds`, from -999,999,999 to 999,999,999.
    public let nanos: Int32

    public static let maxSeconds: Int64 = 315_576_000_000

    /// Creates a normalized duration, or returns nil outside the range.
    public init?(seconds: Int64, nanos: Int64 = 0) {
        let (carrySeconds, remainder) = nanos.quotientAndRemainder(dividingBy: 1_000_000_000)
        let (total, overflow) = seconds.addingReportingOverflow(carrySeconds)
        guard !overflow else { return nil }
        var seconds = total
        var nanos = remainder
        if seconds > 0 && nanos < 0 {
            seconds -= 1
            nanos += 1_000_000_000
        } else if seconds < 0 && nanos > 0 {
            seconds += 1
            nanos -= 1_000_000_000
        }
        guard seconds >= -Duration.maxSeconds, seconds <= Duration.maxSeconds else { return nil }
        self.seconds = seconds
        self.nanos = Int32(nanos)
    }

    /// The duration in nanoseconds, or nil when that overflows 64 bits (beyond about 292 years).
    public var totalNanoseconds: Int64? {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let (sum, overflow2) = scaled.addingReportingOverflow(Int64(nanos))
        return overflow2 ? nil : sum
    }

    public static func < (lhs: Duration, rhs: Duration) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }
}

extension Timestamp {
    /// Parses RFC 3339 text such as `2024-05-20T06:34:21Z` or `2024-05-20T14:34:21+08:00`.
    public init?(rfc3339 text: String) {
        guard let parsed = TimestampText.parse(text) else { return nil }
        self = parsed
    }

    /// RFC 3339 text in UTC, with a fraction only when the timestamp has one.
    public var rfc3339: String { TimestampText.format(self) }
}

extension Duration {
    /// Parses duration text such as `90s`, `1h30m`, `250ms` or `7d`.
    public init?(parsing text: String) {
        guard let parsed = DurationText.parse(text) else { return nil }
        self = parsed
    }

    /// The duration in seconds with a fraction when needed, such as `5400s` or `1.5s`.
    public var text: String { DurationText.format(self) }
}
