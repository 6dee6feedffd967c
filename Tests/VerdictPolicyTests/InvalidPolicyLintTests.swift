import VerdictLanguage
@testable import VerdictPolicy
import XCTest

/// A policy file with structure errors is still built, with placeholders, so that lint
/// reports the errors of its conditions in the same run; it is never evaluated.
final class InvalidPolicyLintTests: XCTestCase {
    private let schema = PolicyText.schema

    private func findings(_ text: String) -> [String] {
        Linter.lint(files: [("policy.yaml", text), ("schema.yaml", schema)]).map { "\($0.location.line):\($0.location.column) \($0.id)" }
    }

    func testStructureAndConditionErrorsComeTogether() {
        let text = """
            kind: Policy
            id: example
            description: Example.
            severity: low
            resourceTypes: [ACS::Example::Thing]
            parameters:
              limit: {type: int, default: many, description: The limit.}
            colour: blue
            appliesWhen: has(config.Nme)
            compliantWhen: config.Size <= params.limit && config.Name == 3
            message: Bad.
            """
        XCTAssertEqual(findings(text), [
            "1:1 policy-missing-key",
            "7:31 policy-parameter-type",
            "8:1 policy-unknown-key",
            "9:25 unknown-field",
            "10:47 incompatible-comparison",
        ])
    }

    func testParametersWithErrorsKeepTheirType() {
        let text = PolicyText.policy("""
            parameters:
              limit: {type: int, default: many, description: The limit.}
              names: {type: strng, default: a, description: Names.}
            compliantWhen: config.Size <= params.limit && params.limit != "x" && config.Name in params.names && params.other
            """)
        XCTAssertEqual(findings(text), [
            "8:31 policy-parameter-type",
            "9:17 policy-invalid-value",
            "10:47 incompatible-comparison",
            "10:108 unknown-field",
        ])
    }

    func testUnreadableParametersAllowAnyName() {
        let text = PolicyText.policy("parameters: [limit]\ncompliantWhen: config.Size <= params.limit && config.Nme != \"\"")
        XCTAssertEqual(findings(text), ["7:13 policy-invalid-value", "8:54 unknown-field"])
    }

    func testTestCasesOfAPolicyWithErrorsAreRead() {
        let text = PolicyText.policy("""
            parameters:
              limit: {type: int, default: many, description: The limit.}
            compliantWhen: config.Size <= params.limit
            tests:
              - name: small
                expect: COMPLIANT
                configuration: {Size: 1}
                parameters: {limit: 2, limt: 3}
            """)
        XCTAssertEqual(findings(text), ["8:31 policy-parameter-type", "14:28 policy-unknown-parameter"])
    }

    func testPolicyWithErrorsIsNeverEvaluated() throws {
        var catalog = PolicyCatalog()
        catalog.loadText(PolicyText.policy("compliantWhen: config.Size > 1").replacingOccurrences(of: "title: Example\n", with: ""), name: "policy.yaml")
        catalog.loadText("kind: Pack\nid: pack\ntitle: Pack\nrules: [example]\n", name: "pack.yaml")
        catalog.checkAcrossFiles()
        XCTAssertEqual(catalog.policies.count, 0)
        XCTAssertEqual(catalog.diagnostics.map(\.id), ["policy-missing-key"], "the pack lists a rule that exists, with errors")
        let policy = try XCTUnwrap(catalog.invalidPolicies.first)
        XCTAssertFalse(policy.isValid)
        guard case .failure(let error) = PolicyCompiler.compile(policy) else { return XCTFail("an invalid policy compiled") }
        XCTAssertEqual(error.diagnostics.map(\.message), ["the policy file has errors, so the rule cannot be evaluated; run verdict lint to list them"])
    }
}
