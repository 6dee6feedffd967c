import Foundation
import VerdictLanguage
import VerdictPolicy
import XCTest

/// Runs the examples of every lint check: each triggering example must produce its
/// diagnostic with the declared severity, and each non-triggering one must not.
final class LintCatalogTests: XCTestCase {
    func testEveryCheckHasWorkingExamples() {
        var ids = Set<String>()
        for check in LintCatalog.checks {
            XCTAssertTrue(ids.insert(check.id).inserted, "\(check.id) is listed twice")
            XCTAssertFalse(check.summary.isEmpty, check.id)
            let triggered = check.triggering.lint()
            XCTAssertTrue(triggered.contains { $0.id == check.id && $0.severity == check.severity },
                          "\(check.id): triggering example gave \(triggered.map { "\($0.id): \($0.message)" })")
            let clean = check.nonTriggering.lint()
            XCTAssertFalse(clean.contains { $0.id == check.id }, "\(check.id): non-triggering example gave \(clean.map(\.message))")
            XCTAssertFalse(clean.contains { $0.severity == .error }, "\(check.id): non-triggering example has errors: \(clean.map(\.message))")
        }
    }

    /// Every id a diagnostic can carry is in the catalog, so the documentation is complete.
    func testDocumentationListsEveryCheck() throws {
        let documentation = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/lint.md"), encoding: .utf8)
        for check in LintCatalog.checks {
            XCTAssertTrue(documentation.contains("`\(check.id)`"), "docs/lint.md does not list \(check.id)")
        }
    }

    func testShippedPoliciesLintClean() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let report = Linter.lint(paths: [root.appendingPathComponent("policies").path, root.appendingPathComponent("schemas").path])
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        XCTAssertGreaterThan(report.fileCount, 60)
    }
}
