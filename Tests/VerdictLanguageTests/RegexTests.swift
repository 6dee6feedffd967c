import Foundation
import VerdictLanguage
import XCTest

/// One search: the pattern, the text, and the expected UTF-8 range of the leftmost-first match.
private struct MatchCase {
    let pattern: String
    let text: String
    let expected: Range<Int>?
    let line: UInt

    init(_ pattern: String, _ text: String, _ expected: Range<Int>?, line: UInt = #line) {
        self.pattern = pattern
        self.text = text
        self.expected = expected
        self.line = line
    }
}

/// One invalid pattern: a fragment of the expected message and the expected UTF-8 offset.
private struct ErrorCase {
    let pattern: String
    let messageFragment: String
    let offset: Int
    let line: UInt

    init(_ pattern: String, _ messageFragment: String, at offset: Int, line: UInt = #line) {
        self.pattern = pattern
        self.messageFragment = messageFragment
        self.offset = offset
        self.line = line
    }
}

final class RegexTests: XCTestCase {
    // MARK: Matching

    private func check(_ cases: [MatchCase], file: StaticString = #filePath) {
        for testCase in cases {
            let regex: RegularExpression
            do {
                regex = try RegularExpression(testCase.pattern)
            } catch {
                XCTFail("/\(testCase.pattern)/ failed to compile: \(error.message) at \(error.offset)",
                        file: file, line: testCase.line)
                continue
            }
            let found = regex.firstMatch(in: testCase.text)
            XCTAssertEqual(found, testCase.expected, "/\(testCase.pattern)/ on \(testCase.text.debugDescription)",
                           file: file, line: testCase.line)
            XCTAssertEqual(regex.matches(testCase.text), testCase.expected != nil,
                           "matches: /\(testCase.pattern)/ on \(testCase.text.debugDescription)",
                           file: file, line: testCase.line)
        }
    }

    func testLiteralsAndConcatenation() {
        check([
            MatchCase("abc", "abc", 0..<3),
            MatchCase("abc", "xabcx", 1..<4),
            MatchCase("abc", "ab", nil),
            MatchCase("abc", "", nil),
            MatchCase("", "", 0..<0),
            MatchCase("", "abc", 0..<0),
            MatchCase("aab", "aaab", 1..<4),
            MatchCase("a b", "xa b", 1..<4),
            MatchCase("]", "a]", 1..<2),
            MatchCase("}", "}", 0..<1),
        ])
    }

    func testDot() {
        check([
            MatchCase("a.c", "abc", 0..<3),
            MatchCase("a.c", "a\nc", nil),
            MatchCase("(?s)a.c", "a\nc", 0..<3),
            MatchCase(".", "é", 0..<2),
            MatchCase("^.$", "😀", 0..<4),
            MatchCase("^..$", "e\u{301}", 0..<3),
            MatchCase("^.{3}$", "日本語", 0..<9),
            MatchCase("a.c", "a😀c", 0..<6),
            MatchCase(".+", "\nab\n", 1..<3),
        ])
    }

    func testAlternationAndGroups() {
        check([
            MatchCase("a|b", "cb", 1..<2),
            MatchCase("ab|cd", "xxcd", 2..<4),
            MatchCase("a(b|c)d", "acd", 0..<3),
            MatchCase("a(b|c)d", "aed", nil),
            MatchCase("(?:ab)+", "ababx", 0..<4),
            MatchCase("(?P<word>ab)c", "abc", 0..<3),
            MatchCase("(?<word>ab)c", "abc", 0..<3),
            MatchCase("(?P<first>a)(?P<second>b)", "ab", 0..<2),
            MatchCase("a|", "b", 0..<0),
            MatchCase("|a", "a", 0..<0),
            MatchCase("()", "x", 0..<0),
            MatchCase("((((a))))", "a", 0..<1),
            MatchCase("x(?:)y", "xy", 0..<2),
        ])
    }

    func testLeftmostFirstPriority() {
        check([
            MatchCase("a|ab", "ab", 0..<1),
            MatchCase("ab|a", "ab", 0..<2),
            MatchCase("(a|ab)(c|bcd)", "abcd", 0..<4),
            MatchCase("(a|ab)c", "abc", 0..<3),
            MatchCase("(a+|b+)*c", "aabbc", 0..<5),
            MatchCase("b|abc", "abc", 0..<3),
            MatchCase("(|a)*", "aa", 0..<0),
            MatchCase("(|a)+", "aa", 0..<0),
            MatchCase("(a|)*", "aa", 0..<2),
            MatchCase("(a*)*", "b", 0..<0),
            MatchCase("(a*)+", "aaa", 0..<3),
            MatchCase("(a*)*?", "aaa", 0..<0),
        ])
    }

