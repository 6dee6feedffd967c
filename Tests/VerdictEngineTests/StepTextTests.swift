@testable import VerdictEngine
import XCTest

final class StepTextTests: XCTestCase {
    func testShortTextIsKeptWhole() {
        XCTAssertEqual(StepText.shortened("config.A == 1"), "config.A == 1")
        XCTAssertEqual(StepText.shortened(String(repeating: "a", count: 100)), String(repeating: "a", count: 100))
    }

    func testLongTextIsElidedInTheMiddle() {
        let text = "start" + String(repeating: "x", count: 200) + "end"
        let shortened = StepText.shortened(text)
        XCTAssertEqual(shortened, "start" + String(repeating: "x", count: 40) + " … " + String(repeating: "x", count: 42) + "end")
        XCTAssertEqual(shortened.count, 45 + 3 + 45)
    }

    func testWhiteSpaceCollapsesOutsideStrings() {
        XCTAssertEqual(StepText.collapsingWhiteSpace("  a \t\n  b  "), "a b")
        XCTAssertEqual(StepText.collapsingWhiteSpace("x  == \"a  b\" || y == 'c  \\' d'"), "x == \"a  b\" || y == 'c  \\' d'")
    }

    func testElisionDropsSpacesAtTheCut() {
        let text = String(repeating: "a", count: 44) + "   " + String(repeating: "b", count: 60) + " " + String(repeating: "c", count: 44)
        XCTAssertEqual(StepText.shortened(text), String(repeating: "a", count: 44) + " … " + String(repeating: "c", count: 44))
    }

    func testParenthesesLeftOutOfASpanAreRestored() {
        XCTAssertEqual(StepText.balancingParentheses("a || b) && c"), "(a || b) && c")
        XCTAssertEqual(StepText.balancingParentheses("a && (b || c"), "a && (b || c)")
        XCTAssertEqual(StepText.balancingParentheses("f(x) == \")\""), "f(x) == \")\"")
        XCTAssertEqual(StepText.balancingParentheses("size(x) > 0"), "size(x) > 0")
    }

    func testParenthesisedOperandShowsWhole() throws {
        XCTAssertEqual(StepText.shortened("type(x) == string ? int(x) : x) in params.types"), "(type(x) == string ? int(x) : x) in params.types")
    }
}
