import Foundation
import VerdictLanguage
import VerdictPolicy

/// One self-contained HTML file: compliance rates overall, per rule and per resource type
/// as inline SVG charts, and a table of findings that filters by verdict, rule and
/// resource type, with each finding's explanation. It loads nothing from the network.
///
/// The findings travel as JSON inside the page and the table shows them a page at a
/// time, so that a report of many thousands of findings stays usable in a browser.
/// Compliant and not-applicable results are listed only with `showsAllResults`.
public enum HTMLReport {
    public static func write(_ context: ReportContext, to stream: ReportStream) {
        let summary = context.summary
        stream.write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Verdict compliance report</title>
            <style>\(HTMLAssets.style)</style>
            </head>
            <body>
            <header>
            <h1>Compliance report</h1>
            <p class="meta">\(CountText.of(context.outcome.policies.count, "rule")) · \(CountText.of(summary.documentCount, "resource document")) · \(CountText.of(context.outcome.accounts.count, "account")) · evaluated at \(context.evaluationTime.rfc3339) · \(HTMLCharts.escape(context.inventories.joined(separator: ", "))) · verdict \(VerdictVersion.current)</p>
            </header>
            <main>
            <section class="overview">
            <div>\(HTMLCharts.donut(compliant: summary.compliantResources, nonCompliant: summary.nonCompliantResources, error: summary.erroredResources))</div>
            <div class="counts">\(countsTable(summary))\(problemsNote(context))</div>
            </section>
            \(problemsSection(context))<section>
            <h2>Compliance by rule</h2>
            \(HTMLCharts.bars(ruleBars(context)))
            </section>
            <section>
            <h2>Compliance by resource type</h2>
            \(HTMLCharts.bars(typeBars(context), labelWidth: 260))
            </section>
            <section>
            <h2>Findings</h2>
            \(filters(context))
            <p id="shown" class="meta"></p>
            <table id="findings"><thead><tr><th>Verdict</th><th>Rule</th><th>Resource</th><th>Account and region</th><th>Why</th></tr></thead><tbody></tbody></table>
            <p><button id="more" type="button">Show more</button></p>
            <noscript><p>The findings table needs JavaScript; the charts above do not.</p></noscript>
            </section>
            </main>
            <script type="application/json" id="data">
            """)
        writeData(context, to: stream)
        stream.write("\n</script>\n<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n")
    }

    private static func countsTable(_ summary: Summary) -> String {
        let rows = [("Compliant", Verdict.compliant, "compliant"), ("Non-compliant", .nonCompliant, "noncompliant"),
                    ("Not applicable", .notApplicable, "notapplicable"), ("Error", .error, "error")]
        var html = "<table class=\"summary\"><tr><th>Results</th><th></th></tr>"
        for (label, verdict, style) in rows {
            html += "<tr><td><span class=\"badge \(style)\">\(label)</span></td><td>\(summary.verdictCounts[verdict, default: 0])</td></tr>"
        }
        let evaluated = summary.compliantResources + summary.nonCompliantResources + summary.erroredResources
        html += "<tr><td>Resources compliant</td><td>\(summary.compliantResources) of \(evaluated)</td></tr></table>"
        html += "<p class=\"meta\">The rate counts resources as Cloud Config does: a resource is non-compliant when any rule finds it so; a resource with an evaluation error and no violation counts as not compliant.</p>"
        return html
    }

    private static func problemsNote(_ context: ReportContext) -> String {
        let count = context.outcome.problems.count
        guard count > 0 else { return "" }
        return "<p class=\"warning\">\(CountText.of(count, "document")) of the inventory could not be read, so no rule evaluated "
            + "\(count == 1 ? "it" : "them"). <a href=\"#problems\">Inventory problems</a> lists why.</p>"
    }

    /// Lists the documents that could not be read, with their place in the inventory.
    static func problemsSection(_ context: ReportContext) -> String {
        let problems = context.outcome.problems
        guard !problems.isEmpty else { return "" }
        var html = "<section id=\"problems\">\n<h2>Inventory problems</h2>\n<table class=\"problems\"><thead><tr><th>Place</th><th>Problem</th></tr></thead><tbody>\n"
        for problem in problems {
            html += "<tr><td><code>\(HTMLCharts.escape(problem.location.description))</code></td><td>\(HTMLCharts.escape(problem.message))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    static func ruleBars(_ context: ReportContext) -> [HTMLCharts.Bar] {
        context.summary.rules.map { rule in
            HTMLCharts.Bar(label: rule.ruleID, compliant: rule.counts[.compliant, default: 0], nonCompliant: rule.counts[.nonCompliant, default: 0],
                           error: rule.counts[.error, default: 0], notApplicable: rule.counts[.notApplicable, default: 0])
        }
    }

    static func typeBars(_ context: ReportContext) -> [HTMLCharts.Bar] {
        var counts: [String: [Verdict: Int]] = [:]
        for finding in context.outcome.findings { counts[finding.resource.type, default: [:]][finding.verdict, default: 0] += 1 }
        return counts.keys.sorted().map { type in
            let byVerdict = counts[type]!
            return HTMLCharts.Bar(label: type, compliant: byVerdict[.compliant, default: 0], nonCompliant: byVerdict[.nonCompliant, default: 0],
                                  error: byVerdict[.error, default: 0], notApplicable: byVerdict[.notApplicable, default: 0])
        }
    }

    private static func filters(_ context: ReportContext) -> String {
        let verdicts = (context.showsAllResults ? Verdict.allCases : [.nonCompliant, .error])
            .map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
        let rules = context.outcome.policies.map { "<option>\(HTMLCharts.escape($0.policy.id))</option>" }.joined()
        let types = Set(context.outcome.findings.map(\.resource.type)).sorted().map { "<option>\(HTMLCharts.escape($0))</option>" }.joined()
        let listed = context.showsAllResults ? "" : "<p class=\"meta\">Listed: NON_COMPLIANT and ERROR results. Run verdict check with --show-all to list every result.</p>"
        return """
            \(listed)<form class="filters" onsubmit="return false">
            <label>Verdict <select id="verdict"><option value="">all</option>\(verdicts)</select></label>
            <label>Rule <select id="rule"><option value="">all</option>\(rules)</select></label>
            <label>Resource type <select id="type"><option value="">all</option>\(types)</select></label>
            <label>Search <input id="search" type="search" placeholder="resource id, name or message"></label>
            </form>
            """
    }

    /// The findings as JSON: `{"rules": [...], "findings": [{"v", "r", "t", "id", "n", "a", "g", "m", "l", "x"}]}`.
    private static func writeData(_ context: ReportContext, to stream: ReportStream) {
        let rules = Value.list(context.outcome.policies.map { .object([("id", .string($0.policy.id)), ("title", .string($0.policy.title)), ("severity", .string($0.policy.severity.rawValue))]) })
        stream.write("{\"rules\": " + safe(JSONWriter.string(rules)) + ", \"findings\": [")
        var first = true
        for finding in context.outcome.findings where context.showsAllResults || finding.verdict == .nonCompliant || finding.verdict == .error {
            stream.write(first ? "\n" : ",\n")
            first = false
            stream.write(safe(JSONWriter.string(row(finding))))
        }
        stream.write("\n]}")
    }

    private static func row(_ finding: Finding) -> Value {
        let resource = finding.resource
        var entries: [(String, Value)] = [
            ("v", .string(finding.verdict.rawValue)), ("r", .int(Int64(finding.ruleIndex))), ("t", .string(resource.type)),
            ("id", .string(resource.id)), ("a", .string(resource.accountID)), ("m", .string(finding.message)),
        ]
        if let name = resource.name { entries.append(("n", .string(name))) }
        if let region = resource.region { entries.append(("g", .string(region))) }
        if let location = resource.location { entries.append(("l", .string("\(location.file):\(location.line)"))) }
        if let explanation = finding.explanation {
            entries.append(("x", .object([
                ("c", .string("\(explanation.conditionKey), \(explanation.file):\(explanation.line)")),
                ("s", .list(explanation.steps.map { step in
                    .list([.string(step.expression), .string(step.value), step.fieldPath.map { .string($0) } ?? .null])
                })),
            ])))
        }
        return .object(entries)
    }

    /// JSON that is safe inside a script element: no `<` can close it early.
    private static func safe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
