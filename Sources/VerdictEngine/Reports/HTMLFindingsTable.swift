import VerdictPolicy

/// The findings table of the HTML report, written as HTML rows so that it reads without
/// JavaScript. The script only filters and pages: it hides rows and shows them again.
///
/// Rows after the first page carry the `hidden` attribute, so that a browser lays out one
/// page of a large report, not all of it. Without scripts a `<noscript>` style in the
/// page shows them all.
enum HTMLFindingsTable {
    /// How many rows show before "Show more"; the script reads it from `data-page-size`.
    static let pageSize = 200

    /// Tells whether the table lists a finding: every result with `showsAllResults`,
    /// otherwise only violations and errors.
    static func isListed(_ finding: Finding, _ context: ReportContext) -> Bool {
        context.showsAllResults || finding.verdict == .nonCompliant || finding.verdict == .error
    }

    static func write(_ context: ReportContext, to stream: ReportStream) {
        let listedCount = context.outcome.findings.count { isListed($0, context) }
        stream.write(filters(context))
        stream.write("""
            <noscript><p class="meta">All \(CountText.of(listedCount, "finding")) are listed below. Filtering, search and paging need JavaScript.</p></noscript>
            <p id="shown" class="meta"></p>
            <table id="findings" data-page-size="\(pageSize)">
            <colgroup><col class="verdict"><col class="rule"><col class="resource"><col class="place"><col class="why"></colgroup>
            <thead><tr><th>Verdict</th><th>Rule</th><th>Resource</th><th>Account and region</th><th>Why</th></tr></thead>
            <tbody>

            """)
        var position = 0
        for finding in context.outcome.findings where isListed(finding, context) {
            let policy = context.outcome.policies[finding.ruleIndex].policy
            stream.write(row(finding, policy, hidden: position >= pageSize))
            position += 1
        }
        stream.write("</tbody></table>\n<p><button id=\"more\" type=\"button\"\(listedCount > pageSize ? "" : " hidden")>Show more</button></p>\n")
    }

    private static func filters(_ context: ReportContext) -> String {
        let verdicts = (context.showsAllResults ? Verdict.allCases : [.nonCompliant, .error])
            .map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
        let rules = context.outcome.policies.enumerated()
            .map { index, compiled in "<option value=\"\(index)\">\(escape(compiled.policy.id))</option>" }.joined()
        let listedTypes = context.outcome.findings.lazy.filter { isListed($0, context) }.map(\.resource.type)
        let types = Set(listedTypes).sorted().map { "<option>\(escape($0))</option>" }.joined()
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

    /// Writes one finding as a table row. The filters compare its `data-` attributes. Each
    /// text from the inventory or the policy is isolated in `<bdi>`.
    static func row(_ finding: Finding, _ policy: Policy, hidden: Bool) -> String {
        let resource = finding.resource
        var html = "<tr data-verdict=\"\(finding.verdict.rawValue)\" data-rule=\"\(finding.ruleIndex)\" data-type=\"\(escape(resource.type))\"\(hidden ? " hidden" : "")>"
        html += "<td><span class=\"badge \(badgeClass(finding.verdict))\">\(finding.verdict.rawValue)</span></td>"
        html += "<td><code>\(isolate(policy.id))</code><div class=\"meta\">\(policy.severity.rawValue)</div></td>"

        html += "<td><div>\(isolate(resource.type))</div><code>\(isolate(resource.id))</code>"
        if let name = resource.name, name != resource.id { html += "<div class=\"meta\">\(isolate(name))</div>" }
        if let location = resource.location { html += "<div class=\"meta\">\(isolate("\(location.file):\(location.line)"))</div>" }
        html += "</td>"

        html += "<td>\(isolate(resource.accountID))"
        if let region = resource.region { html += " · " + isolate(region) }
        html += "</td>"

        html += "<td><div>\(isolate(finding.message))</div>"
        if let explanation = finding.explanation {
            html += "<details><summary>explanation (\(explanation.conditionKey), \(isolate("\(explanation.file):\(explanation.line)")))</summary><ul class=\"steps\">"
            for step in explanation.steps {
                html += "<li><code>\(isolate(step.expression)) = \(isolate(step.value))</code>"
                if let path = step.fieldPath { html += "<span class=\"path\"> ← \(isolate(path))</span>" }
                html += "</li>"
            }
            html += "</ul></details>"
        }
        return html + "</td></tr>\n"
    }

    /// Returns the CSS class of a verdict's badge.
    static func badgeClass(_ verdict: Verdict) -> String {
        switch verdict {
        case .compliant: return "compliant"
        case .nonCompliant: return "noncompliant"
        case .notApplicable: return "notapplicable"
        case .error: return "error"
        }
    }

    private static func escape(_ text: String) -> String {
        HTMLText.escaped(text)
    }

    private static func isolate(_ text: String) -> String {
        HTMLText.isolated(text)
    }
}
