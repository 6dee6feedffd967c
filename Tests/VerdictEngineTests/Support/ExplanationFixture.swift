import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy
import XCTest

/// Evaluates one condition, with explanations, on one resource of type `ACS::T::R`.
enum ExplanationFixture {
    /// Returns the finding of a rule whose `compliantWhen` is `compliant` on a resource whose
    /// Configuration is the JSON text `configuration`. The rule has a parameter `allowed`,
    /// a list of strings that defaults to `[TLSv1.2, TLSv1.3]`.
    static func finding(_ compliant: String, _ configuration: String, explain: Bool = true,
                        file: StaticString = #filePath, line: UInt = #line) throws -> Finding {
        var catalog = PolicyCatalog()
        catalog.loadText("""
            kind: Policy
            id: rule-a
            title: Rule A
            description: A rule.
            severity: high
            resourceTypes: [ACS::T::R]
            parameters:
              allowed: {type: list(string), default: [TLSv1.2, TLSv1.3], description: versions}
            compliantWhen: '\(compliant)'
            message: violated
            """, name: "rule.yaml")
        XCTAssertEqual(catalog.diagnostics.map(\.description), [], file: file, line: line)
        let policy = try PolicyCompiler.compile(catalog.policies[0]).get()

        let inventory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-explain-\(UUID().uuidString).ndjson")
        try Data("{\"AccountId\": \"1\", \"ResourceType\": \"ACS::T::R\", \"ResourceId\": \"r\", \"Configuration\": \(configuration)}\n".utf8)
            .write(to: inventory)
        defer { try? FileManager.default.removeItem(at: inventory) }
        let outcome = EvaluationSession(policies: [policy], options: EvaluationOptions(now: Timestamp(seconds: 0)!, explain: explain))
            .run(try InventoryReader(paths: [inventory.path]))
        return try XCTUnwrap(outcome.findings.first, file: file, line: line)
    }
}
