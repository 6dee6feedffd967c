import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VerdictEngine
import VerdictLanguage
import VerdictPolicy
import XCTest

/// Every report format, on a small outcome with each verdict, checked against the
/// structure its consumers read.
final class ReportFormatTests: XCTestCase {
    nonisolated(unsafe) private static var cached: ReportContext?

    /// Builds one rule with a compliant, a non-compliant (with explanation), a not-applicable and
    /// an errored resource, and two unreadable documents.
    private func context() throws -> ReportContext {
        if let cached = ReportFormatTests.cached { return cached }
        let policy = ReportFixture.bucketRule(appliesWhen: "config.Kind != \"skip\"", message: "The bucket, \"shared\", is public.", extra: """
            remediation: Set the ACL to private.
            references: [https://example.com/acl]
            """)
        let lines = [
            #"{"AccountId": "1", "Region": "cn-hangzhou", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "ok", "Configuration": {"Kind": "a", "Grant": "private"}}"#,
            #"{"AccountId": "1", "Region": "cn-hangzhou", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "=HYPERLINK(\"x\")", "ResourceName": "a, <b> & 'c'", "Configuration": {"Kind": "a", "Grant": "public-read"}}"#,
            #"{"AccountId": "1", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "skipped", "Configuration": {"Kind": "skip"}}"#,
            #"{"AccountId": "2", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "broken", "Configuration": {"Kind": "a"}}"#,
            "{not json",
            "<script>",
        ]
        let context = try ReportFixture.context(policies: [policy], lines: lines, showsAll: true)
        ReportFormatTests.cached = context
        return context
    }

    private func render(_ write: (ReportContext, ReportStream) -> Void) throws -> String {
        let (stream, text) = ReportStream.collecting()
        write(try context(), stream)
        return text()
    }

    func testJSONReportHasEveryResult() throws {
        let value = try JSONReader.parse(try render(JSONReport.write))
        guard case .map(let report) = value, case .list(let results)? = report.value(forKey: "results") else { return XCTFail("no results") }
        XCTAssertEqual(results.count, 4)
        for result in results {
            guard case .map(let object) = result else { return XCTFail() }
            for key in ["rule", "resourceId", "resourceType", "accountId", "verdict", "message"] {
                XCTAssertNotNil(object.value(forKey: key), key)
            }
        }
        guard case .list(let problems)? = report.value(forKey: "inventoryProblems") else { return XCTFail() }
        XCTAssertEqual(problems.count, 2)
    }

    func testSARIFHasTheStructureCodeScanningReads() throws {
        let value = try JSONReader.parse(try render(SARIFReport.write))
        guard case .map(let log) = value else { return XCTFail() }
        XCTAssertEqual(string(log.value(forKey: "version")), "2.1.0")
        guard case .list(let runs)? = log.value(forKey: "runs"), case .map(let run)? = runs.first,
              case .map(let tool)? = run.value(forKey: "tool"), case .map(let driver)? = tool.value(forKey: "driver"),
              case .list(let rules)? = driver.value(forKey: "rules"), case .list(let results)? = run.value(forKey: "results")
        else { return XCTFail("missing runs, tool.driver.rules or results") }
        XCTAssertEqual(string(driver.value(forKey: "name")), "verdict")
        let ruleIDs = rules.compactMap { rule -> String? in
            guard case .map(let descriptor) = rule else { return nil }
            XCTAssertNotNil(descriptor.value(forKey: "shortDescription"))
            XCTAssertNotNil(descriptor.value(forKey: "help"))
            guard case .map(let configuration)? = descriptor.value(forKey: "defaultConfiguration") else { XCTFail("no level"); return nil }
            XCTAssertEqual(string(configuration.value(forKey: "level")), "error")
            return string(descriptor.value(forKey: "id"))
        }
        XCTAssertEqual(ruleIDs, ["bucket-rule"])
        // Only the violation and the error are results.
        XCTAssertEqual(results.count, 2)
        for result in results {
            guard case .map(let object) = result else { return XCTFail() }
            let ruleID = string(object.value(forKey: "ruleId"))
            guard case .int(let index)? = object.value(forKey: "ruleIndex") else { return XCTFail("no ruleIndex") }
            XCTAssertEqual(ruleIDs[Int(index)], ruleID)
            XCTAssertTrue(["none", "note", "warning", "error"].contains(string(object.value(forKey: "level")) ?? ""))
            guard case .map(let message)? = object.value(forKey: "message") else { return XCTFail() }
            XCTAssertFalse((string(message.value(forKey: "text")) ?? "").isEmpty)
            guard case .list(let locations)? = object.value(forKey: "locations"), case .map(let location)? = locations.first,
                  case .map(let physical)? = location.value(forKey: "physicalLocation"),
                  case .map(let artifact)? = physical.value(forKey: "artifactLocation"),
                  case .map(let region)? = physical.value(forKey: "region"),
                  case .int(let line)? = region.value(forKey: "startLine")
            else { return XCTFail("no physical location") }
            XCTAssertFalse((string(artifact.value(forKey: "uri")) ?? "").isEmpty)
            XCTAssertGreaterThanOrEqual(line, 1)
            guard case .map(let fingerprints)? = object.value(forKey: "partialFingerprints") else { return XCTFail() }
            XCTAssertEqual(string(fingerprints.value(forKey: "verdictResource/v1"))?.count, 16)
        }
    }

