import Foundation
import VerdictLanguage
import VerdictPolicy
import XCTest

/// A file named more than once (twice, as a file and through its directory, through a
/// symbolic link) is read once, by policies and resource schemas alike.
final class FileListTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func policy(_ id: String) -> String {
        "kind: Policy\nid: \(id)\ntitle: X\ndescription: X.\nseverity: low\nresourceTypes: [ACS::OSS::Bucket]\ncompliantWhen: 'true'\nmessage: m\n"
    }

    func testAPolicyFileNamedTwiceIsLoadedOnce() throws {
        let file = try write("pol/a.yaml", policy("rule-a"))
        try write("pol/b.yaml", policy("rule-b"))
        let pol = directory.appendingPathComponent("pol").path
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("alias").path, withDestinationPath: pol)
        let alias = directory.appendingPathComponent("alias").path
        for paths in [[pol, pol], [file, pol], [pol, pol + "/"], [pol, alias], [pol + "/./a.yaml", file]] {
            let catalog = PolicyCatalog.load(paths: paths)
            XCTAssertEqual(catalog.diagnostics.map(\.description), [], "\(paths)")
            XCTAssertEqual(catalog.policies.map(\.id).sorted(), paths.contains(pol) ? ["rule-a", "rule-b"] : ["rule-a"], "\(paths)")
        }
        // The first name wins, and `files` lists each file once.
        XCTAssertEqual(PolicyCatalog.load(paths: [file, pol]).files, [file, pol + "/b.yaml"])
        XCTAssertEqual(PolicyCatalog.policyFiles(at: [pol, file, alias]), [pol + "/a.yaml", pol + "/b.yaml"])

        // Two files with the same rule id are still an error.
        let copy = try write("copy/a.yaml", policy("rule-a"))
        let twice = PolicyCatalog.load(paths: [file, copy])
        XCTAssertEqual(twice.diagnostics.map(\.id), ["policy-duplicate-id"])
    }

    func testASchemaFileNamedTwiceIsLoadedOnce() throws {
        let schema = "kind: ResourceSchema\nresourceType: ACS::OSS::Bucket\nconfiguration:\n  Name: string\n"
        let file = try write("schemas/bucket.yaml", schema)
        try write("schemas/policy.yaml", policy("rule-a"))
        let schemas = directory.appendingPathComponent("schemas").path
        let set = ResourceSchemaSet.load(paths: [schemas, file, schemas])
        XCTAssertEqual(set.diagnostics.map(\.description), [])
        XCTAssertEqual(set.resourceTypes, ["ACS::OSS::Bucket"])
        XCTAssertEqual(set.files, [schemas + "/bucket.yaml", schemas + "/policy.yaml"], "every file read, policies among them")
    }

    func testDeduplicationKeepsNamesThatCannotBeResolved() {
        XCTAssertEqual(FileList.deduplicated(["/nonexistent/a", "/nonexistent/a", "/nonexistent/b"]), ["/nonexistent/a", "/nonexistent/b"])
        XCTAssertNil(FileList.canonicalPath("/nonexistent/a"))
    }
}
