import VerdictLanguage
import XCTest

/// Evaluation semantics, each case as the expression and its printed result (a value
/// literal, or `error: ` and the message).
final class EvaluationTests: XCTestCase {
    private func evaluate(_ text: String, _ bindings: [String: Value] = [:], stepLimit: Int? = nil) -> String {
        var environment = Environment()
        environment.variables = bindings.keys.sorted().map { VariableDeclaration($0, .dyn) }
        if let stepLimit { environment.stepLimit = stepLimit }
        do {
            let program = try environment.compile(text)
            switch program.evaluate(bindings) {
            case .success(let value): return ValueFormatter.literal(value)
            case .failure(let error): return "error: \(error.message)"
            }
        } catch {
            return "syntax: \(error.diagnostics.map(\.message).joined(separator: "; "))"
        }
    }

    private func check(_ cases: [(String, String)], _ bindings: [String: Value] = [:], file: StaticString = #filePath, line: UInt = #line) {
        for (expression, expected) in cases {
            XCTAssertEqual(evaluate(expression, bindings), expected, expression, file: file, line: line)
        }
    }

    func testIntegerArithmeticFailsInsteadOfTrapping() {
        check([
            ("9223372036854775807 + 1", "error: integer overflow in addition"),
            ("-9223372036854775808 - 1", "error: integer overflow in subtraction"),
            ("-9223372036854775808 / -1", "error: integer overflow in division"),
            ("-9223372036854775808 % -1", "error: integer overflow in modulus"),
            ("-(-9223372036854775808)", "error: integer overflow in negation"),
            ("4611686018427387904 * 2", "error: integer overflow in multiplication"),
            ("1 / 0", "error: division by zero"),
            ("1 % 0", "error: modulus by zero"),
            ("0u - 1u", "error: integer overflow in subtraction"),
            ("1.0 / 0.0", "double(\"Infinity\")"),
            ("7 / 2", "3"),
            ("-7 % 3", "-1"),
        ])
    }

    func testErrorsAreAbsorbedWhenTheOtherSideDecides() {
        check([
            ("1 / 0 == 1 || true", "true"),
            ("true || 1 / 0 == 1", "true"),
            ("false && 1 / 0 == 1", "false"),
            ("1 / 0 == 1 && false", "false"),
            ("1 / 0 == 1 && true", "error: division by zero"),
            ("1 / 0 == 1 || false", "error: division by zero"),
            ("[0, 1].exists(x, 1 / x == 1)", "true"),
            ("[0, 1].all(x, 1 / x == 2)", "false"),
            ("[0, 1].all(x, 1 / x == 1)", "error: division by zero"),
            ("1 || true", "true"),
            ("1 && true", "error: no matching overload for '&&' applied to (int, bool)"),
            ("true ? 1 : 1 / 0", "1"),
        ])
    }

    func testMissingFieldsAreErrors() {
        let config = Value.object([("Name", .string("b")), ("Tags", .object([]))])
        check([
            ("config.Name", "\"b\""),
            ("config.Missing", "error: no such key: 'Missing'"),
            ("config.Missing == 'x'", "error: no such key: 'Missing'"),
            ("config.Missing != 'x'", "error: no such key: 'Missing'"),
            ("has(config.Missing)", "false"),
            ("has(config.Tags)", "true"),
            ("config.Name.x", "error: no field 'x' on a value of type string"),
            ("config['Name']", "\"b\""),
            ("config['Missing']", "error: no such key: \"Missing\""),
        ], ["config": config])
    }

    func testEqualityAcrossTypes() {
        check([
            ("1 == 1.0", "true"), ("1u == 1", "true"), ("1 == '1'", "false"), ("null == false", "false"),
            ("[1, 2] == [1.0, 2u]", "true"), ("{'a': 1} == {'a': 1.0}", "true"),
            ("0.0 / 0.0 == 0.0 / 0.0", "false"), ("'é' == 'e\\u0301'", "false"),
            ("1 < 1.5", "true"), ("2u > 1", "true"), ("'a' < 'b'", "true"), ("true > false", "true"),
            ("1 < 'a'", "error: no matching overload for '<' applied to (int, string)"),
            ("2 in [1, 2.0]", "true"), ("'k' in {'k': 1}", "true"),
        ])
    }

