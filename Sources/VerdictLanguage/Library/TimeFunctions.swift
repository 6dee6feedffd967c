/// Field getters of timestamps (in UTC or a given time zone) and durations.
enum TimeFunctions {
    static let functions: [Function] = [
        timestampGetter("getFullYear", "The year.") { date, _ in date.year },
        timestampGetter("getMonth", "The month, 0 for January.") { date, _ in date.month - 1 },
        timestampGetter("getDate", "The day of the month, from 1.") { date, _ in date.day },
        timestampGetter("getDayOfMonth", "The day of the month, from 0.") { date, _ in date.day - 1 },
        timestampGetter("getDayOfWeek", "The day of the week, 0 for Sunday.") { _, days in CivilTime.weekday(fromDays: days) },
        timestampGetter("getDayOfYear", "The day of the year, from 0.") { date, _ in CivilTime.dayOfYear(date) },
        clockGetter("getHours", "Hours of the day (timestamp) or whole hours (duration).", secondsPer: 3_600, modulo: 24),
        clockGetter("getMinutes", "Minutes of the hour (timestamp) or whole minutes (duration).", secondsPer: 60, modulo: 60),
        clockGetter("getSeconds", "Seconds of the minute (timestamp) or whole seconds (duration).", secondsPer: 1, modulo: 60),
        milliseconds,
    ]

    private static func timeZoneOverloads(_ name: String) -> [Overload] {
        [.method("timestamp_\(name)", [.timestamp], .int), .method("timestamp_\(name)_with_tz", [.timestamp, .string], .int)]
    }

    /// The timestamp shifted into a zone, as seconds since the epoch in local time.
    private static func localSeconds(_ arguments: [Value], function: String) throws(EvaluationError) -> (Timestamp, Int64) {
        guard case .timestamp(let timestamp) = arguments.first else { throw .noOverload(function, arguments) }
        guard arguments.count == 2 else {
            if arguments.count == 1 { return (timestamp, timestamp.seconds) }
            throw .noOverload(function, arguments)
        }
        guard case .string(let zone) = arguments[1] else { throw .noOverload(function, arguments) }
        guard let offset = TimeZoneOffset.seconds(zone: zone, at: timestamp) else {
            throw EvaluationError(.invalidArgument, "unknown time zone '\(zone)'; use UTC, an IANA name such as Europe/Paris, or an offset such as +08:00")
        }
        return (timestamp, timestamp.seconds + offset)
    }

    private static func timestampGetter(_ name: String, _ summary: String, _ field: @escaping @Sendable (CivilTime.Date, Int64) -> Int64) -> Function {
        Function(name, summary: summary, overloads: timeZoneOverloads(name), implementation: .variadic { arguments throws(EvaluationError) in
            let (_, local) = try localSeconds(arguments, function: name)
            let days = TimestampText.floorDivide(local, 86_400)
            return .int(field(CivilTime.date(fromDays: days), days))
        })
    }

    private static func clockGetter(_ name: String, _ summary: String, secondsPer unit: Int64, modulo: Int64) -> Function {
        Function(name, summary: summary, overloads: timeZoneOverloads(name) + [.method("duration_\(name)", [.duration], .int)],
                 implementation: .variadic { arguments throws(EvaluationError) in
            if case .duration(let duration) = arguments.first, arguments.count == 1 {
                return .int(duration.seconds / unit)
            }
            let (_, local) = try localSeconds(arguments, function: name)
            let secondOfDay = local - TimestampText.floorDivide(local, 86_400) * 86_400
            return .int(secondOfDay / unit % modulo)
        })
    }

    private static let milliseconds = Function(
        "getMilliseconds", summary: "Milliseconds within the second, 0 to 999.",
        overloads: timeZoneOverloads("getMilliseconds") + [.method("duration_getMilliseconds", [.duration], .int)],
        implementation: .variadic { arguments throws(EvaluationError) in
            if case .duration(let duration) = arguments.first, arguments.count == 1 {
                return .int(Int64(duration.nanos) / 1_000_000)
            }
            let (timestamp, _) = try localSeconds(arguments, function: "getMilliseconds")
            return .int(Int64(timestamp.nanos) / 1_000_000)
        })
}
