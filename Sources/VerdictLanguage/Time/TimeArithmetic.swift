/// Timestamp and duration arithmetic with CEL's range checks.
enum TimeArithmetic {
    static let timestampRange = EvaluationError(.outOfRange, "timestamp out of range (0001-01-01 to 9999-12-31)")
    static let durationRange = EvaluationError(.outOfRange, "duration out of range")

    static func add(_ timestamp: Timestamp, _ duration: Duration) throws(EvaluationError) -> Timestamp {
        let (seconds, overflow) = timestamp.seconds.addingReportingOverflow(duration.seconds)
        guard !overflow, let result = Timestamp(seconds: seconds, nanos: Int64(timestamp.nanos) + Int64(duration.nanos)) else {
            throw timestampRange
        }
        return result
    }

    static func add(_ lhs: Duration, _ rhs: Duration) throws(EvaluationError) -> Duration {
        guard let result = Duration(seconds: lhs.seconds + rhs.seconds, nanos: Int64(lhs.nanos) + Int64(rhs.nanos)) else {
            throw durationRange
        }
        return result
    }

    static func negate(_ duration: Duration) throws(EvaluationError) -> Duration {
        guard let result = Duration(seconds: -duration.seconds, nanos: -Int64(duration.nanos)) else { throw durationRange }
        return result
    }

    /// `lhs - rhs`. The result must also fit in 64-bit nanoseconds (about 292 years), the
    /// bound of cel-go, whose conformance tests expect an error beyond it.
    static func difference(_ lhs: Timestamp, _ rhs: Timestamp) throws(EvaluationError) -> Duration {
        guard let result = Duration(seconds: lhs.seconds - rhs.seconds, nanos: Int64(lhs.nanos) - Int64(rhs.nanos)),
              result.totalNanoseconds != nil
        else { throw durationRange }
        return result
    }
}