    func testMacros() {
        check([
            ("[1, 2, 3].exists(x, x > 2)", "true"),
            ("[1, 2, 3].all(x, x > 0)", "true"),
            ("[1, 2, 3].exists_one(x, x > 1)", "false"),
            ("[1, 2, 3].map(x, x * 2)", "[2, 4, 6]"),
            ("[1, 2, 3].map(x, x > 1, x * 2)", "[4, 6]"),
            ("[1, 2, 3].filter(x, x != 2)", "[1, 3]"),
            ("{'a': 1, 'b': 2}.all(k, k.size() == 1)", "true"),
            ("[10, 20].all(i, v, v == (i + 1) * 10)", "true"),
            ("cel.bind(x, 2, x * x)", "4"),
            ("[[1, 2], [3]].map(l, l.exists(x, x == 3))", "[false, true]"),
            ("[1, 'a'].all(x, x > 0)", "error: no matching overload for '>' applied to (string, int)"),
        ])
    }

    /// Long chains parse into balanced trees; the results must be those of evaluating the
    /// chain from left to right.
    func testLongLogicalChainsKeepErrorAbsorption() {
        func chain(_ terms: [String], _ symbol: String) -> String { terms.joined(separator: " \(symbol) ") }
        let trues = Array(repeating: "true", count: 299)
        let falses = Array(repeating: "false", count: 299)
        check([
            (chain(trues + ["true"], "&&"), "true"),
            (chain(trues + ["false"], "&&"), "false"),
            (chain(["1 / 0 == 1"] + trues, "&&"), "error: division by zero"),
            (chain(["1 / 0 == 1"] + trues + ["false"], "&&"), "false"),
            (chain(trues + ["1 % 0 == 1", "1 / 0 == 1"], "&&"), "error: modulus by zero"),
            (chain(falses + ["false"], "||"), "false"),
            (chain(falses + ["true"], "||"), "true"),
            (chain(["1 / 0 == 1"] + falses + ["true"], "||"), "true"),
            (chain(falses + ["1 % 0 == 1", "1 / 0 == 1"], "||"), "error: modulus by zero"),
        ])
    }

    func testStepBudgetStopsRunawayEvaluation() {
        XCTAssertEqual(evaluate("lists.range(1000).all(x, lists.range(1000).all(y, true))", stepLimit: 10_000),
                       "error: evaluation exceeded the limit of 10000 macro iterations, which counts every element that all(), exists(), "
                       + "map(), filter() and the other macros visit, nested ones included; simplify the condition, for example by "
                       + "filtering a list once before a nested macro iterates over it")
        XCTAssertEqual(evaluate("lists.range(100).all(x, lists.range(90).all(y, true))", stepLimit: 10_000), "true")
        XCTAssertEqual(evaluate("lists.range(1000).exists(x, lists.range(1000).all(y, y >= 0) && x < 0)", stepLimit: 10_000).hasPrefix("error: evaluation exceeded"), true)
    }

    func testExtensions() {
        check([
            ("count([1, 2, 3]) >= 3", "true"),
            ("[1, 2].count()", "2"),
            ("[1, 2, 1, 2.0, 3].distinct()", "[1, 2, 3]"),
            ("['b', 'a', 'b'].distinct()", "[\"b\", \"a\"]"),
            ("parseJSON('{\"a\": [1, 2]}').a[1]", "2"),
            ("'{\"x\": true}'.parseJSON().x", "true"),
            ("parseJSON('{bad')", "error: invalid JSON in the string at line 1, column 2: expected a member name in double quotes but found 'b'"),
            ("duration('7d') == duration('168h')", "true"),
            ("duration('1.5h')", "duration(\"5400s\")"),
            ("'A,B,,C'.split(',')", "[\"A\", \"B\", \"\", \"C\"]"),
            ("['a', 'b'].join('-')", "\"a-b\""),
            ("'  x '.trim()", "\"x\""),
            ("'TLSv1.2'.lowerAscii()", "\"tlsv1.2\""),
            ("'aXbX'.replace('X', '-')", "\"a-b-\""),
            ("'hello'.indexOf('l')", "2"),
            ("strings.quote('a\"b')", "\"\\\"a\\\\\\\"b\\\"\""),
            ("lists.range(3)", "[0, 1, 2]"),
            ("[3, 1, 2].sort()", "[1, 2, 3]"),
        ])
    }

