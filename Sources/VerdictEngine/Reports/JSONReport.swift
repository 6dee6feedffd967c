import VerdictLanguage
import VerdictPolicy

/// The machine-readable report: one object with the rules (and their resolved
/// parameters), every result, the inventory problems and the summary.
public enum JSONReport {
    public static func render(_ context: ReportContext) -> String {
        JSONWriter.string(value(context), pretty: true) + "\n"
    }

    static func value(_ context: ReportContext) -> Value {
        .object([
            ("tool", .object([("name", .string("verdict")), ("version", .string(VerdictVersion.current))])),
            ("evaluationTime", .string(context.evaluationTime.rfc3339)),
            ("inventories", .list(context.inventories.map { .string($0) })),
            ("rules", .list(context.outcome.policies.enumerated().map { rule($1, context.summary.rules[$0]) })),
            ("results", .list(context.outcome.findings.map(result))),
            ("inventoryProblems", .list(context.outcome.problems.map(problem))),
            ("summary", summary(context)),
        ])
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

    static func result(_ finding: Finding) -> Value {
        let resource = finding.resource
        var entries: [(String, Value)] = [
            ("rule", .string(finding.ruleID)),
            ("resourceId", .string(resource.id)),
            ("resourceType", .string(resource.type)),
            ("accountId", .string(resource.accountID)),
            ("region", resource.region.map { .string($0) } ?? .null),
            ("resourceName", resource.name.map { .string($0) } ?? .null),
            ("verdict", .string(finding.verdict.rawValue)),
            ("message", .string(finding.message)),
        ]
        if let location = resource.location {
            entries.append(("location", .object([
                ("file", .string(location.file)), ("line", .int(Int64(location.line))), ("column", .int(Int64(location.column))),
            ])))
        }
        if let explanation = finding.explanation {
            entries.append(("explanation", self.explanation(explanation)))
        }
        return .object(entries)
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
