/// RFC 3339 text for timestamps, as CEL's `timestamp()` reads and `string()` writes it.
enum TimestampText {
    /// Formats in UTC with `Z`, with a fraction only when needed and without trailing zeros:
    /// `2009-02-13T23:31:30Z`, `2009-02-13T23:31:30.5Z`.
    static func format(_ timestamp: Timestamp) -> String {
        let days = floorDivide(timestamp.seconds, 86_400)
        let secondOfDay = timestamp.seconds - days * 86_400
        let date = CivilTime.date(fromDays: days)
        var text = pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        text += "T" + pad(secondOfDay / 3_600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if timestamp.nanos > 0 {
            var fraction = pad(Int64(timestamp.nanos), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; returns nil for anything else or a
    /// moment outside the timestamp range.
    static func parse(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(4), reader.skip("-"),
              let month = reader.number(2), reader.skip("-"),
              let day = reader.number(2), reader.skip("T", alternative: "t"),
              let hour = reader.number(2), reader.skip(":"),
              let minute = reader.number(2), reader.skip(":"),
              let second = reader.number(2)
        else { return nil }

        var nanos: Int64 = 0
        if reader.skip(".") {
            var digits = 0
            while let digit = reader.digit() {
                guard digits < 9 else { return nil }
                nanos = nanos * 10 + digit
                digits += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanos *= 10 }
        }

        var offsetSeconds: Int64 = 0
        if reader.skip("Z", alternative: "z") {
            offsetSeconds = 0
        } else if let sign = reader.sign() {
            guard let offsetHours = reader.number(2), reader.skip(":"), let offsetMinutes = reader.number(2),
                  offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = sign * (offsetHours * 3_600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard reader.atEnd else { return nil }

        guard month >= 1, month <= 12, day >= 1, day <= CivilTime.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilTime.days(from: CivilTime.Date(year: year, month: month, day: day))
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return Timestamp(seconds: seconds, nanos: nanos)
    }

    static func pad(_ number: Int64, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// A cursor over ASCII text for the fixed-width fields of dates and times.
struct DigitReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func digit() -> Int64? {
        guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else { return nil }
        defer { position += 1 }
        return Int64(bytes[position] - 0x30)
    }

    mutating func number(_ width: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<width {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    mutating func skip(_ character: Character, alternative: Character? = nil) -> Bool {
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        if byte == character.asciiValue || (alternative != nil && byte == alternative?.asciiValue) {
            position += 1
            return true
        }
        return false
    }

    mutating func sign() -> Int64? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
