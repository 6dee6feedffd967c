import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy
import XCTest

final class EvaluationSessionTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func policy(_ id: String, scope: String = "resourceTypes: [ACS::T::R]", applies: String? = nil, compliant: String,
                        parameters: String = "") -> String {
        """
        kind: Policy
        id: \(id)
        title: \(id)
        description: test rule
        severity: high
        \(scope)
        \(parameters)
        \(applies.map { "appliesWhen: '\($0)'" } ?? "")
        compliantWhen: '\(compliant)'
        message: \(id) is violated
        """
    }

    private func compile(_ texts: [String], overrides: [String: [String: Value]] = [:]) throws -> [CompiledPolicy] {
        var catalog = PolicyCatalog()
        for (index, text) in texts.enumerated() { catalog.loadText(text, name: "policy\(index).yaml") }
        XCTAssertTrue(catalog.diagnostics.isEmpty, catalog.diagnostics.map(\.description).joined(separator: "\n"))
        return try catalog.policies.map { try PolicyCompiler.compile($0, overrides: overrides[$0.id] ?? [:]).get() }
    }

    private func run(_ policies: [CompiledPolicy], _ lines: [String]) throws -> EvaluationOutcome {
        let path = directory.appendingPathComponent("inventory.ndjson").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let now = Timestamp(rfc3339: "2025-03-10T00:00:00Z")!
        return EvaluationSession(policies: policies, options: EvaluationOptions(now: now)).run(try InventoryReader(paths: [path]))
    }

    private func document(_ id: String, type: String = "ACS::T::R", account: String = "1", _ configuration: String) -> String {
        "{\"AccountId\": \"\(account)\", \"ResourceType\": \"\(type)\", \"ResourceId\": \"\(id)\", \"Configuration\": \(configuration)}"
    }

    private func verdicts(_ outcome: EvaluationOutcome) -> [String] {
        outcome.findings.map { "\($0.ruleID) \($0.resource.id) \($0.verdict.rawValue)" }
    }

    func testVerdictsAndMessages() throws {
        let policies = try compile([policy("rule-a", applies: "config.Kind == \"data\"", compliant: "config.Encrypted == true")])
        let outcome = try run(policies, [
            document("ok", "{\"Kind\": \"data\", \"Encrypted\": true}"),
            document("bad", "{\"Kind\": \"data\", \"Encrypted\": false}"),
            document("skip", "{\"Kind\": \"system\"}"),
            document("typo", "{\"Kind\": \"data\", \"Encrypted_\": true}"),
            document("other", type: "ACS::Other::Type", "{}"),
            document("string", "\"{\\\"Kind\\\": \\\"data\\\", \\\"Encrypted\\\": true}\""),
            document("broken", "\"{not json\""),
        ])
        XCTAssertEqual(verdicts(outcome), [
            "rule-a ok COMPLIANT", "rule-a bad NON_COMPLIANT", "rule-a skip NOT_APPLICABLE", "rule-a typo ERROR",
            "rule-a string COMPLIANT", "rule-a broken ERROR",
        ])
        XCTAssertEqual(outcome.findings[1].message, "rule-a is violated")
        XCTAssertEqual(outcome.findings[3].message, "no such key: 'Encrypted' at `config.Encrypted` (policy0.yaml:9:17)")
        XCTAssertTrue(outcome.findings[5].message.hasPrefix("Configuration is a string but not valid JSON"))
    }

    func testRepeatedResourcesAreReportedAndStillEvaluated() throws {
        let policies = try compile([policy("rule-a", compliant: "config.Encrypted == true")])
        let outcome = try run(policies, [
            document("a", "{\"Encrypted\": true}"),
            document("b", "{\"Encrypted\": true}"),
            document("a", "{\"Encrypted\": false}"),
            document("a", account: "2", "{\"Encrypted\": true}"),
            document("a", type: "ACS::T::Other", "{}"),
        ])
        XCTAssertEqual(verdicts(outcome), ["rule-a a COMPLIANT", "rule-a b COMPLIANT", "rule-a a NON_COMPLIANT", "rule-a a COMPLIANT"])
        XCTAssertEqual(outcome.duplicates.count, 1)
        XCTAssertEqual(outcome.duplicates.first?.id, "a")
        XCTAssertEqual(outcome.duplicates.first?.first.line, 1)
        XCTAssertEqual(outcome.duplicates.first?.repeated.line, 3)
    }

    func testNonBooleanConditionIsAnError() throws {
        let outcome = try run(try compile([policy("rule-a", compliant: "config.Name")]), [document("x", "{\"Name\": \"n\"}")])
        XCTAssertEqual(outcome.findings.first?.verdict, .error)
        XCTAssertEqual(outcome.findings.first?.message, "compliantWhen gave \"n\", a string, not a bool (policy0.yaml:9:17)")
    }

    func testRelatedResourcesReadLaterInTheInventoryAreFound() throws {
        let policies = try compile([policy("rule-a", compliant: "config.Refs.all(r, lookup(\"ACS::T::Target\", r).Configuration.Good)")])
        let outcome = try run(policies, [
            document("before", "{\"Refs\": [\"t1\", \"t2\"]}"),
            document("missing", "{\"Refs\": [\"t1\", \"t9\"]}"),
            document("t1", type: "ACS::T::Target", "{\"Good\": true}"),
            document("t2", type: "ACS::T::Target", "{\"Good\": true}"),
            document("elsewhere", account: "2", "{\"Refs\": [\"t1\"]}"),
        ])
        XCTAssertEqual(verdicts(outcome), ["rule-a before COMPLIANT", "rule-a missing ERROR", "rule-a elsewhere ERROR"])
        XCTAssertTrue(outcome.findings[1].message.hasPrefix("related resource not found: no ACS::T::Target with id 't9' in account 1"))
    }

    func testSearchesByFieldAndFindingNoneIsAnAnswer() throws {
        let policies = try compile([policy("rule-a", compliant: "resources(\"ACS::T::Plan\", \"Source.Id\", resource.ResourceId).exists(p, !p.Configuration.Disabled)")])
        let outcome = try run(policies, [
            document("covered", "{}"),
            document("uncovered", "{}"),
            document("p1", type: "ACS::T::Plan", "{\"Source\": {\"Id\": \"covered\"}, \"Disabled\": false}"),
            document("p2", type: "ACS::T::Plan", "{\"Source\": {\"Id\": \"uncovered\"}, \"Disabled\": true}"),
        ])
        XCTAssertEqual(verdicts(outcome), ["rule-a covered COMPLIANT", "rule-a uncovered NON_COMPLIANT"])
    }

    func testAccountRulesRunOncePerAccount() throws {
        let policies = try compile([policy("account-rule", scope: "scope: account", applies: "has(config.Studio)", compliant: "config.Studio.On")])
        let outcome = try run(policies, [
            document("x", account: "b", "{}"),
            document("a", type: "ACS::::Account", account: "a", "{\"Studio\": {\"On\": true}}"),
            document("c", type: "ACS::::Account", account: "c", "{\"Studio\": {\"On\": false}}"),
        ])
        XCTAssertEqual(verdicts(outcome), ["account-rule a COMPLIANT", "account-rule b NOT_APPLICABLE", "account-rule c NON_COMPLIANT"])
    }

    func testParametersAndOverrides() throws {
        let text = policy("rule-a", compliant: "config.Zones.size() >= params.minZones",
                          parameters: "parameters:\n  minZones: {type: int, default: 2, description: zones}")
        let lines = [document("two", "{\"Zones\": [\"a\", \"b\"]}")]
        XCTAssertEqual(verdicts(try run(try compile([text]), lines)), ["rule-a two COMPLIANT"])
        XCTAssertEqual(verdicts(try run(try compile([text], overrides: ["rule-a": ["minZones": .int(3)]]), lines)), ["rule-a two NON_COMPLIANT"])
    }

    func testResultsAreOrderedByRuleThenInventoryPosition() throws {
        let policies = try compile([policy("second", compliant: "true"), policy("first", compliant: "lookup(\"ACS::T::R\", \"z\") != null")])
        let outcome = try run(policies, [document("z", "{}"), document("y", "{}")])
        XCTAssertEqual(verdicts(outcome), ["second z COMPLIANT", "second y COMPLIANT", "first z COMPLIANT", "first y COMPLIANT"])
    }

    func testSummaryCountsResourcesAsCloudConfigDoes() throws {
        let policies = try compile([policy("rule-a", compliant: "config.A"), policy("rule-b", compliant: "config.B")])
        let outcome = try run(policies, [
            document("both", "{\"A\": true, \"B\": true}"),
            document("one", "{\"A\": true, \"B\": false}"),
            document("error", "{\"A\": true}"),
        ])
        let summary = Summary(outcome: outcome)
        XCTAssertEqual(summary.compliantResources, 1)
        XCTAssertEqual(summary.nonCompliantResources, 1)
        XCTAssertEqual(summary.erroredResources, 1)
        XCTAssertEqual(summary.complianceRate!, 1.0 / 3.0, accuracy: 1e-9)
    }
}

