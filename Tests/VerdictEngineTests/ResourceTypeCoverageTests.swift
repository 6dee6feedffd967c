import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy
import XCTest

/// Documents whose type differs from a rule's only in case, spacing or a small
/// misspelling are found, and the session counts documents by type.
final class ResourceTypeCoverageTests: XCTestCase {
    private let known = ["ACS::ECS::Disk", "ACS::ECS::Instance", "ACS::OSS::Bucket", "ACS::SLB::LoadBalancer", "ACS::::Account"]

    func testSuggestsTheKnownTypeMeant() {
        XCTAssertEqual(ResourceTypeCoverage.suggestion(for: "ACS::ECS::disk", among: known), "ACS::ECS::Disk")
        XCTAssertEqual(ResourceTypeCoverage.suggestion(for: "ACS::ECS::Disk ", among: known), "ACS::ECS::Disk")
        XCTAssertEqual(ResourceTypeCoverage.suggestion(for: " acs :: ecs :: DISK\t", among: known), "ACS::ECS::Disk")
        XCTAssertEqual(ResourceTypeCoverage.suggestion(for: "ACS::ECS::Dsik", among: known), "ACS::ECS::Disk")
        XCTAssertEqual(ResourceTypeCoverage.suggestion(for: "ACS::OSS::Buckets", among: known), "ACS::OSS::Bucket")
        XCTAssertEqual(ResourceTypeCoverage.suggestion(for: "ACS:ECS::Disk", among: known), "ACS::ECS::Disk")
        XCTAssertEqual(ResourceTypeCoverage.suggestion(for: "ACS::::account", among: known), "ACS::::Account")
    }

    func testOtherProductsAndUnrelatedTypesAreNotMisspellings() {
        // Real types of other products often differ from a known one by a letter.
        XCTAssertNil(ResourceTypeCoverage.suggestion(for: "ACS::ALB::LoadBalancer", among: known))
        XCTAssertNil(ResourceTypeCoverage.suggestion(for: "ACS::NLB::LoadBalancer", among: known))
        XCTAssertNil(ResourceTypeCoverage.suggestion(for: "ACS::ECS::SecurityGroup", among: known))
        XCTAssertNil(ResourceTypeCoverage.suggestion(for: "ACS::RAM::User", among: known))
    }

    func testMisspellingsSkipTypesThatRulesOrSchemasKnow() {
        let types = ["ACS::ECS::disk": 2, "ACS::ECS::Disk ": 1, "ACS::ECS::Disk": 5, "ACS::ECS::Instance": 3, "ACS::ALB::LoadBalancer": 4, "ACS::ECS::instance": 1]
        let found = ResourceTypeCoverage.misspellings(documentTypes: types, evaluated: ["ACS::ECS::Disk", "ACS::ECS::instance"], known: Set(known))
        XCTAssertEqual(found.map { "\($0.type) \($0.documentCount) \($0.suggestion)" }, [
            "ACS::ECS::Disk  1 ACS::ECS::Disk",
            "ACS::ECS::disk 2 ACS::ECS::Disk",
        ])
    }

    func testEvaluatedTypesIncludeAccounts() {
        var catalog = PolicyCatalog()
        catalog.loadText("kind: Policy\nid: a\ntitle: X\ndescription: X.\nseverity: low\nresourceTypes: [ACS::OSS::Bucket, ACS::ECS::Disk]\ncompliantWhen: 'true'\nmessage: m\n", name: "a.yaml")
        catalog.loadText("kind: Policy\nid: b\ntitle: X\ndescription: X.\nseverity: low\nscope: account\ncompliantWhen: 'true'\nmessage: m\n", name: "b.yaml")
        XCTAssertEqual(catalog.diagnostics.map(\.description), [])
        XCTAssertEqual(ResourceTypeCoverage.evaluatedTypes(catalog.policies), ["ACS::::Account", "ACS::ECS::Disk", "ACS::OSS::Bucket"])
    }

    func testTheSessionCountsDocumentsByType() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-types-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let line = { (type: String, id: String) in "{\"AccountId\": \"1\", \"ResourceType\": \"\(type)\", \"ResourceId\": \"\(id)\", \"Configuration\": {}}" }
        let path = directory.appendingPathComponent("inventory.ndjson").path
        let text = [line("ACS::ECS::Disk", "a"), line("ACS::ECS::disk", "b"), line("ACS::ECS::Disk", "c"), "{broken", line("ACS::OSS::Bucket", "d")]
        try Data((text.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        var catalog = PolicyCatalog()
        catalog.loadText("kind: Policy\nid: a\ntitle: X\ndescription: X.\nseverity: low\nresourceTypes: [ACS::ECS::Disk]\ncompliantWhen: 'true'\nmessage: m\n", name: "a.yaml")
        let compiled = try catalog.policies.map { try PolicyCompiler.compile($0, overrides: [:]).get() }
        var options = EvaluationOptions(now: Timestamp(rfc3339: "2025-03-10T00:00:00Z")!)
        options.workers = 3
        let outcome = EvaluationSession(policies: compiled, options: options).run(try InventoryReader(paths: [path]))
        XCTAssertEqual(outcome.documentTypes, ["ACS::ECS::Disk": 2, "ACS::ECS::disk": 1, "ACS::OSS::Bucket": 1])
        XCTAssertEqual(outcome.findings.count, 2)
        XCTAssertEqual(outcome.problems.count, 1)
    }
}