    func testTimestampsAndDurations() {
        check([
            ("timestamp('2024-01-01T00:00:00Z') + duration('7d')", "timestamp(\"2024-01-08T00:00:00Z\")"),
            ("timestamp('2024-11-25T15:50:20+08:00')", "timestamp(\"2024-11-25T07:50:20Z\")"),
            ("timestamp('2024-02-30T00:00:00Z')", "error: invalid timestamp \"2024-02-30T00:00:00Z\": expected RFC 3339 such as 2024-05-20T06:34:21Z, in years 0001 to 9999"),
            ("timestamp('2025-03-10T00:00:00Z') - timestamp('2025-03-02T08:00:00Z') <= duration('7d')", "false"),
            ("timestamp('2009-02-13T23:31:30Z').getHours('Asia/Shanghai')", "7"),
            ("timestamp('2009-02-13T23:31:30Z').getDayOfWeek()", "5"),
            ("timestamp('2009-02-13T23:31:30Z').getHours('Mars/Olympus')", "error: unknown time zone 'Mars/Olympus'; use UTC, an IANA name such as Europe/Paris, or an offset such as +08:00"),
            ("string(duration('-1.5s'))", "\"-1.5s\""),
            ("duration('1x')", "error: invalid duration \"1x\": expected a number and unit such as 90s, 1h30m, 250ms or 7d, within about ±10,000 years"),
        ])
    }

    func testConversions() {
        check([
            ("int('42')", "42"), ("int(2.9)", "2"), ("int(1e20)", "error: 1e+20 is out of the int range"),
            ("uint(-1)", "error: -1 is out of the uint range"), ("double('1e3')", "1000.0"),
            ("string(1.0)", "\"1\""), ("string(0.000001)", "\"1e-06\""), ("string(123456789.0)", "\"1.23456789e+08\""),
            ("bool('True')", "true"), ("bool('yes')", "error: cannot convert \"yes\" to bool"),
            ("type(1) == int", "true"), ("type(timestamp('2024-01-01T00:00:00Z'))", "google.protobuf.Timestamp"),
            ("string(b'\\xff')", "error: bytes are not valid UTF-8 and cannot convert to string"),
        ])
    }

    func testRegularExpressions() {
        check([
            ("'hello'.matches('^h.*o$')", "true"),
            ("matches('abc', 'b')", "true"),
            ("'x'.matches('(a')", "error: invalid regular expression \"(a\": missing ')': the group that opens here is never closed; add ')' or write '\\(' for a literal '('"),
            ("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.matches('(a*)*b')", "false"),
            ("'x'.matches('(?=x)')", "error: invalid regular expression \"(?=x)\": look-ahead '(?=' is not supported: RE2 syntax matches in linear time and has no look-around"),
        ])
    }

    func testNamesResolveToTheLongestDeclaredPrefix() {
        XCTAssertEqual(evaluate("a.b.c", ["a.b": .object([("c", .int(1))])]), "1")
        XCTAssertEqual(evaluate("a.b.c", ["a.b.c": .int(2), "a.b": .object([("c", .int(1))])]), "2")
        XCTAssertEqual(evaluate("undeclared"), "error: undeclared reference to 'undeclared'")
        XCTAssertEqual(evaluate("undeclared() || true"), "true")
        XCTAssertEqual(evaluate("google.protobuf.Timestamp == type(timestamp(0))"), "true")
    }

    func testMapLiteralsRejectDuplicateKeys() {
        check([
            ("{'a': 1, 'a': 2}", "error: duplicate map key \"a\""),
            ("{1: 'x', 1u: 'y'}", "error: duplicate map key 1u"),
            ("{1.5: 'x'}", "error: unsupported map key type: double; keys are int, uint, bool or string"),
        ])
    }

    func testObserverSeesEachNodeAndIteration() throws {
        final class Recorder: EvaluationObserver {
            var values: [ExprID: String] = [:]
            var iterations: [(ExprID, Int)] = []
            func evaluated(_ id: ExprID, result: Result<Value, EvaluationError>) {
                values[id] = (try? result.get()).map(ValueFormatter.literal) ?? "error"
            }
            func iterating(_ comprehensionID: ExprID, index: Int, element: Value) {
                iterations.append((comprehensionID, index))
            }
        }
        var environment = Environment(variables: [VariableDeclaration("x", .dyn)])
        environment.stepLimit = 100
        let parsed = environment.parse(Source(text: "x.a.exists(v, v > 1)"))
        let recorder = Recorder()
        let result = environment.plan(parsed, observed: true).evaluate(["x": .object([("a", .list([.int(1), .int(2)]))])], observer: recorder)
        XCTAssertEqual(ValueFormatter.literal(try result.get()), "true")
        XCTAssertEqual(recorder.values[parsed.root.id], "true")
        XCTAssertEqual(recorder.iterations.map(\.1), [0, 1])
        XCTAssertTrue(recorder.values.values.contains("[1, 2]"))
    }
}