final class ExplanationTests: XCTestCase {
    private func explain(_ compliant: String, _ configuration: String, explain: Bool = true) throws -> Finding {
        try ExplanationFixture.finding(compliant, configuration, explain: explain)
    }

    private func lines(_ finding: Finding) -> [String] {
        (finding.explanation?.steps ?? []).map { step in "\(step.expression) = \(step.value)" + (step.fieldPath.map { " @ \($0)" } ?? "") }
    }

    func testNamesTheElementAndFieldThatDecided() throws {
        let finding = try explain("config.TLS.Enable && config.TLS.Versions.all(v, v in params.allowed)",
                                  "{\"TLS\": {\"Enable\": true, \"Versions\": [\"TLSv1.2\", \"TLSv1.1\"]}}")
        XCTAssertEqual(finding.verdict, .nonCompliant)
        XCTAssertEqual(lines(finding), [
            "config.TLS.Versions.all(v, v in params.allowed) = false",
            "v (element 1) = \"TLSv1.1\" @ Configuration.TLS.Versions[1]",
            "v in params.allowed = false",
            "v = \"TLSv1.1\" @ Configuration.TLS.Versions[1]",
            "params.allowed = [\"TLSv1.2\", \"TLSv1.3\"]",
        ])
        XCTAssertEqual(finding.explanation?.line, 9)
        XCTAssertEqual(finding.explanation?.conditionKey, "compliantWhen")
    }

