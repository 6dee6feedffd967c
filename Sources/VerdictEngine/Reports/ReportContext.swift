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

    /// Findings grouped by rule, in rule order.
    public var findingsByRule: [(policy: CompiledPolicy, findings: [Finding])] {
        var groups = outcome.policies.map { (policy: $0, findings: [Finding]()) }
        for finding in outcome.findings { groups[finding.ruleIndex].findings.append(finding) }
        return groups
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
