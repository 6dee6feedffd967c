import VerdictLanguage
import VerdictPolicy
import XCTest

/// Lint findings that depend on more than one check: what one problem must not hide or
/// cause elsewhere.
final class LinterTests: XCTestCase {
    private let schema = """
        kind: ResourceSchema
        resourceType: ACS::Example::Thing
        configuration:
          Name: string
          Enabled: string
        """

    private func policy(id: String, condition: String) -> String {
        """
        kind: Policy
        id: \(id)
        title: Example
        description: Example.
        severity: low
        resourceTypes: [ACS::Example::Thing]
        parameters:
          names: {type: list(string), default: [a], description: Allowed names.}
        compliantWhen: '\(condition)'
        message: Bad.
        """
    }

    private func findings(_ files: [(String, String)]) -> [String] {
        Linter.lint(files: files + [("schema.yaml", schema)]).map { "\($0.source.name):\($0.location.line) \($0.id)" }
    }

    func testDuplicateIDStillLintsTheSecondFile() {
        let first = policy(id: "same", condition: "config.Name in params.names")
        let second = policy(id: "same", condition: "config.Name in params.names && config.Enabled == true")
        XCTAssertEqual(findings([("a.yaml", first), ("b.yaml", second)]), [
            "b.yaml:2 policy-duplicate-id",
            "b.yaml:9 incompatible-comparison",
        ])
    }

    func testSyntaxErrorSkipsUnusedParameter() {
        XCTAssertEqual(findings([("a.yaml", policy(id: "broken", condition: "config.Name in params.names &&"))]), [
            "a.yaml:9 syntax-error",
        ])
        XCTAssertEqual(findings([("a.yaml", policy(id: "unused", condition: "config.Name != \"\""))]), [
            "a.yaml:8 unused-parameter",
        ])
    }

    func testDuplicateSchemaPointsAtTheResourceType() {
        let diagnostics = Linter.lint(files: [("schema.yaml", schema), ("copy.yaml", "# A copy.\n" + schema)])
        XCTAssertEqual(diagnostics.map { "\($0.source.name):\($0.location) \($0.id)" }, ["copy.yaml:3:15 schema-duplicate-type"])
    }

    func testMisspelledSchemaKeyIsReportedOnce() {
        let misspelled = schema.replacingOccurrences(of: "configuration:", with: "configuraton:")
        XCTAssertEqual(Linter.lint(files: [("schema.yaml", misspelled)]).map(\.message), [
            "unknown key 'configuraton' in the schema; did you mean 'configuration'?",
        ])
    }
}