    func testExplainsErrorsWithTheMissingPath() throws {
        let finding = try explain("config.TLS.Enable == true", "{\"Other\": 1}")
        XCTAssertEqual(finding.verdict, .error)
        XCTAssertEqual(lines(finding), [
            "config.TLS.Enable == true = error: no such key: 'TLS'",
            "config.TLS.Enable = error (see above) @ Configuration.TLS.Enable",
        ])
    }

    func testLookupErrorIsShownOnce() throws {
        let finding = try explain("lookup(\"ACS::T::Target\", config.Ref).Configuration.Good == true", "{\"Ref\": \"t9\"}")
        XCTAssertEqual(finding.verdict, .error)
        let steps = lines(finding)
        XCTAssertEqual(steps.filter { $0.contains("related resource not found") }.count, 1, steps.joined(separator: "\n"))
        XCTAssertEqual(steps.filter { $0.contains("= error (see above)") }.count, 1, steps.joined(separator: "\n"))
    }

    func testDifferentErrorsAreEachShown() throws {
        let finding = try explain("config.A == 1 || config.B == 2", "{}")
        XCTAssertEqual(lines(finding), [
            "config.A == 1 = error: no such key: 'A'",
            "config.A = error (see above) @ Configuration.A",
            "config.B == 2 = error: no such key: 'B'",
            "config.B = error (see above) @ Configuration.B",
        ])
    }

    func testFailedBindShowsTheBoundValue() throws {
        let finding = try explain("cel.bind(tls, config.TLS, tls.Enable)", "{}")
        XCTAssertEqual(lines(finding), ["config.TLS = error: no such key: 'TLS' @ Configuration.TLS"])
    }

    func testEmptyRangeShowsTheList() throws {
        let finding = try explain("config.Items.exists(item, item.On)", "{\"Items\": []}")
        XCTAssertEqual(finding.verdict, .nonCompliant)
        XCTAssertEqual(lines(finding), [
            "config.Items.exists(item, item.On) = false",
            "config.Items = [] @ Configuration.Items",
        ])
    }

