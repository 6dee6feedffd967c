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

    func testConditionThatDoesNotReadTheResource() {
        let diagnostics = { (lines: String) in
            Linter.lint(files: [("a.yaml", PolicyText.policy(lines)), ("schema.yaml", self.schema)])
                .map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.id): \($0.message)" }
        }
        XCTAssertEqual(diagnostics("compliantWhen: true"), [
            "7:16 warning constant-condition: compliantWhen does not read the resource (resource, config, resources() or lookup()), "
                + "so every resource gets the same verdict; test a field such as config.Name",
        ])
        XCTAssertEqual(diagnostics("appliesWhen: false\ncompliantWhen: config.Name != \"\""), [
            "7:14 warning constant-condition: appliesWhen does not read the resource (resource, config, resources() or lookup()), "
                + "so the rule applies to every resource or to none; test a field such as config.Name, or remove appliesWhen",
        ])
        for constant in ["now < timestamp(\"2030-01-01T00:00:00Z\")", "[1, 2].all(x, x > 0)"] {
            XCTAssertEqual(diagnostics("compliantWhen: '\(constant)'").map { $0.components(separatedBy: " ")[2] }, ["constant-condition:"], constant)
        }
        for reading in ["resource.ResourceId != \"\"", "resources(\"ACS::Example::Thing\").size() < 3", "lookup(\"ACS::Example::Thing\", \"x\").ResourceId != \"\"",
                        "[config.Name].all(n, n != \"\")"] {
            XCTAssertEqual(diagnostics("compliantWhen: '\(reading)'"), [], reading)
        }
    }

    func testDuplicateSchemaPointsAtTheResourceType() {
        let diagnostics = Linter.lint(files: [("schema.yaml", schema), ("copy.yaml", "# A copy.\n" + schema)])
        XCTAssertEqual(diagnostics.map { "\($0.source.name):\($0.location) \($0.id)" }, ["copy.yaml:3:15 schema-duplicate-type"])
    }

    /// A file whose kind is not exactly a known one is read as nothing else, so the
    /// unknown kind is its only finding.
    func testUnknownKindIsTheOnlyFinding() {
        for kind in ["policy", "resourceschema", "Schema", "Policies"] {
            let text = policy(id: "rule", condition: "config.Name in params.names").replacingOccurrences(of: "kind: Policy", with: "kind: \(kind)")
            let diagnostics = Linter.lint(files: [("a.yaml", text), ("schema.yaml", schema)])
            XCTAssertEqual(diagnostics.map { "\($0.source.name):\($0.location) \($0.id)" }, ["a.yaml:1:7 policy-invalid-value"], kind)
        }
        let lowercase = policy(id: "rule", condition: "true").replacingOccurrences(of: "kind: Policy", with: "kind: policy")
        XCTAssertEqual(Linter.lint(files: [("a.yaml", lowercase)]).map(\.message),
                       ["unknown kind 'policy': expected 'Policy', 'Pack' or 'ResourceSchema'; did you mean 'Policy'?"])
        let withoutKind = schema.replacingOccurrences(of: "kind: ResourceSchema\n", with: "")
        XCTAssertEqual(Linter.lint(files: [("schema.yaml", withoutKind)]).map(\.message), ["the file is missing the required key 'kind'"])
    }

    func testSchemaSetReportsFilesOfUnknownKind() {
        var schemas = ResourceSchemaSet()
        schemas.loadText(schema.replacingOccurrences(of: "kind: ResourceSchema", with: "kind: Resourceschema"), name: "schema.yaml")
        schemas.loadText(policy(id: "rule", condition: "true"), name: "policy.yaml")
        XCTAssertEqual(schemas.diagnostics.map { "\($0.source.name):\($0.location) \($0.message)" }, [
            "schema.yaml:1:7 unknown kind 'Resourceschema': expected 'Policy', 'Pack' or 'ResourceSchema'; did you mean 'ResourceSchema'?",
        ])
        XCTAssertEqual(schemas.resourceTypes, [])
    }

    func testMisspelledSchemaKeyIsReportedOnce() {
        let misspelled = schema.replacingOccurrences(of: "configuration:", with: "configuraton:")
        XCTAssertEqual(Linter.lint(files: [("schema.yaml", misspelled)]).map(\.message), [
            "unknown key 'configuraton' in the schema; did you mean 'configuration'?",
        ])
    }
}
