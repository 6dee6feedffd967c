import VerdictLanguage
import VerdictTestSupport
import XCTest

/// Feeds thousands of damaged expressions and JSON documents through every stage of the
/// language: each must end in a value, an evaluation error or diagnostics with a valid
/// position, never in a crash. The damage is pseudo-random from a fixed seed, so a
/// failure reproduces; `VERDICT_MUTATION_ROUNDS` raises the count for a longer search.
final class MutationRobustnessTests: XCTestCase {
    private static let expressions = [
        #"config.AccessControlList.Grant != "public-read-write""#,
        #"config.HttpsConfiguration.TLS.Enable in [true, "true"] && config.HttpsConfiguration.TLS.TLSVersion.all(v, v in ["TLSv1.2"])"#,
        #"parseJSON(config.Policy).Statement.exists(s, s.Effect == "Deny" && has(s.Condition))"#,
        #"now - timestamp("2024-06-29T10:05:12Z") < duration("365d")"#,
        #"config.Name.matches("^example-[a-z]+(\\d{2,})?$") ? size(config.Name) : -1"#,
        #"count(config.Rules.map(r, r.Zone).distinct()) >= 2u || config.Rules.exists_one(r, r.Zone == "a")"#,
        #"{"a": [1, 2.5, b"\x00\377", r"raw\n", '''long'''], 1: null}.size() == 2 && !(1 / 0 == 0)"#,
        #"config.Rules.filter(r, int(r.Size) % 3 == 0).map(r, string(r.Size) + "x").join(",").lowerAscii()"#,
        #"cel.bind(x, config.Rules[0], x.Zone.startsWith("cn") && type(x) == map)"#,
    ]

    private static let document = """
        {"AccessControlList": {"Grant": "private"}, "HttpsConfiguration": {"TLS": {"Enable": "true", "TLSVersion": ["TLSv1.2"]}},
         "Policy": "{\\"Statement\\": [{\\"Effect\\": \\"Deny\\", \\"Condition\\": {}}]}", "Name": "example-data42",
         "Rules": [{"Zone": "a", "Size": 3}, {"Zone": "b", "Size": 4.5}, {"Zone": "cn-b", "Size": "6"}], "Big": 18446744073709551615,
         "Text": "caf\\u00e9 \\ud83d\\ude00", "Nested": [[[[{"x": null}]]]]}
        """

    private static let fragments = ["(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "&&", "||", "==", "in", "\"",
                                    "'''", "\\", "r\"", "b'", "1u", "0x", "1e", "9223372036854775808", "\u{00e9}", "\u{1F600}",
                                    "\u{0}", "\n", "has(", ".all(", "x", "config", "null", "true", ".map(x,"]

    private let damage = TextDamage(fragments: MutationRobustnessTests.fragments, maxRange: 6, maxEdits: 4)

    private static var rounds: Int {
        Int(ProcessInfo.processInfo.environment["VERDICT_MUTATION_ROUNDS"] ?? "") ?? 3_000
    }

    func testDamagedExpressionsNeverCrash() throws {
        var random = SeededGenerator(seed: 0x5eed_0001)
        let configuration = try JSONReader.parse(MutationRobustnessTests.document)
        let environment = Environment(variables: [VariableDeclaration("config", .dyn), VariableDeclaration("now", .timestamp)])
        let values: [Value?] = [configuration, .timestamp(Timestamp(rfc3339: "2025-03-10T00:00:00Z")!)]

        for round in 0..<MutationRobustnessTests.rounds {
            let original = MutationRobustnessTests.expressions[round % MutationRobustnessTests.expressions.count]
            let text = damage.apply(to: original, using: &random)
            let source = Source(text: text, name: "mutant.cel")
            let parsed = environment.parse(source)

            if parsed.hasErrors {
                XCTAssertTrue(parsed.diagnostics.contains { $0.severity == .error }, "no error diagnostic for \(text.debugDescription)")
                for diagnostic in parsed.diagnostics {
                    assertValid(diagnostic, in: text)
                }
                continue
            }
            // What parses must also survive the checker, the planner and both evaluators.
            let checked = Checker.check(parsed, environment: environment)
            for diagnostic in checked.diagnostics {
                assertValid(diagnostic, in: text)
            }
            _ = environment.plan(parsed).evaluate(values)
            _ = environment.plan(parsed, observed: true).evaluate(values, observer: IgnoringObserver())
        }
    }

    func testDamagedJSONNeverCrashes() {
        var random = SeededGenerator(seed: 0x5eed_0002)
        for _ in 0..<MutationRobustnessTests.rounds {
            let text = damage.apply(to: MutationRobustnessTests.document, using: &random)
            do {
                _ = try JSONReader.parse(text)
            } catch {
                XCTAssertGreaterThanOrEqual(error.line, 1, text)
                XCTAssertGreaterThanOrEqual(error.column, 1, text)
                XCTAssertFalse(error.message.isEmpty, text)
            }
        }
    }

    /// Checks that a diagnostic's span lies inside the text and its position is 1-based.
    private func assertValid(_ diagnostic: Diagnostic, in text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(diagnostic.span.start, diagnostic.span.end, text, file: file, line: line)
        XCTAssertLessThanOrEqual(diagnostic.span.end, text.utf8.count, text, file: file, line: line)
        XCTAssertGreaterThanOrEqual(diagnostic.location.line, 1, text, file: file, line: line)
        XCTAssertGreaterThanOrEqual(diagnostic.location.column, 1, text, file: file, line: line)
        XCTAssertFalse(diagnostic.message.isEmpty, text, file: file, line: line)
        _ = diagnostic.description
    }
}

private final class IgnoringObserver: EvaluationObserver {
    func evaluated(_ id: ExprID, result: Result<Value, EvaluationError>) {}
    func iterating(_ comprehensionID: ExprID, index: Int, element: Value) {}
}
