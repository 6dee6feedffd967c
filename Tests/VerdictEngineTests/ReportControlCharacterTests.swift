import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import VerdictEngine
import VerdictLanguage
import XCTest

/// Every report format on inventory text that contains control characters: the formats
/// for people show them as escapes, the formats for programs keep them exactly.
final class ReportControlCharacterTests: XCTestCase {
    /// Every C0 control, DEL, two C1 controls, the bidirectional controls and the line
    /// and paragraph separators.
    private static let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        + "\u{7F}\u{85}\u{9B}\u{061C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{2028}\u{2029}"
    private static let spoofedID = "key-\u{202E}yek-dorp"
    private static let name = "name" + controls

    private func render(_ write: (ReportContext, ReportStream) -> Void) throws -> String {
        let lines = [ReportFixture.bucket(Self.spoofedID, grant: "pub\u{1B}lic", fields: ["ResourceName": Self.name, "Region": "cn\u{1B}[2J"])]
        let (stream, text) = ReportStream.collecting()
        write(try ReportFixture.context(lines: lines), stream)
        return text()
    }

    private func escapedScalars(in text: String, except allowed: Set<Unicode.Scalar>) -> [String] {
        text.unicodeScalars.filter { ControlCharacters.isEscaped($0) && !allowed.contains($0) }.map { "U+" + String($0.value, radix: 16) }
    }

    func testHTMLShowsControlsAsEscapes() throws {
        let html = try render(HTMLReport.write)
        XCTAssertEqual(escapedScalars(in: html, except: ["\n"]), [])
        XCTAssertTrue(html.contains("<code><bdi>key-\\u202eyek-dorp</bdi></code>"), html)
        XCTAssertTrue(html.contains("<div class=\"meta\"><bdi>name\\x00\\x01"), html)
        XCTAssertTrue(html.contains("\\x1f\\x7f\\x85\\x9b\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u2028\\u2029</bdi>"), html)
        XCTAssertTrue(html.contains("<td><bdi>1</bdi> · <bdi>cn\\x1b[2J</bdi></td>"), html)
        XCTAssertTrue(html.contains("<bdi>config.Grant</bdi> = <bdi>&quot;pub\\x1blic&quot;</bdi>"), html)
    }

    func testCSVShowsControlsAsEscapes() throws {
        let csv = try render(CSVReport.write)
        XCTAssertEqual(escapedScalars(in: csv, except: ["\t", "\n", "\r"]), [])
        XCTAssertTrue(csv.contains(",key-\\u202eyek-dorp,"), csv)
        XCTAssertTrue(csv.contains(",\"name\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\t\n\\x0b\\x0c\r\\x0e"), csv)
        XCTAssertTrue(csv.contains("\\x7f\\x85\\x9b\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u2028\\u2029\","), csv)
        XCTAssertTrue(csv.contains(",cn\\x1b[2J,"), csv)
    }

    func testCSVEscapesBeforeNeutralisingFormulas() {
        XCTAssertEqual(CSVReport.cell("\u{1B}=1+1"), "\\x1b=1+1")
        XCTAssertEqual(CSVReport.cell("\t=1+1"), "'\t=1+1")
        XCTAssertEqual(CSVReport.cell("=1+1"), "'=1+1")
        XCTAssertEqual(CSVReport.cell("a\r\nb"), "\"a\r\nb\"")
    }

    func testJUnitKeepsLineBreaksInAttributes() throws {
        let xml = try render(JUnitReport.write)
        XCTAssertEqual(escapedScalars(in: xml, except: ["\n"]), [])
        XCTAssertTrue(xml.contains("\\x08&#9;&#10;\\x0b\\x0c&#13;\\x0e"), xml)

        final class Names: NSObject, XMLParserDelegate {
            var testCases: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "testcase", let caseName = attributes["name"] { testCases.append(caseName) }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let names = Names()
        parser.delegate = names
        XCTAssertTrue(parser.parse(), parser.parserError.map { "\($0)" } ?? "")
        let testCase = try XCTUnwrap(names.testCases.first)
        XCTAssertTrue(testCase.hasPrefix("ACS::OSS::Bucket key-\\u202eyek-dorp \"name\\x00"), testCase)
        XCTAssertTrue(testCase.contains("\\x08\t\n\\x0b\\x0c\r\\x0e"), testCase)
        XCTAssertTrue(testCase.hasSuffix("(account 1, cn\\x1b[2J)"), testCase)
    }

    func testJUnitTextKeepsCarriageReturns() throws {
        XCTAssertEqual(JUnitReport.text("a\rb\nc\td\u{1B}e\u{FFFE}"), "a&#13;b\nc\td\\x1be\\ufffe")
        XCTAssertEqual(JUnitReport.attribute("a\rb\nc\td\u{202E}\""), "\"a&#13;b&#10;c&#9;d\\u202e&quot;\"")
        let xml = try render(JUnitReport.write)
        XCTAssertTrue(xml.contains("config.Grant = \"pub\\x1blic\"  ← Configuration.Grant</failure>"), xml)
        XCTAssertFalse(xml.unicodeScalars.contains("\r"))
    }

    func testJSONKeepsTheExactText() throws {
        let json = try render(JSONReport.write)
        XCTAssertEqual(json.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }.count, 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let result = try XCTUnwrap((object?["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(result["resourceId"] as? String, Self.spoofedID)
        XCTAssertEqual(result["resourceName"] as? String, Self.name)
        XCTAssertEqual(result["region"] as? String, "cn\u{1B}[2J")
    }

    func testSARIFKeepsTheExactText() throws {
        let sarif = try render(SARIFReport.write)
        XCTAssertEqual(sarif.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }.count, 0)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let run = try XCTUnwrap((log?["runs"] as? [[String: Any]])?.first)
        let result = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        let properties = try XCTUnwrap(result["properties"] as? [String: Any])
        XCTAssertEqual(properties["resourceId"] as? String, Self.spoofedID)
        XCTAssertEqual(properties["region"] as? String, "cn\u{1B}[2J")
        let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first)
        let logical = try XCTUnwrap((location["logicalLocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(logical["name"] as? String, Self.name)
    }
}
