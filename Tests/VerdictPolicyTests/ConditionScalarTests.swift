import VerdictLanguage
import VerdictPolicy
import XCTest

/// Conditions written as plain YAML scalars that YAML reads differently: a leading `!`
/// is a tag, and `: ` starts a mapping value. The messages must say how to write the
/// condition, and never advise removing the `!`, which would reverse the rule.
final class ConditionScalarTests: XCTestCase {
    private let negationAdvice = "a plain YAML value cannot start with '!', which YAML reads as a tag; quote the condition"

    private func policy(_ line: String) -> String {
        PolicyText.policy(line)
    }

    /// Returns each diagnostic of loading the text as `LINE:COLUMN id: message`.
    private func problems(_ text: String) -> [String] {
        var catalog = PolicyCatalog()
        catalog.loadText(text, name: "p.yaml")
        return catalog.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.id): \($0.message)" }
    }

    func testNegatedConditionsAreReadAsTags() {
        let cases: [(String, String)] = [
            ("compliantWhen: !has(config.DeleteDate)", "yaml-tag: \(negationAdvice) ('!has(...)') or write it as a block scalar (|)"),
            ("compliantWhen: ! has(config.DeleteDate)", "yaml-tag: \(negationAdvice) ('! has(...)') or write it as a block scalar (|)"),
            ("compliantWhen: !(config.State == \"On\")", "yaml-tag: \(negationAdvice) ('!(...)') or write it as a block scalar (|)"),
            ("appliesWhen: !!has(config.DeleteDate)\ncompliantWhen: 'true'",
             "yaml-tag: \(negationAdvice) ('!!has(...)') or write it as a block scalar (|)"),
            ("compliantWhen: ! has(config.A) ? config.B : true", "yaml-tag: \(negationAdvice) ('! has(...)') or write it as a block scalar (|)"),
            ("compliantWhen: !enabled", "yaml-tag: \(negationAdvice) ('!enabled') or write it as a block scalar (|)"),
        ]
        for (line, expected) in cases {
            XCTAssertEqual(problems(policy(line)), ["7:\(line.hasPrefix("appliesWhen") ? 14 : 16) \(expected)"], line)
        }
    }

    /// libyaml fails on these before a tag is read: on the anchor that `&&` starts, the
    /// block scalar that `||` starts, a quote in the tag, or the ': ' of a conditional.
    /// The error still points at the '!'.
    func testNegatedConditionsThatBreakTheYAML() {
        let cases = [
            "compliantWhen: !has(config.DeleteDate) && config.State == \"On\"",
            "compliantWhen: !config.Name.startsWith(\"a\")",
            "compliantWhen: !has(config.A) || *x",
            "compliantWhen: !has(config.A) ? config.B : true",
        ]
        for line in cases {
            XCTAssertEqual(problems(policy(line)), ["7:16 yaml-syntax: \(negationAdvice) ('\(line.dropFirst(15).prefix { $0 != "(" })(...)') or write it as a block scalar (|)"],
                           line)
        }
    }

    func testExpressionTagsElsewhereGetTheSameAdvice() {
        XCTAssertEqual(problems(policy("compliantWhen: 'true'\nremediation: !has(x)")),
                       ["8:14 yaml-tag: \(negationAdvice) ('!has(...)') or write it as a block scalar (|)"])
        XCTAssertEqual(problems(policy("compliantWhen: 'true'\nremediation: !custom text")),
                       ["8:14 yaml-tag: unsupported tag '!custom'; only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed, so remove the tag"])
    }

    func testQuotedAndBlockConditionsLoad() {
        for line in ["compliantWhen: '!has(config.DeleteDate)'", "compliantWhen: |\n  !has(config.DeleteDate)",
                     "compliantWhen: \"!has(config.DeleteDate)\"", "compliantWhen: !!str '!has(config.DeleteDate)'"] {
            var catalog = PolicyCatalog()
            catalog.loadText(policy(line), name: "p.yaml")
            XCTAssertEqual(catalog.diagnostics.map(\.message), [], line)
            XCTAssertEqual(catalog.policies.first?.compliantWhen.text.hasPrefix("!has(config.DeleteDate)"), true, line)
        }
    }

    func testColonInConditionNamesQuotesAndBlockScalars() {
        XCTAssertEqual(problems(policy("compliantWhen: has(config.A) ? config.A == \"x\" : true")), [
            "7:48 yaml-syntax: mapping values are not allowed in this context; a plain value cannot contain ': ', so put the value in quotes "
                + "or write it as a block scalar (|), or line this key up with the keys above it",
        ])
    }
}
