import VerdictEngine
import VerdictPolicy

/// What `verdict check` says when documents fall outside every rule's scope: a warning
/// for each resource type that looks like a misspelling of a known one, and the error
/// when no rule evaluated anything at all.
enum ScopeMessages {
    /// `N documents have resource type 'T', which no rule evaluates; did you mean 'U'?`
    /// for each type that no selected rule evaluates and that neither a loaded policy nor
    /// a resource schema names, but that resembles a type one of them names.
    static func misspelledTypeWarnings(_ outcome: EvaluationOutcome, selection: PolicySelection) -> [String] {
        let evaluated = Set(ResourceTypeCoverage.evaluatedTypes(outcome.policies.map(\.policy)))
        let known = Set(ResourceTypeCoverage.evaluatedTypes(selection.catalog.policies)).union(selection.schemas.resourceTypes)
        return ResourceTypeCoverage.misspellings(documentTypes: outcome.documentTypes, evaluated: evaluated, known: known).map { misspelling in
            let count = misspelling.documentCount
            return TerminalText.escaped("\(CountText.of(count, "document")) \(count == 1 ? "has" : "have") resource type '\(misspelling.type)', "
                + "which no rule evaluates; did you mean '\(misspelling.suggestion)'?")
        }
    }

    /// How many inventory types the error lists; the rest are counted.
    static let listedTypes = 10

    /// `no rule evaluated any resource: the inventory holds types A (n), B (m); the
    /// selected rules evaluate X, Y`, the most frequent types first.
    static func nothingEvaluated(_ outcome: EvaluationOutcome) -> String {
        let types = outcome.documentTypes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var held = types.prefix(listedTypes).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        if types.count > listedTypes { held += " and \(CountText.of(types.count - listedTypes, "more type"))" }
        let evaluated = outcome.policies.flatMap { compiled -> [String] in
            switch compiled.policy.scope {
            case .resourceTypes(let scoped): return scoped
            case .account: return ["accounts"]
            }
        }
        var seen = Set<String>()
        let rules = evaluated.filter { seen.insert($0).inserted }.sorted()
        return TerminalText.escaped("no rule evaluated any resource: the inventory holds \(types.count == 1 ? "type" : "types") \(held); "
            + "the selected \(CountText.noun(outcome.policies.count, "rule")) \(outcome.policies.count == 1 ? "evaluates" : "evaluate") \(rules.joined(separator: ", "))")
    }
}