    func testRepetition() {
        check([
            MatchCase("a*", "aaa", 0..<3),
            MatchCase("a*", "baaa", 0..<0),
            MatchCase("a+", "baaa", 1..<4),
            MatchCase("a+", "bbb", nil),
            MatchCase("a?", "a", 0..<1),
            MatchCase("ba?", "b", 0..<1),
            MatchCase("a{2}", "aaa", 0..<2),
            MatchCase("a{2}", "a", nil),
            MatchCase("a{2,}", "aaaa", 0..<4),
            MatchCase("a{2,3}", "aaaa", 0..<3),
            MatchCase("a{0}b", "ab", 1..<2),
            MatchCase("a{0,1}b", "ab", 0..<2),
            MatchCase("a{1}", "aa", 0..<1),
            MatchCase("(ab){2}", "abababab", 0..<4),
            MatchCase("(?:a|b){3}", "xabaz", 1..<4),
            MatchCase("a{,2}", "a{,2}", 0..<5),
            MatchCase("a{", "a{", 0..<2),
            MatchCase("a{x}", "a{x}", 0..<4),
            MatchCase("a{1,2", "a{1,2", 0..<5),
            MatchCase("x{1000}", String(repeating: "x", count: 1000), 0..<1000),
            MatchCase("(?:a{10}){10}", String(repeating: "a", count: 101), 0..<100),
            MatchCase("^*a", "a", 0..<1),
            MatchCase("\\b+a", "a", 0..<1),
        ])
    }

    func testLazyRepetition() {
        check([
            MatchCase("a*?", "aaa", 0..<0),
            MatchCase("a+?", "aaa", 0..<1),
            MatchCase("a??", "a", 0..<0),
            MatchCase("a{2,3}?", "aaaa", 0..<2),
            MatchCase("a{2,}?", "aaaa", 0..<2),
            MatchCase("a.*?b", "axbxb", 0..<3),
            MatchCase("a.*b", "axbxb", 0..<5),
            MatchCase("(a|b)*?c", "abc", 0..<3),
            MatchCase("(?U)a+", "aaa", 0..<1),
            MatchCase("(?U)a+?", "aaa", 0..<3),
            MatchCase("(?U:a*)b", "aab", 0..<3),
        ])
    }

    func testFlags() {
        check([
            MatchCase("(?i)abc", "ABC", 0..<3),
            MatchCase("(?i:a)b", "Ab", 0..<2),
            MatchCase("(?i:a)b", "AB", nil),
            MatchCase("a(?i)b", "aB", 0..<2),
            MatchCase("a(?i)b", "AB", nil),
            MatchCase("(?i)a(?-i)b", "Ab", 0..<2),
            MatchCase("(?i)a(?-i)b", "AB", nil),
            MatchCase("(?i)(?-i:a)B", "ab", 0..<2),
            MatchCase("(?i)(?-i:a)B", "Ab", nil),
            MatchCase("(a(?i)b)c", "aBc", 0..<3),
            MatchCase("(a(?i)b)c", "aBC", nil),
            MatchCase("a(?i)b|c", "C", 0..<1),
            MatchCase("(?m)^b", "a\nb", 2..<3),
            MatchCase("^b", "a\nb", nil),
            MatchCase("(?m)a$", "a\nb", 0..<1),
            MatchCase("a$", "a\nb", nil),
            MatchCase("(?m)^$", "a\n\nb", 2..<2),
            MatchCase("(?ms)a.b", "a\nb", 0..<3),
            MatchCase("(?s-m)a.b$", "a\nb", 0..<3),
            MatchCase("(?im)^ABC$", "x\nabc\ny", 2..<5),
            MatchCase("a(?)b", "ab", 0..<2),
        ])
    }