    func testJUnitIsWellFormedAndCountsMatch() throws {
        let xml = try render(JUnitReport.write)
        final class Counter: NSObject, XMLParserDelegate {
            var elements: [String: Int] = [:]
            var rootAttributes: [String: String] = [:]
            var suiteAttributes: [[String: String]] = []
            var inventoryCases: [[String: String]] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                elements[name, default: 0] += 1
                if name == "testsuites" { rootAttributes = attributes }
                if name == "testsuite" { suiteAttributes.append(attributes) }
                if name == "testcase", attributes["classname"] == "inventory" { inventoryCases.append(attributes) }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = Counter()
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), parser.parserError.map { "\($0)" } ?? "")
        XCTAssertEqual(counter.elements["testsuites"], 1)
        XCTAssertEqual(counter.elements["testsuite"], 2)
        XCTAssertEqual(counter.elements["testcase"], 6)
        XCTAssertEqual(counter.elements["failure"], 1)
        XCTAssertEqual(counter.elements["error"], 3)
        XCTAssertEqual(counter.elements["skipped"], 1)
        XCTAssertEqual(counter.rootAttributes["tests"], "6")
        XCTAssertEqual(counter.rootAttributes["failures"], "1")
        XCTAssertEqual(counter.rootAttributes["errors"], "3")
        XCTAssertTrue(xml.contains("a, &lt;b&gt; &amp; &apos;c&apos;") || xml.contains("a, &lt;b&gt; &amp; 'c'"))
    }

    func testJUnitListsInventoryProblemsAsErrors() throws {
        let xml = try render(JUnitReport.write)
        XCTAssertTrue(xml.contains("<testsuite name=\"inventory\" tests=\"2\" failures=\"0\" errors=\"2\""), xml)
        XCTAssertTrue(xml.contains("/inventory.ndjson:5:2\" time=\"0\" file=\""), xml)
        XCTAssertTrue(xml.contains("/inventory.ndjson\" line=\"5\">\n      <error message=\"invalid JSON: "), xml)
        XCTAssertTrue(xml.contains("<error message=\"invalid JSON: expected a value but found '&lt;'\" type=\"INVENTORY_PROBLEM\">"), xml)
    }

    func testCSVQuotesAndNeutralisesFormulas() throws {
        let rows = parseCSV(try render(CSVReport.write))
        XCTAssertEqual(rows.first?.count, 12)
        XCTAssertEqual(rows.count, 7)
        XCTAssertTrue(rows.allSatisfy { $0.count == 12 })
        let violation = try XCTUnwrap(rows.first { $0[2] == "NON_COMPLIANT" })
        XCTAssertEqual(violation[6], "'=HYPERLINK(\"x\")")
        XCTAssertEqual(violation[7], "a, <b> & 'c'")
        XCTAssertEqual(violation[8], "The bucket, \"shared\", is public.")
        XCTAssertTrue(violation[11].contains("config.Grant"))
    }

    func testCSVListsInventoryProblemsAsErrorRows() throws {
        let rows = parseCSV(try render(CSVReport.write))
        let header = try XCTUnwrap(rows.first)
        XCTAssertEqual(header, ["rule", "severity", "verdict", "accountId", "region", "resourceType", "resourceId", "resourceName",
                                "message", "file", "line", "explanation"])
        let problems = rows.filter { $0[0].isEmpty }
        XCTAssertEqual(problems.count, 2)
        let problem = try XCTUnwrap(problems.first)
        XCTAssertEqual(problem[2], "ERROR")
        XCTAssertTrue(problem[8].hasPrefix("invalid JSON: "), problem[8])
        XCTAssertTrue(problem[9].hasSuffix("/inventory.ndjson"), problem[9])
        XCTAssertEqual(problem[10], "5")
        XCTAssertEqual(problem.filter { !$0.isEmpty }.count, 4)
    }

    func testHTMLListsInventoryProblems() throws {
        let html = try render(HTMLReport.write)
        XCTAssertFalse(html.contains("error output"))
        XCTAssertTrue(html.contains("<h2>Inventory problems</h2>"))
        XCTAssertTrue(html.contains("inventory.ndjson:5:2</bdi></code></td><td><bdi>invalid JSON: "), html)
        XCTAssertTrue(html.contains("inventory.ndjson:6:1</bdi></code></td><td><bdi>invalid JSON: expected a value but found &#39;&lt;&#39;</bdi></td></tr>"), html)
        XCTAssertTrue(html.contains("2 documents of the inventory could not be read"), html)
    }

    func testHTMLIsSelfContained() throws {
        let html = try render(HTMLReport.write)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<svg"))
        for reference in ["src=\"http", "href=\"http", "@import", "url(http"] {
            XCTAssertFalse(html.contains(reference), reference)
        }
        XCTAssertEqual(html.components(separatedBy: "<script>").count, 2, "one script, the table's filters")
    }

    func testHTMLRendersRowsWithoutScripts() throws {
        let html = try render(HTMLReport.write)
        XCTAssertEqual(html.components(separatedBy: "<tr data-verdict=").count - 1, 4)
        XCTAssertTrue(html.contains("<div class=\"meta\"><bdi>a, &lt;b&gt; &amp; &#39;c&#39;</bdi></div>"), html)
        XCTAssertTrue(html.contains("<code><bdi>config.Grant == &quot;private&quot;</bdi> = <bdi>false</bdi></code>"), html)
        XCTAssertTrue(html.contains("<noscript><p class=\"meta\">All 4 findings are listed below."), html)
        XCTAssertTrue(html.contains("<noscript><style>#findings tr[hidden]{display:table-row}"), html)
        XCTAssertFalse(html.contains("<tr data-verdict=\"ERROR\" data-rule=\"0\" data-type=\"ACS::OSS::Bucket\" hidden>"), "only rows after the first page are hidden")
        XCTAssertTrue(html.contains("<button id=\"more\" type=\"button\" hidden>Show more</button>"), "one page needs no Show more")
    }

    func testHTMLHeaderPluralises() throws {
        let html = try render(HTMLReport.write)
        XCTAssertTrue(html.contains("<p class=\"meta\">1 rule · 4 resource documents · 2 accounts · evaluated at"), html)
    }

    func testHTMLTableFitsItsSection() throws {
        let html = try render(HTMLReport.write)
        XCTAssertTrue(html.contains("#findings{table-layout:fixed}"))
        XCTAssertTrue(html.contains("overflow-wrap:anywhere"))
        XCTAssertFalse(html.contains("white-space:nowrap}td"), "code in cells must wrap")
    }

    func testHTMLHidesRowsAfterTheFirstPage() throws {
        let lines = (0...200).map { ReportFixture.bucket("b\($0)", grant: "public") }
        let (stream, text) = ReportStream.collecting()
        HTMLReport.write(try ReportFixture.context(lines: lines), to: stream)
        let html = text()
        let rows = html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr data-verdict=") }
        XCTAssertEqual(rows.count, 201)
        XCTAssertEqual(rows.filter { $0.contains(" hidden>") }.count, 1)
        XCTAssertTrue(rows[200].contains("<code><bdi>b200</bdi></code>"))
        XCTAssertTrue(rows[200].contains(" hidden>"))
        XCTAssertTrue(html.contains("<button id=\"more\" type=\"button\">Show more</button>"))
    }

    func testTextReportShowsExplanationAndSummary() throws {
        let text = try render(TextReport.write)
        XCTAssertTrue(text.contains("why (compliantWhen, rule0.yaml:8):"), text)
        XCTAssertTrue(text.contains("config.Grant = \"public-read\"  ← Configuration.Grant"))
        XCTAssertTrue(text.contains("Compliance rate: 33.3% of resources (1 of 3 compliant; 1 resource with errors counts as not compliant)"))
        XCTAssertTrue(text.contains("Inventory problems"))
    }

    func testEveryTextFormatWritesStepsAlike() throws {
        let heading = "why (compliantWhen, rule0.yaml:8):"
        let step = "config.Grant = \"public-read\"  ← Configuration.Grant"
        let text = try render(TextReport.write)
        XCTAssertTrue(text.contains("      \(heading)\n"), text)
        XCTAssertTrue(text.contains("        \(step)\n"), text)
        let junit = try render(JUnitReport.write)
        XCTAssertTrue(junit.contains(">The bucket, \"shared\", is public.\n\(heading)\n  config.Grant == \"private\" = false\n  \(step)</failure>"), junit)
        let csv = parseCSV(try render(CSVReport.write))
        let violation = try XCTUnwrap(csv.first { $0[2] == "NON_COMPLIANT" })
        XCTAssertEqual(violation[11], "\(heading) config.Grant == \"private\" = false; \(step)")
        let sarif = try render(SARIFReport.write)
        XCTAssertTrue(sarif.contains(#"is public.\n\#(heading)\n  config.Grant == \"private\" = false\n  config.Grant = \"public-read\"  ← Configuration.Grant"#), sarif)
    }

    func testAtomicWriterLeavesTheTargetUntilCommitted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        do {
            let writer = try AtomicFileWriter(path: target)
            try writer.write(Array("half".utf8))
        }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["report.json"])
        let writer = try AtomicFileWriter(path: target)
        try writer.write(Array("new".utf8))
        try writer.commit()
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["report.json"])
    }

    private func string(_ value: Value?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// An RFC 4180 reader, enough for the report's rows.
    private func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        cell.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(cell)
                cell = ""
            case "\r\n", "\n":
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            default: cell.append(character)
            }
        }
        return rows
    }
}
