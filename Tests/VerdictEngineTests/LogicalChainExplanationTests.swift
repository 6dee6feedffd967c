import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy
import XCTest

/// Explanations of long `&&` and `||` chains, which the parser builds as balanced trees:
/// the steps must still name the operands that decided, in source order.
final class LogicalChainExplanationTests: XCTestCase {
    private func explain(_ compliant: String, _ configuration: String) throws -> Finding {
        try ExplanationFixture.finding(compliant, configuration)
    }

    private func steps(_ finding: Finding) -> [String] {
        (finding.explanation?.steps ?? []).map { "\($0.expression) = \($0.value)" }
    }

    /// `config.Values[i] == i` (or `!=`) for i in 0..<300, against values that differ at
    /// the indexes `wrong`.
    private func chain(_ symbol: String, equal: Bool, wrong: [Int]) -> (condition: String, configuration: String) {
        let comparison = equal ? "==" : "!="
        let condition = (0..<300).map { "config.Values[\($0)] \(comparison) \($0)" }.joined(separator: " \(symbol) ")
        let values = (0..<300).map { wrong.contains($0) ? -1 : $0 }
        return (condition, "{\"Values\": [\(values.map(String.init).joined(separator: ", "))]}")
    }

    func testFalseAndChainNamesItsFalseOperand() throws {
        let (condition, configuration) = chain("&&", equal: true, wrong: [250])
        let finding = try explain(condition, configuration)
        XCTAssertEqual(finding.verdict, .nonCompliant)
        XCTAssertEqual(steps(finding), ["config.Values[250] == 250 = false", "config.Values[250] = -1"])
    }

    /// Evaluation stops at the first false operand, so a later one is not evaluated and
    /// not named.
    func testFalseAndChainNamesTheFirstFalseOperand() throws {
        let (condition, configuration) = chain("&&", equal: true, wrong: [17, 250])
        let finding = try explain(condition, configuration)
        XCTAssertEqual(finding.verdict, .nonCompliant)
        XCTAssertEqual(steps(finding), ["config.Values[17] == 17 = false", "config.Values[17] = -1"])
    }

    func testTrueOrChainNamesItsTrueOperand() throws {
        let (condition, configuration) = chain("||", equal: false, wrong: [250])
        let finding = try explain("!(\(condition))", configuration)
        XCTAssertEqual(finding.verdict, .nonCompliant)
        XCTAssertEqual(steps(finding), ["config.Values[250] != 250 = true", "config.Values[250] = -1"])
    }
}
