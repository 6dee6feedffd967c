import VerdictLanguage
import VerdictPolicy
import XCTest

/// Parameter constraints: how they are declared, and that defaults, test values and
/// overrides that break them are rejected with the rule, parameter, value and constraint.
final class ParameterConstraintTests: XCTestCase {
    /// Returns a policy whose parameters are declared by `parameters`, and whose test case
    /// sets `testParameters`.
    private func policyText(_ parameters: String, testParameters: String = "{}") -> String {
        """
        kind: Policy
        id: zones-rule
        title: Zones
        description: Zones.
        severity: low
        resourceTypes: [ACS::PAI::Service]
        parameters:
        \(parameters)
        compliantWhen: 'true'
        message: m
        tests:
          - name: case
            expect: COMPLIANT
            configuration: {}
            parameters: \(testParameters)
        """
    }

    private let constrained = """
          minZones: {type: int, default: 2, minimum: 2, maximum: 10, description: zones}
          ratio: {type: double, default: 0.5, minimum: 0, maximum: 1, description: ratio}
          window: {type: duration, default: 7d, minimum: 1d, description: window}
          versions: {type: list(string), default: [TLSv1.2], minItems: 1, allowedValues: [TLSv1.2, TLSv1.3], description: versions}
          types: {type: list(int), default: [1, 2], minimum: 0, maximum: 2, description: types}
          mode: {type: string, default: strict, allowedValues: [strict, lenient], description: mode}
        """

    private func load(_ text: String) -> PolicyCatalog {
        PolicyLoading.load(text)
    }

    private func problems(_ text: String) -> [String] {
        PolicyLoading.problems(text)
    }

    func testConstraintsLoadIntoTheDeclaration() throws {
        let catalog = load(policyText(constrained))
        XCTAssertEqual(catalog.diagnostics.map(\.message), [])
        let policy = try XCTUnwrap(catalog.policy(id: "zones-rule"))
        let minZones = try XCTUnwrap(policy.parameter(named: "minZones")?.constraints)
        XCTAssertEqual(minZones.minimum.map(ValueFormatter.literal), "2")
        XCTAssertEqual(minZones.maximum.map(ValueFormatter.literal), "10")
        let versions = try XCTUnwrap(policy.parameter(named: "versions")?.constraints)
        XCTAssertEqual(versions.minItems, 1)
        XCTAssertEqual(versions.allowedValues?.map(ValueFormatter.literal), ["\"TLSv1.2\"", "\"TLSv1.3\""])
        XCTAssertEqual(policy.parameter(named: "ratio")?.constraints.minimum.map(ValueFormatter.literal), "0.0")
        XCTAssertTrue(try XCTUnwrap(policy.parameter(named: "window")).constraints.minimum != nil)
    }

    func testMalformedConstraintsArePreciselyReported() {
        let cases: [(String, String)] = [
            ("  name: {type: string, default: x, minimum: 1, description: d}",
             "8:45 policy-invalid-constraint: 'minimum' applies to int, double and duration parameters and lists of them, not to parameter 'name' of type string"),
            ("  count: {type: int, default: 1, minimum: one, description: d}",
             "8:43 policy-invalid-constraint: invalid 'minimum' of parameter 'count': expected an int such as 3 but found 'one'"),
            ("  count: {type: int, default: 5, minimum: 3, maximum: 2, description: d}",
             "8:55 policy-invalid-constraint: the maximum of parameter 'count', 2, is less than its minimum, 3"),
            ("  count: {type: int, default: 1, minItems: 1, description: d}",
             "8:44 policy-invalid-constraint: 'minItems' applies to list parameters, not to parameter 'count' of type int"),
            ("  names: {type: list(string), default: [a], minItems: -1, description: d}",
             "8:55 policy-invalid-constraint: invalid 'minItems' of parameter 'names': expected 0 or more but found -1"),
            ("  names: {type: list(string), default: [a], minItems: many, description: d}",
             "8:55 policy-invalid-constraint: invalid 'minItems' of parameter 'names': expected an int such as 3 but found 'many'"),
            ("  codes: {type: list(int), default: [1], allowedValues: [1, x], description: d}",
             "8:61 policy-invalid-constraint: invalid 'allowedValues' of parameter 'codes': element 2: expected an int such as 3 but found 'x'"),
            ("  codes: {type: list(int), default: [1], allowedValues: 1, description: d}",
             "8:57 policy-invalid-constraint: expected 'allowedValues' of parameter 'codes' to be a list of the values it may take, such as [a, b]"),
            ("  mode: {type: string, default: a, allowedValues: [], description: d}",
             "8:51 policy-invalid-constraint: 'allowedValues' of parameter 'mode' lists no value; list the values it may take or remove the key"),
        ]
        for (declaration, expected) in cases {
            XCTAssertEqual(problems(policyText(declaration)), [expected], declaration)
        }
    }

