import Foundation

/// Resolves CEL time zone arguments: `UTC`, an IANA name such as `Europe/Paris`, or a
/// fixed offset `+05:30`, `-02:30` or `02:00`.
enum TimeZoneOffset {
    /// The offset from UTC, in seconds, of a zone at a moment; nil for an unknown zone.
    static func seconds(zone: String, at timestamp: Timestamp) -> Int64? {
        if zone == "UTC" || zone == "Z" { return 0 }
        if let fixed = fixedOffset(zone) { return fixed }
        guard let timeZone = TimeZone(identifier: zone) else { return nil }
        let date = Date(timeIntervalSince1970: Double(timestamp.seconds))
        return Int64(timeZone.secondsFromGMT(for: date))
    }

    private static func fixedOffset(_ zone: String) -> Int64? {
        var reader = DigitReader(bytes: Array(zone.utf8))
        let sign = reader.sign() ?? 1
        guard let hours = reader.number(2), reader.skip(":"), let minutes = reader.number(2), reader.atEnd,
              hours < 24, minutes < 60
        else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
