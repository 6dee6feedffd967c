import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy
import XCTest

/// The shipped rules, their test cases and the bundled example inventory.
final class ShippedPoliciesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func catalog() throws -> PolicyCatalog {
        let catalog = PolicyCatalog.load(paths: [ShippedPoliciesTests.root.appendingPathComponent("policies").path])
        XCTAssertEqual(catalog.diagnostics.map(\.description), [])
        return catalog
    }

    func testPackListsTheFortyThreeRules() throws {
        let catalog = try catalog()
        let pack = try XCTUnwrap(catalog.pack(id: "genai-best-practices"))
        XCTAssertEqual(pack.ruleIDs.count, 43)
        XCTAssertEqual(Set(pack.ruleIDs), Set(catalog.policies.map(\.id)))
    }

    /// Runs every policy's test cases, as `verdict test policies/` does.
    func testEveryPolicyTestCasePasses() throws {
        var passed = 0
        for policy in try catalog().policies {
            XCTAssertGreaterThanOrEqual(policy.tests.count, 3, "\(policy.id) has too few test cases")
            for result in PolicyTestRunner.run(policy) {
                if let failure = result.failure {
                    XCTFail("\(result.location): \(result.ruleID): \(result.testName): \(failure)")
                } else {
                    passed += 1
                }
            }
        }
        XCTAssertGreaterThan(passed, 43 * 3)
    }

    /// The example inventory gives exactly the results listed in examples/expected, and
    /// every rule meets both compliant and non-compliant resources there.
    func testExampleInventoryGivesTheExpectedResults() throws {
        let catalog = try catalog()
        let pack = try XCTUnwrap(catalog.pack(id: "genai-best-practices"))
        let policies = try pack.ruleIDs.map { try PolicyCompiler.compile(try XCTUnwrap(catalog.policy(id: $0), $0)).get() }
        let reader = try InventoryReader(paths: [ShippedPoliciesTests.root.appendingPathComponent("examples/inventory").path])
        let outcome = EvaluationSession(policies: policies, options: EvaluationOptions(now: Timestamp(rfc3339: "2025-03-10T00:00:00Z")!)).run(reader)
        XCTAssertEqual(outcome.problems.map(\.description), [])

        let actual = Set(outcome.findings.map { "\($0.ruleID)\t\($0.resource.accountID)\t\($0.resource.type)\t\($0.resource.id)\t\($0.verdict.rawValue)" })
        var expected = Set<String>()
        let expectedDirectory = ShippedPoliciesTests.root.appendingPathComponent("examples/expected")
        for file in try FileManager.default.contentsOfDirectory(atPath: expectedDirectory.path) where file.hasSuffix(".tsv") {
            let text = try String(contentsOf: expectedDirectory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() where !line.isEmpty { expected.insert(String(line)) }
        }
        XCTAssertEqual(actual.subtracting(expected).sorted(), [], "results not in examples/expected")
        XCTAssertEqual(expected.subtracting(actual).sorted(), [], "expected results missing")

        for ruleID in pack.ruleIDs {
            let verdicts = Set(outcome.findings.filter { $0.ruleID == ruleID }.map(\.verdict))
            XCTAssertTrue(verdicts.contains(.compliant), "\(ruleID) has no compliant example")
            XCTAssertTrue(verdicts.contains(.nonCompliant), "\(ruleID) has no non-compliant example")
            XCTAssertFalse(verdicts.contains(.error), "\(ruleID) has an error in the example")
        }
    }

    /// Messages and remediations are static text, so a parameter's name in them must read
    /// as the name of a setting ("the minZones parameter"), never as if it were its value
    /// ("fewer zones than minZones").
    func testMessagesNameParametersAsSettings() throws {
        for policy in try catalog().policies {
            for (field, text) in [("message", policy.message), ("remediation", policy.remediation ?? "")] {
                let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                for parameter in policy.parameters {
                    for (index, word) in words.enumerated() where word == parameter.name {
                        let next = index + 1 < words.count ? words[index + 1] : ""
                        XCTAssertEqual(next, "parameter", "\(policy.id) \(field) uses \(parameter.name) as a value: \(text)")
                    }
                }
            }
        }
    }
}
