import Foundation
import VerdictLanguage
import VerdictPolicy
import VerdictTestSupport
import XCTest

/// Lints thousands of damaged copies of the shipped policy files: each must give
/// diagnostics that point inside the file, never a crash or a hang. The damage is
/// pseudo-random from a fixed seed, so a failure reproduces; `VERDICT_MUTATION_ROUNDS`
/// raises the count for a longer search.
final class PolicyMutationTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Edits that YAML and the policy format treat specially.
    private static let fragments = ["\n", "\n  ", "\t", ": ", "- ", "#", "'", "\"", "|", ">-", "&a ", "*a", "!!str ", "{", "}", "[", "]",
                                    ",", "? ", "---\n", "...\n", "%YAML 1.2\n", "~", "yes", "0x1F", "1e400", "\u{FEFF}", "\u{00e9}",
                                    "compliantWhen: ", "params.", "config.", "type: int", "default: [", "expect: "]

    private let damage = TextDamage(fragments: PolicyMutationTests.fragments, maxRange: 12, maxEdits: 3)

    private static var rounds: Int {
        Int(ProcessInfo.processInfo.environment["VERDICT_MUTATION_ROUNDS"] ?? "") ?? 400
    }

    private func files(in directory: String) throws -> [Linter.File] {
        let root = PolicyMutationTests.repository.appendingPathComponent(directory)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [Linter.File] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            files.append((name: url.path, text: try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.name < $1.name }
    }

    func testDamagedPoliciesGiveDiagnosticsInsideTheFile() throws {
        let policies = try files(in: "policies").filter { !$0.name.contains("/packs/") }
        let schemas = try files(in: "schemas")
        XCTAssertFalse(policies.isEmpty)
        var random = SeededGenerator(seed: 0x5eed_0003)

        for round in 0..<PolicyMutationTests.rounds {
            let original = policies[round % policies.count]
            let damaged = (name: "mutant.yaml", text: damage.apply(to: original.text, using: &random))
            // Loading the schemas costs more than linting one policy, so only some rounds
            // check field paths against them.
            let diagnostics = Linter.lint(files: round % 8 == 0 ? [damaged] + schemas : [damaged])
            let lineCount = damaged.text.utf8.filter { $0 == 0x0A }.count + 1

            for diagnostic in diagnostics where diagnostic.source.name == damaged.name {
                let location = diagnostic.location
                XCTAssertGreaterThanOrEqual(location.line, 1, damaged.text)
                XCTAssertLessThanOrEqual(location.line, lineCount, "\(diagnostic.description)\n\(damaged.text)")
                XCTAssertGreaterThanOrEqual(location.column, 1, damaged.text)
                XCTAssertFalse(diagnostic.message.isEmpty, damaged.text)
                _ = diagnostic.description
            }
        }
    }
}
