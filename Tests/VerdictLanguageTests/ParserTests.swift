import VerdictLanguage
import XCTest

/// Parses are compared through their printed form, which parenthesises every binary
/// operation, so each case states the tree it expects.
final class ParserTests: XCTestCase {
    private func printed(_ text: String) -> String {
        let parsed = Parser.parse(Source(text: text))
        if parsed.hasErrors { return "error: " + parsed.diagnostics.map(\.message).joined(separator: " | ") }
        return ExpressionPrinter.print(parsed.root)
    }

    func testPrecedenceAndAssociativity() {
        let cases: [(String, String)] = [
            ("a + b * c", "(a + (b * c))"),
            ("a * b + c", "((a * b) + c)"),
            ("a - b - c", "((a - b) - c)"),
            ("a / b % c", "((a / b) % c)"),
            ("a < b == c", "((a < b) == c)"),
            ("a + 1 < b", "((a + 1) < b)"),
            ("a in b && c", "((a in b) && c)"),
            ("a || b && c", "(a || (b && c))"),
            ("a && b || c && d", "((a && b) || (c && d))"),
            ("a && b && c", "((a && b) && c)"),
            ("a && b && c && d", "((a && b) && (c && d))"),
            ("a || b || c || d || e", "(((a || b) || c) || (d || e))"),
            ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
            ("a || b ? c : d", "((a || b) ? c : d)"),
            ("!a && b", "(!a && b)"),
            ("-a.b", "-a.b"),
            ("!!a", "!!a"),
            ("--a", "--a"),
            ("-(1)", "-1"),
            ("(a + b) * c", "((a + b) * c)"),
            ("a.b.c[0].d", "a.b.c[0].d"),
            ("a[b][c]", "a[b][c]"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(printed(input), expected, input)
        }
    }

    func testLiterals() {
        let cases: [(String, String)] = [
            ("42", "42"), ("0x1F", "31"), ("42u", "42u"), ("0xFFu", "255u"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("18446744073709551615u", "18446744073709551615u"),
            ("1.5", "1.5"), ("2e3", "2000.0"), (".5", "0.5"), ("-1.5", "-1.5"),
            ("true", "true"), ("null", "null"),
            ("'single'", "\"single\""), ("\"double\"", "\"double\""),
            ("'''triple\nline'''", "\"triple\\nline\""),
            ("r'raw\\d'", "\"raw\\\\d\""),
            ("'\\x41\\u00e9\\U0001F600\\101'", "\"AéüòÄA\"".replacingOccurrences(of: "üòÄ", with: "😀")),
            ("b'\\xff'", "b\"\\xff\""),
            ("b'abc'", "b\"abc\""),
            ("[1, 2,]", "[1, 2]"),
            ("{'a': 1, 2: 'b'}", "{\"a\": 1, 2: \"b\"}"),
            ("a.`content-type`", "a.`content-type`"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(printed(input), expected, input)
        }
    }

    func testCallsAndMacros() {
        let cases: [(String, String)] = [
            ("size(x)", "size(x)"),
            ("x.size()", "x.size()"),
            ("a.b.f(1, 2)", "a.b.f(1, 2)"),
            ("has(a.b)", "has(a.b)"),
            ("l.all(x, x > 0)", "l.all(x, (x > 0))"),
            ("l.exists_one(x, x)", "l.exists_one(x, x)"),
            ("l.map(x, x * 2)", "l.map(x, (x * 2))"),
            ("l.map(x, x > 0, x * 2)", "l.map(x, (x > 0), (x * 2))"),
            ("l.filter(x, x)", "l.filter(x, x)"),
            ("l.all(i, v, i < v)", "l.all(i, v, (i < v))"),
            ("m.transformMap(k, v, v)", "m.transformMap(k, v, v)"),
            ("cel.bind(x, 1, x + 1)", "cel.bind(x, 1, (x + 1))"),
            ("{'as': 1}.as", "{\"as\": 1}.as"),
            ("a.in()", "a.in()"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(printed(input), expected, input)
        }
    }

    func testSyntaxErrorsRenderWithCaret() {
        let cases: [(String, String)] = [
            ("a +", "<expression>:1:4: error: expected an expression but the expression ended [syntax-error]\na +\n   ^"),
            ("a = b", "<expression>:1:3: error: unexpected character '='; use '==' to compare [syntax-error]\na = b\n  ^"),
            ("'open", "<expression>:1:1: error: unterminated string literal [syntax-error]\n'open\n^"),
            ("f(1, 2", "<expression>:1:7: error: expected ')' but the expression ended to close '(' at 1:2 [syntax-error]\nf(1, 2\n      ^"),
            ("9223372036854775808", "<expression>:1:1: error: integer literal 9223372036854775808 is out of the int range (-9223372036854775808 to 9223372036854775807); add 'u' for uint or '.0' for double [syntax-error]\n9223372036854775808\n^"),
            ("while", "<expression>:1:1: error: 'while' is a reserved word and cannot name a variable or function [syntax-error]\nwhile\n^"),
            ("has(a)", "<expression>:1:5: error: has() takes a field selection such as has(config.Name) [syntax-error]\nhas(a)\n    ^"),
            ("l.all(1, x)", "<expression>:1:7: error: the first argument of all() must be a simple name, as in list.all(x, ...) [syntax-error]\nl.all(1, x)\n      ^"),
            ("'\\q'", "<expression>:1:1: error: invalid escape sequence '\\q' [syntax-error]\n'\\q'\n^"),
            ("a.?b", "<expression>:1:2: error: optional field selection '.?' is not supported; use has(a.b) ? a.b : default [syntax-error]\na.?b\n ^"),
        ]
        for (input, expected) in cases {
            let parsed = Parser.parse(Source(text: input))
            XCTAssertEqual(parsed.diagnostics.first?.rendered(), expected, input)
        }
    }

    /// `a?.b` first reads as a conditional; once its ':' is missing, the error is at the
    /// '?' and names the conditional to write instead.
    func testOptionalAccessIsRejectedAtTheQuestionMark() {
        let cases: [(String, String)] = [
            ("config.m?.k", "1:9 optional field selection '?.' is not supported; use has(config.m.k) ? config.m.k : default"),
            ("config.m?.k == 1 && ok", "1:9 optional field selection '?.' is not supported; use has(config.m.k) ? config.m.k : default"),
            ("has(config.m?.k)", "1:13 optional field selection '?.' is not supported; use has(config.m.k) ? config.m.k : default"),
            ("c ? config.m?.k : d", "1:13 optional field selection '?.' is not supported; use has(config.m.k) ? config.m.k : default"),
            ("f(a?.b, 2)", "1:4 optional field selection '?.' is not supported; use has(a.b) ? a.b : default"),
            ("config.m?[\"k\"]", "1:9 optional index '?[' is not supported; use \"k\" in config.m ? config.m[\"k\"] : default"),
            ("l?[0]", "1:2 optional index '?[' is not supported; use size(l) > 0 ? l[0] : default for a list, or 0 in l ? l[0] : default for a map"),
            ("m[?'k']", "1:2 optional index '[?' is not supported; use 'k' in m ? m['k'] : default"),
        ]
        for (input, expected) in cases {
            let diagnostics = Parser.parse(Source(text: input)).diagnostics
            XCTAssertEqual(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }, [expected], input)
        }
    }

    func testConditionalsBeforeDotsAndBracketsStillParse() {
        XCTAssertEqual(printed("c ?.x : y"), "(c ? x : y)")
        XCTAssertEqual(printed("c ?[1] : []"), "(c ? [1] : [])")
        XCTAssertEqual(printed("c ?.5 : 1"), "(c ? 0.5 : 1)")
    }

    func testCaretUnderMultibyteCharacters() {
        let parsed = Parser.parse(Source(text: "'é日本' + = 1"))
        XCTAssertEqual(parsed.diagnostics.first?.rendered(),
                       "<expression>:1:9: error: unexpected character '='; use '==' to compare [syntax-error]\n'é日本' + = 1\n          ^")
    }

    func testOneMistakeGivesOneError() {
        let parsed = Parser.parse(Source(text: "a + + b"))
        XCTAssertEqual(parsed.diagnostics.count, 1)
        let several = Parser.parse(Source(text: "[a b, c d, e f]"))
        XCTAssertEqual(several.diagnostics.count, 1)
    }

    func testErrorsAreCapped() {
        let text = (0..<30).map { "f(\($0) $)" }.joined(separator: " + ")
        let parsed = Parser.parse(Source(text: text))
        XCTAssertEqual(parsed.diagnostics.count, 11)
        XCTAssertTrue(parsed.diagnostics.last!.message.hasSuffix("more syntax errors not shown"))
    }

    func testDeepNestingIsAnErrorNotACrash() {
        for text in [String(repeating: "(", count: 90_000) + "1", String(repeating: "[", count: 5_000),
                     String(repeating: "-", count: 10_000) + "a", "a" + String(repeating: ".b", count: 10_000),
                     (0..<5_000).map { "x\($0)" }.joined(separator: " + "),
                     String(repeating: "a ? b : ", count: 3_000) + "c"] {
            let parsed = Parser.parse(Source(text: text))
            XCTAssertTrue(parsed.hasErrors, String(text.prefix(20)))
            XCTAssertTrue(parsed.diagnostics.contains { $0.message.contains("nested more than 250 levels") }, String(text.prefix(20)))
        }
        XCTAssertFalse(Parser.parse(Source(text: String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200))).hasErrors)
    }

    /// A flat chain of one logical operator is not nesting: it parses into a balanced
    /// tree, whatever its length.
    func testLongLogicalChainsAreNotTooDeep() {
        for symbol in ["&&", "||"] {
            for count in [251, 5_000] {
                let text = (0..<count).map { "x\($0)" }.joined(separator: " \(symbol) ")
                let parsed = Parser.parse(Source(text: text))
                XCTAssertEqual(parsed.diagnostics.map(\.message), [], "\(count) terms joined by \(symbol)")
                XCTAssertLessThanOrEqual(parsed.root.depth, 20, "\(count) terms joined by \(symbol)")
            }
        }
        let nested = String(repeating: "(a && ", count: 251) + "b" + String(repeating: ")", count: 251)
        XCTAssertTrue(Parser.parse(Source(text: nested)).diagnostics.contains { $0.message.contains("nested more than 250 levels") })
    }

    func testOverlongExpressionIsAnError() {
        let parsed = Parser.parse(Source(text: String(repeating: "a", count: 100_001)))
        XCTAssertEqual(parsed.diagnostics.first?.message, "expression is longer than 100000 bytes")
    }

    func testEmbeddedSourcePointsIntoTheFile() {
        let file = "id: x\ncompliantWhen: config.A ==\n"
        let start = file.utf8.count - "config.A ==\n".utf8.count
        let text = "config.A =="
        let source = Source(text: text, name: "policy.yaml",
                            embedding: Source.Embedding(fileText: file, verbatimAt: start, length: text.utf8.count))
        let parsed = Parser.parse(source)
        XCTAssertEqual(parsed.diagnostics.first?.rendered(),
                       "policy.yaml:2:27: error: expected an expression but the expression ended [syntax-error]\ncompliantWhen: config.A ==\n                          ^")
    }
}
