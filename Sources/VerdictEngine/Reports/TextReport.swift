import Foundation
import VerdictLanguage
import VerdictPolicy

/// The human-readable report: findings grouped by rule (violations and errors, or every
/// result with `showsAllResults`), each rule's counts, and a closing summary.
///
/// Every text that comes from an inventory or a policy passes through
/// `TerminalText.escaped`, so that it cannot move the cursor or hide a verdict. Only the
/// report's own colour codes reach the terminal as control sequences.
public enum TextReport {
    public static func render(_ context: ReportContext) -> String {
        let (stream, text) = ReportStream.collecting()
        write(context, to: stream)
        return text()
    }

    public static func write(_ context: ReportContext, to stream: ReportStream) {
        var style = TextStyle(enabled: context.usesColor)
        for (index, group) in context.findingsByRule.enumerated() {
            var lines: [String] = []
            let rule = group.policy.policy
            let findings = group.findings
            lines.append(style.bold(safe(rule.id)) + "  [\(rule.severity.rawValue)]  \(safe(rule.title))")
            let shown = context.showsAllResults ? findings : findings.filter { $0.verdict == .nonCompliant || $0.verdict == .error }
            for finding in shown {
                lines.append(contentsOf: render(finding, style: &style))
            }
            lines.append("  " + countsLine(context.summary.rules[index].counts))
            lines.append("")
            stream.write(lines.joined(separator: "\n") + "\n")
        }

        var lines: [String] = []
        if !context.outcome.problems.isEmpty {
            lines.append(style.bold("Inventory problems"))
            for problem in context.outcome.problems {
                lines.append("  " + problemLine(problem))
            }
            lines.append("")
        }
        lines.append(contentsOf: summaryLines(context, style: &style))
        stream.write(lines.joined(separator: "\n") + "\n")
    }

    /// Formats an inventory problem as `FILE:LINE:COLUMN: error: MESSAGE`, safe to print
    /// on a terminal. The report and the command's error output both use it.
    public static func problemLine(_ problem: InventoryProblem) -> String {
        safe(problem.description)
    }

    private static func render(_ finding: Finding, style: inout TextStyle) -> [String] {
        let resource = finding.resource
        var subject = "\(resource.type) \(resource.id)"
        if let name = resource.name, name != resource.id { subject += " (\(name))" }
        var place = "account \(resource.accountID)"
        if let region = resource.region { place += ", \(region)" }
        if let location = resource.location { place += ", \(location.file):\(location.line)" }
        var lines = ["  " + style.verdict(finding.verdict) + "  \(safe(subject))  [\(safe(place))]"]
        lines.append("      \(safe(finding.message))")
        if let explanation = finding.explanation {
            lines.append("      " + safe(ExplanationText.heading(explanation)))
            for step in explanation.steps {
                lines.append("        " + safe(ExplanationText.stepLine(step)))
            }
        }
        return lines
    }

    private static func safe(_ text: String) -> String {
        TerminalText.escaped(text)
    }

    static func countsLine(_ counts: [Verdict: Int]) -> String {
        let parts: [(Verdict, String)] = [(.compliant, "compliant"), (.nonCompliant, "non-compliant"), (.notApplicable, "not applicable")]
        var text = parts.compactMap { verdict, label -> String? in
            let count = counts[verdict, default: 0]
            return count == 0 ? nil : "\(count) \(label)"
        }
        // "error" is a noun where the other labels are adjectives, so only it takes a plural.
        let errors = counts[.error, default: 0]
        if errors > 0 { text.append(CountText.of(errors, "error")) }
        return text.isEmpty ? "no resource in scope" : text.joined(separator: ", ")
    }

    static func summaryLines(_ context: ReportContext, style: inout TextStyle) -> [String] {
        let summary = context.summary
        var lines = [style.bold("Summary")]
        let ruleCount = context.outcome.policies.count
        let accountCount = context.outcome.accounts.count
        lines.append("  \(CountText.of(ruleCount, "rule")), \(CountText.of(summary.documentCount, "resource document")), \(CountText.of(accountCount, "account")), evaluated at \(context.evaluationTime.rfc3339)")
        let counts = Verdict.allCases.map { "\($0.rawValue) \(summary.verdictCounts[$0, default: 0])" }
        lines.append("  Results: " + counts.joined(separator: ", "))
        // A rule's own verdict is NON_COMPLIANT whenever it has a violation, even when it
        // also has errors, so counting rules by verdict hid the errors; count each kind.
        lines.append("  Rules: \(summary.rules.count) evaluated, \(summary.rulesWithViolations) with non-compliant resources, "
            + "\(summary.rulesWithErrors) with errors, \(summary.rulesWithoutFindings) without violations or errors")
        if let rate = summary.complianceRate {
            let evaluated = summary.compliantResources + summary.nonCompliantResources + summary.erroredResources
            var line = "  Compliance rate: \(rate.percentText) of resources (\(summary.compliantResources) of \(evaluated) compliant"
            let errored = summary.erroredResources
            if errored > 0 {
                line += "; \(CountText.of(errored, "resource")) with errors \(errored == 1 ? "counts" : "count") as not compliant"
            }
            lines.append(line + ")")
        } else {
            lines.append("  Compliance rate: none (no rule applied to any resource)")
        }
        if summary.problemCount > 0 {
            lines.append("  Inventory problems: \(CountText.of(summary.problemCount, "document")) could not be read")
        }
        return lines
    }
}

/// ANSI styling for terminals, off unless enabled.
struct TextStyle {
    let enabled: Bool

    mutating func bold(_ text: String) -> String {
        enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    mutating func verdict(_ verdict: Verdict) -> String {
        let padded = verdict.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
        guard enabled else { return padded }
        let code: String
        switch verdict {
        case .compliant: code = "32"
        case .nonCompliant: code = "31"
        case .error: code = "35"
        case .notApplicable: code = "2"
        }
        return "\u{1B}[\(code)m\(padded)\u{1B}[0m"
    }
}
