import VerdictLanguage
import XCTest

final class CheckerTests: XCTestCase {
    private let bucket = ObjectSchema(name: "bucket", fields: [
        ("Name", .string),
        ("Grant", .string),
        ("Size", .int),
        ("Enabled", .union([.bool, .string])),
        ("Versions", .list(.string)),
        ("Policy", .jsonText(.object(ObjectSchema(name: "policy", fields: [("Statement", .list(.dyn))])))),
        ("Tags", .object(ObjectSchema(name: "tags", fields: [], isOpen: true))),
    ])

    /// Diagnostics as `column id: message`, checking a one-line expression.
    private func check(_ text: String) -> [String] {
        var environment = Environment(variables: [VariableDeclaration("config", .object(bucket)), VariableDeclaration("any", .dyn)])
        environment.stepLimit = 10
        let parsed = environment.parse(Source(text: text))
        XCTAssertFalse(parsed.hasErrors, text)
        var options = CheckOptions()
        options.resultDescription = "compliantWhen"
        return Checker.check(parsed, environment: environment, options: options).diagnostics.map {
            "\($0.location.column) \($0.id): \($0.message)"
        }
    }

    func testValidExpressionsHaveNoDiagnostics() {
        for text in [
            "config.Grant != 'public-read-write'", "config.Size > 3", "config.Size == 3.0", "config.Enabled in [true, 'true']",
            "config.Versions.all(v, v.startsWith('TLS'))", "count(config.Versions) >= 2", "has(config.Name)",
            "parseJSON(config.Policy).Statement.exists(s, s.Effect == 'Deny')", "config.Tags.anything == 'x'",
            "any.whatever.deep == 1", "config.Name.matches('^a')", "size(config.Name) > 0 ? true : false",
            "[1, 2].map(x, x * 2).size() == 2", "cel.bind(v, config.Versions, v.size() > 0)", "config.Name == null",
        ] {
            XCTAssertEqual(check(text), [], text)
        }
    }

    /// An unlisted path allows itself and every prefix, and what it selects is dyn.
    func testUnlistedFieldsAllowTheirPrefixes() {
        let environment = Environment(variables: [VariableDeclaration("config", .object(bucket))])
        var options = CheckOptions()
        options.unlistedFields = ["config.Vendor.Level", " config . Grant . Extra "]
        func diagnostics(_ text: String) -> [String] {
            Checker.check(environment.parse(Source(text: text)), environment: environment, options: options).diagnostics.map {
                "\($0.location.column) \($0.id)"
            }
        }
        XCTAssertEqual(diagnostics("config.Vendor.Level == 1"), [])
        XCTAssertEqual(diagnostics("has(config.Vendor) && has(config.Vendor.Level)"), [])
        XCTAssertEqual(diagnostics("config.Vendor.Other.Deeper == 'x'"), [], "below an allowed path, values are dyn")
        XCTAssertEqual(diagnostics("config.Vendor == true"), [], "an allowed path is dyn")
        XCTAssertEqual(diagnostics("config.Vendr.Level == 1"), ["8 unknown-field"])
        XCTAssertEqual(diagnostics("config.Grant.Extra == 1"), ["14 no-fields"], "a string has no fields, listed or not")
    }

    func testMisspelledFieldsAreReportedAtTheField() {
        XCTAssertEqual(check("config.Grnat == 'private'"), ["8 unknown-field: 'Grnat' is not a field of bucket; did you mean 'Grant'?"])
        XCTAssertEqual(check("!has(config.Polcy)"), ["13 unknown-field: 'Polcy' is not a field of bucket; did you mean 'Policy'?"])
        XCTAssertEqual(check("parseJSON(config.Policy).Statment.size() > 0"),
                       ["26 unknown-field: 'Statment' is not a field of policy; did you mean 'Statement'?"])
    }

    func testOneMistakeIsReportedOnce() {
        XCTAssertEqual(check("config.Grnat.x.y == 'a' && config.Grnat != 'b'").count, 2)
        XCTAssertEqual(check("config.Grnat.size() > 2"), ["8 unknown-field: 'Grnat' is not a field of bucket; did you mean 'Grant'?"])
    }

    func testComparisonsOfIncompatibleTypes() {
        XCTAssertEqual(check("config.Grant == true"),
                       ["1 incompatible-comparison: '==' compares a string with a bool, which is always false; check the field's type"])
        XCTAssertEqual(check("config.Size in ['1', '2']"),
                       ["1 incompatible-comparison: 'in' looks for an int in a list(string), where it can never be found; check the field's type"])
        XCTAssertEqual(check("config.Name < 3"), ["1 no-matching-overload: no overload of '<' takes (string, int)"])
    }

    func testUnknownNamesAndFunctions() {
        XCTAssertEqual(check("confg.Name == 'a'"), ["1 undeclared-reference: undeclared reference to 'confg'; did you mean 'config'?"])
        XCTAssertEqual(check("config.Name.startswith('a')"), ["1 unknown-function: undeclared function '.startswith'; did you mean 'startsWith'?"])
        XCTAssertEqual(check("config.Name.contains('a', 'b')"), ["1 wrong-argument-count: 'contains' takes 1 argument but is given 2"])
        XCTAssertEqual(check("contains(config.Name, 'a')"), ["1 wrong-call-style: 'contains' is a method: write value.contains(...)"])
        XCTAssertEqual(check("config.Size.startsWith('a')"), ["1 no-matching-overload: no overload of 'startsWith' takes (int, string)"])
    }

    func testConditionsMustBeBooleans() {
        XCTAssertEqual(check("config.Name"), ["1 not-a-bool: compliantWhen must be a bool but is a string"])
        XCTAssertEqual(check("config.Name && true"), ["1 not-a-bool: the operand of '&&' must be a bool but is a string"])
        XCTAssertEqual(check("config.Versions.exists(v, v)"), ["27 not-a-bool: the operand of 'exists()' must be a bool but is a string"])
        XCTAssertEqual(check("config.Size.all(x, true)"), ["1 not-iterable: all() applies to a list or map, not to an int"])
    }

    /// The regex engine's message for a pattern, so that the tests follow its wording.
    private func engineMessage(_ pattern: String) -> String {
        do throws(RegexSyntaxError) {
            _ = try RegularExpression(pattern)
            return "(compiles)"
        } catch {
            return error.message
        }
    }

    func testLiteralPatternsMustCompile() {
        XCTAssertEqual(check("config.Name.matches('(?<=a)b')"),
                       ["22 invalid-regex: invalid regular expression \"(?<=a)b\": \(engineMessage("(?<=a)b"))"])
        XCTAssertEqual(check("matches(config.Name, r'x(?<=a)b')"),
                       ["25 invalid-regex: invalid regular expression \"x(?<=a)b\": \(engineMessage("x(?<=a)b"))"])
        XCTAssertEqual(check("config.Name.matches(\"\"\"(a\"\"\")"),
                       ["24 invalid-regex: invalid regular expression \"(a\": \(engineMessage("(a"))"])
    }

    func testPatternWithEscapesPointsAtTheLiteral() {
        XCTAssertEqual(check(#"config.Name.matches('\\d(?<=a)')"#),
                       [#"21 invalid-regex: invalid regular expression "\\d(?<=a)": "# + engineMessage(#"\d(?<=a)"#)])
    }

    func testValidAndComputedPatternsAreAccepted() {
        XCTAssertEqual(check(#"config.Name.matches('^[a-z]+$') && matches(config.Name, '\\d')"#), [])
        XCTAssertEqual(check("config.Name.matches(config.Grant)"), [])
    }
}
