import Foundation
import XCTest
import VerdictLanguage
@testable import VerdictPolicy

/// Runs the loader over the yaml-test-suite cases in `Data/yaml-test-suite/cases.json`.
///
/// - A case with an `error` file must fail to load, with a diagnostic and no crash.
/// - A valid case with `in.json` must load to that JSON value, with scalars typed by the
///   loader's accessors.
/// - A valid case without `in.json` (its value has no JSON form) must load, or be
///   rejected on purpose.
///
/// Skip rule: a valid case is skipped when its expected events (`test.event`) show that
/// it uses something the loader rejects on purpose. Those are several documents, a merge
/// key, a tag outside the core schema, a collection as a key, and aliases that expand to
/// more than `maxAliasExpansions` nodes. The loader must then fail with the matching id.
final class YAMLTestSuiteTests: XCTestCase {
    private static let suiteDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Data/yaml-test-suite")

    /// Cases where libyaml 0.2.5 departs from the YAML 1.2 spec, so no loader on top of
    /// it can pass them: it rejects valid input, loads invalid input, or decodes a value
    /// differently. Each is checked to still depart, so that a fixed libyaml shows up.
    private static let libyamlDepartures: [String: String] = {
        var table: [String: String] = [:]
        func add(_ reason: String, _ ids: [String]) {
            for id in ids { table[id] = reason }
        }
        add("rejects an empty implicit key (': value')",
            ["2JQS", "6M2F", "CFD4", "FRK4", "NHX8", "NKF9", "S3PD", "SM9W/01", "UKK6/00"])
        add("rejects a tab used as separation or before content where YAML 1.2 allows it",
            ["6BCT", "6CA3", "96NN/00", "96NN/01", "A2M4", "DK95/00", "DK95/03", "DK95/04", "Q5MG", "R4YG", "Y79Y/001", "Y79Y/010"])
        add("allows only letters, digits, '-' and '_' in anchor names",
            ["2SXE", "8XYN", "W5VH", "Y2GN"])
        add("rejects ':' next to a value, or a multi-line key, in a flow collection",
            ["4ABK", "4MUZ/00", "4MUZ/01", "4MUZ/02", "58MP", "5MUD", "5T43", "9SA2", "DBG4", "HM87/00", "K3WX", "NJ66", "UT92", "VJP3/01"])
        add("reads '?' at the start of a plain scalar in a flow collection as a key indicator",
            ["652Z", "HM87/01"])
        add("rejects reserved directives and %YAML 1.3",
            ["2LFX", "6LVF", "BEC7", "MUS6/05", "MUS6/06"])
        add("rejects a document end marker without a document, or a bare document after one",
            ["7Z25", "HWV9", "M7A3", "QT73"])
        add("rejects a block scalar whose content is not indented, or that has '%' at column 1",
            ["DK3J", "FP8R", "W4TN"])
        add("drops a last line of spaces that has no line break in a block scalar",
            ["JEF9/02", "L24T/01"])
        add("loads invalid YAML (comments without a space before them, wrong indentation, tabs, '-' in flow, directive variants)",
            ["9C9N", "9JBA", "CVW2", "DK95/01", "G5U8", "MUS6/00", "QB6E", "S98Z", "SU5Z", "X4QW", "Y79Y/003", "YJV2"])
        return table
    }()

    /// One case as stored in `cases.json`, described in the README beside it.
    private struct Case: Decodable {
        var id = ""
        let title: String
        let yaml: String
        let json: String?
        let error: Bool
        let events: String

        enum CodingKeys: String, CodingKey {
            case title, yaml, json, error, events
        }

        var isError: Bool { error }
    }

    private static func loadCases() throws -> [Case] {
        let data = try Data(contentsOf: suiteDirectory.appendingPathComponent("cases.json"))
        let byID = try JSONDecoder().decode([String: Case].self, from: data)
        return byID.map { id, testCase in
            var named = testCase
            named.id = id
            return named
        }.sorted { $0.id < $1.id }
    }

    func testSuiteCases() throws {
        let cases = try Self.loadCases()
        XCTAssertGreaterThan(cases.count, 400, "test data missing in \(Self.suiteDirectory.path)")

        let options = YAMLLoader.Options()
        var counts: [String: Int] = [:]
        var skipReasons: [String: Int] = [:]

        for testCase in cases {
            let result = Result { () throws(Diagnostic) in try YAMLLoader.load(text: testCase.yaml, name: testCase.id, options: options) }
            let outcome = outcome(of: testCase, result: result, options: options)
            counts[outcome.category, default: 0] += 1
            for reason in outcome.skipReasons { skipReasons[reason, default: 0] += 1 }
        }

        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        let reasons = skipReasons.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        print("yaml-test-suite: \(cases.count) cases; \(summary); skip reasons (a case may have several): \(reasons)")
    }

