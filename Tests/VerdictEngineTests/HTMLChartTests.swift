@testable import VerdictEngine
import XCTest

/// The HTML report's ring, its legend and the bar charts count the same things.
final class HTMLChartTests: XCTestCase {
    /// Two rules on three buckets: one bucket passes both, each of the others fails one, so
    /// the six results (four compliant) are about three resources (one compliant).
    private func context() throws -> ReportContext {
        let policies = [
            ReportFixture.bucketRule(),
            ReportFixture.bucketRule(id: "bucket-kind", compliantWhen: "config.Kind == \"a\"", message: "The bucket is of another kind."),
        ]
        let lines = [
            #"{"AccountId": "1", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "both", "Configuration": {"Grant": "private", "Kind": "a"}}"#,
            #"{"AccountId": "1", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "public", "Configuration": {"Grant": "public", "Kind": "a"}}"#,
            #"{"AccountId": "1", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "other-kind", "Configuration": {"Grant": "private", "Kind": "b"}}"#,
        ]
        return try ReportFixture.context(policies: policies, lines: lines)
    }

    func testFixtureHasMoreResultsThanResources() throws {
        let summary = try context().summary
        XCTAssertEqual(summary.verdictCounts[.compliant], 4)
        XCTAssertEqual(summary.verdictCounts[.nonCompliant], 2)
        XCTAssertEqual(summary.compliantResources, 1)
        XCTAssertEqual(summary.nonCompliantResources, 2)
    }

    func testLegendCountsResourcesLikeTheRing() throws {
        let summary = try context().summary
        let legend = HTMLReport.countsTable(summary)
        XCTAssertTrue(legend.contains("<tr><th></th><th>Resources</th><th>Results</th></tr>"), legend)
        XCTAssertTrue(legend.contains("\">Compliant</span></td><td>1</td><td>4</td></tr>"), legend)
        XCTAssertTrue(legend.contains("\">Non-compliant</span></td><td>2</td><td>2</td></tr>"), legend)
        XCTAssertTrue(legend.contains("<tr><td>Resources compliant</td><td>1 of 3</td>"), legend)

        let ring = HTMLCharts.donut(compliant: summary.compliantResources, nonCompliant: summary.nonCompliantResources, error: summary.erroredResources)
        XCTAssertTrue(ring.contains("<title>1 resource compliant</title>"), ring)
        XCTAssertTrue(ring.contains("<title>2 resources non-compliant</title>"), ring)
        XCTAssertTrue(ring.contains(">33.3%</text>"), ring)
    }

    func testTypeBarsAddUpToTheRing() throws {
        let context = try context()
        let bars = HTMLReport.typeBars(context)
        XCTAssertEqual(bars.map(\.label), ["ACS::OSS::Bucket"])
        XCTAssertEqual(bars.map(\.compliant).reduce(0, +), context.summary.compliantResources)
        XCTAssertEqual(bars.map(\.nonCompliant).reduce(0, +), context.summary.nonCompliantResources)
        XCTAssertEqual(bars.map(\.error).reduce(0, +), context.summary.erroredResources)
        XCTAssertEqual(bars.map(\.notApplicable).reduce(0, +), context.summary.notApplicableResources)
        XCTAssertEqual(try XCTUnwrap(bars.first?.rate), 1.0 / 3.0, accuracy: 1e-9)
    }

    func testRuleBarsCountEachRulesResources() throws {
        let bars = HTMLReport.ruleBars(try context())
        XCTAssertEqual(bars.map(\.label), ["bucket-rule", "bucket-kind"])
        XCTAssertEqual(bars.map(\.evaluated), [3, 3])
        XCTAssertEqual(bars.map(\.compliant), [2, 2])
        let svg = HTMLCharts.bars(bars)
        XCTAssertTrue(svg.contains("<title>bucket-rule: 1 resource non-compliant</title>"), svg)
        XCTAssertTrue(svg.contains("<title>bucket-kind: 2 resources compliant</title>"), svg)
    }
}
