import VerdictLanguage
import VerdictPolicy

/// What every report format receives: the outcome, its summary, and how the run was set up.
public struct ReportContext: Sendable {
    public let outcome: EvaluationOutcome
    public let summary: Summary
    public let evaluationTime: Timestamp
    /// The inventories as the user named them.
    public let inventories: [String]
    /// List every result in human-readable formats, not only violations and errors.
    public var showsAllResults = false
    /// Use ANSI colours in the text report.
    public var usesColor = false

    public init(outcome: EvaluationOutcome, evaluationTime: Timestamp, inventories: [String]) {
        self.outcome = outcome
        self.summary = Summary(outcome: outcome)
        self.evaluationTime = evaluationTime
        self.inventories = inventories
    }

    /// Findings grouped by rule, in rule order. The outcome's findings are sorted by rule,
    /// so each group is a slice of them rather than a copy.
    public var findingsByRule: [(policy: CompiledPolicy, findings: ArraySlice<Finding>)] {
        let findings = outcome.findings
        var start = findings.startIndex
        return outcome.policies.enumerated().map { ruleIndex, policy in
            var end = start
            while end < findings.endIndex && findings[end].ruleIndex == ruleIndex { end += 1 }
            defer { start = end }
            return (policy: policy, findings: findings[start..<end])
        }
    }
}

/// The version reported by `verdict --version` and written into reports.
public enum VerdictVersion {
    public static let current = "0.1.0"
}

extension Double {
    /// A rate as a percentage with one decimal, such as `83.3%`.
    public var percentText: String {
        let tenths = (self * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }
}
