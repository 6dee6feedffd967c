import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy
import XCTest

/// Builds report contexts from policy texts and inventory lines, evaluated at time 0.
enum ReportFixture {
    /// Returns a rule on `ACS::OSS::Bucket`, by default compliant when the bucket ACL is
    /// private. `extra` adds YAML lines at the end.
    static func bucketRule(id: String = "bucket-rule", appliesWhen: String? = nil, compliantWhen: String = "config.Grant == \"private\"",
                           message: String = "The bucket is public.", extra: String = "") -> String {
        """
        kind: Policy
        id: \(id)
        title: Buckets are private
        description: Checks the bucket ACL.
        severity: high
        resourceTypes: [ACS::OSS::Bucket]
        \(appliesWhen.map { "appliesWhen: \($0)" } ?? "")
        compliantWhen: \(compliantWhen)
        message: \(message)
        \(extra)
        """
    }

    /// Returns a bucket document as one NDJSON line; `fields` adds or replaces top-level members.
    static func bucket(_ id: String, grant: String?, fields: [String: String] = [:]) -> String {
        var members: [String: Any] = ["AccountId": "1", "Region": "cn-hangzhou", "ResourceType": "ACS::OSS::Bucket", "ResourceId": id,
                                      "Configuration": grant.map { ["Grant": $0] } ?? [:]]
        for (key, value) in fields { members[key] = value }
        let data = try! JSONSerialization.data(withJSONObject: members, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func context(policies: [String] = [bucketRule()], lines: [String], fileName: String = "inventory.ndjson",
                        showsAll: Bool = false) throws -> ReportContext {
        var catalog = PolicyCatalog()
        for (index, text) in policies.enumerated() { catalog.loadText(text, name: "rule\(index).yaml") }
        XCTAssertEqual(catalog.diagnostics.map(\.description), [])
        let compiled = try catalog.policies.map { try PolicyCompiler.compile($0).get() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(fileName)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let outcome = EvaluationSession(policies: compiled, options: EvaluationOptions(now: Timestamp(seconds: 0)!, explain: true))
            .run(try InventoryReader(paths: [file.path]))
        var context = ReportContext(outcome: outcome, evaluationTime: Timestamp(seconds: 0)!, inventories: ["inventory.ndjson"])
        context.showsAllResults = showsAll
        return context
    }
}
