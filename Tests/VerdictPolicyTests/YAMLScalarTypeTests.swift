import XCTest
@testable import VerdictPolicy

/// Typed readings of scalars by the YAML 1.2 core schema, and tag checks.
final class YAMLScalarTypeTests: XCTestCase {
    /// Loads a one-line document and returns its single scalar.
    private func scalar(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> YAMLScalar {
        let document = try loadYAML(text + "\n", file: file, line: line)
        return try XCTUnwrap(document.root?.scalar, file: file, line: line)
    }

    func testBooleans() throws {
        for text in ["true", "True", "TRUE"] {
            XCTAssertEqual(try scalar(text).bool, true, text)
        }
        for text in ["false", "False", "FALSE"] {
            XCTAssertEqual(try scalar(text).bool, false, text)
        }
    }

    func testYAML11BooleanWordsStayStrings() throws {
        for text in ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "tRUE"] {
            let value = try scalar(text)
            XCTAssertNil(value.bool, text)
            XCTAssertEqual(value.value, text)
        }
    }

    func testQuotedScalarsAreStrings() throws {
        for text in ["'true'", "\"1\"", "'1.5'", "\"null\"", "''"] {
            let value = try scalar(text)
            XCTAssertNil(value.bool, text)
            XCTAssertNil(value.int, text)
            XCTAssertNil(value.double, text)
            XCTAssertFalse(value.isNull, text)
        }
    }

    func testBlockScalarsAreStrings() throws {
        XCTAssertNil(try scalar("|\n  1").int)
    }

    func testIntegers() throws {
        let cases: [(String, Int64)] = [
            ("0", 0), ("42", 42), ("-17", -17), ("+12", 12), ("012", 12),
            ("0x1F", 31), ("0xff", 255), ("-0x10", -16), ("0o17", 15),
            ("9223372036854775807", .max), ("-9223372036854775808", .min), ("0x7FFFFFFFFFFFFFFF", .max),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try scalar(text).int, expected, text)
        }
    }

    func testNotIntegers() throws {
        for text in ["9223372036854775808", "-9223372036854775809", "1_000", "0o18", "0b101", "0x", "1.0", "1e3", "+", "12a", "0xG"] {
            XCTAssertNil(try scalar(text).int, text)
        }
    }

    func testDoubles() throws {
        let cases: [(String, Double)] = [
            ("1.5", 1.5), ("-2e3", -2000), ("2E-2", 0.02), (".5", 0.5), ("5.", 5), ("+1.25", 1.25),
            ("1", 1), ("0x10", 16), (".inf", .infinity), ("-.Inf", -.infinity), ("+.INF", .infinity),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try scalar(text).double, expected, text)
        }
        XCTAssertEqual(try scalar(".nan").double?.isNaN, true)
        XCTAssertEqual(try scalar(".NaN").double?.isNaN, true)
    }

    func testNotDoubles() throws {
        for text in ["abc", "1.0.0", "1_0.0", "1e", "e3", ".", "+-", "inf", ".iNf", "0x1p3", "1,5"] {
            XCTAssertNil(try scalar(text).double, text)
        }
    }

    func testNulls() throws {
        for text in ["null", "Null", "NULL", "~"] {
            XCTAssertTrue(try scalar(text).isNull, text)
        }
        XCTAssertTrue(try loadYAML("key:\n").scalar("key").isNull, "an empty plain scalar")
        XCTAssertFalse(try scalar("nULL").isNull)
        XCTAssertFalse(try scalar("'~'").isNull)
    }

    // MARK: Tags

    func testStringTagForcesString() throws {
        let value = try scalar("!!str 1")

        XCTAssertEqual(value.tag, "tag:yaml.org,2002:str")
        XCTAssertNil(value.int)
        XCTAssertNil(value.double)
        XCTAssertEqual(value.value, "1")
        XCTAssertNil(try scalar("! true").bool, "the non-specific tag also makes a string")
    }

    func testCoreTagsTypeQuotedScalars() throws {
        XCTAssertEqual(try scalar("!!int \"12\"").int, 12)
        XCTAssertEqual(try scalar("!!float '1'").double, 1)
        XCTAssertEqual(try scalar("!!bool \"true\"").bool, true)
        XCTAssertTrue(try scalar("!!null ''").isNull)
    }

    func testTagNarrowsReadings() throws {
        let integer = try scalar("!!int 12")
        XCTAssertEqual(integer.double, 12, "an integer still reads as a number")
        XCTAssertNil(integer.bool)

        let float = try scalar("!!float 12")
        XCTAssertNil(float.int)
        XCTAssertEqual(float.double, 12)
    }

    func testCoreTagsOnCollections() throws {
        let document = try loadYAML("s: !!seq [a]\nm: !!map {a: 1}\n")

        XCTAssertEqual(document.root?["s"]?.items.count, 1)
        XCTAssertEqual(document.root?["m"]?.pairs.count, 1)
    }

    func testValueNotMatchingItsTag() {
        let cases: [(String, String)] = [
            ("k: !!int 1.5\n", "1:4"), ("k: !!float abc\n", "1:4"), ("k: !!bool yes\n", "1:4"), ("k: !!null 0\n", "1:4"),
        ]
        for (text, expectedPosition) in cases {
            let diagnostic = loadError(text)
            XCTAssertEqual(diagnostic?.id, "yaml-tag", text)
            XCTAssertEqual(position(of: diagnostic), expectedPosition, text)
        }
    }

    func testTagOnTheWrongKindOfNode() {
        XCTAssertEqual(loadError("k: !!map [a]\n")?.id, "yaml-tag")
        XCTAssertEqual(loadError("k: !!str [a]\n")?.id, "yaml-tag")
        XCTAssertEqual(loadError("k: !!seq a\n")?.id, "yaml-tag")
    }

    func testUnsupportedTags() {
        let cases: [(String, String)] = [
            ("k: !python/object:os.system x\n", "'!python/object:os.system'"),
            ("k: !!binary aGVsbG8=\n", "'!!binary'"),
            ("k: !custom {a: 1}\n", "'!custom'"),
            ("%TAG !e! tag:example.com,2000:\n---\nk: &a !e!thing x\n", "'tag:example.com,2000:thing'"),
        ]
        for (text, shownTag) in cases {
            let diagnostic = loadError(text)
            XCTAssertEqual(diagnostic?.id, "yaml-tag", text)
            XCTAssertTrue(diagnostic?.message.contains("unsupported tag \(shownTag)") == true, diagnostic?.message ?? text)
        }
    }

    func testUnsupportedTagPointsAtTheTag() {
        let diagnostic = loadError("k: &anchor !custom x\n")

        XCTAssertEqual(position(of: diagnostic), "1:12")
        XCTAssertEqual(diagnostic?.span.end, 18, "the span covers the tag")
    }
}
