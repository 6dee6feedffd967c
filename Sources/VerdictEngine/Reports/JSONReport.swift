import VerdictLanguage
import VerdictPolicy

/// The machine-readable report: one object with the rules (and their resolved
/// parameters), every result, the inventory problems and the summary. Results are
/// written one at a time, so the report is never built in memory whole.
public enum JSONReport {
    public static func render(_ context: ReportContext) -> String {
        let (stream, text) = ReportStream.collecting()
        write(context, to: stream)
        return text()
    }

    public static func write(_ context: ReportContext, to stream: ReportStream) {
        stream.write("{\n  \"tool\": ")
        stream.writeJSON(.object([("name", .string("verdict")), ("version", .string(VerdictVersion.current))]))
        stream.write(",\n  \"evaluationTime\": ")
        stream.writeJSONString(context.evaluationTime.rfc3339)
        stream.write(",\n  \"inventories\": ")
        stream.writeJSON(.list(context.inventories.map { .string($0) }))
        stream.write(",\n  \"rules\": [")
        for (index, compiled) in context.outcome.policies.enumerated() {
            stream.write(index == 0 ? "\n    " : ",\n    ")
            stream.writeJSON(rule(compiled, context.summary.rules[index]))
        }
        stream.write("\n  ],\n  \"results\": [")
        for (index, finding) in context.outcome.findings.enumerated() {
            stream.write(index == 0 ? "\n    " : ",\n    ")
            writeResult(finding, to: stream)
        }
        stream.write("\n  ],\n  \"inventoryProblems\": [")
        for (index, problem) in context.outcome.problems.enumerated() {
            stream.write(index == 0 ? "\n    " : ",\n    ")
            stream.writeJSON(self.problem(problem))
        }
        stream.write("\n  ],\n  \"summary\": ")
        stream.writeJSON(summary(context))
        stream.write("\n}\n")
    }

    private static func rule(_ compiled: CompiledPolicy, _ summary: Summary.RuleSummary) -> Value {
        let policy = compiled.policy
        var entries: [(String, Value)] = [
            ("id", .string(policy.id)), ("title", .string(policy.title)), ("severity", .string(policy.severity.rawValue)),
        ]
        switch policy.scope {
        case .account:
            entries.append(("scope", .string("account")))
        case .resourceTypes(let types):
            entries.append(("scope", .string("resource")))
            entries.append(("resourceTypes", .list(types.map { .string($0) })))
        }
        entries.append(("parameters", .object(policy.parameters.map { ($0.name, compiled.parameterValues[$0.name] ?? $0.defaultValue) })))
        entries.append(("verdict", .string(summary.verdict.rawValue)))
        entries.append(("counts", counts(summary.counts)))
        entries.append(("file", .string(policy.file.name)))
        return .object(entries)
    }

    /// One result as a compact object, written field by field.
    static func writeResult(_ finding: Finding, to stream: ReportStream) {
        let resource = finding.resource
        stream.write("{\"rule\": ")
        stream.writeJSONString(finding.ruleID)
        stream.write(", \"resourceId\": ")
        stream.writeJSONString(resource.id)
        stream.write(", \"resourceType\": ")
        stream.writeJSONString(resource.type)
        stream.write(", \"accountId\": ")
        stream.writeJSONString(resource.accountID)
        stream.write(", \"region\": ")
        optional(resource.region, to: stream)
        stream.write(", \"resourceName\": ")
        optional(resource.name, to: stream)
        stream.write(", \"verdict\": \"\(finding.verdict.rawValue)\", \"message\": ")
        stream.writeJSONString(finding.message)
        if let location = resource.location {
            stream.write(", \"location\": {\"file\": ")
            stream.writeJSONString(location.file)
            stream.write(", \"line\": \(location.line), \"column\": \(location.column)}")
        }
        if let explanation = finding.explanation {
            stream.write(", \"explanation\": ")
            stream.writeJSON(self.explanation(explanation))
        }
        stream.write("}")
    }

    private static func optional(_ text: String?, to stream: ReportStream) {
        if let text { stream.writeJSONString(text) } else { stream.write("null") }
    }

    /// A result as a value, for formats that embed results.
    static func result(_ finding: Finding) -> Value {
        let (stream, text) = ReportStream.collecting()
        writeResult(finding, to: stream)
        return (try? JSONReader.parse(text())) ?? .null
    }

    static func explanation(_ explanation: Explanation) -> Value {
        .object([
            ("condition", .string(explanation.conditionKey)),
            ("file", .string(explanation.file)), ("line", .int(Int64(explanation.line))), ("column", .int(Int64(explanation.column))),
            ("steps", .list(explanation.steps.map { step in
                var entries: [(String, Value)] = [("expression", .string(step.expression)), ("value", .string(step.value))]
                if let path = step.fieldPath { entries.append(("field", .string(path))) }
                entries.append(("line", .int(Int64(step.line))))
                entries.append(("column", .int(Int64(step.column))))
                return .object(entries)
            })),
        ])
    }

    private static func problem(_ problem: InventoryProblem) -> Value {
        .object([
            ("file", .string(problem.location.file)), ("line", .int(Int64(problem.location.line))),
            ("column", .int(Int64(problem.location.column))), ("message", .string(problem.message)),
        ])
    }

    private static func counts(_ counts: [Verdict: Int]) -> Value {
        .object(Verdict.allCases.map { ($0.rawValue, .int(Int64(counts[$0, default: 0]))) })
    }

    private static func summary(_ context: ReportContext) -> Value {
        let summary = context.summary
        return .object([
            ("documents", .int(Int64(summary.documentCount))),
            ("accounts", .int(Int64(context.outcome.accounts.count))),
            ("inventoryProblems", .int(Int64(summary.problemCount))),
            ("results", counts(summary.verdictCounts)),
            ("resources", .object([
                ("compliant", .int(Int64(summary.compliantResources))),
                ("nonCompliant", .int(Int64(summary.nonCompliantResources))),
                ("error", .int(Int64(summary.erroredResources))),
                ("notApplicable", .int(Int64(summary.notApplicableResources))),
            ])),
            ("complianceRate", summary.complianceRate.map { .double($0) } ?? .null),
        ])
    }
}