    func testEmptySearchShowsTheSearch() throws {
        let finding = try explain("resources(\"ACS::T::Plan\", \"Source.Id\", config.Id).all(p, p.Configuration.On) == false", "{\"Id\": \"x\"}")
        XCTAssertEqual(finding.verdict, .nonCompliant)
        XCTAssertEqual(lines(finding), [
            "resources(\"ACS::T::Plan\", \"Source.Id\", config.Id).all(p, p.Configuration.On) == false = false",
            "resources(\"ACS::T::Plan\", \"Source.Id\", config.Id).all(p, p.Configuration.On) = true",
            "resources(\"ACS::T::Plan\", \"Source.Id\", config.Id) = []",
            "config.Id = \"x\" @ Configuration.Id",
        ])
    }

    func testLongStepsKeepTheirStartAndEnd() throws {
        let condition = "config.Zones.map(zone, zone.trim()).filter(zone, zone != \"\" && zone != \"none\" && zone != \"unknown\").distinct().size() >= 3"
        let finding = try explain(condition, "{\"Zones\": [\"a\"]}")
        let steps = try XCTUnwrap(finding.explanation?.steps)
        XCTAssertEqual(steps.count, 3, lines(finding).joined(separator: "\n"))
        let outer = steps[0].expression
        let size = steps[1].expression
        XCTAssertTrue(outer.hasPrefix("config.Zones.map(zone, zone.trim())"), outer)
        XCTAssertTrue(outer.hasSuffix(".distinct().size() >= 3"), outer)
        XCTAssertTrue(size.hasSuffix("\"unknown\").distinct().size()"), size)
        XCTAssertTrue(outer.contains(" … "), outer)
        XCTAssertNotEqual(outer, size)
        XCTAssertEqual(steps[0].value, "false")
        XCTAssertEqual(steps[1].value, "1")
        XCTAssertEqual(steps[2].value, "[\"a\"]")
    }

    func testStepTextCollapsesWhiteSpace() throws {
        let finding = try explain("config.Name   ==\n    \"a  b\"", "{\"Name\": \"c\"}")
        XCTAssertEqual(lines(finding).first, "config.Name == \"a  b\" = false")
    }

    func testCompliantResultsAndDisabledExplanationsHaveNone() throws {
        XCTAssertNil(try explain("config.A == 1", "{\"A\": 1}").explanation)
        XCTAssertNil(try explain("config.A == 1", "{\"A\": 2}", explain: false).explanation)
    }

    func testBindShowsTheBoundValue() throws {
        let finding = try explain("cel.bind(v, config.Zones, size(v) == 3)", "{\"Zones\": [\"a\", \"b\"]}")
        XCTAssertEqual(lines(finding), [
            "size(v) == 3 = false",
            "size(v) = 2",
            "v = [\"a\", \"b\"] @ Configuration.Zones",
        ])
        let bound = try XCTUnwrap(finding.explanation?.steps.last)
        XCTAssertEqual(bound.line, 9)
        XCTAssertEqual(bound.column, 26)
    }

    func testBindValueIsLeftOutWhenNotRead() throws {
        let finding = try explain("cel.bind(v, config.Zones, config.On && size(v) == 2)", "{\"On\": false, \"Zones\": []}")
        XCTAssertEqual(lines(finding), ["config.On = false @ Configuration.On"])
    }

    func testBindValueShownOnce() throws {
        let finding = try explain("cel.bind(v, config.Zones, v == [\"a\"])", "{\"Zones\": [\"a\", \"b\"]}")
        XCTAssertEqual(lines(finding), [
            "v == [\"a\"] = false",
            "v = [\"a\", \"b\"] @ Configuration.Zones",
        ])
    }

    func testExistsOneShowsTwoMatches() throws {
        let zones = "{\"Zones\": [{\"Primary\": true}, {\"Primary\": false}, {\"Primary\": true}, {\"Primary\": true}]}"
        let finding = try explain("config.Zones.exists_one(z, z.Primary)", zones)
        XCTAssertEqual(lines(finding), [
            "config.Zones.exists_one(z, z.Primary) = false",
            "z (element 0) = {\"Primary\": true} @ Configuration.Zones[0]",
            "z.Primary = true @ Configuration.Zones[0].Primary",
            "z (element 2) = {\"Primary\": true} @ Configuration.Zones[2]",
            "z.Primary = true @ Configuration.Zones[2].Primary",
        ])
    }