    func testCaseFolding() {
        check([
            MatchCase("(?i)k", "\u{212A}", 0..<3),
            MatchCase("(?i)\u{212A}", "k", 0..<1),
            MatchCase("(?i)s", "ſ", 0..<2),
            MatchCase("(?i)σ", "Σ", 0..<2),
            MatchCase("(?i)σ", "ς", 0..<2),
            MatchCase("(?i)é", "É", 0..<2),
            MatchCase("(?i)ÉCOLE", "école", 0..<6),
            MatchCase("(?i)straße", "STRAßE", 0..<7),
            MatchCase("(?i)ß", "ẞ", 0..<3),
            MatchCase("(?i)ß", "ss", nil),
            MatchCase("(?i)i", "ı", nil),
            MatchCase("(?i)i", "İ", nil),
            MatchCase("(?i)привет", "ПРИВЕТ", 0..<12),
            MatchCase("(?i)[a-c]+", "AbC", 0..<3),
            MatchCase("(?i)[^a]", "A", nil),
            MatchCase("(?i)[^k]", "\u{212A}", nil),
            MatchCase("(?i)[k]", "\u{212A}", 0..<3),
            MatchCase("(?i)\\x41", "a", 0..<1),
            MatchCase("(?i)\\Qab\\E", "AB", 0..<2),
            MatchCase("(?i)\\w", "\u{212A}", 0..<3),
            MatchCase("(?i)\\W", "\u{212A}", nil),
            MatchCase("(?i)[[:upper:]]", "a", 0..<1),
            MatchCase("(?i)\\p{Lu}", "a", 0..<1),
            MatchCase("(?i)1", "1", 0..<1),
            MatchCase("(?i)\\x{1FBE}", "Ι", 0..<2),
            MatchCase("(?i)ﬅ", "ﬆ", 0..<3),
            MatchCase("(?i)ǅ", "Ǆ", 0..<2),
            MatchCase("(?i)µ", "Μ", 0..<2),
        ])
    }

    func testAnchorsAndBoundaries() {
        check([
            MatchCase("^abc", "abc", 0..<3),
            MatchCase("^abc", "xabc", nil),
            MatchCase("abc$", "xabc", 1..<4),
            MatchCase("a$", "a\n", nil),
            MatchCase("^$", "", 0..<0),
            MatchCase("^$", "a", nil),
            MatchCase("^", "abc", 0..<0),
            MatchCase("$", "abc", 3..<3),
            MatchCase("\\Aabc", "abc", 0..<3),
            MatchCase("\\Aa", "ba", nil),
            MatchCase("(?m)\\Ab", "a\nb", nil),
            MatchCase("abc\\z", "abc\n", nil),
            MatchCase("(?m)a\\z", "a\nb", nil),
            MatchCase("\\bcat\\b", "a cat!", 2..<5),
            MatchCase("\\bcat\\b", "concat", nil),
            MatchCase("\\Bcat", "concat", 3..<6),
            MatchCase("\\B", "", 0..<0),
            MatchCase("\\b", "", nil),
            MatchCase("x\\b", "x", 0..<1),
            MatchCase("\\bcaf\\b", "café", 0..<3),
            MatchCase("\\b_\\b", "a _ b", 2..<3),
            MatchCase("a^b", "ab", nil),
            MatchCase("^a|b$", "xb", 1..<2),
        ])
    }

    func testBracketClasses() {
        check([
            MatchCase("[abc]+", "xcabz", 1..<4),
            MatchCase("[^abc]+", "abxyc", 2..<4),
            MatchCase("[a-z]+", "ABcdE", 2..<4),
            MatchCase("[a-cx-z]+", "dayz", 1..<4),
            MatchCase("[]a]+", "]a]", 0..<3),
            MatchCase("[^]a]", "]ab", 2..<3),
            MatchCase("[a-]+", "-a", 0..<2),
            MatchCase("[-a]", "-", 0..<1),
            MatchCase("[a-b-c]+", "c-a", 0..<3),
            MatchCase("[a\\-z]", "m", nil),
            MatchCase("[a\\-z]", "-", 0..<1),
            MatchCase("[\\d]+", "ab12", 2..<4),
            MatchCase("[\\D]", "1a", 1..<2),
            MatchCase("[^\\n]+", "ab\ncd", 0..<2),
            MatchCase("[\\x41-\\x43]+", "ABCD", 0..<3),
            MatchCase("[\\]]", "]", 0..<1),
            MatchCase("[\\[]", "[", 0..<1),
            MatchCase("[.]", "a", nil),
            MatchCase("[$^]+", "^$", 0..<2),
            MatchCase("[^a]", "\n", 0..<1),
            MatchCase("[à-ÿ]", "café", 3..<5),
            MatchCase("[日本]+", "日本語", 0..<6),
            MatchCase("[😀-😂]", "a😁", 1..<5),
            MatchCase("[\\s\\d]+", "a 1\t2b", 1..<5),
            MatchCase("[^\\x00-\\x{10FFFF}]", "abc", nil),
            MatchCase("[\\w-]+", "a-b c", 0..<3),
            MatchCase("[[]", "[", 0..<1),
            MatchCase("[[:alpha:]x]+", "1ax2", 1..<3),
        ])
    }

