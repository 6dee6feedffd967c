import XCTest
import VerdictLanguage
@testable import VerdictPolicy

/// The node tree, its marks, and the loader's syntax errors.
final class YAMLLoaderTests: XCTestCase {
    func testStructureKeepsOrderAndStyles() throws {
        let document = try loadYAML("""
            zeta: plain
            alpha: 'single'
            mid: "double"
            list:
              - |
                literal
              - >
                folded

            """)
        let root = try XCTUnwrap(document.root)

        XCTAssertEqual(root.pairs.map(\.key.value), ["zeta", "alpha", "mid", "list"])
        XCTAssertEqual(try document.scalar("zeta").style, .plain)
        XCTAssertEqual(try document.scalar("alpha").style, .singleQuoted)
        XCTAssertEqual(try document.scalar("mid").style, .doubleQuoted)
        XCTAssertEqual(try document.scalar("list", 0).style, .literal)
        XCTAssertEqual(try document.scalar("list", 1).style, .folded)
        XCTAssertEqual(try document.scalar("list", 1).value, "folded\n")
    }

    func testDocumentKeepsNameAndText() throws {
        let text = "a: 1\n"
        let document = try YAMLLoader.load(text: text, name: "policies/base.yaml")

        XCTAssertEqual(document.source.name, "policies/base.yaml")
        XCTAssertEqual(document.source.text, text)
    }

    func testCollectionMarks() throws {
        let document = try loadYAML("a:\n  - x\n  - [y, z]\nb: {c: 1}\n")
        let root = try XCTUnwrap(document.root)
        let sequence = try XCTUnwrap(root["a"])
        let flowSequence = try XCTUnwrap(sequence[1])
        let flowMapping = try XCTUnwrap(root["b"])

        XCTAssertEqual(root.start, YAMLMark(offset: 0, line: 1, column: 1))
        XCTAssertEqual(root.end, YAMLMark(offset: 29, line: 4, column: 10), "a block mapping ends with its last entry")
        XCTAssertEqual(sequence.start, YAMLMark(offset: 5, line: 2, column: 3))
        XCTAssertEqual(sequence.end, YAMLMark(offset: 19, line: 3, column: 11))
        XCTAssertEqual(flowSequence.start, YAMLMark(offset: 13, line: 3, column: 5))
        XCTAssertEqual(flowSequence.end, YAMLMark(offset: 19, line: 3, column: 11), "a flow sequence ends past its bracket")
        XCTAssertEqual(flowMapping.start, YAMLMark(offset: 23, line: 4, column: 4))
        XCTAssertEqual(flowMapping.end, YAMLMark(offset: 29, line: 4, column: 10))
    }

    func testScalarMarksOnCRLFAndMultibyteLines() throws {
        let document = try loadYAML("é: 1\r\nü: [a, b]\r\n")
        let key = try XCTUnwrap(document.root?.pairs.last?.key)
        let item = try document.scalar("ü", 1)

        XCTAssertEqual(key.start, YAMLMark(offset: 7, line: 2, column: 1))
        XCTAssertEqual(item.start, YAMLMark(offset: 15, line: 2, column: 8))
        XCTAssertEqual(item.end, YAMLMark(offset: 16, line: 2, column: 9))
    }

    func testQuotedAndBlockScalarMarks() throws {
        let document = try loadYAML("q: \"x\"\nb: |\n  y\nc: z\n")

        XCTAssertEqual(try document.scalar("q").start, YAMLMark(offset: 3, line: 1, column: 4), "a quoted scalar starts at its quote")
        XCTAssertEqual(try document.scalar("q").end, YAMLMark(offset: 6, line: 1, column: 7))
        XCTAssertEqual(try document.scalar("b").start, YAMLMark(offset: 10, line: 2, column: 4), "a block scalar starts at its indicator")
        XCTAssertEqual(try document.scalar("b").end, YAMLMark(offset: 16, line: 4, column: 1))
    }

