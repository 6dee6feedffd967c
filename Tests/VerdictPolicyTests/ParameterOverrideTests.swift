import VerdictLanguage
import VerdictPolicy
import XCTest

final class ParameterOverrideTests: XCTestCase {
    private let policies: [Policy] = {
        var catalog = PolicyCatalog()
        catalog.loadText("""
            kind: Policy
            id: oss-bucket-tls-version-check
            title: TLS
            description: TLS versions.
            severity: medium
            resourceTypes: [ACS::OSS::Bucket]
            parameters:
              tlsVersions: {type: list(string), default: [TLSv1.2, TLSv1.3], description: versions}
              minZones: {type: int, default: 2, description: zones}
              window: {type: duration, default: 7d, description: window}
              strict: {type: bool, default: false, description: strict}
              ports: {type: list(int), default: [443], description: ports}
            compliantWhen: "true"
            message: m
            """, name: "p.yaml")
        return catalog.policies
    }()

    private func option(_ text: String) -> (values: [String: String], errors: [String]) {
        var overrides = ParameterOverrides()
        overrides.addOption(text, policies: policies)
        return (overrides.values(for: "oss-bucket-tls-version-check").mapValues(ValueFormatter.literal), overrides.diagnostics.map(\.message))
    }

    func testListsAcceptCommaSeparatedTextAndFlowSyntax() {
        XCTAssertEqual(option("oss-bucket-tls-version-check.tlsVersions=TLSv1.2,TLSv1.3").values["tlsVersions"], "[\"TLSv1.2\", \"TLSv1.3\"]")
        XCTAssertEqual(option("oss-bucket-tls-version-check.tlsVersions=[TLSv1.3]").values["tlsVersions"], "[\"TLSv1.3\"]")
        XCTAssertEqual(option("oss-bucket-tls-version-check.tlsVersions= TLSv1.2 , TLSv1.3 ").values["tlsVersions"], "[\"TLSv1.2\", \"TLSv1.3\"]")
        XCTAssertEqual(option("oss-bucket-tls-version-check.tlsVersions=").values["tlsVersions"], "[]")
    }

    func testScalarsAreTyped() {
        XCTAssertEqual(option("oss-bucket-tls-version-check.minZones=3").values["minZones"], "3")
        XCTAssertEqual(option("oss-bucket-tls-version-check.window=12h").values["window"], "duration(\"43200s\")")
        XCTAssertEqual(option("oss-bucket-tls-version-check.strict=true").values["strict"], "true")
    }

    func testMistakesSayWhatWasExpected() {
        XCTAssertEqual(option("oss-bucket-tls-version-check.minZones=three").errors,
                       ["invalid value for oss-bucket-tls-version-check.minZones, which has type int: expected an int such as 3 but found 'three'"])
        XCTAssertEqual(option("oss-bucket-tls-version-check.strict=yes").errors,
                       ["invalid value for oss-bucket-tls-version-check.strict, which has type bool: expected true or false but found 'yes'"])
        XCTAssertEqual(option("oss-bucket-tls-versions-check.tlsVersions=x").errors,
                       ["unknown rule 'oss-bucket-tls-versions-check'; did you mean 'oss-bucket-tls-version-check'?"])
        XCTAssertEqual(option("oss-bucket-tls-version-check.tlsVersion=x").errors,
                       ["rule 'oss-bucket-tls-version-check' has no parameter 'tlsVersion'; did you mean 'tlsVersions'?"])
        XCTAssertEqual(option("oss-bucket-tls-version-check.colour=x").errors,
                       ["rule 'oss-bucket-tls-version-check' has no parameter 'colour'; its parameters are tlsVersions, minZones, window, strict, ports"])
        XCTAssertEqual(option("minZones=3").errors.first?.hasPrefix("invalid --param 'minZones=3': expected RULE.NAME=VALUE"), true)
    }

    func testParametersFileIsCheckedWithPositions() {
        var overrides = ParameterOverrides()
        overrides.addFile(text: """
            oss-bucket-tls-version-check:
              tlsVersions: TLSv1.2,TLSv1.3
              minZones: [1]
            unknown-rule:
              x: 1
            """, name: "params.yaml", policies: policies)
        XCTAssertEqual(ValueFormatter.literal(overrides.values(for: "oss-bucket-tls-version-check")["tlsVersions"]!), "[\"TLSv1.2\", \"TLSv1.3\"]")
        XCTAssertEqual(overrides.diagnostics.map { "\($0.location) \($0.message)" }, [
            "3:13 invalid value for oss-bucket-tls-version-check.minZones, which has type int: expected an int such as 3 but found a list",
            "4:1 unknown rule 'unknown-rule'",
        ])
    }

    /// The column of the first diagnostic of an option, where its caret points.
    private func errorColumn(_ text: String) -> Int? {
        var overrides = ParameterOverrides()
        overrides.addOption(text, policies: policies)
        return overrides.diagnostics.first?.location.column
    }

    func testOptionErrorsPointIntoTheValue() {
        let prefix = "oss-bucket-tls-version-check."
        XCTAssertEqual(errorColumn(prefix + "minZones=three"), prefix.count + "minZones=".count + 1)
        XCTAssertEqual(errorColumn(prefix + "minZones=  three"), prefix.count + "minZones=  ".count + 1)
        XCTAssertEqual(errorColumn(prefix + "window=x"), prefix.count + "window=".count + 1)
        XCTAssertEqual(errorColumn("oss-bucket-tls-version-check.strict=yes"), prefix.count + "strict=".count + 1)
    }

    func testOptionListErrorsPointAtTheElement() {
        let prefix = "oss-bucket-tls-version-check."
        XCTAssertEqual(errorColumn(prefix + "ports=443, 8o, 80"), prefix.count + "ports=443, ".count + 1)
        XCTAssertEqual(errorColumn(prefix + "ports=[443,  8o]"), prefix.count + "ports=[443,  ".count + 1)
    }

    func testUnclosedListReportsTheMissingBracket() {
        XCTAssertEqual(option("oss-bucket-tls-version-check.tlsVersions=[TLSv1.2, TLSv1.3").errors,
                       ["invalid value for oss-bucket-tls-version-check.tlsVersions, which has type list(string): the list has no closing ']'; write [a, b] or a,b"])
        XCTAssertEqual(errorColumn("oss-bucket-tls-version-check.tlsVersions=[TLSv1.2, TLSv1.3 "),
                       "oss-bucket-tls-version-check.tlsVersions=[TLSv1.2, TLSv1.3".count + 1)
        XCTAssertEqual(option("oss-bucket-tls-version-check.tlsVersions=[a, b]]").errors,
                       ["invalid value for oss-bucket-tls-version-check.tlsVersions, which has type list(string): invalid list: did not find expected <document start>; write [a, b] or a,b"])
    }

    func testParametersFileErrorsPointAtTheElement() {
        var overrides = ParameterOverrides()
        overrides.addFile(text: """
            oss-bucket-tls-version-check:
              ports: [443, 8o]
              strict: "maybe"
              minZones: 2, 3
            """, name: "params.yaml", policies: policies)
        XCTAssertEqual(overrides.diagnostics.map { "\($0.location) \($0.message)" }, [
            "2:16 invalid value for oss-bucket-tls-version-check.ports, which has type list(int): element 2: expected an int such as 3 but found '8o'",
            "3:12 invalid value for oss-bucket-tls-version-check.strict, which has type bool: expected true or false but found 'maybe'",
            "4:13 invalid value for oss-bucket-tls-version-check.minZones, which has type int: expected an int such as 3 but found '2, 3'",
        ])
    }
}
