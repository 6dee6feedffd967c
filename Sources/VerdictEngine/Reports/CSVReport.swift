import Foundation
import VerdictLanguage
import VerdictPolicy

/// CSV for spreadsheets (RFC 4180): a header and one row per result. Cells that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
/// get a leading apostrophe, because resource names and messages come from the
/// inventory and must not execute when the file is opened.
public enum CSVReport {
    static let header = ["rule", "severity", "verdict", "accountId", "region", "resourceType", "resourceId", "resourceName",
                         "message", "file", "line", "explanation"]

    public static func write(_ context: ReportContext, to stream: ReportStream) {
        stream.write(row(header))
        for finding in context.outcome.findings {
            let resource = finding.resource
            let policy = context.outcome.policies[finding.ruleIndex].policy
            let explanation = finding.explanation.map { explanation in
                explanation.steps.map { "\($0.expression) = \($0.value)" + ($0.fieldPath.map { " (\($0))" } ?? "") }.joined(separator: "; ")
            }
            stream.write(row([
                finding.ruleID, policy.severity.rawValue, finding.verdict.rawValue, resource.accountID, resource.region ?? "",
                resource.type, resource.id, resource.name ?? "", finding.message, resource.location?.file ?? "",
                resource.location.map { String($0.line) } ?? "", explanation ?? "",
            ]))
        }
    }

    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
