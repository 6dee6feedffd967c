import VerdictLanguage
import VerdictPolicy
import XCTest

/// The documents of test cases are checked against the resource schemas: fields the schema
/// does not list are warnings at the key, and a document type the rule does not evaluate
/// is an error.
final class TestDocumentLintTests: XCTestCase {
    private let schema = PolicyText.schema

    private let otherSchema = """
        kind: ResourceSchema
        resourceType: ACS::Example::Part
        configuration:
          Size: int
        """

    /// Returns each finding of a policy with these test cases, as `LINE:COLUMN id: message`.
    private func findings(_ tests: String, scope: String = "resourceTypes: [ACS::Example::Thing]") -> [String] {
        let text = PolicyText.policy("compliantWhen: config.Name != \"\"\ntests:\n" + tests).replacingOccurrences(of: "resourceTypes: [ACS::Example::Thing]", with: scope)
        return Linter.lint(files: [("policy.yaml", text), ("schema.yaml", schema), ("part.yaml", otherSchema)]).map {
            "\($0.location.line):\($0.location.column) \($0.id): \($0.message)"
        }
    }

    private func test(_ lines: String) -> String {
        "  - name: case\n    expect: COMPLIANT\n" + lines.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    }

    private let advice = "; fix the name, or add the field to the schema if exports have it"

    func testMisspelledFieldsAreWarningsAtTheKey() {
        XCTAssertEqual(findings(test("configuration: {Nme: a, Settings: {Levl: 1}, Items: [{Key: a}, {Kye: b}], Labels: {any: x}}")), [
            "11:21 test-unknown-field: test 'case' sets 'Nme', which is not a field of ACS::Example::Thing Configuration; did you mean 'Name'?\(advice)",
            "11:40 test-unknown-field: test 'case' sets 'Levl', which is not a field of ACS::Example::Thing Configuration.Settings; did you mean 'Level'?\(advice)",
            "11:69 test-unknown-field: test 'case' sets 'Kye', which is not a field of ACS::Example::Thing Configuration.Items[]; did you mean 'Key'?\(advice)",
        ])
    }

    func testConfigurationInsideTheResourceIsChecked() {
        XCTAssertEqual(findings(test("resource:\n  ResourceId: r1\n  Configuration:\n    Nam: a")), [
            "14:9 test-unknown-field: test 'case' sets 'Nam', which is not a field of ACS::Example::Thing Configuration; did you mean 'Name'?\(advice)",
        ])
    }

    func testJSONTextIsCheckedAtTheString() {
        XCTAssertEqual(findings(test(#"configuration: '{"Name": "a", "Polcy": "{}"}'"#)), [
            "11:20 test-unknown-field: test 'case' sets 'Polcy', which is not a field of ACS::Example::Thing Configuration; did you mean 'Policy'?\(advice)",
        ])
        XCTAssertEqual(findings(test(#"configuration: {Policy: '{"Statment": []}'}"#)), [
            "11:29 test-unknown-field: test 'case' sets 'Statment', which is not a field of ACS::Example::Thing Configuration.Policy (JSON); "
                + "did you mean 'Statement'?\(advice)",
        ])
    }

    func testRelatedDocumentsAreChecked() {
        XCTAssertEqual(findings(test("configuration: {Name: a}\nrelated:\n  - {ResourceType: ACS::Example::Part, ResourceId: p1, Configuration: {Sise: 2}}")), [
            "13:76 test-unknown-field: related document 1 of test 'case' sets 'Sise', which is not a field of ACS::Example::Part Configuration; "
                + "did you mean 'Size'?\(advice)",
        ])
    }

    func testDocumentOfAnotherTypeIsAnError() {
        XCTAssertEqual(findings(test("resource: {ResourceType: ACS::Example::Part, Configuration: {Nme: a}}")), [
            "11:30 test-wrong-resource-type: test 'case' evaluates a document of type ACS::Example::Part, which the rule does not evaluate; "
                + "set ResourceType to one of the rule's resourceTypes (ACS::Example::Thing)",
        ])
        let account = findings(test("resource: {ResourceType: ACS::Example::Part}"), scope: "scope: account")
        XCTAssertEqual(account.filter { $0.contains(" test-") }, [
            "11:30 test-wrong-resource-type: test 'case' evaluates a document of type ACS::Example::Part, which the rule does not evaluate; "
                + "an account rule evaluates ACS::::Account documents, so remove ResourceType or set it to ACS::::Account",
        ])
        let twoTypes = findings(test("resource: {ResourceType: ACS::Example::Part}"), scope: "resourceTypes: [ACS::Example::Thing, ACS::Example::Part]")
        XCTAssertEqual(twoTypes.filter { $0.contains(" test-") }, [])
    }

    func testValidDocumentsHaveNoFindings() {
        XCTAssertEqual(findings(test("configuration: {Name: a, Settings: {Level: 1}, Items: [{Key: a}], Labels: {x: y}, Policy: '{\"Statement\": []}'}")), [])
        XCTAssertEqual(findings(test("configuration: {Name: a, Settings: 3}")), [], "values of the wrong type are not this check's concern")
    }
}