    private struct Outcome {
        var category: String
        var skipReasons: [String] = []
    }

    /// Checks one case and returns how it was counted.
    private func outcome(of testCase: Case, result: Result<YAMLDocument, Diagnostic>, options: YAMLLoader.Options) -> Outcome {
        let expected = testCase.json.flatMap(Self.expectedValue)
        let loaded = try? result.get()

        if let reason = Self.libyamlDepartures[testCase.id] {
            let meetsSpec: Bool
            if testCase.isError {
                meetsSpec = loaded == nil
            } else if let expected {
                meetsSpec = loaded.map { JSONValue($0.root) == expected } ?? false
            } else {
                meetsSpec = loaded != nil
            }
            XCTAssertFalse(meetsSpec, "\(testCase.id): listed as a libyaml departure (\(reason)) but now meets the spec; remove it from the list")
            return Outcome(category: "known libyaml departures")
        }

        if testCase.isError {
            XCTAssertNil(loaded, "\(testCase.id): invalid YAML loaded without an error")
            return Outcome(category: loaded == nil ? "error cases rejected" : "error cases wrongly loaded")
        }

        let rejections = EventStreamFacts(events: testCase.events).deliberateRejections(maxAliasExpansions: options.maxAliasExpansions)
        if !rejections.isEmpty {
            if case .failure(let diagnostic) = result {
                XCTAssertTrue(rejections.contains { $0.id == diagnostic.id },
                              "\(testCase.id): expected one of \(rejections.map(\.id)), got \(diagnostic.rendered())")
            } else {
                XCTFail("\(testCase.id): loaded although it uses \(rejections.map(\.reason))")
            }
            return Outcome(category: "valid cases skipped", skipReasons: Array(Set(rejections.map(\.reason))))
        }

        let document: YAMLDocument
        switch result {
        case .failure(let diagnostic):
            XCTFail("\(testCase.id): valid YAML failed to load: \(diagnostic.rendered())")
            return Outcome(category: "valid cases failed")
        case .success(let value):
            document = value
        }
        checkPositions(in: document, caseID: testCase.id)

        guard let expected, let json = testCase.json else {
            return Outcome(category: "valid cases loaded (no JSON form)")
        }
        if json.allSatisfy(\.isWhitespace) {
            XCTAssertNil(document.root, "\(testCase.id): a stream without a document must load with a nil root")
            return Outcome(category: document.root == nil ? "valid cases matched in.json" : "valid cases differed from in.json")
        }
        let actual = JSONValue(document.root)
        XCTAssertEqual(actual, expected, "\(testCase.id): loaded value differs from in.json")
        return Outcome(category: actual == expected ? "valid cases matched in.json" : "valid cases differed from in.json")
    }

    /// Decodes an `in.json` file. An empty file stands for a stream without a document, so
    /// it decodes as null here and the caller checks for a nil root.
    private static func expectedValue(_ json: String) -> JSONValue? {
        if json.allSatisfy(\.isWhitespace) { return .null }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    /// Every scalar must have an exact offset map that stays in the file and never goes
    /// backwards, and marks that agree with `Source`.
    private func checkPositions(in document: YAMLDocument, caseID: String) {
        let fileSize = document.source.utf8.count
        func visit(_ node: YAMLNode) {
            switch node {
            case .scalar(let scalar):
                check(scalar)
            case .sequence(let items, _, _):
                items.forEach(visit)
            case .mapping(let pairs, _, _):
                for pair in pairs {
                    check(pair.key)
                    visit(pair.value)
                }
            }
        }
        func check(_ scalar: YAMLScalar) {
            XCTAssertTrue(scalar.offsetMapIsExact, "\(caseID): inexact offset map for \(scalar.value.debugDescription)")
            XCTAssertEqual(scalar.offsetMap.count, scalar.value.utf8.count + 1, "\(caseID): offset map size")
            XCTAssertEqual(scalar.offsetMap, scalar.offsetMap.sorted(), "\(caseID): offset map goes backwards for \(scalar.value.debugDescription)")
            XCTAssertGreaterThanOrEqual(scalar.offsetMap.first ?? 0, 0, "\(caseID): offset map starts before the file")
            XCTAssertLessThanOrEqual(scalar.offsetMap.last ?? 0, fileSize, "\(caseID): offset map ends past the file")
            let location = document.source.location(of: scalar.start.offset)
            XCTAssertEqual(location.line, scalar.start.line, "\(caseID): start line of \(scalar.value.debugDescription)")
            XCTAssertEqual(location.column, scalar.start.column, "\(caseID): start column of \(scalar.value.debugDescription)")
        }
        if let root = document.root { visit(root) }
    }
}
