import Foundation
import VerdictEngine
import VerdictLanguage
import XCTest

final class InventoryReaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-inventory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every item read, as `document ID @line:column` or `problem @line:column: message`.
    private func read(_ paths: [String]) throws -> [String] {
        let reader = try InventoryReader(paths: paths)
        var items: [String] = []
        while let item = reader.next() {
            switch item {
            case .document(let document):
                items.append("document \(document.id) @\(document.location.line):\(document.location.column)")
            case .problem(let problem):
                items.append("problem @\(problem.location.line):\(problem.location.column): \(problem.message)")
            }
        }
        return items
    }

    private func document(_ id: String, configuration: String = "{\"A\": 1}") -> String {
        "{\"AccountId\": \"1\", \"ResourceType\": \"ACS::OSS::Bucket\", \"ResourceId\": \"\(id)\", \"Configuration\": \(configuration)}"
    }

    func testReadsNewlineDelimitedJSON() throws {
        let path = try write("a.ndjson", [document("a"), "", document("b")].joined(separator: "\n") + "\n")
        XCTAssertEqual(try read([path]), ["document a @1:1", "document b @3:1"])
    }

    func testReadsAJSONArray() throws {
        let path = try write("a.json", "[\n  \(document("a")),\n  \(document("b"))\n]\n")
        XCTAssertEqual(try read([path]), ["document a @2:3", "document b @3:3"])
    }

    func testEmptyArrayIsAnEmptyInventory() throws {
        for text in ["[]", "[]\n", "[ ]\n\n", "\n[\n]\n"] {
            let path = try write("empty.json", text)
            XCTAssertEqual(try read([path]), [], "for \(text.debugDescription)")
        }
    }

    func testTrailingCommaInArrayIsReported() throws {
        let path = try write("trailing.json", "[\(document("a")),\n]")
        XCTAssertEqual(try read([path]), ["document a @1:2", "problem @2:1: expected an array element after ',' but found ']'; remove the trailing comma"])
    }

    func testUnwrapsSavedGetDiscoveredResourceResponses() throws {
        let response = "{\"RequestId\": \"R1\", \"DiscoveredResourceDetail\": {\"AccountId\": 1234567890120000, \"ResourceType\": \"ACS::OSS::Bucket\", \"ResourceId\": \"wrapped\", \"ResourceDeleted\": 1, \"Configuration\": \"{\\\"Name\\\": \\\"wrapped\\\"}\"}}"
        let path = try write("response.json", response + "\n")
        let reader = try InventoryReader(paths: [path])
        guard case .document(let document)? = reader.next() else { return XCTFail("expected a document") }
        XCTAssertEqual(document.id, "wrapped")
        XCTAssertEqual(document.accountID, "1234567890120000")
        XCTAssertEqual(document.configuration.map(ValueFormatter.literal), #"{"Name": "wrapped"}"#)
    }

    func testListResponsesAreRejectedWithAHint() throws {
        let path = try write("list.json", "{\"RequestId\": \"R1\", \"DiscoveredResourceProfiles\": {\"DiscoveredResourceProfileList\": []}}\n")
        let items = try read([path])
        XCTAssertEqual(items.count, 1)
        XCTAssertTrue(items[0].contains("ListDiscoveredResources response"), items[0])
    }

    func testReadsASingleDocumentAndDocumentsOneAfterAnother() throws {
        let pretty = "{\n  \"AccountId\": \"1\",\n  \"ResourceType\": \"T::A::B\",\n  \"ResourceId\": \"p\",\n  \"Configuration\": {}\n}\n"
        let single = try write("single.json", pretty)
        XCTAssertEqual(try read([single]), ["document p @1:1"])
        let several = try write("several.json", pretty + pretty.replacingOccurrences(of: "\"p\"", with: "\"q\""))
        XCTAssertEqual(try read([several]), ["document p @1:1", "document q @7:1"])
    }

    func testOneBadLineDoesNotStopTheRest() throws {
        let path = try write("a.ndjson", [document("a"), "{\"AccountId\": \"1\", oops}", document("c"), "[1, 2]"].joined(separator: "\n"))
        XCTAssertEqual(try read([path]), [
            "document a @1:1",
            "problem @2:20: invalid JSON: expected a member name in double quotes but found 'o'",
            "document c @3:1",
            "problem @4:1: expected a resource document (a JSON object) but found an array",
        ])
    }

    func testReportsMissingRecordFields() throws {
        let path = try write("a.ndjson", "{\"AccountId\": \"1\", \"ResourceId\": \"x\", \"Configuration\": {}}\n{\"AccountId\": 1, \"ResourceType\": \"T::A::B\", \"ResourceId\": 7, \"Configuration\": {}}\n")
        XCTAssertEqual(try read([path]), [
            "problem @1:1: the document has no 'ResourceType'; every resource document needs AccountId, ResourceType and ResourceId",
            "document 7 @2:1",
        ])
    }

    func testParsesConfigurationHeldAsAString() throws {
        let path = try write("a.ndjson", document("a", configuration: "\"{\\\"Grant\\\": \\\"private\\\"}\"") + "\n" + document("b", configuration: "\"{broken\""))
        let reader = try InventoryReader(paths: [path])
        guard case .document(let first)? = reader.next(), case .document(let second)? = reader.next() else {
            return XCTFail("expected two documents")
        }
        XCTAssertEqual(first.configuration.map(ValueFormatter.literal), "{\"Grant\": \"private\"}")
        guard case .map(let map) = first.value, let configuration = map.value(forKey: "Configuration") else { return XCTFail() }
        XCTAssertEqual(ValueFormatter.literal(configuration), "{\"Grant\": \"private\"}")
        XCTAssertNil(second.configuration)
        XCTAssertEqual(second.configurationProblem, "Configuration is a string but not valid JSON: expected a member name in double quotes but found 'b' (line 1, column 2 of the string)")
    }

    func testTruncatedArrayAndUnclosedDocument() throws {
        let truncated = try write("t.json", "[\n\(document("a")),\n{\"AccountId\": \"1\"")
        XCTAssertEqual(try read([truncated]), ["document a @2:1", "problem @3:1: the file ends inside an object that starts here"])
        let garbage = try write("g.json", "[\(document("a"))] trailing")
        XCTAssertEqual(try read([garbage]).last, "problem @1:\(document("a").count + 4): unexpected 't' after the end of the array")
    }

    func testReadsDirectoriesInNameOrderAndNumbersDocuments() throws {
        _ = try write("dir/b.ndjson", document("b") + "\n")
        _ = try write("dir/a.json", "[\(document("a"))]")
        _ = try write("dir/ignored.txt", "not an inventory")
        _ = try write("dir/nested/c.jsonl", document("c") + "\n")
        let reader = try InventoryReader(paths: [directory.appendingPathComponent("dir").path])
        var ids: [String] = []
        var sequences: [Int] = []
        while case .document(let document)? = reader.next() {
            ids.append(document.id)
            sequences.append(document.sequence)
        }
        XCTAssertEqual(ids, ["a", "b", "c"])
        XCTAssertEqual(sequences, [0, 1, 2])
    }

    func testDirectoryExtensionsAndEmptyDirectory() throws {
        _ = try write("upper/A.JSON", "[\(document("a"))]")
        _ = try write("upper/b.NDJSON", document("b") + "\n")
        _ = try write("upper/sub/c.JsonL", document("c") + "\n")
        _ = try write("upper/d.json.txt", document("d") + "\n")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("upper/folder.json"), withIntermediateDirectories: true)
        XCTAssertEqual(try read([directory.appendingPathComponent("upper").path]).map { $0.components(separatedBy: " @").first! },
                       ["document a", "document b", "document c"])

        _ = try write("none/notes.txt", "not an inventory")
        XCTAssertThrowsError(try InventoryReader(paths: [directory.appendingPathComponent("none").path])) { error in
            XCTAssertEqual((error as? InventoryOpenError)?.message, "no inventory file (.json, .ndjson, .jsonl) found in the directory")
        }
    }

    func testByteOrderMarkCarriageReturnEmptyFile() throws {
        let path = try write("bom.ndjson", "\u{FEFF}" + document("a") + "\r\n" + document("b") + "\r\n")
        XCTAssertEqual(try read([path]), ["document a @1:1", "document b @2:1"])
        let empty = try write("empty.json", "  \n")
        XCTAssertEqual(try read([empty]), [])
        let text = try write("text.json", "hello")
        XCTAssertEqual(try read([text]), ["problem @1:1: expected an inventory: a JSON array of resource documents, one document per line, or a JSON object, but found 'h'"])
    }

    func testDocumentsLargerThanTheReadChunk() throws {
        let big = String(repeating: "x", count: 6 << 20)
        let path = try write("big.ndjson", document("a", configuration: "{\"Blob\": \"\(big)\"}") + "\n" + document("b") + "\n")
        XCTAssertEqual(try read([path]), ["document a @1:1", "document b @2:1"])
    }

    func testMissingPathIsAnOpenError() {
        XCTAssertThrowsError(try InventoryReader(paths: [directory.appendingPathComponent("missing.json").path]))
    }

    func testListsTheFilesItReads() throws {
        let single = try write("single.json", document("s") + "\n")
        _ = try write("dir/b.ndjson", document("b") + "\n")
        _ = try write("dir/sub/a.JSON", document("a") + "\n")
        _ = try write("dir/notes.txt", "skipped")
        let dir = directory.appendingPathComponent("dir").path
        let reader = try InventoryReader(paths: [single, dir, "-"])
        XCTAssertEqual(reader.files, [single, dir + "/b.ndjson", dir + "/sub/a.JSON", "-"])
    }

    /// The first document's identity, or the problem.
    private func identity(_ fields: String) throws -> String {
        let path = try write("fields.ndjson", "{\(fields), \"Configuration\": {}}\n")
        let reader = try InventoryReader(paths: [path])
        switch reader.next() {
        case .document(let document)?:
            let shown = ["AccountId", "ResourceId"].map { key in
                guard case .map(let map) = document.value, let value = map.value(forKey: key) else { return "missing" }
                return ValueFormatter.literal(value)
            }
            return "\(document.accountID)/\(document.id) as \(shown.joined(separator: "/"))"
        case .problem(let problem)?:
            return problem.message
        case nil:
            return "nothing"
        }
    }

    func testNumericIdsReadAsDigits() throws {
        let type = "\"ResourceType\": \"ACS::OSS::Bucket\""
        XCTAssertEqual(try identity("\"AccountId\": 1234567890120000, \(type), \"ResourceId\": \"b\""), "1234567890120000/b as \"1234567890120000\"/\"b\"")
        XCTAssertEqual(try identity("\"AccountId\": 1.23456789012e15, \(type), \"ResourceId\": 42"), "1234567890120000/42 as \"1234567890120000\"/\"42\"")
        XCTAssertEqual(try identity("\"AccountId\": 18446744073709551615, \(type), \"ResourceId\": 9007199254740991.0"),
                       "18446744073709551615/9007199254740991 as \"18446744073709551615\"/\"9007199254740991\"")
        XCTAssertEqual(try identity("\"AccountId\": -0.0, \(type), \"ResourceId\": 1e3"), "0/1000 as \"0\"/\"1000\"")

        XCTAssertEqual(try identity("\"AccountId\": 1.5, \(type), \"ResourceId\": \"b\""),
                       "'AccountId' is the number 1.5, which is not a whole number; write the AccountId as a string of digits")
        XCTAssertEqual(try identity("\"AccountId\": \"1\", \(type), \"ResourceId\": 9007199254740992.0"),
                       "'ResourceId' is the number 9007199254740992.0, too large to be read exactly (2^53 or more); write the ResourceId as a string of digits")
        XCTAssertEqual(try identity("\"AccountId\": 123456789012345678901234, \(type), \"ResourceId\": \"b\""),
                       "'AccountId' is the number 1.2345678901234569e+23, too large to be read exactly (2^53 or more); write the AccountId as a string of digits")
        XCTAssertEqual(try identity("\"AccountId\": \"1\", \"ResourceType\": 5, \"ResourceId\": \"b\""), "'ResourceType' must be a string but is a number")
        XCTAssertEqual(try identity("\"AccountId\": true, \(type), \"ResourceId\": \"b\""), "'AccountId' must be a string but is a boolean")
    }
}
