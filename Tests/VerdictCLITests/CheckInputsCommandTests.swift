import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// What `verdict check` (and `test` and `lint`) read, and how a run whose input cannot
/// produce a result ends: an --output that names an input, files named twice, resource
/// types no rule evaluates, unreadable inventories, --schemas paths without schemas,
/// and the exit status of wrong parameters.
final class CheckInputsCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var scratch: URL!
    private let now = ["--now", "2025-03-10T00:00:00Z"]

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    typealias Run = VerdictProcess.Run

    /// Runs `verdict` in the scratch directory (or `directory`), so that relative paths name
    /// scratch files, with the shipped files found through `VERDICT_HOME` (or `home`).
    private func run(_ arguments: [String], standardInput: FileHandle? = nil, directory: URL? = nil, home: String? = nil) throws -> Run {
        try VerdictProcess.run(arguments, directory: directory ?? scratch,
                               environment: ["VERDICT_HOME": home ?? CheckInputsCommandTests.root.path], standardInput: standardInput)
    }

    @discardableResult
    private func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return name
    }

    private func read(_ name: String) throws -> String {
        try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
    }

    private func document(_ id: String, type: String = "ACS::ECS::Disk", configuration: String = #"{"Type": "data", "Encrypted": true}"#) -> String {
        #"{"AccountId": "1", "ResourceType": "\#(type)", "ResourceId": "\#(id)", "Configuration": \#(configuration)}"#
    }

    private var shippedPolicy: String {
        CheckInputsCommandTests.root.appendingPathComponent("policies/ecs/ecs-disk-encrypted.yaml").path
    }

    private var shippedSchemas: String { CheckInputsCommandTests.root.appendingPathComponent("schemas").path }

    private func clash(_ output: String, _ input: String) -> String {
        "verdict check: error: --output '\(output)' is the input '\(input)'; write the report to another file\n"
    }

    // MARK: - --output never replaces an input

    func testOutputNamingInputIsRejected() throws {
        let policy = try String(contentsOfFile: shippedPolicy, encoding: .utf8)
        try write("pol2/ecs-disk-encrypted.yaml", policy)
        try write("dl/policy.yaml", policy)
        try write("dl/pack.yaml", "kind: Pack\nid: small\ntitle: Small\ndescription: One rule.\nrules: [ecs-disk-encrypted]\n")
        try write("params/params.yaml", "ecs-disk-encrypted: {}\n")
        for name in try FileManager.default.contentsOfDirectory(atPath: shippedSchemas) {
            try write("dl/schemas/\(name)", try String(contentsOfFile: shippedSchemas + "/" + name, encoding: .utf8))
        }
        try write("ok.json", document("d") + "\n")
        try write("fmt2/wrap.json", "[" + document("w") + "]\n")
        try write("fmt2/deeper/more.ndjson", document("m") + "\n")
        let home = scratch.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        for directory in ["policies", "schemas"] {
            try FileManager.default.copyItem(atPath: CheckInputsCommandTests.root.appendingPathComponent(directory).path, toPath: home + "/" + directory)
        }

        let cases: [(arguments: [String], output: String, input: String)] = [
            (["--policies", "pol2", "ok.json"], "pol2/ecs-disk-encrypted.yaml", "pol2/ecs-disk-encrypted.yaml"),
            (["--policies", "dl/policy.yaml", "ok.json"], "dl/policy.yaml", "dl/policy.yaml"),
            (["--policies", "dl", "--pack", "small", "--schemas", "dl/schemas", "ok.json"], "dl/pack.yaml", "dl/pack.yaml"),
            (["--policies", "dl/policy.yaml", "--schemas", "dl/schemas", "ok.json"], "dl/schemas/ACS-KMS-Key.yaml", "dl/schemas/ACS-KMS-Key.yaml"),
            (["--policies", "dl/policy.yaml", "--params", "params/params.yaml", "ok.json"], "params/params.yaml", "params/params.yaml"),
            (["--policies", "dl/policy.yaml", "fmt2"], "fmt2/wrap.json", "fmt2/wrap.json"),
            (["--policies", "dl/policy.yaml", "fmt2"], "fmt2/deeper/more.ndjson", "fmt2/deeper/more.ndjson"),
            (["--policies", "dl/policy.yaml", "fmt2"], "./fmt2/../fmt2/wrap.json", "fmt2/wrap.json"),
            (["--policies", "dl/policy.yaml", "fmt2"], "fmt2", "fmt2"),
            // The shipped policies and schemas, when they are what the run reads: copies,
            // so that a regression cannot damage the repository's own files.
            (["--rule", "ecs-disk-encrypted", "ok.json"], home + "/policies/ecs/ecs-disk-encrypted.yaml", home + "/policies/ecs/ecs-disk-encrypted.yaml"),
            (["--rule", "ecs-disk-encrypted", "ok.json"], home + "/policies/packs/genai-best-practices.yaml", home + "/policies/packs/genai-best-practices.yaml"),
            (["--rule", "ecs-disk-encrypted", "ok.json"], home + "/schemas/ACS-ECS-Disk.yaml", home + "/schemas/ACS-ECS-Disk.yaml"),
        ]
        for item in cases {
            let target = URL(fileURLWithPath: item.output, relativeTo: scratch)
            let original = try? Data(contentsOf: target)
            let result = try run(["check", "--quiet", "--output", item.output] + item.arguments + now, home: home)
            XCTAssertEqual(result.status, 64, "\(item): \(result.error)")
            XCTAssertEqual(result.error, clash(item.output, item.input), "\(item)")
            XCTAssertEqual(result.output, "")
            XCTAssertEqual(try? Data(contentsOf: target), original, "\(item) is unchanged")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("fmt2").path).sorted(), ["deeper", "wrap.json"],
                       "no temporary file is left")
    }

    func testOutputThroughLinksToAnInputIsRefused() throws {
        try write("dl/policy.yaml", try String(contentsOfFile: shippedPolicy, encoding: .utf8))
        try write("ok.json", document("d") + "\n")
        let arguments = ["--policies", "dl/policy.yaml", "ok.json"]
        try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent("link.yaml").path, withDestinationPath: "dl/policy.yaml")
        XCTAssertEqual(link(scratch.appendingPathComponent("dl/policy.yaml").path, scratch.appendingPathComponent("hard.yaml").path), 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent("alias").path, withDestinationPath: "dl")
        for output in ["link.yaml", "hard.yaml", "alias/policy.yaml", scratch.appendingPathComponent("dl/policy.yaml").path] {
            let result = try run(["check", "--quiet", "--output", output] + arguments + now)
            XCTAssertEqual(result.status, 64, "\(output): \(result.error)")
            XCTAssertEqual(result.error, clash(output, "dl/policy.yaml"))
        }
        XCTAssertTrue(try read("dl/policy.yaml").hasPrefix("kind: Policy"))

        // A new file beside the inputs, even through a linked directory, is written.
        let fresh = try run(["check", "--quiet", "--output", "alias/report.txt"] + arguments + now)
        XCTAssertEqual(fresh.status, 0, fresh.error)
        XCTAssertTrue(try read("dl/report.txt").contains("1 compliant"))
    }

    func testOutputNamingRedirectedStandardInputIsRefused() throws {
        try write("inventory.ndjson", document("d") + "\n")
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: scratch.appendingPathComponent("inventory.ndjson").path))
        let result = try run(["check", "--rule", "ecs-disk-encrypted", "--output", "inventory.ndjson"] + now, standardInput: handle)
        XCTAssertEqual(result.status, 64, result.error)
        XCTAssertEqual(result.error, clash("inventory.ndjson", "standard input"))
        XCTAssertEqual(try read("inventory.ndjson"), document("d") + "\n")
    }

    func testOutputDashIsStandardOutput() throws {
        try write("ok.json", document("d") + "\n")
        let result = try run(["check", "--rule", "ecs-disk-encrypted", "--output", "-", "--format", "csv", "ok.json"] + now)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.hasPrefix("rule,severity,verdict"), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("-").path))
        let text = try run(["check", "--rule", "ecs-disk-encrypted", "--output=-", "ok.json"] + now)
        XCTAssertTrue(text.output.contains("Compliance rate: 100.0%"), text.output)
        XCTAssertEqual(text.error, "", "text on standard output has its summary there, not on standard error")
        XCTAssertTrue(try run(["check", "--help"]).output.contains("- for standard output"))
    }

    // MARK: - Files named twice

    func testAPolicyDirectoryNamedTwiceIsLoadedOnce() throws {
        try write("pol/ecs-disk-encrypted.yaml", try String(contentsOfFile: shippedPolicy, encoding: .utf8))
        try write("ok.json", document("d") + "\n")
        for policies in [["pol", "pol"], ["pol/ecs-disk-encrypted.yaml", "pol"], ["pol", "./pol/"]] {
            let result = try run(["check"] + policies.flatMap { ["--policies", $0] } + ["ok.json"] + now)
            XCTAssertEqual(result.status, 0, "\(policies): \(result.error)")
            XCTAssertEqual(result.error, "", "\(policies)")
        }
        let test = try run(["test", "pol", "pol/ecs-disk-encrypted.yaml"])
        XCTAssertEqual(test.status, 0, test.error)
        XCTAssertTrue(test.output.hasSuffix(" passed, 0 failed\n"), test.output)
        XCTAssertFalse(test.output.contains("already used"), test.output)
        let lint = try run(["lint", "pol", "pol/ecs-disk-encrypted.yaml", "--schemas", shippedSchemas, "--schemas", shippedSchemas])
        XCTAssertEqual(lint.status, 0, lint.output)
        XCTAssertEqual(lint.output, "")
        XCTAssertTrue(lint.error.hasPrefix("verdict lint: 0 errors, 0 warnings in "), lint.error)

        // Inventories named twice are read twice, with the warning about repeated resources.
        let twice = try run(["check", "--policies", "pol", "ok.json", "ok.json"] + now)
        XCTAssertEqual(twice.status, 0, twice.error)
        XCTAssertTrue(twice.error.contains("ok.json:1:1: warning: ACS::ECS::Disk 'd' of account 1 already appears at ok.json:1:1"), twice.error)
    }

    // MARK: - Resource types no rule evaluates

    func testMisspelledTypesAndEmptyRun() throws {
        try write("case.ndjson", [
            document("d1", type: "ACS::ECS::disk"), document("d2", type: "ACS::ECS::Disk "), document("d3", type: "ACS::ECS::disk"),
            document("l", type: "ACS::ALB::LoadBalancer"),
        ].joined(separator: "\n") + "\n")
        let result = try run(["check", "--rule", "ecs-disk-encrypted", "case.ndjson"] + now)
        XCTAssertEqual(result.status, 2, result.error)
        XCTAssertTrue(result.output.contains("no resource in scope"), result.output)
        XCTAssertEqual(result.error, """
            verdict check: warning: 1 document has resource type 'ACS::ECS::Disk ', which no rule evaluates; did you mean 'ACS::ECS::Disk'?
            verdict check: warning: 2 documents have resource type 'ACS::ECS::disk', which no rule evaluates; did you mean 'ACS::ECS::Disk'?
            verdict check: error: no rule evaluated any resource: the inventory holds types ACS::ECS::disk (2), ACS::ALB::LoadBalancer (1), ACS::ECS::Disk  (1); the selected rule evaluates ACS::ECS::Disk

            """)

        // --quiet hides the warnings, not the error; other formats and --output too.
        let quiet = try run(["check", "--rule", "ecs-disk-encrypted", "--quiet", "--format", "json", "--output", "report.json", "case.ndjson"] + now)
        XCTAssertEqual(quiet.status, 2)
        XCTAssertEqual(quiet.error, "verdict check: error: no rule evaluated any resource: the inventory holds types ACS::ECS::disk (2), ACS::ALB::LoadBalancer (1), ACS::ECS::Disk  (1); the selected rule evaluates ACS::ECS::Disk\n")
        XCTAssertTrue(try read("report.json").hasPrefix("{"))

        // With a rule that evaluates something, the warning stays and the status follows the results.
        try write("mixed.ndjson", document("ok") + "\n" + document("d1", type: "ACS::ECS::disk") + "\n")
        let mixed = try run(["check", "--rule", "ecs-disk-encrypted", "mixed.ndjson"] + now)
        XCTAssertEqual(mixed.status, 0, mixed.error)
        XCTAssertEqual(mixed.error, "verdict check: warning: 1 document has resource type 'ACS::ECS::disk', which no rule evaluates; did you mean 'ACS::ECS::Disk'?\n")
    }

    func testAllNotApplicableExitsZero() throws {
        try write("system.ndjson", document("s", configuration: #"{"Type": "system", "Encrypted": false}"#) + "\n")
        let result = try run(["check", "--rule", "ecs-disk-encrypted", "--format", "csv", "system.ndjson"] + now)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("NOT_APPLICABLE"), result.output)
        XCTAssertFalse(result.error.contains("error"), result.error)
    }

    func testUnrelatedTypesNotWarned() throws {
        try write("other.ndjson", document("d") + "\n" + document("r", type: "ACS::RAM::User") + "\n" + document("a", type: "ACS::ALB::LoadBalancer") + "\n")
        let result = try run(["check", "--rule", "ecs-disk-encrypted", "other.ndjson"] + now)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "")
    }

    // MARK: - Unreadable inventories

    func testUnreadableInventoryIsReported() throws {
        let deep = "{\"a\": " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        try write("deep.ndjson", [deep, deep, deep].joined(separator: "\n") + "\n")
        let result = try run(["check", "--quiet", "deep.ndjson"] + now)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.error.hasPrefix("deep.ndjson:1:"), result.error)
        XCTAssertTrue(result.error.hasSuffix("verdict check: error: none of the 3 documents in deep.ndjson could be read (see the errors above)\n"), result.error)
        XCTAssertFalse(result.error.contains("needs at least one document with AccountId"), result.error)

        try write("one.json", deep + "\n")
        let one = try run(["check", "--quiet", "one.json"] + now)
        XCTAssertEqual(one.status, 65)
        XCTAssertTrue(one.error.hasSuffix("verdict check: error: the only document in one.json could not be read (see the error above)\n"), one.error)

        try write("empty.json", "[]\n")
        let empty = try run(["check", "--quiet", "empty.json"] + now)
        XCTAssertEqual(empty.error, "verdict check: error: no resource document to evaluate in empty.json; an inventory needs at least one document with AccountId, ResourceType and ResourceId\n")
    }

    func testAccountIdsWrittenAsNumbers() throws {
        try write("numbers.ndjson", #"{"AccountId": 1.23456789012e15, "ResourceType": "ACS::ECS::Disk", "ResourceId": 42, "Configuration": {"Type": "data", "Encrypted": true}}"# + "\n"
            + #"{"AccountId": 1.5, "ResourceType": "ACS::ECS::Disk", "ResourceId": "x", "Configuration": {}}"# + "\n")
        let result = try run(["check", "--rule", "ecs-disk-encrypted", "--format", "csv", "numbers.ndjson"] + now)
        XCTAssertEqual(result.status, 2, result.error)
        XCTAssertTrue(result.output.contains("ecs-disk-encrypted,high,COMPLIANT,1234567890120000,,ACS::ECS::Disk,42,"), result.output)
        XCTAssertTrue(result.error.contains("numbers.ndjson:2:1: error: 'AccountId' is the number 1.5, which is not a whole number; write the AccountId as a string of digits"), result.error)
    }

    // MARK: - --schemas

    func testSchemaPathsWithoutSchemasAreNoInput() throws {
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try write("notes/readme.txt", "no schema here")
        try write("policies-only/rule.yaml", try String(contentsOfFile: shippedPolicy, encoding: .utf8))
        try write("ok.json", document("d") + "\n")
        for directory in ["empty", "notes"] {
            let message = "no resource schema file (.yaml, .yml) found in \(directory)\n"
            let check = try run(["check", "--rule", "ecs-disk-encrypted", "--schemas", directory, "ok.json"] + now)
            XCTAssertEqual(check.status, 66)
            XCTAssertEqual(check.error, "verdict check: error: " + message)
            let test = try run(["test", "--schemas", directory, "policies-only"])
            XCTAssertEqual(test.status, 66)
            XCTAssertEqual(test.error, "verdict test: error: " + message)
            let lint = try run(["lint", "--schemas", directory, "policies-only"])
            XCTAssertEqual(lint.status, 66)
            XCTAssertEqual(lint.error, "verdict lint: error: " + message)
        }
        let policiesOnly = try run(["check", "--rule", "ecs-disk-encrypted", "--schemas", "policies-only", "ok.json"] + now)
        XCTAssertEqual(policiesOnly.status, 66)
        XCTAssertEqual(policiesOnly.error, "verdict check: error: no resource schema (a file with kind: ResourceSchema) found in policies-only\n")
        let missing = try run(["check", "--rule", "ecs-disk-encrypted", "--schemas", "nope", "ok.json"] + now)
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.error, "verdict check: error: nope: no such file or directory\n")

        // A directory that contains a schema among other files is accepted.
        try write("mixed/ACS-ECS-Disk.yaml", try String(contentsOfFile: shippedSchemas + "/ACS-ECS-Disk.yaml", encoding: .utf8))
        try write("mixed/notes.txt", "notes")
        XCTAssertEqual(try run(["check", "--rule", "ecs-disk-encrypted", "--schemas", "mixed", "ok.json"] + now).status, 0)
        for command in ["check", "test", "lint"] {
            XCTAssertTrue(try run([command, "--help"]).output.contains("not added to them"), command)
        }
    }

    // MARK: - Parameter problems

    func testParameterStatusFollowsWhereTheMistakeIs() throws {
        let badFile = scratch.appendingPathComponent(try write("bad.yaml", "oss-bucket-tls-version-check:\n  tlsVersions: [TLSv1.2, TLS1.3]\n")).path
        let goodFile = scratch.appendingPathComponent(try write("good.yaml", "oss-bucket-tls-version-check:\n  tlsVersions: [TLSv1.2]\n")).path
        let goodOption = ["--param", "pai-eas-instances-multi-zone.minZones=3"]
        let badOption = ["--param", "pai-eas-instances-multi-zone.minZones=1"]
        let cases: [(arguments: [String], status: Int32)] = [
            (["--params", badFile], 65),
            (["--params", badFile] + goodOption, 65),
            (goodOption + ["--params", badFile], 65),
            (badOption, 64),
            (["--params", goodFile] + badOption, 64),
            (["--params", badFile] + badOption, 64),
        ]
        for item in cases {
            let result = try run(["check", "--quiet"] + item.arguments + now, directory: CheckInputsCommandTests.root)
            XCTAssertEqual(result.status, item.status, "\(item.arguments): \(result.error)")
            XCTAssertEqual(result.output, "")
        }
    }
}
