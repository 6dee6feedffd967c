import XCTest
import VerdictLanguage
@testable import VerdictPolicy

/// Each test checks that in its YAML, byte N of a scalar's value maps to file line L,
/// column C. Columns count Unicode scalars, as `Source` does.
final class YAMLOffsetMapTests: XCTestCase {
    func testPlainSingleLine() throws {
        let document = try loadYAML("rule: x > 1\n")
        let scalar = try document.scalar("rule")

        XCTAssertEqual(scalar.value, "x > 1")
        XCTAssertEqual(document.position(ofValueByte: 0, in: scalar), "1:7")
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "1:9")
        XCTAssertEqual(document.position(ofValueByte: 5, in: scalar), "1:12", "the end maps just past the last character")
    }

    func testPlainFoldedLines() throws {
        let document = try loadYAML("check: first\n  && second\n")
        let scalar = try document.scalar("check")

        XCTAssertEqual(scalar.value, "first && second")
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "1:10")
        XCTAssertEqual(document.position(ofValueByte: 5, in: scalar), "1:13", "the folded space maps to the line break")
        XCTAssertEqual(document.position(ofValueByte: 6, in: scalar), "2:3")
        XCTAssertEqual(document.position(ofValueByte: 9, in: scalar), "2:6")
    }

    func testPlainBlankLineBecomesLineFeed() throws {
        let document = try loadYAML("k: a\n\n  b\n")
        let scalar = try document.scalar("k")

        XCTAssertEqual(scalar.value, "a\nb")
        XCTAssertEqual(document.position(ofValueByte: 1, in: scalar), "2:1", "the line feed maps to the empty line's break")
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "3:3")
    }

    func testPlainInFlowSequence() throws {
        let document = try loadYAML("[one\n two, three]\n")
        let scalar = try document.scalar(0)

        XCTAssertEqual(scalar.value, "one two")
        XCTAssertEqual(document.position(ofValueByte: 3, in: scalar), "1:5")
        XCTAssertEqual(document.position(ofValueByte: 4, in: scalar), "2:2")
        XCTAssertEqual(document.position(ofValueByte: 1, in: try document.scalar(1)), "2:8")
    }

    func testSingleQuotedEscapedQuote() throws {
        let document = try loadYAML("q: 'it''s\n  x'\n")
        let scalar = try document.scalar("q")

        XCTAssertEqual(scalar.value, "it's x")
        XCTAssertEqual(document.position(ofValueByte: 0, in: scalar), "1:5")
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "1:7", "an escaped quote maps to its first quote")
        XCTAssertEqual(document.position(ofValueByte: 3, in: scalar), "1:9")
        XCTAssertEqual(document.position(ofValueByte: 4, in: scalar), "1:10")
        XCTAssertEqual(document.position(ofValueByte: 5, in: scalar), "2:3")
        XCTAssertEqual(document.position(ofValueByte: 6, in: scalar), "2:4", "the end maps to the closing quote")
    }

    func testDoubleQuotedEscapes() throws {
        let document = try loadYAML(#"e: "\x41\u00e9\U0001F600\"z\\""# + "\n")
        let scalar = try document.scalar("e")

        XCTAssertEqual(scalar.value, "Aé😀\"z\\")
        XCTAssertEqual(document.position(ofValueByte: 0, in: scalar), "1:5")
        XCTAssertEqual(document.position(ofValueByte: 1, in: scalar), "1:9")
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "1:9", "both bytes of é map to its escape")
        XCTAssertEqual(document.position(ofValueByte: 5, in: scalar), "1:15")
        XCTAssertEqual(document.position(ofValueByte: 7, in: scalar), "1:25")
        XCTAssertEqual(document.position(ofValueByte: 8, in: scalar), "1:27")
        XCTAssertEqual(document.position(ofValueByte: 9, in: scalar), "1:28")
        XCTAssertEqual(document.position(ofValueByte: 10, in: scalar), "1:30")
    }

    func testDoubleQuotedLineBreaks() throws {
        let document = try loadYAML("e: \"one \\\n   two\n   three\\n\"\n")
        let scalar = try document.scalar("e")

        XCTAssertEqual(scalar.value, "one two three\n")
        XCTAssertEqual(document.position(ofValueByte: 3, in: scalar), "1:8", "the space before an escaped break is kept")
        XCTAssertEqual(document.position(ofValueByte: 4, in: scalar), "2:4", "an escaped break joins the lines")
        XCTAssertEqual(document.position(ofValueByte: 7, in: scalar), "2:7", "the folded space maps to the line break")
        XCTAssertEqual(document.position(ofValueByte: 8, in: scalar), "3:4")
        XCTAssertEqual(document.position(ofValueByte: 13, in: scalar), "3:9", "\\n maps to its backslash")
    }

    func testLiteralKeepWithHeaderComment() throws {
        let document = try loadYAML("script: |+ # keep trailing lines\n  line one\n    indented\n\nnext: 1\n")
        let scalar = try document.scalar("script")

        XCTAssertEqual(scalar.value, "line one\n  indented\n\n")
        XCTAssertEqual(document.position(ofValueByte: 0, in: scalar), "2:3")
        XCTAssertEqual(document.position(ofValueByte: 8, in: scalar), "2:11")
        XCTAssertEqual(document.position(ofValueByte: 9, in: scalar), "3:3", "spaces past the indentation are content")
        XCTAssertEqual(document.position(ofValueByte: 11, in: scalar), "3:5")
        XCTAssertEqual(document.position(ofValueByte: 19, in: scalar), "3:13")
        XCTAssertEqual(document.position(ofValueByte: 20, in: scalar), "4:1")
        XCTAssertEqual(document.position(ofValueByte: 21, in: scalar), "4:1", "a value ending in a line break ends at that break")
    }

    func testLiteralIndentationIndicatorAndStrip() throws {
        let document = try loadYAML("- |2-\n    two extra\n  base\n")
        let scalar = try document.scalar(0)

        XCTAssertEqual(scalar.value, "  two extra\nbase")
        XCTAssertEqual(document.position(ofValueByte: 0, in: scalar), "2:3")
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "2:5")
        XCTAssertEqual(document.position(ofValueByte: 11, in: scalar), "2:14")
        XCTAssertEqual(document.position(ofValueByte: 12, in: scalar), "3:3")
        XCTAssertEqual(document.position(ofValueByte: 16, in: scalar), "3:7")
    }

    func testLiteralIndicatorInIndentlessSequence() throws {
        let document = try loadYAML("list:\n- |1\n  x\n")
        let scalar = try document.scalar("list", 0)

        XCTAssertEqual(scalar.value, " x\n")
        XCTAssertEqual(document.position(ofValueByte: 0, in: scalar), "3:2")
        XCTAssertEqual(document.position(ofValueByte: 1, in: scalar), "3:3")
    }

    func testFoldedParagraphs() throws {
        let document = try loadYAML("rule: >\n  a > 1 &&\n  b < 2\n\n  c\n")
        let scalar = try document.scalar("rule")

        XCTAssertEqual(scalar.value, "a > 1 && b < 2\nc\n")
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "2:5")
        XCTAssertEqual(document.position(ofValueByte: 8, in: scalar), "2:11", "the folded space maps to the line break")
        XCTAssertEqual(document.position(ofValueByte: 9, in: scalar), "3:3")
        XCTAssertEqual(document.position(ofValueByte: 14, in: scalar), "4:1", "a kept line feed maps to the empty line")
        XCTAssertEqual(document.position(ofValueByte: 15, in: scalar), "5:3")
        XCTAssertEqual(document.position(ofValueByte: 16, in: scalar), "5:4")
    }

    func testFoldedMoreIndentedLinesKeepBreaks() throws {
        let document = try loadYAML(">\n para\n   code\n more\n")
        let scalar = try XCTUnwrap(document.root?.scalar)

        XCTAssertEqual(scalar.value, "para\n  code\nmore\n")
        XCTAssertEqual(document.position(ofValueByte: 4, in: scalar), "2:6")
        XCTAssertEqual(document.position(ofValueByte: 5, in: scalar), "3:2")
        XCTAssertEqual(document.position(ofValueByte: 7, in: scalar), "3:4")
        XCTAssertEqual(document.position(ofValueByte: 11, in: scalar), "3:8")
        XCTAssertEqual(document.position(ofValueByte: 12, in: scalar), "4:2")
    }

    func testFoldedIndentationIndicatorInNestedMapping() throws {
        let document = try loadYAML("map:\n  key: >2\n      deep\n    shallow\n")
        let scalar = try document.scalar("map", "key")

        XCTAssertEqual(scalar.value, "  deep\nshallow\n")
        XCTAssertEqual(document.position(ofValueByte: 0, in: scalar), "3:5")
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "3:7")
        XCTAssertEqual(document.position(ofValueByte: 6, in: scalar), "3:11")
        XCTAssertEqual(document.position(ofValueByte: 7, in: scalar), "4:5")
    }

    func testCarriageReturnLineFeeds() throws {
        let document = try loadYAML("a: one\r\n  two\r\nb: |\r\n  x\r\n  y\r\n")
        let folded = try document.scalar("a")
        let literal = try document.scalar("b")

        XCTAssertEqual(folded.value, "one two")
        XCTAssertEqual(document.position(ofValueByte: 3, in: folded), "1:7")
        XCTAssertEqual(document.position(ofValueByte: 4, in: folded), "2:3")
        XCTAssertEqual(literal.value, "x\ny\n")
        XCTAssertEqual(document.position(ofValueByte: 1, in: literal), "4:4", "CR LF becomes one line feed, mapped to the CR")
        XCTAssertEqual(document.position(ofValueByte: 2, in: literal), "5:3")
    }

    func testColumnsCountUnicodeScalars() throws {
        let document = try loadYAML("règle: \"été + x\"\n")
        let scalar = try document.scalar("règle")

        XCTAssertEqual(document.position(ofValueByte: 1, in: scalar), "1:9", "a byte inside é maps to é")
        XCTAssertEqual(document.position(ofValueByte: 6, in: scalar), "1:13")
        XCTAssertEqual(document.position(ofValueByte: 8, in: scalar), "1:15")
    }

    func testByteOrderMark() throws {
        let document = try loadYAML("\u{FEFF}k: v + w\n")
        let scalar = try document.scalar("k")

        XCTAssertEqual(scalar.offsetMap.first, 6)
        XCTAssertEqual(document.position(ofValueByte: 2, in: scalar), "1:7", "the byte order mark takes a column, as in Source")
    }

    func testPropertiesAndAliases() throws {
        let document = try loadYAML("a: &x !!str\n  \"q + r\"\nb: *x\n")
        let anchored = try document.scalar("a")
        let aliased = try document.scalar("b")

        XCTAssertEqual(anchored.start, YAMLMark(offset: 14, line: 2, column: 3), "the scalar starts at its quote, not at its anchor")
        XCTAssertEqual(document.position(ofValueByte: 2, in: anchored), "2:6")
        XCTAssertEqual(aliased.offsetMap, anchored.offsetMap, "an alias keeps the positions of the node it names")
    }

    func testKeysHaveOffsetMaps() throws {
        let document = try loadYAML("\"k\\ty\": 1\n")
        let key = try XCTUnwrap(document.root?.pairs.first?.key)

        XCTAssertEqual(key.value, "k\ty")
        XCTAssertEqual(document.position(ofValueByte: 1, in: key), "1:3")
        XCTAssertEqual(document.position(ofValueByte: 2, in: key), "1:5")
    }

    func testEmptyScalars() throws {
        let document = try loadYAML("a:\nb: ''\nc: |\nd: !!str\n")

        XCTAssertEqual(try document.scalar("a").offsetMap, [2])
        XCTAssertEqual(document.position(ofValueByte: 0, in: try document.scalar("b")), "2:5")
        XCTAssertEqual(try document.scalar("c").value, "")
        XCTAssertEqual(try document.scalar("d").offsetMap, [22], "an empty scalar with only a tag sits just past the tag")
    }

    func testExpressionDiagnosticThroughFoldedScalar() throws {
        let document = try loadYAML("rules:\n  - expr: >\n      size(x) > 1 &&\n      y + )\n")
        let scalar = try document.scalar("rules", 0, "expr")

        let parsed = Parser.parse(scalar.embeddedSource(in: document))
        let diagnostic = try XCTUnwrap(parsed.diagnostics.first)

        XCTAssertEqual(scalar.value, "size(x) > 1 && y + )\n")
        XCTAssertEqual(diagnostic.location.line, 4)
        XCTAssertEqual(diagnostic.location.column, 11)
        XCTAssertTrue(diagnostic.rendered().hasPrefix("policy.yaml:4:11:"), diagnostic.rendered())
    }
}
