@testable import VerdictEngine
import VerdictLanguage
import XCTest

final class TerminalTextTests: XCTestCase {
    func testEscapesEveryControlCharacter() {
        let cases: [(String, String)] = [
            ("x\r  COMPLIANT", "x\\r  COMPLIANT"),
            ("a\nb\tc", "a\\nb\\tc"),
            ("\u{1B}[2J", "\\x1b[2J"),
            ("\u{0}\u{7F}", "\\x00\\x7f"),
            ("c1\u{85}\u{9B}", "c1\\x85\\x9b"),
            ("bidi\u{202E}txt.exe", "bidi\\u202etxt.exe"),
            ("\u{200E}\u{200F}\u{202A}\u{2066}\u{2069}", "\\u200e\\u200f\\u202a\\u2066\\u2069"),
            ("arabic\u{061C}mark", "arabic\\u061cmark"),
            ("line\u{2028}para\u{2029}", "line\\u2028para\\u2029"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(TerminalText.escaped(input), expected)
        }
    }

    func testLeavesOrdinaryTextAlone() {
        for text in ["bucket-1", "C:\\path\\r", "名前 ✓", "a ← b", "\u{A0}non-breaking", ""] {
            XCTAssertEqual(TerminalText.escaped(text), text)
        }
    }
}

/// The text report with inventory data that tries to act on the terminal.
final class TextReportSafetyTests: XCTestCase {
    private func report(colour: Bool) throws -> String {
        let lines = [
            ReportFixture.bucket("evil\u{202E}", grant: "public", fields: ["ResourceName": "x\r  COMPLIANT", "Region": "cn\u{1B}[2J", "AccountId": "1\n2"]),
            ReportFixture.bucket("typed", grant: "public", fields: ["ResourceType": "ACS::OSS::Bucket"]),
            ReportFixture.bucket("tab\tid", grant: nil),
            "{\"AccountId\": \"1\", \"ResourceType\": \"ACS::OSS::Bucket\"}",
        ]
        var context = try ReportFixture.context(lines: lines, fileName: "in\u{1B}]0;title\u{7}.ndjson")
        context.usesColor = colour
        return TextReport.render(context)
    }

    func testInventoryTextIsEscaped() throws {
        let text = try report(colour: false)
        XCTAssertFalse(text.unicodeScalars.contains { $0 != "\n" && TerminalTextProbe.isControl($0) }, text)
        XCTAssertTrue(text.contains("ACS::OSS::Bucket evil\\u202e (x\\r  COMPLIANT)  [account 1\\n2, cn\\x1b[2J,"), text)
        XCTAssertTrue(text.contains("ACS::OSS::Bucket tab\\tid  [account 1, cn-hangzhou,"), text)
        XCTAssertTrue(text.contains("no such key: 'Grant'"), text)
        XCTAssertTrue(text.contains("in\\x1b]0;title\\x07.ndjson:4:1: error: the document has no 'ResourceId'"), text)
    }

    func testEveryLineStartsWhereTheLayoutPutsIt() throws {
        let text = try report(colour: false)
        let findingLines = text.split(separator: "\n").filter { $0.contains("ACS::OSS::Bucket") }
        XCTAssertEqual(findingLines.count, 3, text)
        for line in findingLines {
            XCTAssertTrue(line.hasPrefix("  NON_COMPLIANT") || line.hasPrefix("  ERROR"), String(line))
        }
    }

    func testColourCodesStillReachTheTerminal() throws {
        let text = try report(colour: true)
        XCTAssertTrue(text.contains("\u{1B}[31mNON_COMPLIANT"))
        XCTAssertTrue(text.contains("\u{1B}[1mbucket-rule\u{1B}[0m"))
        XCTAssertFalse(text.contains("\u{1B}[2J"))
    }

    func testProblemLineIsEscaped() {
        let problem = InventoryProblem(location: InventoryLocation(file: "in\u{1B}.ndjson", line: 2, column: 3), message: "bad\rvalue")
        XCTAssertEqual(TextReport.problemLine(problem), "in\\x1b.ndjson:2:3: error: bad\\rvalue")
    }
}

/// The characters that `TerminalText` must never let through.
enum TerminalTextProbe {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
