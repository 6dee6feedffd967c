import VerdictLanguage
import XCTest

final class ControlCharactersTests: XCTestCase {
    func testEscapesFollowCELLiterals() {
        let cases: [(Unicode.Scalar, String)] = [
            ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"),
            ("\u{0}", "\\x00"), ("\u{1B}", "\\x1b"), ("\u{7F}", "\\x7f"), ("\u{9B}", "\\x9b"),
            ("\u{202E}", "\\u202e"), ("\u{061C}", "\\u061c"),
            ("\u{1F600}", "\\U0001f600"), ("\u{E0001}", "\\U000e0001"),
        ]
        for (scalar, expected) in cases {
            XCTAssertEqual(ControlCharacters.escape(scalar), expected, "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// The set is the Unicode control characters (general category Cc), the bidirectional
    /// controls and the line and paragraph separators, and nothing else.
    func testEscapedSetMatchesUnicodeProperties() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            let expected = properties.generalCategory == .control || properties.isBidiControl
                || properties.generalCategory == .lineSeparator || properties.generalCategory == .paragraphSeparator
            if ControlCharacters.isEscaped(scalar) != expected {
                XCTFail("U+\(String(value, radix: 16, uppercase: true)): expected \(expected)")
            }
        }
    }

    func testEscapedKeepsOrdinaryTextAndTheKeptCharacters() {
        XCTAssertEqual(ControlCharacters.escaped("名前 ✓ C:\\dir \u{A0}😀"), "名前 ✓ C:\\dir \u{A0}😀")
        XCTAssertEqual(ControlCharacters.escaped("a\tb\nc\u{1B}d"), "a\\tb\\nc\\x1bd")
        XCTAssertEqual(ControlCharacters.escaped("a\tb\nc\u{1B}d", keeping: ["\t", "\n"]), "a\tb\nc\\x1bd")
    }

    /// A quoted value reads back as the same string, so a reader can paste it into a
    /// condition.
    func testQuotedStringsReadBackAsTheSameValue() throws {
        let texts = ["key-\u{202E}yek-dorp", "\u{0}\u{1}\u{1B}[2J\u{7F}\u{85}", "tab\there\r\n", "quote \" and \\ backslash",
                     "\u{2066}isolate\u{2069}\u{2028}", "emoji 😀 stays"]
        for text in texts {
            let literal = ValueFormatter.quoted(text)
            XCTAssertFalse(literal.unicodeScalars.contains(where: ControlCharacters.isEscaped), literal)
            let program = try Environment().compile(literal)
            guard case .string(let readBack) = try program.evaluate([:]).get() else { return XCTFail("not a string: \(literal)") }
            XCTAssertEqual(readBack, text, literal)
        }
        XCTAssertEqual(ValueFormatter.quoted("key-\u{202E}yek"), "\"key-\\u202eyek\"")
    }
}
