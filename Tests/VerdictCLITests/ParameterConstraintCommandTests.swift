import Foundation
import XCTest

/// Overrides that break a shipped rule's parameter constraints stop `verdict check` before
/// anything is evaluated.
final class ParameterConstraintCommandTests: XCTestCase {
    private let now = ["--now", "2025-03-10T00:00:00Z"]

    func testNegativeZoneCountIsRejected() throws {
        let result = try VerdictProcess.run(["check", "--param", "pai-eas-instances-multi-zone.minZones=-1"] + now)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.error.contains(
            "--param:1:39: error: invalid value -1 for pai-eas-instances-multi-zone.minZones: it is less than the parameter's minimum, 2 [parameter-constraint]"),
            result.error)
        XCTAssertEqual(result.output, "")
    }

    func testEmptyListIsRejected() throws {
        let result = try VerdictProcess.run(["check", "--param", "nas-filesystem-encrypt-type-check.encryptTypes="] + now)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.error.contains(
            "invalid value [] for nas-filesystem-encrypt-type-check.encryptTypes: the list has 0 elements, fewer than the parameter's minItems, 1"),
            result.error)
    }

    func testParametersFileIsChecked() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-constraints-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("oss-bucket-tls-version-check:\n  tlsVersions: [TLSv1.2, TLS1.3]\n".utf8).write(to: file)
        let result = try VerdictProcess.run(["check", "--params", file.path] + now)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.error.contains("\(file.path):2:26: error: invalid value \"TLS1.3\" (element 2) for oss-bucket-tls-version-check.tlsVersions"),
                      result.error)
    }

    func testValuesWithinTheConstraintsAreAccepted() throws {
        let result = try VerdictProcess.run(["check", "--rule", "pai-eas-instances-multi-zone", "--param", "pai-eas-instances-multi-zone.minZones=3",
                                             "--format", "json", "--quiet"] + now)
        XCTAssertNotEqual(result.status, 64, result.error)
        XCTAssertTrue(result.output.contains("\"minZones\":3"), result.output)
    }
}
