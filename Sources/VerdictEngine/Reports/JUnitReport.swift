import VerdictLanguage
import VerdictPolicy

/// JUnit XML, for CI systems: one test suite per rule and one test case per rule and
/// resource. NON_COMPLIANT is a failure, ERROR an error, NOT_APPLICABLE a skipped test,
/// each with the message and the explanation. Documents that could not be read form a
/// last suite, `inventory`, with one errored test case each.
public enum JUnitReport {
    /// The name of the suite that lists inventory problems.
    static let inventorySuite = "inventory"

    public static func write(_ context: ReportContext, to stream: ReportStream) {
        let counts = context.summary.verdictCounts
        let problems = context.outcome.problems
        let tests = context.outcome.findings.count + problems.count
        let errors = counts[.error, default: 0] + problems.count
        stream.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        stream.write("<testsuites name=\"verdict\" tests=\"\(tests)\" failures=\"\(counts[.nonCompliant, default: 0])\" errors=\"\(errors)\" skipped=\"\(counts[.notApplicable, default: 0])\" time=\"0\" timestamp=\"\(context.evaluationTime.rfc3339)\">\n")
        for (index, group) in context.findingsByRule.enumerated() {
            let rule = group.policy.policy
            let ruleCounts = context.summary.rules[index].counts
            stream.write("  <testsuite name=\(attribute(rule.id)) tests=\"\(group.findings.count)\" failures=\"\(ruleCounts[.nonCompliant, default: 0])\" errors=\"\(ruleCounts[.error, default: 0])\" skipped=\"\(ruleCounts[.notApplicable, default: 0])\" time=\"0\" timestamp=\"\(context.evaluationTime.rfc3339)\">\n")
            stream.write("    <properties>\n      <property name=\"title\" value=\(attribute(rule.title))/>\n      <property name=\"severity\" value=\"\(rule.severity.rawValue)\"/>\n    </properties>\n")
            for finding in group.findings {
                writeCase(finding, to: stream)
            }
            stream.write("  </testsuite>\n")
        }
        if !problems.isEmpty { writeProblems(problems, context, to: stream) }
        stream.write("</testsuites>\n")
    }

    private static func writeProblems(_ problems: [InventoryProblem], _ context: ReportContext, to stream: ReportStream) {
        stream.write("  <testsuite name=\"\(inventorySuite)\" tests=\"\(problems.count)\" failures=\"0\" errors=\"\(problems.count)\" skipped=\"0\" time=\"0\" timestamp=\"\(context.evaluationTime.rfc3339)\">\n")
        for problem in problems {
            let location = problem.location
            stream.write("    <testcase classname=\"\(inventorySuite)\" name=\(attribute(location.description)) time=\"0\" file=\(attribute(location.file)) line=\"\(location.line)\">\n")
            stream.write("      <error message=\(attribute(problem.message)) type=\"INVENTORY_PROBLEM\">\(text(problem.description))</error>\n    </testcase>\n")
        }
        stream.write("  </testsuite>\n")
    }

    private static func writeCase(_ finding: Finding, to stream: ReportStream) {
        let resource = finding.resource
        var name = "\(resource.type) \(resource.id)"
        if let resourceName = resource.name, resourceName != resource.id { name += " \"\(resourceName)\"" }
        name += " (account \(resource.accountID)"
        if let region = resource.region { name += ", \(region)" }
        name += ")"
        var open = "    <testcase classname=\(attribute(finding.ruleID)) name=\(attribute(name)) time=\"0\""
        if let location = resource.location { open += " file=\(attribute(location.file)) line=\"\(location.line)\"" }
        switch finding.verdict {
        case .compliant:
            stream.write(open + "/>\n")
        case .notApplicable:
            stream.write(open + ">\n      <skipped message=\(attribute(finding.message))/>\n    </testcase>\n")
        case .nonCompliant, .error:
            let element = finding.verdict == .error ? "error" : "failure"
            stream.write(open + ">\n      <\(element) message=\(attribute(finding.message)) type=\"\(finding.verdict.rawValue)\">")
            stream.write(text(details(finding)))
            stream.write("</\(element)>\n    </testcase>\n")
        }
    }

    /// The message and the explanation, as plain text lines.
    static func details(_ finding: Finding) -> String {
        var lines = [finding.message]
        if let explanation = finding.explanation {
            lines.append(ExplanationText.heading(explanation))
            for step in explanation.steps {
                lines.append("  " + ExplanationText.stepLine(step))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A quoted XML attribute value.
    static func attribute(_ value: String) -> String {
        "\"" + escape(value, quotes: true) + "\""
    }

    static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    /// Escapes markup characters and shows the characters that `ControlCharacters`
    /// selects as escapes, as every format does. Tab, line feed and carriage return are
    /// the exceptions. They are written as character references where an XML reader would
    /// otherwise change them: in attribute values, which readers normalise to spaces, and
    /// a carriage return in text, which readers turn into a line feed. The other C0
    /// controls, U+FFFE and U+FFFF cannot appear in XML 1.0 at all, not even as
    /// references, so only the visible escape can show them.
    private static func escape(_ value: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\t" where quotes: result += "&#9;"
            case "\n" where quotes: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": result += ControlCharacters.escape(scalar)
            default:
                if ControlCharacters.isEscaped(scalar) {
                    result += ControlCharacters.escape(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