    func testExistsOneSaysNoneMatched() throws {
        let finding = try explain("config.Zones.exists_one(z, z.Primary)", "{\"Zones\": [{\"Primary\": false}, {\"Primary\": false}]}")
        XCTAssertEqual(lines(finding), [
            "config.Zones.exists_one(z, z.Primary) = false",
            "z.Primary = false for every element",
            "config.Zones = [{\"Primary\": false}, {\"Primary\": false}] @ Configuration.Zones",
        ])
    }

    func testExistsOneOnEmptyListShowsTheList() throws {
        let finding = try explain("config.Zones.exists_one(z, z.Primary)", "{\"Zones\": []}")
        XCTAssertEqual(lines(finding), [
            "config.Zones.exists_one(z, z.Primary) = false",
            "config.Zones = [] @ Configuration.Zones",
        ])
    }

    func testExistsOneErrorShowsTheFailingElement() throws {
        let finding = try explain("config.Zones.exists_one(z, z.Primary)", "{\"Zones\": [{\"Primary\": true}, {}]}")
        XCTAssertEqual(finding.verdict, .error)
        XCTAssertEqual(lines(finding), [
            "config.Zones.exists_one(z, z.Primary) = error: no such key: 'Primary'",
            "z (element 1) = {} @ Configuration.Zones[1]",
            "z.Primary = error (see above) @ Configuration.Zones[1].Primary",
        ])
    }

    func testMapResultHasAWildcardPath() throws {
        let rules = "{\"Rules\": [{\"Zone\": \"a\"}, {\"Zone\": \"b\"}, {\"Zone\": \"a\"}]}"
        let finding = try explain("config.Rules.map(r, r.Zone).distinct() == [\"a\"]", rules)
        XCTAssertEqual(lines(finding), [
            "config.Rules.map(r, r.Zone).distinct() == [\"a\"] = false",
            "config.Rules.map(r, r.Zone).distinct() = [\"a\", \"b\"] @ Configuration.Rules[*].Zone",
        ])
    }

    func testMapElementKeepsItsIndex() throws {
        let rules = "{\"Rules\": [{\"Zone\": \"a\", \"On\": false}, {\"Zone\": \"b\", \"On\": true}]}"
        let mapped = try explain("config.Rules.map(r, r.Zone).all(z, z != \"b\")", rules)
        XCTAssertEqual(lines(mapped)[1], "z (element 1) = \"b\" @ Configuration.Rules[1].Zone")
        let filtered = try explain("config.Rules.filter(r, r.On).map(r, r.Zone).all(z, z != \"b\")", rules)
        XCTAssertEqual(lines(filtered)[1], "z (element 0) = \"b\" @ Configuration.Rules[*].Zone")
        let filteredInMap = try explain("config.Rules.map(r, r.On, r.Zone).all(z, z != \"b\")", rules)
        XCTAssertEqual(lines(filteredInMap)[1], "z (element 0) = \"b\" @ Configuration.Rules[*].Zone")
    }

    func testMapWithOtherBodyHasNoPath() throws {
        let rules = "{\"Rules\": [{\"Zone\": \"a\"}], \"Other\": \"x\"}"
        for body in ["r.Zone + \"-1\"", "config.Other", "has(r.Zone)"] {
            let finding = try explain("config.Rules.map(r, \(body)).distinct() == []", rules)
            XCTAssertEqual(lines(finding)[1].components(separatedBy: " @ ").count, 1, "\(body): \(lines(finding))")
        }
    }

    func testSizeShowsTheCountedList() throws {
        let finding = try explain("size(config.Zones) > 2", "{\"Zones\": [\"a\"]}")
        XCTAssertEqual(lines(finding), [
            "size(config.Zones) > 2 = false",
            "size(config.Zones) = 1",
            "config.Zones = [\"a\"] @ Configuration.Zones",
        ])
    }
}
