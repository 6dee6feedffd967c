import Foundation
import VerdictLanguage
import VerdictPolicy

/// One self-contained HTML file that loads nothing from the network. It shows the
/// compliance rates overall, per rule and per resource type as inline SVG charts, the
/// documents that could not be read, and a table of findings with their explanations
/// that filters by verdict, rule, resource type and text.
///
/// The table is plain HTML, so the report reads without JavaScript. The script shows it
/// a page at a time, so that a report of many thousands of findings stays usable in a
/// browser. Compliant and not-applicable results are listed only with `showsAllResults`.
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
            <noscript><style>\(HTMLAssets.styleWithoutScript)</style></noscript>
            </head>
            <body>
            <header>
            <h1>Compliance report</h1>
            <p class="meta">\(CountText.of(context.outcome.policies.count, "rule")) · \(CountText.of(summary.documentCount, "resource document")) · \(CountText.of(context.outcome.accounts.count, "account")) · evaluated at \(context.evaluationTime.rfc3339) · \(HTMLText.isolated(context.inventories.joined(separator: ", "))) · verdict \(VerdictVersion.current)</p>
            </header>
            <main>
            <section class="overview">
            <div>\(HTMLCharts.donut(compliant: summary.compliantResources, nonCompliant: summary.nonCompliantResources, error: summary.erroredResources))</div>
            <div class="counts">\(countsTable(summary))\(problemsNote(context))</div>
            </section>
            \(problemsSection(context))<section>
            <h2>Compliance by rule</h2>
            <p class="meta">The resources each rule evaluated, by the rule's verdict on them. The rate leaves out the ones it does not apply to.</p>
            \(HTMLCharts.bars(ruleBars(context)))
            </section>
            <section>
            <h2>Compliance by resource type</h2>
            <p class="meta">The resources of each type, counted as in the overall rate: by their verdict over all rules.</p>
            \(HTMLCharts.bars(typeBars(context), labelWidth: 260))
            </section>
            <section>
            <h2>Findings</h2>

            """)
        HTMLFindingsTable.write(context, to: stream)
        stream.write("</section>\n</main>\n<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n")
    }

    /// Returns the legend of the ring: resources by verdict, as the ring and the rate count
    /// them, beside the results (one per rule and resource) that the text report's summary
    /// counts.
    static func countsTable(_ summary: Summary) -> String {
        let rows = [
            ("Compliant", Verdict.compliant, summary.compliantResources),
            ("Non-compliant", .nonCompliant, summary.nonCompliantResources),
            ("Error", .error, summary.erroredResources),
            ("Not applicable", .notApplicable, summary.notApplicableResources),
        ]
        var html = "<table class=\"summary\"><tr><th></th><th>Resources</th><th>Results</th></tr>"
        for (label, verdict, resources) in rows {
            html += "<tr><td><span class=\"badge \(HTMLFindingsTable.badgeClass(verdict))\">\(label)</span></td>"
                + "<td>\(resources)</td><td>\(summary.verdictCounts[verdict, default: 0])</td></tr>"
        }
        let evaluated = summary.compliantResources + summary.nonCompliantResources + summary.erroredResources
        html += "<tr><td>Resources compliant</td><td>\(summary.compliantResources) of \(evaluated)</td><td></td></tr></table>"
        html += "<p class=\"meta\">The ring and the rate count resources as Cloud Config does: a resource is non-compliant when any rule "
            + "finds it so, and a resource with an evaluation error and no violation counts as not compliant. A resource that no rule "
            + "applies to is not applicable and outside the rate. Results count each rule's verdict on each resource.</p>"
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
            html += "<tr><td><code>\(HTMLText.isolated(problem.location.description))</code></td><td>\(HTMLText.isolated(problem.message))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    static func ruleBars(_ context: ReportContext) -> [HTMLCharts.Bar] {
        context.summary.rules.map { rule in
            HTMLCharts.Bar(label: rule.ruleID, compliant: rule.counts[.compliant, default: 0], nonCompliant: rule.counts[.nonCompliant, default: 0],
                           error: rule.counts[.error, default: 0], notApplicable: rule.counts[.notApplicable, default: 0])
        }
    }

    /// Returns one bar per resource type, counting resources as the ring does, so that the
    /// bars add up to the ring.
    static func typeBars(_ context: ReportContext) -> [HTMLCharts.Bar] {
        let counts = context.summary.resourceCountsByType
        return counts.keys.sorted().map { type in
            let byVerdict = counts[type]!
            return HTMLCharts.Bar(label: type, compliant: byVerdict[.compliant, default: 0], nonCompliant: byVerdict[.nonCompliant, default: 0],
                                  error: byVerdict[.error, default: 0], notApplicable: byVerdict[.notApplicable, default: 0])
        }
    }
}
