import VerdictPolicy

/// Counts of an evaluation run and its compliance rates.
///
/// Cloud Config rates a compliance package by resources: a resource is non-compliant when
/// any rule finds it non-compliant, compliant when every rule that applies finds it
/// compliant, and not counted when no rule applies. Verdict follows that, with one
/// addition: a resource with an ERROR and no violation counts as not compliant, so that
/// missing data can never raise the rate.
public struct Summary: Sendable {
    public var verdictCounts: [Verdict: Int] = [:]
    public var rules: [RuleSummary] = []
    public var compliantResources = 0
    public var nonCompliantResources = 0
    public var erroredResources = 0
    /// Resources that no rule applied to.
    public var notApplicableResources = 0
    /// The resources of each type by their verdict over all rules, counted like
    /// `compliantResources` and the others.
    public var resourceCountsByType: [String: [Verdict: Int]] = [:]
    public var documentCount = 0
    public var problemCount = 0

    public struct RuleSummary: Sendable {
        public let ruleID: String
        public let title: String
        public let severity: Severity
        public var counts: [Verdict: Int] = [:]

        /// Compliant results out of compliant, non-compliant and errored ones; nil when none.
        public var complianceRate: Double? {
            Summary.rate(counts[.compliant, default: 0], counts[.nonCompliant, default: 0] + counts[.error, default: 0])
        }

        /// The rule's overall verdict as Cloud Config shows it.
        public var verdict: Verdict {
            if counts[.nonCompliant, default: 0] > 0 { return .nonCompliant }
            if counts[.error, default: 0] > 0 { return .error }
            if counts[.compliant, default: 0] > 0 { return .compliant }
            return .notApplicable
        }
    }

    /// Rules with at least one NON_COMPLIANT result.
    public var rulesWithViolations: Int {
        rules.count(where: { $0.counts[.nonCompliant, default: 0] > 0 })
    }

    /// Rules with at least one ERROR result. A rule can count here and in
    /// `rulesWithViolations`, because its verdict on some resources can be NON_COMPLIANT
    /// and on others ERROR.
    public var rulesWithErrors: Int {
        rules.count(where: { $0.counts[.error, default: 0] > 0 })
    }

    /// Rules with neither a NON_COMPLIANT nor an ERROR result.
    public var rulesWithoutFindings: Int {
        rules.count(where: { $0.counts[.nonCompliant, default: 0] == 0 && $0.counts[.error, default: 0] == 0 })
    }

    /// Compliant resources out of all resources that some rule applied to.
    public var complianceRate: Double? {
        Summary.rate(compliantResources, nonCompliantResources + erroredResources)
    }

    static func rate(_ compliant: Int, _ other: Int) -> Double? {
        let total = compliant + other
        return total == 0 ? nil : Double(compliant) / Double(total)
    }

    public init(outcome: EvaluationOutcome) {
        rules = outcome.policies.map { RuleSummary(ruleID: $0.policy.id, title: $0.policy.title, severity: $0.policy.severity) }
        // Findings about one resource share one reference, which identifies the resource.
        var resourceVerdicts: [ObjectIdentifier: (type: String, verdict: Verdict)] = [:]
        var counts = [Int](repeating: 0, count: Verdict.allCases.count)
        var ruleCounts = [[Int]](repeating: counts, count: rules.count)
        for finding in outcome.findings {
            let verdict = Verdict.allCases.firstIndex(of: finding.verdict)!
            counts[verdict] += 1
            ruleCounts[finding.ruleIndex][verdict] += 1
            let key = ObjectIdentifier(finding.resource)
            resourceVerdicts[key] = (finding.resource.type, Summary.combine(resourceVerdicts[key]?.verdict, finding.verdict))
        }
        for (position, verdict) in Verdict.allCases.enumerated() {
            verdictCounts[verdict] = counts[position]
            for rule in rules.indices { rules[rule].counts[verdict] = ruleCounts[rule][position] }
        }
        for (type, verdict) in resourceVerdicts.values {
            resourceCountsByType[type, default: [:]][verdict, default: 0] += 1
            switch verdict {
            case .compliant: compliantResources += 1
            case .nonCompliant: nonCompliantResources += 1
            case .error: erroredResources += 1
            case .notApplicable: notApplicableResources += 1
            }
        }
        documentCount = outcome.documentCount
        problemCount = outcome.problems.count
    }

    /// A resource's verdict over several rules: any violation wins, then any error, then
    /// any compliant result.
    private static func combine(_ current: Verdict?, _ next: Verdict) -> Verdict {
        guard let current else { return next }
        for verdict in [Verdict.nonCompliant, .error, .compliant] where current == verdict || next == verdict {
            return verdict
        }
        return .notApplicable
    }
}
