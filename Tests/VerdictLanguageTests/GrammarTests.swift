import Foundation
import VerdictLanguage
import XCTest

/// Parses the examples written in grammar/expression.ebnf, so the grammar and the parser
/// cannot drift apart unnoticed.
final class GrammarTests: XCTestCase {
    private static let grammar = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("grammar/expression.ebnf")

    /// The text of every `(* KIND: ... *)` comment, which may span lines.
    private func examples(_ kind: String) throws -> [String] {
        let text = try String(contentsOf: GrammarTests.grammar, encoding: .utf8)
        var examples: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "(* \(kind): ") {
            guard let end = rest[start.upperBound...].range(of: " *)") else { break }
            examples.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return examples
    }

    func testAcceptedExamplesParse() throws {
        let accepted = try examples("accepted")
        XCTAssertGreaterThan(accepted.count, 10)
        for example in accepted {
            let parsed = Parser.parse(Source(text: example))
            XCTAssertFalse(parsed.hasErrors, "\(example): \(parsed.diagnostics.map(\.message))")
        }
    }

    func testRejectedExamplesFail() throws {
        let rejected = try examples("rejected")
        XCTAssertGreaterThan(rejected.count, 5)
        for example in rejected {
            XCTAssertTrue(Parser.parse(Source(text: example)).hasErrors, example)
        }
    }
}