    func testDefaultsMustMeetTheConstraints() {
        XCTAssertEqual(problems(policyText("  minZones: {type: int, default: 0, minimum: 1, description: zones}")), [
            "8:34 policy-parameter-constraint: invalid value 0 for the default of parameter 'minZones': it is less than the parameter's minimum, 1",
        ])
        XCTAssertEqual(problems(policyText("  names: {type: list(string), default: [], minItems: 1, description: names}")), [
            "8:40 policy-parameter-constraint: invalid value [] for the default of parameter 'names': the list has 0 elements, fewer than the parameter's minItems, 1",
        ])
        XCTAssertEqual(problems(policyText("  codes: {type: list(int), default: '1,5', allowedValues: [1, 2], description: codes}")), [
            "8:40 policy-parameter-constraint: invalid value 5 (element 2) for the default of parameter 'codes': it is not one of the parameter's allowedValues: 1, 2",
        ])
        XCTAssertEqual(problems(policyText("  window: {type: duration, default: 12h, minimum: 1d, description: window}")), [
            "8:37 policy-parameter-constraint: invalid value duration(\"43200s\") for the default of parameter 'window': it is less than the parameter's minimum, duration(\"86400s\")",
        ])
    }

    func testTestValuesMustMeetTheConstraints() {
        XCTAssertEqual(problems(policyText(constrained, testParameters: "{minZones: 1, versions: [TLSv1.3, TLSv1.0]}")), [
            "20:28 policy-parameter-constraint: invalid value 1 for parameter 'minZones': it is less than the parameter's minimum, 2",
            "20:51 policy-parameter-constraint: invalid value \"TLSv1.0\" (element 2) for parameter 'versions': it is not one of the parameter's allowedValues: \"TLSv1.2\", \"TLSv1.3\"",
        ])
        XCTAssertEqual(problems(policyText(constrained, testParameters: "{minZones: 10, ratio: 1, versions: TLSv1.3}")), [])
    }

    private var policies: [Policy] { load(policyText(constrained)).policies }

    /// Diagnostics of one `--param` option as `COLUMN id: message`.
    private func optionProblems(_ option: String) -> [String] {
        var overrides = ParameterOverrides()
        overrides.addOption(option, policies: policies)
        return overrides.diagnostics.map { "\($0.location.column) \($0.id): \($0.message)" }
    }

    func testOptionsMustMeetTheConstraints() {
        XCTAssertEqual(optionProblems("zones-rule.minZones=-1"), [
            "21 parameter-constraint: invalid value -1 for zones-rule.minZones: it is less than the parameter's minimum, 2",
        ])
        XCTAssertEqual(optionProblems("zones-rule.minZones=11"), [
            "21 parameter-constraint: invalid value 11 for zones-rule.minZones: it is greater than the parameter's maximum, 10",
        ])
        XCTAssertEqual(optionProblems("zones-rule.ratio=1.5"), [
            "18 parameter-constraint: invalid value 1.5 for zones-rule.ratio: it is greater than the parameter's maximum, 1.0",
        ])
        XCTAssertEqual(optionProblems("zones-rule.versions="), [
            "21 parameter-constraint: invalid value [] for zones-rule.versions: the list has 0 elements, fewer than the parameter's minItems, 1",
        ])
        XCTAssertEqual(optionProblems("zones-rule.types=0, 3"), [
            "21 parameter-constraint: invalid value 3 (element 2) for zones-rule.types: it is greater than the parameter's maximum, 2",
        ])
        XCTAssertEqual(optionProblems("zones-rule.mode=loose"), [
            "17 parameter-constraint: invalid value \"loose\" for zones-rule.mode: it is not one of the parameter's allowedValues: \"strict\", \"lenient\"",
        ])
        XCTAssertEqual(optionProblems("zones-rule.window=1h"), [
            "19 parameter-constraint: invalid value duration(\"3600s\") for zones-rule.window: it is less than the parameter's minimum, duration(\"86400s\")",
        ])
        XCTAssertEqual(optionProblems("zones-rule.minZones=3"), [])
        XCTAssertEqual(optionProblems("zones-rule.versions=[TLSv1.3]"), [])
    }

    func testParametersFilesMustMeetTheConstraints() {
        var overrides = ParameterOverrides()
        overrides.addFile(text: """
            zones-rule:
              minZones: 1
              versions: [TLSv1.2, TLSv1.1]
              mode: lenient
            """, name: "params.yaml", policies: policies)
        XCTAssertEqual(overrides.diagnostics.map { "\($0.location) \($0.id): \($0.message)" }, [
            "2:13 parameter-constraint: invalid value 1 for zones-rule.minZones: it is less than the parameter's minimum, 2",
            "3:23 parameter-constraint: invalid value \"TLSv1.1\" (element 2) for zones-rule.versions: it is not one of the parameter's allowedValues: \"TLSv1.2\", \"TLSv1.3\"",
        ])
        XCTAssertEqual(overrides.values(for: "zones-rule").keys.sorted(), ["mode"])
    }
}
