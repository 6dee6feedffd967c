import Foundation
import XCTest

/// Runs the `verdict` executable as a user would, checking exit statuses and what goes to
/// standard output and standard error.
final class CommandLineTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    struct Run {
        let status: Int32
        let output: String
        let error: String
    }

    /// The executable next to the test bundle, in the same build directory.
    private static var executable: URL {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL ?? Bundle.main.bundleURL
        let directory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return directory.appendingPathComponent("verdict")
    }

    @discardableResult
    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = CommandLineTests.root
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let output = Pipe()
        let error = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   error: String(decoding: errorData, as: UTF8.self))
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private let now = ["--now", "2025-03-10T00:00:00Z"]

    func testCheckOnTheExamplePrintsTheReportOnStandardOutput() throws {
        let result = try run(["check"] + now)
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.output.contains("Compliance rate: 39.0% of resources (23 of 59 compliant)"))
        XCTAssertTrue(result.output.contains("why (compliantWhen"))
        XCTAssertEqual(result.error, "")
    }

    func testInventoryProblemsOnStandardErrorAreEscaped() throws {
        let inventory = try write("problems\u{1B}[2J.ndjson", """
            {"AccountId": "1", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "b", "Configuration": {}}
            {"AccountId": "1", "ResourceType": "ACS::OSS::Bucket"}

            """)
        let result = try run(["check", inventory, "--format", "json"] + now)
        XCTAssertEqual(result.status, 2, result.error)
        XCTAssertTrue(result.error.contains("problems\\u{1B}[2J.ndjson:2:1: error: the document has no 'ResourceId'"), result.error)
        XCTAssertFalse(result.error.contains("\u{1B}"), result.error)
    }

    func testMachineFormatsGoToStandardOutputAndTheSummaryToStandardError() throws {
        let result = try run(["check", "--format", "json"] + now)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.hasPrefix("{"))
        XCTAssertTrue(result.error.hasPrefix("verdict: 100 documents, 94 COMPLIANT, 71 NON_COMPLIANT"))
        let quiet = try run(["check", "--format", "json", "--quiet"] + now)
        XCTAssertEqual(quiet.error, "")
    }

    func testReportsAreWrittenToOutputFilesAndNeverOverAnInput() throws {
        let report = scratch.appendingPathComponent("report.sarif").path
        let result = try run(["check", "--format", "sarif", "--output", report, "--quiet"] + now)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, "")
        XCTAssertTrue(try String(contentsOfFile: report, encoding: .utf8).contains("\"version\": \"2.1.0\""))

        let inventory = try write("inventory.ndjson", #"{"AccountId": "1", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "b", "Configuration": {}}"# + "\n")
        let clash = try run(["check", inventory, "--output", inventory] + now)
        XCTAssertEqual(clash.status, 64)
        XCTAssertTrue(clash.error.contains("is the input"))
        XCTAssertTrue(try String(contentsOfFile: inventory, encoding: .utf8).hasPrefix("{\"AccountId\""))
    }

    func testExitStatusesTellOutcomesApart() throws {
        let compliant = try write("compliant.ndjson", #"{"AccountId": "1", "ResourceType": "ACS::CR::Repository", "ResourceId": "r", "Configuration": {"TagImmutability": true}}"# + "\n")
        XCTAssertEqual(try run(["check", "--rule", "cr-repository-immutablity-enable", compliant] + now).status, 0)
        let missing = try write("missing.ndjson", #"{"AccountId": "1", "ResourceType": "ACS::CR::Repository", "ResourceId": "r", "Configuration": {}}"# + "\n")
        let error = try run(["check", "--rule", "cr-repository-immutablity-enable", missing] + now)
        XCTAssertEqual(error.status, 2)
        XCTAssertTrue(error.output.contains("no such key: 'TagImmutability'"))
        let broken = try write("broken.ndjson", #"{"AccountId": "1", "ResourceType": "ACS::CR::Repository", "ResourceId": "r", "Configuration": {"TagImmutability": true}}"# + "\n{\"oops\n")
        let unreadable = try run(["check", "--rule", "cr-repository-immutablity-enable", broken] + now)
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.error.contains("broken.ndjson:2:2: error: invalid JSON: unterminated string"), unreadable.error)
        let empty = try write("empty.ndjson", "")
        XCTAssertEqual(try run(["check", empty] + now).status, 65)
        XCTAssertEqual(try run(["check", scratch.appendingPathComponent("nope.json").path] + now).status, 66)
    }

    func testCommandLineMistakesSayWhatToWrite() throws {
        let option = try run(["check", "--fromat", "json"])
        XCTAssertEqual(option.status, 64)
        XCTAssertTrue(option.error.contains("unknown option '--fromat'; did you mean '--format'?"))
        let parameter = try run(["check", "--param", "pai-eas-instances-multi-zone.minZones=two"] + now)
        XCTAssertEqual(parameter.status, 64)
        XCTAssertTrue(parameter.error.contains("expected an int such as 3 but found 'two'"))
        let rule = try run(["check", "--param", "oss-bucket-tls-versions-check.tlsVersions=TLSv1.2"] + now)
        XCTAssertTrue(rule.error.contains("did you mean 'oss-bucket-tls-version-check'?"))
        XCTAssertEqual(try run(["check", "--now", "yesterday"]).status, 64)
        XCTAssertEqual(try run(["frobnicate"]).status, 64)
    }

    func testParameterOverridesChangeVerdicts() throws {
        let strict = try run(["check", "--rule", "oss-bucket-tls-version-check", "--param", "oss-bucket-tls-version-check.tlsVersions=TLSv1.3", "--format", "json", "--quiet"] + now)
        let defaults = try run(["check", "--rule", "oss-bucket-tls-version-check", "--format", "json", "--quiet"] + now)
        let count = { (text: String) in text.components(separatedBy: "\"NON_COMPLIANT\"").count }
        XCTAssertGreaterThan(count(strict.output), count(defaults.output))
        XCTAssertTrue(strict.output.contains("\"tlsVersions\":[\"TLSv1.3\"]"))
    }

    func testTestAndLintCommands() throws {
        let tests = try run(["test"])
        XCTAssertEqual(tests.status, 0)
        XCTAssertTrue(tests.output.hasSuffix(" passed, 0 failed\n"), tests.output)
        let lint = try run(["lint"])
        XCTAssertEqual(lint.status, 0)
        XCTAssertEqual(lint.output, "")
        XCTAssertTrue(lint.error.hasPrefix("verdict lint: 0 errors, 0 warnings"))
        let bad = try write("bad.yaml", "kind: Policy\nid: x\n")
        let badLint = try run(["lint", bad])
        XCTAssertEqual(badLint.status, 1)
        XCTAssertTrue(badLint.output.contains("bad.yaml:1:1: error: the policy is missing the required key 'title' [policy-missing-key]"))
        let noTests = try write("policy.yaml", "kind: Policy\nid: x\ntitle: X\ndescription: X.\nseverity: low\nresourceTypes: [ACS::OSS::Bucket]\ncompliantWhen: 'true'\nmessage: m\n")
        let none = try run(["test", noTests])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.output.contains("0 passed, 0 failed"))
    }

    func testColourFollowsTheOptionAndNoColor() throws {
        XCTAssertTrue(try run(["check", "--color", "always"] + now).output.contains("\u{1B}["))
        XCTAssertFalse(try run(["check"] + now, environment: ["NO_COLOR": "1"]).output.contains("\u{1B}["))
        XCTAssertFalse(try run(["check", "--color", "never"] + now).output.contains("\u{1B}["))
    }
}
