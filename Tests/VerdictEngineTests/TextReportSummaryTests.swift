import VerdictEngine
import XCTest

/// The closing summary and the per-rule counts of the text report.
final class TextReportSummaryTests: XCTestCase {
    private let secondRule = ReportFixture.bucketRule(id: "quiet-rule", compliantWhen: "true")

    func testRulesLineCountsViolationsAndErrorsSeparately() throws {
        let context = try ReportFixture.context(policies: [ReportFixture.bucketRule(), secondRule], lines: [
            ReportFixture.bucket("public", grant: "public"),
            ReportFixture.bucket("missing-1", grant: nil),
            ReportFixture.bucket("missing-2", grant: nil),
        ])
        let text = TextReport.render(context)
        XCTAssertTrue(text.contains("  Results: COMPLIANT 3, NON_COMPLIANT 1, NOT_APPLICABLE 0, ERROR 2\n"), text)
        XCTAssertTrue(text.contains("  Rules: 2 evaluated, 1 with non-compliant resources, 1 with errors, 1 without violations or errors\n"), text)
        XCTAssertTrue(text.contains("  1 non-compliant, 2 errors\n"), text)
        XCTAssertTrue(text.contains("(0 of 3 compliant; 2 resources with errors count as not compliant)"), text)
    }

    func testCountsUseTheSingularForOne() throws {
        let context = try ReportFixture.context(lines: [
            ReportFixture.bucket("missing", grant: nil),
            "{not json",
        ])
        let text = TextReport.render(context)
        XCTAssertTrue(text.contains("  1 rule, 1 resource document, 1 account, evaluated at"), text)
        XCTAssertTrue(text.contains("  1 error\n"), text)
        XCTAssertTrue(text.contains("(0 of 1 compliant; 1 resource with errors counts as not compliant)"), text)
        XCTAssertTrue(text.contains("Inventory problems: 1 document could not be read"), text)
    }

    func testCountTextPluralises() {
        XCTAssertEqual(CountText.of(0, "rule"), "0 rules")
        XCTAssertEqual(CountText.of(1, "rule"), "1 rule")
        XCTAssertEqual(CountText.of(2, "resource document"), "2 resource documents")
        XCTAssertEqual(CountText.of(3, "policy", plural: "policies"), "3 policies")
    }
}
