import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy

/// Times a whole evaluation of the shipped pack in-process: loading and compiling the
/// policies, then reading and evaluating the inventory, with the verdict counts so that a
/// run that went wrong shows.
enum CheckBenchmark {
    static func run(inventory: String, policies: String, workers: Int?, explain: Bool) -> String {
        var compiled: [CompiledPolicy] = []
        let compileSeconds = Measurement.seconds {
            let catalog = PolicyCatalog.load(paths: [policies])
            let ids = catalog.pack(id: "genai-best-practices")?.ruleIDs ?? catalog.policies.map(\.id)
            compiled = ids.compactMap { catalog.policy(id: $0) }.compactMap { try? PolicyCompiler.compile($0).get() }
        }
        guard !compiled.isEmpty, let reader = try? InventoryReader(paths: [inventory]) else {
            return "verdict-bench check: cannot load the policies from \(policies) or open \(inventory)"
        }
        let now = Timestamp(rfc3339: "2025-03-10T00:00:00Z")!
        var outcome: EvaluationOutcome?
        let evaluateSeconds = Measurement.seconds {
            var options = EvaluationOptions(now: now, explain: explain)
            if let workers { options.workers = workers }
            outcome = EvaluationSession(policies: compiled, options: options).run(reader)
        }
        let summary = Summary(outcome: outcome!)
        let counts = Verdict.allCases.map { "\($0.rawValue) \(summary.verdictCounts[$0, default: 0])" }.joined(separator: ", ")
        let documents = Double(outcome!.documentCount)
        return """
            rules compiled: \(compiled.count) in \(Measurement.format(compileSeconds * 1000)) ms
            documents: \(outcome!.documentCount), inventory problems: \(outcome!.problems.count)
            read and evaluate (\(workers.map(String.init) ?? "all") threads, explanations \(explain ? "on" : "off")): \(Measurement.format(evaluateSeconds, decimals: 3)) s, \(Measurement.format(documents / evaluateSeconds, decimals: 0)) resources/s
            results: \(counts)
            peak memory: \(Measurement.format(Measurement.peakMemoryMiB())) MiB
            """
    }
}
