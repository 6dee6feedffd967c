import Foundation
import VerdictLanguage
@testable import VerdictPolicy
import XCTest

/// grammar/policy.schema.json, which editors use, lists the keys the loader accepts.
final class PolicySchemaTests: XCTestCase {
    private func properties(_ definition: String) throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("grammar/policy.schema.json")
        let schema = try JSONReader.parse(try String(contentsOf: url, encoding: .utf8))
        guard case .map(let root) = schema, case .map(let definitions)? = root.value(forKey: "definitions"),
              case .map(let object)? = definitions.value(forKey: definition), case .map(let properties)? = object.value(forKey: "properties")
        else { throw XCTSkip("no definition \(definition)") }
        return Set(properties.keys.compactMap { if case .string(let key) = $0 { return key } else { return nil } })
    }

    func testSchemaKeysMatchTheLoader() throws {
        XCTAssertEqual(try properties("policy"), Set(PolicyParser.keys))
        XCTAssertEqual(try properties("pack"), Set(PackParser.keys))
        XCTAssertEqual(try properties("parameter"), Set(PolicyParser.parameterKeys))
        XCTAssertEqual(try properties("testCase"), Set(PolicyParser.testKeys))
        XCTAssertEqual(try properties("resourceSchema"), Set(SchemaParser.keys))
    }
}