    func testPOSIXClasses() {
        check([
            MatchCase("[[:alpha:]]+", "12ab3", 2..<4),
            MatchCase("[[:^alpha:]]+", "ab12c", 2..<4),
            MatchCase("[[:digit:][:upper:]]+", "aB1c", 1..<3),
            MatchCase("[[:space:]]", "a\u{0B}", 1..<2),
            MatchCase("[[:punct:]]", "a!", 1..<2),
            MatchCase("[[:xdigit:]]+", "xfF09g", 1..<5),
            MatchCase("[[:word:]]+", "a_1-", 0..<3),
            MatchCase("[[:alnum:]]+", "-a1-", 1..<3),
            MatchCase("[[:blank:]]", "a\t", 1..<2),
            MatchCase("[[:cntrl:]]", "a\u{7F}", 1..<2),
            MatchCase("[[:lower:]]+", "ABcd", 2..<4),
            MatchCase("[[:print:]]+", "\u{1}a b", 1..<4),
            MatchCase("[[:graph:]]+", " ab ", 1..<3),
            MatchCase("[[:ascii:]]+", "é a", 2..<4),
            MatchCase("[[:alpha:]]", "é", nil),
        ])
    }

    func testPerlClasses() {
        check([
            MatchCase("\\d+", "abc123", 3..<6),
            MatchCase("\\D+", "12ab3", 2..<4),
            MatchCase("\\s+", "a \t\nb", 1..<4),
            MatchCase("\\s", "a\u{0B}", nil),
            MatchCase("\\S+", "  ab ", 2..<4),
            MatchCase("\\w+", "!ab_9?", 1..<5),
            MatchCase("\\W+", "ab!?c", 2..<4),
            MatchCase("\\d", "٣", nil),
            MatchCase("\\w", "é", nil),
            MatchCase("\\W", "é", 0..<2),
        ])
    }

    func testUnicodeClasses() {
        check([
            MatchCase("\\pL+", "12café!", 2..<7),
            MatchCase("\\p{L}+", "12café!", 2..<7),
            MatchCase("\\p{Lu}", "abC", 2..<3),
            MatchCase("\\p{Ll}+", "ABcdé", 2..<6),
            MatchCase("\\PL+", "ab12c", 2..<4),
            MatchCase("\\p{^L}+", "ab12c", 2..<4),
            MatchCase("\\P{^L}+", "12ab", 2..<4),
            MatchCase("\\p{Greek}+", "abc αβγ", 4..<10),
            MatchCase("\\p{Latin}+", "αβγabc", 6..<9),
            MatchCase("\\p{Han}+", "abc日本語", 3..<12),
            MatchCase("\\p{Cyrillic}+", "hello привет", 6..<18),
            MatchCase("\\p{Hiragana}+", "カタカナひらがな", 12..<24),
            MatchCase("\\p{Katakana}+", "ひらカタ", 6..<12),
            MatchCase("\\p{Hangul}+", "한국어", 0..<9),
            MatchCase("\\p{Greek}", "abc", nil),
            MatchCase("\\p{Nd}+", "x٣4", 1..<4),
            MatchCase("\\p{Sc}", "cost: €5", 6..<9),
            MatchCase("\\p{So}", "hi 😀", 3..<7),
            MatchCase("\\p{Zs}", "a\u{A0}", 1..<3),
            MatchCase("\\pN", "Ⅻ", 0..<3),
            MatchCase("\\pM", "e\u{301}", 1..<3),
            MatchCase("\\p{Any}+", "a\nb", 0..<3),
            MatchCase("\\p{Co}", "\u{E000}", 0..<3),
            MatchCase("\\pC", "a\u{7}", 1..<2),
            MatchCase("\\pC", "\u{40000}", nil),
            MatchCase("[\\p{Greek}\\d]+", "x1α2", 1..<5),
            MatchCase("[^\\p{L}]+", "ab12c", 2..<4),
            MatchCase("[\\P{L}a]+", "b1a2c", 1..<4),
            MatchCase("\\pLu", "Au", 0..<2),
        ])
    }

