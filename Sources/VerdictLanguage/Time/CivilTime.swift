/// Conversions between days since 1970-01-01 and proleptic Gregorian dates, exact for
/// every date CEL timestamps can hold (years 1 to 9999), without Foundation calendars.
enum CivilTime {
    struct Date: Equatable {
        var year: Int64
        /// 1 to 12.
        var month: Int64
        /// 1 to 31.
        var day: Int64
    }

    /// The date of a day number (days since 1970-01-01, negative before).
    static func date(fromDays days: Int64) -> Date {
        // Shift the epoch to 0000-03-01 so that leap days fall at the end of a year, then
        // split into 400-year eras of 146,097 days.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Date(year: year, month: month, day: day)
    }

    /// The day number of a date; the inverse of `date(fromDays:)`.
    static func days(from date: Date) -> Int64 {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthIndex = date.month > 2 ? date.month - 3 : date.month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the week, 0 for Sunday.
    static func weekday(fromDays days: Int64) -> Int64 {
        // 1970-01-01 was a Thursday (4).
        let remainder = (days + 4) % 7
        return remainder < 0 ? remainder + 7 : remainder
    }

    /// Zero-based day of the year.
    static func dayOfYear(_ date: Date) -> Int64 {
        days(from: date) - days(from: Date(year: date.year, month: 1, day: 1))
    }
}
