import Foundation
import XCTest
@testable import VerdictPolicy

/// Which files policy directories yield: `.yaml` and `.yml` in any letter case, searched
/// recursively, in name order.
final class PolicyFilesTests: XCTestCase {
    func testDirectoriesYieldYAMLFilesInAnyCaseRecursively() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-policies-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["b.YAML", "a.yml", "nested/c.Yml", "notes.txt", "d.yaml.bak"] {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("kind: Pack\n".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        let shown = directory.path + "/"
        XCTAssertEqual(PolicyCatalog.policyFiles(at: directory.path), ["a.yml", "b.YAML", "nested/c.Yml"].map { shown + $0 })
        XCTAssertEqual(PolicyCatalog.policyFiles(at: directory.appendingPathComponent("notes.txt").path), [directory.appendingPathComponent("notes.txt").path],
                       "a file named explicitly is read whatever its extension")
        XCTAssertEqual(PolicyCatalog.policyFiles(at: directory.appendingPathComponent("missing").path), [])
    }
}