    func testTextPositionsAgreeWithSource() {
        // Long enough to cross several checkpoints, with 2-, 3- and 4-byte characters,
        // CR LF, a lone CR, and U+0085, which libyaml reads as a line break but Source
        // does not.
        var text = ""
        for index in 0..<40 {
            text += "é€😀 line \(index)\r\n" + "a\u{85}b\r" + "plain\n"
        }
        let source = Source(text: text, name: "t")
        let positions = TextPositions(bytes: Array(text.utf8))
        let bytes = Array(text.utf8)

        var characterIndex = 0
        for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
            let location = source.location(of: offset)
            let mark = positions.mark(atByte: offset)
            XCTAssertEqual(mark.line, location.line, "line at byte \(offset)")
            XCTAssertEqual(mark.column, location.column, "column at byte \(offset)")
            XCTAssertEqual(positions.byteOffset(ofCharacterIndex: characterIndex), offset, "byte offset of character \(characterIndex)")
            XCTAssertEqual(positions.mark(atCharacterIndex: characterIndex), mark, "mark of character \(characterIndex)")
            characterIndex += 1
        }
    }

    // MARK: Syntax errors

    func testTabIndentation() {
        let diagnostic = loadError("a:\n\tb: 1\n")

        XCTAssertEqual(diagnostic?.id, "yaml-syntax")
        XCTAssertEqual(position(of: diagnostic), "2:1")
        XCTAssertTrue(diagnostic?.message.contains("found character that cannot start any token") == true, diagnostic?.message ?? "")
        XCTAssertTrue(diagnostic?.message.contains("indent with spaces") == true, diagnostic?.message ?? "")
    }

    func testUnclosedQuotePointsAtTheQuote() {
        let diagnostic = loadError("a: \"open\nb: 1\n")

        XCTAssertEqual(diagnostic?.id, "yaml-syntax")
        XCTAssertEqual(position(of: diagnostic), "1:4")
        XCTAssertTrue(diagnostic?.message.contains("the closing quote is missing") == true, diagnostic?.message ?? "")
    }

    func testUnclosedFlowSequencePointsAtTheBracket() {
        let diagnostic = loadError("k: [a, b\n")

        XCTAssertEqual(diagnostic?.id, "yaml-syntax")
        XCTAssertEqual(position(of: diagnostic), "1:4")
    }

    func testControlCharacter() {
        let diagnostic = loadError("k: a\u{7}b\n")

        XCTAssertEqual(diagnostic?.id, "yaml-syntax")
        XCTAssertEqual(position(of: diagnostic), "1:5")
        XCTAssertTrue(diagnostic?.message.contains("control characters are not allowed (U+0007)") == true, diagnostic?.message ?? "")
    }

    func testColonInPlainValue() {
        let diagnostic = loadError("a: b: c\n")

        XCTAssertEqual(position(of: diagnostic), "1:5")
        XCTAssertTrue(diagnostic?.message.contains("a plain value cannot contain ': ', so put the value in quotes or write it as a block scalar (|)") == true,
                      diagnostic?.message ?? "")
    }

    func testReservedIndicator() {
        let diagnostic = loadError("é: [a, @b]\n")

        XCTAssertEqual(position(of: diagnostic), "1:8", "columns count characters, not bytes")
        XCTAssertTrue(diagnostic?.message.contains("put the value in quotes") == true, diagnostic?.message ?? "")
    }

    func testContextStartIsNamed() {
        let diagnostic = loadError("a: 1\nkey\n")

        XCTAssertEqual(diagnostic?.id, "yaml-syntax")
        XCTAssertEqual(position(of: diagnostic), "2:1", "a problem at the end of the file points at its context")
        XCTAssertTrue(diagnostic?.message.contains("(while scanning a simple key that starts at line 2, column 1)") == true, diagnostic?.message ?? "")
    }

    func testRenderedDiagnosticShowsFileAndLine() {
        let diagnostic = loadError("a:\n\tb: 1\n")

        XCTAssertEqual(diagnostic?.rendered().split(separator: "\n").first.map(String.init)?.hasPrefix("policy.yaml:2:1: error: found character"), true)
        XCTAssertEqual(diagnostic?.source.name, "policy.yaml")
    }
}
