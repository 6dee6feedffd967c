import VerdictLanguage
import VerdictPolicy
import XCTest

/// `unlistedFields`: entries allow their path and its prefixes, and entries that match
/// nothing or that the schema already allows are reported.
final class UnlistedFieldsTests: XCTestCase {
    private let schema = PolicyText.schema

    private func policy(unlisted: String, condition: String) -> String {
        PolicyText.policy("unlistedFields: \(unlisted)\ncompliantWhen: '\(condition)'")
    }

    /// Returns each finding as `LINE:COLUMN id: message`.
    private func findings(unlisted: String, condition: String) -> [String] {
        Linter.lint(files: [("policy.yaml", policy(unlisted: unlisted, condition: condition)), ("schema.yaml", schema)]).map {
            "\($0.location.line):\($0.location.column) \($0.id): \($0.message)"
        }
    }

    /// The example of docs/lint.md, as written there.
    func testDocumentedExampleWorks() {
        XCTAssertEqual(findings(unlisted: "[config.VendorExtension.Level]", condition: "config.VendorExtension.Level >= 2"), [])
        XCTAssertEqual(findings(unlisted: "[config.VendorExtension.Level]",
                                condition: "has(config.VendorExtension) && has(config.VendorExtension.Level)"), [])
        XCTAssertEqual(findings(unlisted: "[config.VendorExtension]", condition: "config.VendorExtension.Level >= 2"), [])
    }

    func testEntryMatchesEitherSpellingOfTheConfiguration() {
        XCTAssertEqual(findings(unlisted: "[resource.Configuration.VendorExtension.Level]", condition: "config.VendorExtension.Level >= 2"), [])
        XCTAssertEqual(findings(unlisted: "[config.VendorExtension.Level]", condition: "resource.Configuration.VendorExtension.Level >= 2"), [])
    }

    func testEntryThatMatchesNothingIsReported() {
        XCTAssertEqual(findings(unlisted: "[config.VendorExtension.Levl]", condition: "config.VendorExtension.Level >= 2"), [
            "7:18 unused-unlisted-field: unlistedFields entry 'config.VendorExtension.Levl' matches no field path that the conditions read, "
                + "so correct or remove it; did you mean 'config.VendorExtension.Level'?",
        ])
        XCTAssertEqual(findings(unlisted: "[config.Name, config.Extra.A]", condition: "config.Extra.B == 1 && config.Name != \"\""), [
            "7:18 unused-unlisted-field: unlistedFields entry 'config.Name' is not needed, because the schema of ACS::Example::Thing allows it; remove the entry",
            "7:31 unused-unlisted-field: unlistedFields entry 'config.Extra.A' matches no field path that the conditions read, "
                + "so correct or remove it; did you mean 'config.Extra.B'?",
        ])
    }

    func testEntryTheSchemaAllowsIsReported() {
        XCTAssertEqual(findings(unlisted: "\n  - config.Settings.Level\n  - config.Labels.team", condition: "config.Settings.Level > 1 && config.Labels.team == \"a\""), [
            "8:5 unused-unlisted-field: unlistedFields entry 'config.Settings.Level' is not needed, because the schema of ACS::Example::Thing allows it; remove the entry",
            "9:5 unused-unlisted-field: unlistedFields entry 'config.Labels.team' is not needed, because the schema of ACS::Example::Thing allows it; remove the entry",
        ])
    }

    func testBrokenConditionSkipsTheMatching() {
        let diagnostics = findings(unlisted: "[config.VendorExtension.Level]", condition: "config.VendorExtension.Level >=")
        XCTAssertEqual(diagnostics.map { $0.components(separatedBy: " ")[1] }, ["syntax-error:"])
    }
}