    func testEscapes() {
        check([
            MatchCase("\\n", "a\nb", 1..<2),
            MatchCase("\\t", "\t", 0..<1),
            MatchCase("\\r\\n", "\r\n", 0..<2),
            MatchCase("\\f\\v\\a", "\u{0C}\u{0B}\u{07}", 0..<3),
            MatchCase("\\x41", "A", 0..<1),
            MatchCase("\\x4a", "J", 0..<1),
            MatchCase("\\x{1F600}", "😀", 0..<4),
            MatchCase("\\x{10FFFF}", "\u{10FFFF}", 0..<4),
            MatchCase("\\x{e9}", "café", 3..<5),
            MatchCase("\\101", "A", 0..<1),
            MatchCase("\\0", "\u{0}", 0..<1),
            MatchCase("\\12", "\n", 0..<1),
            MatchCase("\\0101", "\u{8}1", 0..<2),
            MatchCase("\\Qa.b*c\\E", "a.b*c", 0..<5),
            MatchCase("\\Qa.b", "axb", nil),
            MatchCase("\\Qa.b", "a.b", 0..<3),
            MatchCase("\\Qab\\E+", "abbb", 0..<4),
            MatchCase("\\Q\\E", "x", 0..<0),
            MatchCase("\\Q\\d\\E", "\\d", 0..<2),
            MatchCase("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\", ".*+?()[]{}|^$\\", 0..<14),
            MatchCase("\\-\\/\\#\\ \\_", "-/# _", 0..<5),
        ])
    }

    func testUnicodeText() {
        check([
            MatchCase("café", "un café", 3..<8),
            MatchCase("caf[ée]", "cafe", 0..<4),
            MatchCase("😀+", "x😀😀", 1..<9),
            MatchCase("日本", "こんにちは日本", 15..<21),
            MatchCase("^\\p{Han}{2}$", "日本", 0..<6),
            MatchCase("é", "e\u{301}", nil),
            MatchCase("e\u{301}", "cafe\u{301}", 3..<6),
            MatchCase("👍🏽", "ok 👍🏽", 3..<11),
            MatchCase("a|😀", "😀a", 0..<4),
        ])
    }

    // MARK: Linear time

    func testPathologicalPatternsFinish() throws {
        let text = String(repeating: "a", count: 30_000)
        let patterns = ["(a*)*b", "(a|a)*c", "(x+x+)+y", "(a+)+$b", "(.*a){20}b", "(a|aa)+$c", "(?:a?){25}a{25}b"]
        for pattern in patterns {
            let regex = try RegularExpression(pattern)
            XCTAssertFalse(regex.matches(text), pattern)
            XCTAssertNil(regex.firstMatch(in: text), pattern)
        }
    }

    func testLongMatchOfNestedStars() throws {
        let text = String(repeating: "a", count: 30_000) + "b"
        let regex = try RegularExpression("(a*)*b")
        XCTAssertEqual(regex.firstMatch(in: text), 0..<30_001)
    }

    func testManyStartPositions() throws {
        let text = String(repeating: "ab", count: 20_000) + "abc"
        let regex = try RegularExpression("(?:ab)+c")
        XCTAssertEqual(regex.firstMatch(in: text), 0..<40_003)
        XCTAssertTrue(try RegularExpression("b+c$").matches(text))
    }

    // MARK: Compile limits

    func testBlowUpRepetitionRejected() {
        XCTAssertThrowsError(try RegularExpression("((a{1000}){1000}){1000}")) { error in
            let syntaxError = error as? RegexSyntaxError
            XCTAssertEqual(syntaxError?.offset, 17)
            XCTAssertTrue(syntaxError?.message.contains("pattern is too large") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try RegularExpression("(?:\\pL{1000}){101}"))
        XCTAssertThrowsError(try RegularExpression("(((((((a{1000}){1000}){1000}){1000}){1000}){1000}){1000})"))
    }

    func testRepeatedEmptyGroupsCompile() throws {
        let regex = try RegularExpression("((((){1000}){1000}){1000}){1000}x")
        XCTAssertEqual(regex.firstMatch(in: "ax"), 1..<2)
    }

    func testDeepNestingOnSmallStack() {
        // 512 KiB is the default stack of a secondary thread on Darwin, smaller than on Linux.
        let pattern = String(repeating: "(", count: 1000) + "a" + String(repeating: ")*", count: 1000)
        let finished = expectation(description: "compiled and matched on a small stack")
        let thread = Thread {
            let regex = try? RegularExpression(pattern)
            XCTAssertNotNil(regex)
            XCTAssertEqual(regex?.firstMatch(in: "aaa"), 0..<3)
            finished.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [finished], timeout: 120)
    }

    func testUnassignedPlanesAreUnassigned() {
        // The general-category scan skips these planes, which is only right while they are empty.
        var assigned: [UInt32] = []
        for value in UInt32(0x40000)...0xDFFFF {
            if let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned {
                assigned.append(value)
            }
        }
        XCTAssertEqual(assigned, [])
    }

    func testRegexIsSendable() async throws {
        let regex = try RegularExpression("^[a-z]+-\\d+$")
        let result = await Task.detached { regex.matches("web-42") }.value
        XCTAssertTrue(result)
    }

    // MARK: Syntax errors

    func testSyntaxErrors() {
        let cases = [
            ErrorCase("(", "missing ')'", at: 0),
            ErrorCase("a(b", "missing ')'", at: 1),
            ErrorCase("(a|(b)", "missing ')'", at: 0),
            ErrorCase("a)", "unmatched ')'", at: 1),
            ErrorCase("())", "unmatched ')'", at: 2),
            ErrorCase("[a", "missing ']'", at: 0),
            ErrorCase("x[^", "missing ']'", at: 1),
            ErrorCase("[]", "missing ']'", at: 0),
            ErrorCase("[z-a]", "invalid range 'z-a'", at: 1),
            ErrorCase("[a-\\d]", "invalid range endpoint", at: 3),
            ErrorCase("*a", "missing operand for repetition operator '*'", at: 0),
            ErrorCase("a|*", "missing operand", at: 2),
            ErrorCase("(+)", "missing operand for repetition operator '+'", at: 1),
            ErrorCase("(?i)*", "missing operand", at: 4),
            ErrorCase("{2}", "missing operand for repetition operator '{2}'", at: 0),
            ErrorCase("??", "missing operand", at: 0),
            ErrorCase("a**", "cannot follow another repetition", at: 2),
            ErrorCase("a{2}{3}", "cannot follow another repetition", at: 4),
            ErrorCase("a*??", "cannot follow another repetition", at: 3),
            ErrorCase("a*+", "possessive repetition '*+' is not supported", at: 1),
            ErrorCase("a++", "possessive", at: 1),
            ErrorCase("a{1001}", "repetition count in '{1001}' is larger than the maximum of 1000", at: 1),
            ErrorCase("a{2,1001}", "larger than the maximum of 1000", at: 1),
            ErrorCase("a{99999999999999999999999}", "larger than the maximum", at: 1),
            ErrorCase("a{3,2}", "the minimum is larger than the maximum", at: 1),
            ErrorCase("\\1", "back-reference '\\1' is not supported", at: 0),
            ErrorCase("(a)\\1", "back-reference", at: 3),
            ErrorCase("\\9", "back-reference", at: 0),
            ErrorCase("(?=a)", "look-ahead '(?=' is not supported: RE2 syntax matches in linear time and has no look-around", at: 0),
            ErrorCase("(?!a)", "negative look-ahead '(?!'", at: 0),
            ErrorCase("x(?<=a)", "look-behind '(?<='", at: 1),
            ErrorCase("(?<!a)", "negative look-behind '(?<!'", at: 0),
            ErrorCase("(?>a)", "atomic group '(?>' is not supported", at: 0),
            ErrorCase("(?(1)a|b)", "conditional '(?('", at: 0),
            ErrorCase("(?P=n)", "named back-reference '(?P='", at: 0),
            ErrorCase("(?P>n)", "recursion", at: 0),
            ErrorCase("(?R)", "recursion '(?R'", at: 0),
            ErrorCase("(?1)", "recursion '(?1'", at: 0),
            ErrorCase("(?-1)", "recursion '(?-1'", at: 0),
            ErrorCase("(?|a)", "branch reset", at: 0),
            ErrorCase("(?#note)", "comment group", at: 0),
            ErrorCase("\\C", "'\\C' (any single byte) is not supported", at: 0),
            ErrorCase("a\\Z", "write '\\z'", at: 1),
            ErrorCase("\\q", "invalid escape sequence '\\q'", at: 0),
            ErrorCase("\\é", "invalid escape sequence '\\é'", at: 0),
            ErrorCase("\\E", "invalid escape sequence '\\E'", at: 0),
            ErrorCase("a\\", "trailing '\\'", at: 1),
            ErrorCase("\\u0041", "write '\\x{263A}'", at: 0),
            ErrorCase("\\x", "missing hexadecimal digits", at: 0),
            ErrorCase("\\x4", "missing hexadecimal digits", at: 0),
            ErrorCase("\\x{110000}", "invalid code point", at: 0),
            ErrorCase("\\x{FFFFFFFFFFFFFFFFFFFF}", "invalid code point", at: 0),
            ErrorCase("\\x{12", "missing '}'", at: 0),
            ErrorCase("\\x{}", "missing hexadecimal digits", at: 0),
            ErrorCase("\\x{1g}", "invalid hexadecimal escape '\\x{1g'", at: 0),
            ErrorCase("\\p{Foo}", "unknown Unicode class 'Foo'", at: 0),
            ErrorCase("\\pX", "unknown Unicode class 'X'", at: 0),
            ErrorCase("\\p{Cn}", "unknown Unicode class 'Cn'", at: 0),
            ErrorCase("\\p{L", "missing '}'", at: 0),
            ErrorCase("\\p", "missing Unicode class name", at: 0),
            ErrorCase("\\p{}", "missing Unicode class name", at: 0),
            ErrorCase("[[:foo:]]", "unknown POSIX class '[:foo:]'", at: 1),
            ErrorCase("[\\b]", "'\\b' is not allowed in a character class", at: 1),
            ErrorCase("[\\A]", "'\\A' is not allowed in a character class", at: 1),
            ErrorCase("(?x)", "unknown flag 'x'", at: 2),
            ErrorCase("(?ix)", "unknown flag 'x'", at: 3),
            ErrorCase("(?'n'a)", "invalid group syntax '(?''", at: 0),
            ErrorCase("(?-)", "missing flag after '-'", at: 2),
            ErrorCase("(?i-)", "missing flag after '-'", at: 3),
            ErrorCase("(?i--s)", "'-' only once", at: 4),
            ErrorCase("(?i", "missing ')'", at: 0),
            ErrorCase("(?i:a", "missing ')'", at: 0),
            ErrorCase("(?P<>a)", "empty group name", at: 4),
            ErrorCase("(?P<a-b>x)", "invalid group name 'a-b'", at: 4),
            ErrorCase("(?<é>x)", "invalid group name 'é'", at: 3),
            ErrorCase("(?P<n>a)(?P<n>b)", "duplicate group name 'n'", at: 12),
            ErrorCase("(?P<name", "missing '>'", at: 0),
            ErrorCase("é(", "missing ')'", at: 2),
            ErrorCase("日本[", "missing ']'", at: 6),
            ErrorCase("😀*+", "possessive", at: 4),
            ErrorCase("[é-a]", "invalid range 'é-a'", at: 1),
        ]
        for testCase in cases {
            do {
                _ = try RegularExpression(testCase.pattern)
                XCTFail("/\(testCase.pattern)/ compiled but should fail", line: testCase.line)
            } catch {
                XCTAssertTrue(error.message.contains(testCase.messageFragment),
                              "/\(testCase.pattern)/: \(error.message)", line: testCase.line)
                XCTAssertEqual(error.offset, testCase.offset, "/\(testCase.pattern)/: \(error.message)",
                               line: testCase.line)
            }
        }
    }

    func testNestingDepthLimit() {
        let pattern = String(repeating: "(", count: 1001) + "a" + String(repeating: ")", count: 1001)
        XCTAssertThrowsError(try RegularExpression(pattern)) { error in
            XCTAssertEqual((error as? RegexSyntaxError)?.offset, 1000)
            XCTAssertTrue((error as? RegexSyntaxError)?.message.contains("nested more than 1000") ?? false)
        }
    }

    func testErrorMessagesAreLowercase() {
        for pattern in ["(", "[a", "*", "\\1", "(?=x)", "\\p{Foo}", "a{1001}", "\\q"] {
            do {
                _ = try RegularExpression(pattern)
                XCTFail("/\(pattern)/ compiled but should fail")
            } catch {
                let first = error.message.unicodeScalars.first!
                XCTAssertFalse(first.properties.isUppercase, error.message)
            }
        }
    }
}
