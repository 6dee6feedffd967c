import VerdictLanguage
import XCTest

final class JSONReaderTests: XCTestCase {
    private func parse(_ text: String) -> String {
        do {
            return ValueFormatter.literal(try JSONReader.parse(text))
        } catch {
            return "error \(error.line):\(error.column): \(error.message)"
        }
    }

    func testNumbersKeepTheirKind() {
        XCTAssertEqual(parse("0"), "0")
        XCTAssertEqual(parse("-12"), "-12")
        XCTAssertEqual(parse("9223372036854775807"), "9223372036854775807")
        XCTAssertEqual(parse("-9223372036854775808"), "-9223372036854775808")
        XCTAssertEqual(parse("9223372036854775808"), "9223372036854775808u")
        XCTAssertEqual(parse("18446744073709551616"), "1.8446744073709552e+19")
        XCTAssertEqual(parse("1.5"), "1.5")
        XCTAssertEqual(parse("1e3"), "1000.0")
        XCTAssertEqual(parse("-0.0"), "-0.0")
        XCTAssertEqual(parse("1e999"), "error 1:1: number out of range for a double")
        XCTAssertEqual(parse("01"), "error 1:1: invalid number: leading zeros are not allowed")
        XCTAssertEqual(parse("1."), "error 1:1: invalid number: expected a digit after '.'")
    }

    func testStringsAndEscapes() {
        XCTAssertEqual(parse(#""a\"b\\c\/d\n""#), #""a\"b\\c/d\n""#)
        XCTAssertEqual(parse(#""\u00e9\ud83d\ude00""#), "\"é😀\"")
        XCTAssertEqual(parse(#""\ud83d""#), "error 1:2: lone surrogate \\uD83D in a string")
        XCTAssertEqual(parse(#""\q""#), "error 1:2: invalid escape '\\q'; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        XCTAssertEqual(parse("\"tab\there\""), "error 1:5: control character 0x9 in a string; write it as an escape such as \\n")
        XCTAssertEqual(parse("\"open"), "error 1:1: unterminated string")
        let invalid = JSONReader.parseResult([0x22, 0x61, 0xFF, 0x22].withUnsafeBytes { UnsafeRawBufferPointer($0) })
        XCTAssertThrowsError(try invalid.get())
    }

    func testStructureErrorsNameWhatWasExpected() {
        XCTAssertEqual(parse("{\"a\": 1,}"), "error 1:9: expected a member name in double quotes but found '}'")
        XCTAssertEqual(parse("[1 2]"), "error 1:4: expected ',' or ']' after an array element but found '2'")
        XCTAssertEqual(parse("{\"a\" 1}"), "error 1:6: expected ':' after the member name but found '1'")
        XCTAssertEqual(parse("{\"a\": 1"), "error 1:1: the object that starts here is not closed with '}'")
        XCTAssertEqual(parse("{} x"), "error 1:4: unexpected 'x' after the JSON value")
        XCTAssertEqual(parse(""), "error 1:1: expected a JSON value but the text is empty")
        XCTAssertEqual(parse("tru"), "error 1:1: invalid literal; expected 'true'")
    }

    func testDuplicateKeysAreRejected() {
        XCTAssertEqual(parse("{\"a\": 1, \"a\": 2}"), "error 1:10: duplicate key \"a\" in object; a document must not be ambiguous")
        let manyKeys = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        XCTAssertEqual(parse("{\(manyKeys), \"k7\": 0}").hasPrefix("error"), true)
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertEqual(parse("{\n  \"é日\": tru\n}"), "error 2:9: invalid literal; expected 'true'")
    }

    func testDeepNestingIsAnError() {
        XCTAssertEqual(parse(String(repeating: "[", count: 100_000)), "error 1:513: nesting deeper than 512 levels")
        var options = JSONReader.Options()
        options.maxDepth = 3
        XCTAssertThrowsError(try JSONReader.parse("[[[[1]]]]", options: options))
        XCTAssertNoThrow(try JSONReader.parse("[[[1]]]", options: options))
    }

    func testObjectsKeepDocumentOrder() throws {
        let value = try JSONReader.parse("{\"z\": 1, \"a\": 2, \"m\": [true, null]}")
        XCTAssertEqual(ValueFormatter.literal(value), "{\"z\": 1, \"a\": 2, \"m\": [true, null]}")
        XCTAssertEqual(JSONWriter.string(value), "{\"z\":1,\"a\":2,\"m\":[true,null]}")
        XCTAssertEqual(JSONWriter.string(value, sortedKeys: true), "{\"a\":2,\"m\":[true,null],\"z\":1}")
    }

    func testWriterRoundTrips() throws {
        let texts = ["{\"a\":[1,2.5,\"x\\\"y\",null,true,{}]}", "[]", "\"\\u0001é\"", "{\"big\":18446744073709551615}"]
        for text in texts {
            let value = try JSONReader.parse(text)
            XCTAssertEqual(JSONWriter.string(value), text, text)
        }
        XCTAssertEqual(JSONWriter.string(.double(.nan)), "\"NaN\"")
        XCTAssertEqual(JSONWriter.string(.bytes([0, 1, 2, 255])), "\"AAEC/w==\"")
        XCTAssertEqual(JSONWriter.string(.timestamp(Timestamp(seconds: 1_234_567_890, nanos: 500_000_000)!)), "\"2009-02-13T23:31:30.5Z\"")
        XCTAssertEqual(JSONWriter.string(.object([("a", .list([.int(1)]))]), pretty: true), "{\n  \"a\": [\n    1\n  ]\n}")
    }
}
