@testable import VerdictEngine
import XCTest

final class FieldPathTests: XCTestCase {
    private let rules = FieldPath("Configuration").field("Rules")

    func testListElementsAreIndexed() {
        XCTAssertEqual(rules.text, "Configuration.Rules")
        XCTAssertEqual(rules.element(3).text, "Configuration.Rules[3]")
        XCTAssertEqual(rules.element(3).field("Zone").text, "Configuration.Rules[3].Zone")
        XCTAssertEqual(FieldPath("").field("Tags").key("\"env\"").text, "Tags[\"env\"]")
    }

    func testMapKeepsIndexesUntilAFilter() {
        let zones = rules.mapped(".Zone", keepsEveryElement: true)
        XCTAssertEqual(zones.text, "Configuration.Rules[*].Zone")
        XCTAssertEqual(zones.element(1).text, "Configuration.Rules[1].Zone")

        let filtered = rules.mapped(".Zone", keepsEveryElement: false)
        XCTAssertEqual(filtered.text, "Configuration.Rules[*].Zone")
        XCTAssertEqual(filtered.element(1).text, "Configuration.Rules[*].Zone")
    }

    func testSubsetLosesIndexes() {
        XCTAssertEqual(rules.subset().text, "Configuration.Rules")
        XCTAssertEqual(rules.subset().element(2).text, "Configuration.Rules[*]")
        let zones = rules.mapped(".Zone", keepsEveryElement: true).subset()
        XCTAssertEqual(zones.text, "Configuration.Rules[*].Zone")
        XCTAssertEqual(zones.element(0).text, "Configuration.Rules[*].Zone")
    }

    func testNestedMapsStackWildcards() {
        let ports = rules.mapped(".Ports", keepsEveryElement: true)
        XCTAssertEqual(ports.mapped("[0]", keepsEveryElement: true).text, "Configuration.Rules[*].Ports[0]")
        XCTAssertEqual(ports.mapped("[0]", keepsEveryElement: true).element(4).text, "Configuration.Rules[4].Ports[0]")
        XCTAssertEqual(ports.element(1).mapped(".Number", keepsEveryElement: true).text, "Configuration.Rules[1].Ports[*].Number")
    }
}
