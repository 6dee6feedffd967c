import Foundation
import VerdictLanguage
import VerdictPolicy

/// CSV for spreadsheets (RFC 4180): a header, one row per result, then one row per
/// document that could not be read, with the verdict `ERROR` and no rule. Cells that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
/// get a leading apostrophe, because resource names and messages come from the
/// inventory and must not execute when the file is opened. For the same reason the
/// characters that `ControlCharacters` selects are written as escapes, so that printing
/// the file on a terminal is safe. Only tab, line feed and carriage return stay, inside a
/// quoted cell, because a spreadsheet reads them as part of the cell.
public enum CSVReport {
    static let header = ["rule", "severity", "verdict", "accountId", "region", "resourceType", "resourceId", "resourceName",
                         "message", "file", "line", "explanation"]

    public static func write(_ context: ReportContext, to stream: ReportStream) {
        stream.write(row(header))
        for finding in context.outcome.findings {
            let resource = finding.resource
            let policy = context.outcome.policies[finding.ruleIndex].policy
            let explanation = finding.explanation.map { explanation in
                ExplanationText.heading(explanation) + " " + explanation.steps.map(ExplanationText.stepLine).joined(separator: "; ")
            }
            stream.write(row([
                finding.ruleID, policy.severity.rawValue, finding.verdict.rawValue, resource.accountID, resource.region ?? "",
                resource.type, resource.id, resource.name ?? "", finding.message, resource.location?.file ?? "",
                resource.location.map { String($0.line) } ?? "", explanation ?? "",
            ]))
        }
        for problem in context.outcome.problems {
            stream.write(row(problemCells(problem)))
        }
    }

    /// Lays out an inventory problem in the columns of a result, so that the header stays
    /// the same. The problem is the message, and the columns about a rule or a resource
    /// are empty.
    static func problemCells(_ problem: InventoryProblem) -> [String] {
        var cells = [String](repeating: "", count: header.count)
        cells[header.firstIndex(of: "verdict")!] = Verdict.error.rawValue
        cells[header.firstIndex(of: "message")!] = problem.message
        cells[header.firstIndex(of: "file")!] = problem.location.file
        cells[header.firstIndex(of: "line")!] = String(problem.location.line)
        return cells
    }

    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// The characters a cell keeps as they are.
    // NOTE: a carriage return kept in a quoted cell still returns a terminal's cursor to
    // the start of the line when the file is printed with `cat`.
    private static let keptInCells: Set<Unicode.Scalar> = ["\t", "\n", "\r"]

    static func cell(_ value: String) -> String {
        var text = ControlCharacters.escaped(value, keeping: keptInCells)
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        // Scalars, not characters, because "\r\n" is one character that equals neither.
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
