/// The outcome of evaluating one rule against one resource (or one account).
public enum Verdict: String, Sendable, CaseIterable, Comparable {
    case compliant = "COMPLIANT"
    case nonCompliant = "NON_COMPLIANT"
    /// The rule's applicability condition was false, or the resource is outside its scope.
    case notApplicable = "NOT_APPLICABLE"
    /// The rule could not decide: data it needs is missing or malformed.
    case error = "ERROR"

    /// Order for reports: the results that need attention first.
    private var rank: Int {
        switch self {
        case .error: return 0
        case .nonCompliant: return 1
        case .compliant: return 2
        case .notApplicable: return 3
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}

/// How much a violation of a rule matters. Cloud Config calls these risk levels 1 to 3.
public enum Severity: String, Sendable, CaseIterable {
    case high, medium, low
}
