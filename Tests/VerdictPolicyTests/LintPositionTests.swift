import VerdictLanguage
import VerdictPolicy
import XCTest

/// Lint positions, checked to the column: each input marks the expected position of its
/// diagnostic with `↓`, which the test removes before linting.
final class LintPositionTests: XCTestCase {
    private let schema = """
        kind: ResourceSchema
        resourceType: ACS::Example::Thing
        configuration:
          Name: string
          Items: [string]
          Settings:
            Level: int
            Mode: bool | string
          Labels:
            $open: true
          Policy:
            $json:
              Statement: [any]
        """

    private func policy(_ condition: String) -> String {
        """
        kind: Policy
        id: example
        title: Example
        description: Example.
        severity: low
        resourceTypes: [ACS::Example::Thing]
        \(condition)
        message: Bad.
        """
    }

    /// Lints the marked text and checks that a diagnostic with `id` starts at the marker,
    /// and that no other diagnostic is reported.
    private func assertMarked(_ marked: String, id: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let marker = marked.range(of: "↓") else { return XCTFail("no marker", file: file, line: line) }
        let before = marked[..<marker.lowerBound]
        let expectedLine = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let expectedColumn = before[lineStart...].unicodeScalars.count + 1
        let text = marked.replacingCharacters(in: marker, with: "")
        let diagnostics = Linter.lint(files: [("policy.yaml", text), ("schema.yaml", schema)])
        XCTAssertEqual(diagnostics.map(\.id), [id], diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        guard let diagnostic = diagnostics.first else { return }
        XCTAssertEqual(diagnostic.source.name, "policy.yaml", file: file, line: line)
        XCTAssertEqual("\(diagnostic.location.line):\(diagnostic.location.column)", "\(expectedLine):\(expectedColumn)",
                       diagnostic.rendered(), file: file, line: line)
    }

    func testPlainScalar() {
        assertMarked(policy("compliantWhen: config.↓Nme != \"\""), id: "unknown-field")
        assertMarked(policy("compliantWhen: size(config.Items) >↓"), id: "syntax-error")
    }

    func testLiteralBlockScalar() {
        assertMarked(policy("""
            compliantWhen: |
              size(config.Items) > 0 &&
                config.↓Nme != ""
            """), id: "unknown-field")
    }

    func testFoldedBlockScalarWithIndentationIndicator() {
        assertMarked(policy("""
            compliantWhen: >2
                size(config.Items) > 0 &&
                ↓confg.Name != ""
            """), id: "undeclared-reference")
    }

    func testDoubleQuotedScalarWithEscapes() {
        assertMarked(policy(#"compliantWhen: "config.Name != \"a\tb\" && config.↓Nme != \"\\u00e9\"""#), id: "unknown-field")
    }

    func testSingleQuotedScalarWithDoubledQuotes() {
        assertMarked(policy("compliantWhen: 'config.Name != ''it\\''s'' && config.↓Nme != '''''"), id: "unknown-field")
    }

    func testMultibyteCharactersBeforeTheError() {
        assertMarked(policy("compliantWhen: 'config.Name == \"日本語\" && config.↓Nme == \"é\"'"), id: "unknown-field")
    }

    func testStructureErrorsPointAtTheValue() {
        assertMarked(policy("compliantWhen: 'size(config.Items) > 0'").replacingOccurrences(of: "severity: low", with: "severity: ↓lw"), id: "policy-invalid-value")
        assertMarked(policy("↓compliantwhen: 'true'\ncompliantWhen: 'size(config.Items) > 0'"), id: "policy-unknown-key")
    }

    func testResourceTypeFindingsPointAtTheEntry() {
        let base = policy("compliantWhen: 'size(config.Items) > 0'")
        assertMarked(base.replacingOccurrences(of: "resourceTypes: [ACS::Example::Thing]", with: "resourceTypes: [ACS::Example::Thing, ↓ACS::Example::Thin]"),
                     id: "unknown-resource-type")
        assertMarked(base.replacingOccurrences(of: "resourceTypes: [ACS::Example::Thing]", with: "resourceTypes:\n  - ↓ACS::Other::Widget"),
                     id: "resource-type-without-schema")
        assertMarked(base.replacingOccurrences(of: "resourceTypes: [ACS::Example::Thing]", with: "resourceTypes: [ACS::Example::Thing, ↓Example]"),
                     id: "policy-invalid-value")
        assertMarked(base.replacingOccurrences(of: "resourceTypes: [ACS::Example::Thing]", with: "scope: ↓account"),
                     id: "resource-type-without-schema")
    }

    /// The field path of resources(type, path, value) is checked like a field selection,
    /// each component at its place inside the string.
    func testRelatedFieldPathPointsInsideTheLiteral() {
        assertMarked(policy(#"compliantWhen: resources("ACS::Example::Thing", "↓Nme", "a").size() == 0"#), id: "unknown-field")
        assertMarked(policy(#"compliantWhen: resources("ACS::Example::Thing", "Settings.↓Levl", 1).size() == 0"#), id: "unknown-field")
        assertMarked(policy(#"compliantWhen: resources('ACS::Example::Thing', 'Settings..↓Levl', 1).size() == 0"#), id: "unknown-field")
        assertMarked(policy(#"compliantWhen: resources("ACS::Example::Thing", "Name.↓First", "a").size() == 0"#), id: "no-fields")
        assertMarked(policy(#"compliantWhen: resources("ACS::Example::Thing", "Policy.↓Statement", "a").size() == 0"#), id: "no-fields")
        assertMarked(policy(#"compliantWhen: resources("ACS::Example::Thing", ↓"Settings.\x4Cevl", 1).size() == 0"#), id: "unknown-field")
        assertMarked(policy(#"compliantWhen: resources("ACS::Example::Thing", "Settings.Level", ↓"high").size() == 0"#), id: "incompatible-comparison")
        assertMarked(policy(#"compliantWhen: resources("ACS::Example::Thing", "Name", ↓true).size() == 0"#), id: "incompatible-comparison")
    }

    func testRelatedFieldPathsThatAreValid() {
        for condition in [
            #"resources("ACS::Example::Thing", "Settings.Level", 2).size() == 0"#,
            #"resources("ACS::Example::Thing", "Settings.Mode", true).size() == 0"#,
            #"resources("ACS::Example::Thing", "Settings.Mode", "on").size() == 0"#,
            #"resources("ACS::Example::Thing", "Labels.team", "a").size() == 0"#,
            #"resources("ACS::Example::Thing", "Name", config.Name).size() == 0"#,
            #"resources("ACS::Example::Thing", "Name", null).size() == 0"#,
            #"resources("ACS::Example::Thing", config.Name, 1).size() == 0"#,
            #"resources("ACS::Other::Widget", "Anything.Goes", 1).size() == 0"#,
        ] {
            let diagnostics = Linter.lint(files: [("policy.yaml", policy("compliantWhen: '\(condition)'")), ("schema.yaml", schema)])
            XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], condition)
        }
    }

    func testRelatedFieldPathMessages() {
        let condition = #"resources("ACS::Example::Thing", "Settings.Levl", "high").size() == 0 && resources("ACS::Example::Thing", "Name", 1).size() == 0"#
        let diagnostics = Linter.lint(files: [("policy.yaml", policy("compliantWhen: '\(condition)'")), ("schema.yaml", schema)])
        XCTAssertEqual(diagnostics.map(\.message), [
            "'Levl' is not a field of ACS::Example::Thing Configuration.Settings; did you mean 'Level'?",
            "resources() looks for an int in field 'Name', which is a string, so it never finds one; check the field's type",
        ])
    }

    func testRelatedTypeThatIsNotATypeCode() {
        assertMarked(policy(#"compliantWhen: lookup(↓"Thing", config.Name).Configuration.Name == "a""#), id: "unknown-resource-type")
        assertMarked(policy(#"compliantWhen: resources(↓"ACS::Example::Thin").size() == 0"#), id: "unknown-resource-type")
        assertMarked(policy(#"compliantWhen: resources(↓"ACS::Other::Widget").size() == 0"#), id: "resource-type-without-schema")
    }

    func testComparisonOfWrongTypeSpansTheComparison() {
        assertMarked(policy("compliantWhen: size(config.Items) > 0 && ↓config.Name == true"), id: "incompatible-comparison")
    }
}
