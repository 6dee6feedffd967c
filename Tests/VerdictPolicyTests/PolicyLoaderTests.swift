import VerdictLanguage
import VerdictPolicy
import XCTest

final class PolicyLoaderTests: XCTestCase {
    private let valid = """
        kind: Policy
        id: sample-rule
        title: Sample
        description: A sample rule.
        severity: medium
        resourceTypes: [ACS::OSS::Bucket]
        parameters:
          versions:
            type: list(string)
            default: TLSv1.2,TLSv1.3
            description: Allowed versions.
        compliantWhen: config.V in params.versions
        message: Not allowed.
        tests:
          - name: allowed
            expect: COMPLIANT
            configuration: {V: TLSv1.2}
        """

    private func load(_ text: String) -> PolicyCatalog {
        PolicyLoading.load(text)
    }

    private func problems(_ text: String) -> [String] {
        PolicyLoading.problems(text)
    }

    func testValidPolicyLoads() throws {
        let catalog = load(valid)
        XCTAssertEqual(catalog.diagnostics.count, 0)
        let policy = try XCTUnwrap(catalog.policy(id: "sample-rule"))
        XCTAssertEqual(policy.scope, .resourceTypes(["ACS::OSS::Bucket"]))
        XCTAssertEqual(ValueFormatter.literal(policy.parameters[0].defaultValue), "[\"TLSv1.2\", \"TLSv1.3\"]")
        XCTAssertEqual(policy.tests.count, 1)
        XCTAssertEqual(policy.compliantWhen.source.location(of: 0).description, "12:16")
    }

    func testUnknownKeysGetSuggestions() {
        let text = valid.replacingOccurrences(of: "compliantWhen:", with: "compliantwhen:")
        XCTAssertEqual(problems(text), [
            "12:1 policy-unknown-key: unknown key 'compliantwhen' in the policy; did you mean 'compliantWhen'?",
        ])
    }

    func testMisspelledRequiredKeyIsReportedOnce() {
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "resourceTypes:", with: "resourceType:")), [
            "6:1 policy-unknown-key: unknown key 'resourceType' in the policy; did you mean 'resourceTypes'?",
        ])
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "default:", with: "defualt:")), [
            "10:5 policy-unknown-key: unknown key 'defualt' in parameter 'versions'; did you mean 'default'?",
        ])
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "message:", with: "colour:")), [
            "13:1 policy-unknown-key: unknown key 'colour' in the policy",
            "1:1 policy-missing-key: the policy is missing the required key 'message'",
        ])
    }

    func testWrongValuesSayWhatWasExpected() {
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "severity: medium", with: "severity: hihg")),
                       ["5:11 policy-invalid-value: invalid severity 'hihg': expected one of high, medium, low; did you mean 'high'?"])
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "type: list(string)", with: "type: list(str)")),
                       ["9:11 policy-invalid-value: invalid parameter type 'list(str)': expected one of int, double, bool, string, duration, list(int), list(double), list(bool), list(string), list(duration)"])
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "type: list(string)", with: "type: list(int)")),
                       ["10:14 policy-parameter-type: the default of parameter 'versions' does not match its type list(int): element 1: expected an int such as 3 but found 'TLSv1.2'"])
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "expect: COMPLIANT", with: "expect: PASS")),
                       ["16:13 policy-invalid-value: invalid expected verdict 'PASS': expected one of COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, ERROR"])
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "id: sample-rule", with: "id: Sample_Rule")),
                       ["2:5 policy-invalid-value: rule id 'Sample_Rule' must use lowercase letters, digits and hyphens, starting with a letter or digit"])
    }

    func testTestCasesAreChecked() {
        XCTAssertEqual(problems(valid.replacingOccurrences(of: "  - name: allowed\n", with: "  - nam: allowed\n")), [
            "15:5 policy-missing-key: a test case is missing the required key 'name'",
        ])
        let extra = valid + "\n    parameters: {version: [x]}"
        XCTAssertEqual(problems(extra), [
            "18:18 policy-unknown-parameter: the test sets parameter 'version', which the policy does not declare; did you mean 'versions'?",
        ])
    }

    func testYesAndNoStayStrings() throws {
        let text = valid.replacingOccurrences(of: "configuration: {V: TLSv1.2}", with: "configuration: {V: yes, W: on, X: true, Y: 3}")
        let policy = try XCTUnwrap(load(text).policy(id: "sample-rule"))
        XCTAssertEqual(ValueFormatter.literal(policy.tests[0].resource!).contains("\"V\": \"yes\", \"W\": \"on\", \"X\": true, \"Y\": 3"), true)
    }

    func testDuplicateIDsAndUnknownPackRules() {
        var catalog = PolicyCatalog()
        catalog.loadText(valid, name: "a.yaml")
        catalog.loadText(valid, name: "b.yaml")
        catalog.loadText("kind: Pack\nid: p\ntitle: P\nrules: [sample-rule, sample-rul]\n", name: "pack.yaml")
        catalog.checkAcrossFiles()
        XCTAssertEqual(catalog.diagnostics.map(\.message), [
            "rule id 'sample-rule' is already used by a.yaml:2; rule ids must be unique",
            "pack 'p' lists rule 'sample-rul', which no policy file defines; did you mean 'sample-rule'?",
        ])
    }

    func testEmptyTextIsAnError() {
        let cases: [(String, String, String)] = [
            ("message: Not allowed.", "message: \"\"", "13:10 policy-invalid-value: 'message' is empty; write what a NON_COMPLIANT result tells the reader"),
            ("title: Sample", "title: '  '", "3:8 policy-invalid-value: 'title' is empty; write one line that says what the rule checks"),
            ("description: A sample rule.", "description: |\n\n", "4:14 policy-invalid-value: 'description' is empty; write a few sentences on what the rule protects against"),
            ("message: Not allowed.", "message: Not allowed.\nremediation: ''",
             "14:14 policy-invalid-value: 'remediation' is empty; write how to fix a violation, or remove the key"),
            ("description: Allowed versions.", "description: ''", "11:18 policy-invalid-value: 'description' is empty; write what parameter 'versions' sets"),
        ]
        for (old, new, expected) in cases {
            XCTAssertEqual(problems(valid.replacingOccurrences(of: old, with: new)), [expected], new)
        }
    }

    /// The JSON Schema of policy files allows a single resource type without brackets, so
    /// the loader does too.
    func testSingleResourceTypeWithoutBrackets() throws {
        let catalog = load(valid.replacingOccurrences(of: "resourceTypes: [ACS::OSS::Bucket]", with: "resourceTypes: ACS::OSS::Bucket"))
        XCTAssertEqual(catalog.diagnostics.map(\.message), [])
        XCTAssertEqual(try XCTUnwrap(catalog.policy(id: "sample-rule")).scope, .resourceTypes(["ACS::OSS::Bucket"]))
    }

    func testFileKindMustBeKnown() {
        XCTAssertEqual(problems("kind: Polcy\nid: x\n"), ["1:7 policy-invalid-value: unknown kind 'Polcy': expected 'Policy', 'Pack' or 'ResourceSchema'; did you mean 'Policy'?"])
        XCTAssertEqual(problems("id: x\n"), ["1:1 policy-missing-key: the file is missing the required key 'kind'"])
    }
}
