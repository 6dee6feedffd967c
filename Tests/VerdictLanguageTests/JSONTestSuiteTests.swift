import Foundation
import VerdictLanguage
import XCTest

/// The JSONTestSuite parsing cases: `y_` files must parse, `n_` files must be rejected,
/// and each `i_` file gets the decision recorded below.
final class JSONTestSuiteTests: XCTestCase {
    private static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Data/JSONTestSuite/test_parsing")

    /// The implementation-defined cases that Verdict accepts. Every other `i_` case is
    /// rejected: numbers a double cannot hold (a rounded value could change a verdict),
    /// invalid UTF-8 and lone surrogates (the text would not be the document's), UTF-16
    /// input, and nesting deeper than the reader's limit of 512 is not among them.
    private static let acceptedImplementationDefined: Set<String> = [
        // Tiny exponents underflow to 0, which is the correctly rounded value.
        "i_number_double_huge_neg_exp.json", "i_number_real_underflow.json",
        // Integers beyond 64 bits become doubles, as JSON parsers commonly do.
        "i_number_too_big_neg_int.json", "i_number_too_big_pos_int.json", "i_number_very_big_negative_int.json",
        // 500 levels is within the limit of 512.
        "i_structure_500_nested_arrays.json",
        // A UTF-8 byte order mark before the text is skipped.
        "i_structure_UTF-8_BOM_empty_object.json",
    ]

    /// Valid JSON that Verdict rejects on purpose: an object with a repeated key is
    /// ambiguous (readers disagree on which value wins), and a compliance verdict must not
    /// depend on that choice.
    private static let rejectedOnPurpose: Set<String> = [
        "y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json",
    ]

    private func files(prefix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: JSONTestSuiteTests.directory.path)
            .filter { $0.hasPrefix(prefix) }.sorted()
    }

    private func parses(_ file: String) throws -> Bool {
        let bytes = Array(try Data(contentsOf: JSONTestSuiteTests.directory.appendingPathComponent(file)))
        return (try? JSONReader.parse(bytes)) != nil
    }

    func testAcceptedCasesParse() throws {
        let cases = try files(prefix: "y_")
        XCTAssertEqual(cases.count, 95)
        for file in cases {
            XCTAssertEqual(try parses(file), !JSONTestSuiteTests.rejectedOnPurpose.contains(file), file)
        }
    }

    func testRejectedCasesFail() throws {
        let cases = try files(prefix: "n_")
        XCTAssertEqual(cases.count, 188)
        for file in cases {
            XCTAssertFalse(try parses(file), file)
        }
    }

    func testImplementationDefinedCasesFollowTheRecordedChoice() throws {
        let cases = try files(prefix: "i_")
        XCTAssertEqual(cases.count, 35)
        for file in cases {
            XCTAssertEqual(try parses(file), JSONTestSuiteTests.acceptedImplementationDefined.contains(file), file)
        }
    }
}
