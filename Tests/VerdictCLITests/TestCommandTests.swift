import Foundation
import XCTest

/// `verdict test` on policies that `verdict check` would reject: their tests must fail
/// with the reason, not pass.
final class TestCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-test-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func verdict(_ arguments: [String]) throws -> VerdictProcess.Run {
        try VerdictProcess.run(arguments)
    }

    private static let twoTests = """
          - name: enabled
            expect: COMPLIANT
            configuration: {AutomaticRotation: Enabled, RotationInterval: 31536000s}
          - name: disabled
            expect: NON_COMPLIANT
            configuration: {AutomaticRotation: Disabled}
        """

    /// Writes a KMS key rule with the given resource type, condition and tests.
    private func writePolicy(_ name: String, type: String = "ACS::KMS::Key", condition: String, tests: String = twoTests) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data("""
            kind: Policy
            id: \(name.replacingOccurrences(of: ".yaml", with: ""))
            title: Keys rotate
            description: Checks that keys rotate.
            severity: medium
            resourceTypes: [\(type)]
            compliantWhen: \(condition)
            message: The key does not rotate.
            tests:
            \(tests)

            """.utf8).write(to: url)
        return url.path
    }

    func testMisspelledResourceTypeFails() throws {
        let path = try writePolicy("typo.yaml", type: "ACS::KMS::Keys", condition: "config.AutomaticRotation == \"Enabled\"")
        let result = try verdict(["test", path])
        XCTAssertEqual(result.status, 1, result.output + result.error)
        XCTAssertTrue(result.output.contains("FAIL \(path):6:17: error: unknown resource type 'ACS::KMS::Keys'; did you mean 'ACS::KMS::Key'? [unknown-resource-type]"),
                      result.output)
        XCTAssertTrue(result.output.contains("FAIL \(path):2: typo: its 2 tests were not run because of the errors above"), result.output)
        XCTAssertTrue(result.output.hasSuffix("0 passed, 2 failed\n"), result.output)
    }

    func testMisspelledFieldFails() throws {
        let path = try writePolicy("field.yaml", condition: "config.AutomaticRotation == \"Enabled\" && has(config.RotationIntervall)")
        let result = try verdict(["test", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("FAIL \(path):7:68: error: 'RotationIntervall' is not a field of ACS::KMS::Key Configuration; did you mean 'RotationInterval'? [unknown-field]"),
                      result.output)
        XCTAssertTrue(result.output.hasSuffix("0 passed, 2 failed\n"), result.output)
    }

    func testComparisonWithWrongTypeFails() throws {
        let path = try writePolicy("bool.yaml", condition: "config.AutomaticRotation == true")
        let result = try verdict(["test", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("FAIL \(path):7:16: error: '==' compares a string with a bool, which is always false"), result.output)
        XCTAssertFalse(result.output.contains("got NON_COMPLIANT"), result.output)
    }

    func testInvalidLiteralPatternFails() throws {
        let path = try writePolicy("regex.yaml", condition: "config.AutomaticRotation.matches('(?<=E)nabled')")
        let result = try verdict(["test", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("FAIL \(path):7:50: error: invalid regular expression \"(?<=E)nabled\""), result.output)
    }

    func testValidRulesStillRunBesideBrokenOnes() throws {
        _ = try writePolicy("good.yaml", condition: "config.AutomaticRotation == \"Enabled\"")
        _ = try writePolicy("bad.yaml", condition: "config.AutomaticRotation == true")
        let result = try verdict(["test", scratch.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.hasSuffix("2 passed, 2 failed\n"), result.output)
    }

    /// A misspelled field in a test document is a warning: the test still runs, but may
    /// pass for the wrong reason.
    func testMisspelledTestFieldIsAWarning() throws {
        let path = try writePolicy("doc.yaml", condition: "config.AutomaticRotation == \"Enabled\"", tests: """
              - name: missing
                expect: ERROR
                configuration: {AutomaticRotaton: Enabled}
            """)
        let result = try verdict(["test", path])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.error.contains("\(path):12:21: warning: test 'missing' sets 'AutomaticRotaton', which is not a field of ACS::KMS::Key Configuration; "
                                            + "did you mean 'AutomaticRotation'?; fix the name, or add the field to the schema if exports have it [test-unknown-field]"),
                      result.error)
        XCTAssertTrue(result.output.hasSuffix("1 passed, 0 failed\n"), result.output)
    }

    func testTestDocumentOfAnotherTypeFails() throws {
        let path = try writePolicy("other.yaml", condition: "config.AutomaticRotation == \"Enabled\"", tests: """
              - name: secret
                expect: NON_COMPLIANT
                resource: {ResourceType: ACS::KMS::Secret, Configuration: {AutomaticRotation: Disabled}}
            """)
        let result = try verdict(["test", path])
        XCTAssertEqual(result.status, 1, result.output + result.error)
        XCTAssertTrue(result.output.contains("FAIL \(path):12:30: error: test 'secret' evaluates a document of type ACS::KMS::Secret, which the rule does not evaluate; "
                                             + "set ResourceType to one of the rule's resourceTypes (ACS::KMS::Key) [test-wrong-resource-type]"),
                      result.output)
        XCTAssertTrue(result.output.hasSuffix("0 passed, 1 failed\n"), result.output)
    }

    func testSchemasOptionChoosesTheSchemas() throws {
        let path = try writePolicy("custom.yaml", type: "ACS::Custom::Key", condition: "config.AutomaticRotation == \"Enabled\"")
        let schema = scratch.appendingPathComponent("schemas/custom.yaml")
        try FileManager.default.createDirectory(at: schema.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("kind: ResourceSchema\nresourceType: ACS::Custom::Key\nconfiguration:\n  AutomaticRotation: bool\n".utf8).write(to: schema)

        let withoutSchema = try verdict(["test", path])
        XCTAssertEqual(withoutSchema.status, 0, withoutSchema.output)
        XCTAssertTrue(withoutSchema.error.contains("no schema describes resource type 'ACS::Custom::Key'"), withoutSchema.error)

        let withSchema = try verdict(["test", path, "--schemas", schema.deletingLastPathComponent().path])
        XCTAssertEqual(withSchema.status, 1)
        XCTAssertTrue(withSchema.output.contains("'==' compares a bool with a string, which is always false"), withSchema.output)
    }
}
