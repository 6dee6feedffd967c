import VerdictConformance
import XCTest

/// Runs CEL's conformance files and fails when fewer tests pass than the recorded floor,
/// so that a change cannot quietly lose conformance.
final class ConformanceTests: XCTestCase {
    /// The passing count of each file when the floor was last raised. The core files must
    /// keep at least 97% of their applicable tests; today they pass all of them.
    private static let floors: [String: Int] = [
        "basic": 43, "comparisons": 334, "conversions": 109, "fields": 60, "fp_math": 30,
        "integer_math": 64, "lists": 39, "logic": 30, "macros": 44, "macros2": 46,
        "parse": 193, "plumbing": 5, "string": 51, "timestamps": 77,
        // Extension files: only the parts Verdict implements pass.
        "bindings_ext": 6, "string_ext": 213,
    ]

    private static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Data/cel-spec")

    func testPassingCountsStayAtOrAboveTheFloor() throws {
        for (file, floor) in ConformanceTests.floors.sorted(by: { $0.key < $1.key }) {
            let report = try ConformanceReport.run(path: ConformanceTests.dataDirectory.appendingPathComponent("\(file).json").path)
            XCTAssertGreaterThanOrEqual(report.passed, floor,
                "\(report.summary); first failures: \(report.failed.prefix(5).map { "\($0.name): \($0.reason)" })")
        }
    }

    func testCoreFilesPassAtLeastNinetySevenPercent() throws {
        let core = ["basic", "comparisons", "conversions", "fields", "fp_math", "integer_math", "lists", "logic",
                    "macros", "macros2", "parse", "plumbing", "string", "timestamps"]
        var passed = 0
        var failed = 0
        for file in core {
            let report = try ConformanceReport.run(path: ConformanceTests.dataDirectory.appendingPathComponent("\(file).json").path)
            passed += report.passed
            failed += report.failed.count
        }
        XCTAssertGreaterThan(passed, 0)
        XCTAssertGreaterThanOrEqual(Double(passed) / Double(passed + failed), 0.97, "\(passed) passed, \(failed) failed")
    }
}
