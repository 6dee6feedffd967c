import Foundation
import VerdictTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

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

    typealias Run = VerdictProcess.Run

    /// Runs `verdict` from the repository root unless `directory` says otherwise (see
    /// `VerdictProcess.run`), and checks that it exited rather than being killed.
    @discardableResult
    private func run(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil,
                     standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil,
                     directory: URL? = nil, executable: URL = VerdictProcess.executable) throws -> Run {
        let result = try VerdictProcess.run(arguments, directory: directory ?? CommandLineTests.root, environment: environment,
                                            input: input, standardInput: standardInput, standardOutput: standardOutput,
                                            executable: executable)
        XCTAssertTrue(result.exited, "verdict was killed by signal \(result.status)")
        return result
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private let now = ["--now", "2025-03-10T00:00:00Z"]

    func testCheckExampleReportOnStdout() throws {
        let result = try run(["check"] + now)
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.output.contains("Compliance rate: 39.0% of resources (23 of 59 compliant)"))
        XCTAssertTrue(result.output.contains("why (compliantWhen"))
        let example = CommandLineTests.root.appendingPathComponent("examples/inventory").path
        XCTAssertEqual(result.error, "verdict check: no inventory given; checking the bundled example inventory at \(example) (pass files, directories or - for standard input)\n")
        XCTAssertEqual(try run(["check", "--quiet"] + now).error, "")
    }

    func testInventoryProblemsOnStandardErrorAreEscaped() throws {
        let inventory = try write("problems\u{1B}[2J.ndjson", """
            {"AccountId": "1", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "b", "Configuration": {}}
            {"AccountId": "1", "ResourceType": "ACS::OSS::Bucket"}

            """)
        let result = try run(["check", inventory, "--format", "json"] + now)
        XCTAssertEqual(result.status, 2, result.error)
        XCTAssertTrue(result.error.contains("problems\\x1b[2J.ndjson:2:1: error: the document has no 'ResourceId'"), result.error)
        XCTAssertFalse(result.error.contains("\u{1B}"), result.error)
    }

    func testMachineFormatsSummaryOnStderr() throws {
        let result = try run(["check", "--format", "json"] + now)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.hasPrefix("{"))
        XCTAssertTrue(result.error.hasSuffix("verdict check: 100 documents, 94 COMPLIANT, 71 NON_COMPLIANT, 40 NOT_APPLICABLE, 0 ERROR, compliance rate 39.0%\n"), result.error)
        let quiet = try run(["check", "--format", "json", "--quiet"] + now)
        XCTAssertEqual(quiet.error, "")
    }

    func testOutputFileNeverReplacesInput() throws {
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

    // MARK: - Output files

    private var example: String { CommandLineTests.root.appendingPathComponent("examples/inventory").path }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    private func type(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    func testOutputFollowsSymbolicLinksAndKeepsPermissions() throws {
        let reports = scratch.appendingPathComponent("reports")
        let links = scratch.appendingPathComponent("links")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        let report = try write("reports/report.json", "old")
        XCTAssertEqual(chmod(report, 0o600), 0)
        let link = links.appendingPathComponent("latest.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../reports/report.json")

        let result = try run(["check", example, "--format", "json", "--quiet", "--output", link] + now)
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertEqual(result.output, "")
        XCTAssertEqual(try type(link), .typeSymbolicLink)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "../reports/report.json")
        XCTAssertTrue(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("{"))
        XCTAssertEqual(try mode(report), 0o600)
        // The temporary file was made beside the report and renamed; nothing is left over.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: reports.path), ["report.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: links.path), ["latest.json"])

        // Other permissions are kept as well, and a new file follows the umask.
        XCTAssertEqual(chmod(report, 0o640), 0)
        XCTAssertEqual(try run(["check", example, "--quiet", "--output", report] + now).status, 1)
        XCTAssertEqual(try mode(report), 0o640)
        let fresh = reports.appendingPathComponent("fresh.txt").path
        XCTAssertEqual(try run(["check", example, "--quiet", "--output", fresh] + now).status, 1)
        let mask = umask(0o022)
        umask(mask)
        XCTAssertEqual(try mode(fresh), 0o666 & ~Int(mask))

        // A link to a file that does not exist yet creates that file.
        let dangling = links.appendingPathComponent("next.csv").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "../reports/next.csv")
        XCTAssertEqual(try run(["check", example, "--format", "csv", "--quiet", "--output", dangling] + now).status, 1)
        XCTAssertEqual(try type(dangling), .typeSymbolicLink)
        XCTAssertTrue(try String(contentsOfFile: reports.appendingPathComponent("next.csv").path, encoding: .utf8).hasPrefix("rule,"))
    }

    func testOutputToAFIFOIsWrittenDirectlyAndTheFIFOStays() throws {
        let fifo = scratch.appendingPathComponent("report.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let received = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // Opening for reading waits for verdict to open the FIFO for writing.
            if let reader = FileHandle(forReadingAtPath: fifo) {
                received.data = reader.readDataToEndOfFile()
            }
            done.signal()
        }
        let result = try run(["check", example, "--format", "json", "--output", fifo] + now)
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        XCTAssertTrue(String(decoding: received.data, as: UTF8.self).hasPrefix("{"))
        XCTAssertTrue(String(decoding: received.data, as: UTF8.self).hasSuffix("}\n"))
        XCTAssertTrue(result.error.hasPrefix("verdict check: 100 documents"), result.error)
        var status = stat()
        XCTAssertEqual(lstat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "still a FIFO, not a regular file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), ["report.fifo"])
    }

    func testOutputThroughAFileDescriptorLinkReachesThePipe() throws {
        // /dev/stdout is such a link, so the test uses one in the scratch directory instead.
        guard FileManager.default.fileExists(atPath: "/proc/self/fd/1") else { throw XCTSkip("no /proc") }
        let link = scratch.appendingPathComponent("stdout").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let result = try run(["check", example, "--format", "json", "--quiet", "--output", link] + now)
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.output.hasPrefix("{"))
        XCTAssertEqual(try type(link), .typeSymbolicLink)
    }

    func testOutputRefusesDirectoriesAndSockets() throws {
        let directory = scratch.appendingPathComponent("dir")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let refused = try run(["check", example, "--quiet", "--output", directory.path] + now)
        XCTAssertEqual(refused.status, 73)
        XCTAssertEqual(refused.error, "verdict check: error: cannot write \(directory.path): it is a directory; name a file to write the report to\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])

        let socketPath = scratch.appendingPathComponent("s.sock").path
        guard let socket = UnixSocket(path: socketPath) else { throw XCTSkip("cannot bind a socket at \(socketPath)") }
        defer { withExtendedLifetime(socket) {} }
        let socketRun = try run(["check", example, "--quiet", "--output", socketPath] + now)
        XCTAssertEqual(socketRun.status, 73)
        XCTAssertTrue(socketRun.error.contains("it is a socket"), socketRun.error)
        XCTAssertEqual(try type(socketPath), .typeSocket)
    }

    // MARK: - Standard output and input

    func testFailedWritesToStandardOutputAreReported() throws {
        // A descriptor open only for reading makes every write fail (EBADF), as a full
        // disk or an I/O error would.
        let file = try write("readonly.txt", "")
        for arguments in [["check", example, "--quiet"], ["check", example, "--format", "json"], ["lint", "--list-checks"], ["test"], ["version"]] {
            let handle = try XCTUnwrap(FileHandle(forReadingAtPath: file))
            let result = try run(arguments + (arguments[0] == "check" ? now : []), standardOutput: handle)
            XCTAssertEqual(result.status, 73, "\(arguments): \(result.error)")
            let what = arguments[0] == "version" ? "the output" : "the report"
            XCTAssertTrue(result.error.hasSuffix("verdict\(arguments[0] == "version" ? "" : " " + arguments[0]): error: cannot write \(what) to standard output: Bad file descriptor\n"),
                          "\(arguments): \(result.error)")
            XCTAssertFalse(result.error.contains("documents,"), "no summary after a lost report")
        }
    }

    func testAClosedPipeEndsTheCommandQuietly() throws {
        for arguments in [["check", example, "--show-all"] + now, ["check", example, "--format", "html"] + now, ["lint", "--list-checks"]] {
            var descriptors: [Int32] = [0, 0]
            XCTAssertEqual(pipe(&descriptors), 0)
            close(descriptors[0])  // no reader: writing fails with EPIPE (or SIGPIPE, were it not ignored)
            let handle = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
            let result = try run(arguments, standardOutput: handle)
            XCTAssertEqual(result.status, 73, "\(arguments)")
            XCTAssertEqual(result.error, "", "\(arguments)")
        }
    }

    func testInventoryFromPipedStdin() throws {
        let line = #"{"AccountId": "1", "ResourceType": "ACS::CR::Repository", "ResourceId": "piped", "Configuration": {"TagImmutability": false}}"# + "\n"
        let rule = ["--rule", "cr-repository-immutablity-enable", "--format", "csv"] + now
        let piped = try run(["check"] + rule, input: Data(line.utf8))
        XCTAssertEqual(piped.status, 1, piped.error)
        XCTAssertTrue(piped.output.contains("piped"), piped.output)
        XCTAssertFalse(piped.error.contains("no inventory given"))
        XCTAssertFalse(piped.output.contains("genai"), "the example inventory is not read")

        let file = try write("inventory.ndjson", line)
        let redirected = try run(["check"] + rule, standardInput: FileHandle(forReadingAtPath: file))
        XCTAssertEqual(redirected.status, 1, redirected.error)
        XCTAssertTrue(redirected.output.contains("piped"))

        let empty = try run(["check"] + rule, input: Data())
        XCTAssertEqual(empty.status, 65)
        XCTAssertTrue(empty.error.contains("in standard input (read because no inventory was named)"), empty.error)
    }

    // MARK: - Shipped files

    /// Copies the executable outside the repository, as an install does.
    private func installedCopy() throws -> URL {
        let bin = scratch.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("verdict")
        try FileManager.default.copyItem(at: VerdictProcess.executable, to: copy)
        return copy
    }

    func testShippedFilesLookupOrder() throws {
        let copy = try installedCopy()
        let root = CommandLineTests.root.path
        // Outside the repository with no VERDICT_HOME, nothing is found and the message tells what to do.
        let lost = try run(["check"] + now, directory: scratch, executable: copy)
        XCTAssertEqual(lost.status, 66)
        XCTAssertTrue(lost.error.contains("set VERDICT_HOME"), lost.error)
        // With VERDICT_HOME, an installed copy finds everything, with no warning.
        let home = try run(["check", "--quiet"] + now, environment: ["VERDICT_HOME": root], directory: scratch, executable: copy)
        XCTAssertEqual(home.status, 1, home.error)
        XCTAssertTrue(home.output.contains("Compliance rate: 39.0%"))
        XCTAssertEqual(home.error, "")
        // The current directory comes last: the copy run from the repository finds its files there.
        XCTAssertEqual(try run(["check", "--quiet"] + now, directory: CommandLineTests.root, executable: copy).status, 1)
        // The in-tree executable finds its files above itself, from any directory.
        XCTAssertEqual(try run(["check", "--quiet"] + now, directory: scratch).status, 1)

        // VERDICT_HOME wins over the current directory and the executable's location.
        let policy = "kind: Policy\nid: only-rule\ntitle: X\ndescription: X.\nseverity: low\nresourceTypes: [ACS::OSS::Bucket]\ncompliantWhen: 'true'\nmessage: m\n"
            + "tests:\n  - name: any bucket\n    expect: COMPLIANT\n    configuration: {}\n"
        _ = try write("home/policies/only-rule.yaml", policy)
        let tests = try run(["test"], environment: ["VERDICT_HOME": scratch.appendingPathComponent("home").path])
        XCTAssertEqual(tests.output, "1 passed, 0 failed\n", tests.error)
    }

    func testMissingSchemasAreAWarningNotASilentWeakening() throws {
        let copy = try installedCopy()
        let policies = CommandLineTests.root.appendingPathComponent("policies").path
        let inventory = CommandLineTests.root.appendingPathComponent("examples/inventory").path
        let check = try run(["check", "--policies", policies, "--pack", "genai-best-practices", inventory] + now, directory: scratch, executable: copy)
        XCTAssertEqual(check.status, 1, check.error)
        XCTAssertTrue(check.error.contains("verdict check: warning: no schemas/ directory found"), check.error)
        XCTAssertTrue(check.error.contains("field names in conditions cannot be checked; set VERDICT_HOME"), check.error)
        XCTAssertTrue(check.error.contains("or pass --schemas PATH"), check.error)
        let schemas = CommandLineTests.root.appendingPathComponent("schemas").path
        let given = try run(["check", "--policies", policies, "--pack", "genai-best-practices", "--schemas", schemas, inventory] + now,
                            directory: scratch, executable: copy)
        XCTAssertFalse(given.error.contains("warning"), given.error)
        let lint = try run(["lint", policies], directory: scratch, executable: copy)
        XCTAssertTrue(lint.error.contains("verdict lint: warning: no schemas/ directory found"), lint.error)
    }

    // MARK: - Directories

    func testDirectorySearchIgnoresExtensionCase() throws {
        let line = #"{"AccountId": "1", "ResourceType": "ACS::CR::Repository", "ResourceId": "ID", "Configuration": {"TagImmutability": true}}"#
        _ = try write("inventory/UPPER.JSON", line.replacingOccurrences(of: "ID", with: "upper"))
        _ = try write("inventory/deep/er/mixed.NdJson", line.replacingOccurrences(of: "ID", with: "mixed") + "\n")
        _ = try write("inventory/notes.txt", "not an inventory")
        let inventory = scratch.appendingPathComponent("inventory").path
        let checked = try run(["check", "--rule", "cr-repository-immutablity-enable", "--format", "csv", "--quiet", inventory] + now)
        XCTAssertEqual(checked.status, 0, checked.error)
        XCTAssertTrue(checked.output.contains("upper"), checked.output)
        XCTAssertTrue(checked.output.contains("mixed"), checked.output)

        _ = try write("policies/nested/BAD.YAML", "kind: Policy\nid: x\n")
        let lint = try run(["lint", scratch.appendingPathComponent("policies").path])
        XCTAssertEqual(lint.status, 1)
        XCTAssertTrue(lint.output.contains("BAD.YAML:1:1: error"), lint.output)
        XCTAssertTrue(lint.error.hasSuffix("in 1 file\n"), "the shipped schemas are not counted: \(lint.error)")
    }

    func testDirectoriesWithoutFilesToReadAreNoInput() throws {
        let empty = scratch.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        _ = try write("empty/readme.txt", "nothing here")
        let lint = try run(["lint", empty.path])
        XCTAssertEqual(lint.status, 66)
        XCTAssertEqual(lint.error, "verdict lint: error: no policy file (.yaml, .yml) found in \(empty.path)\n")
        let test = try run(["test", empty.path])
        XCTAssertEqual(test.status, 66)
        XCTAssertEqual(test.error, "verdict test: error: no policy file (.yaml, .yml) found in \(empty.path)\n")
        let policies = try run(["check", "--policies", empty.path, example] + now)
        XCTAssertEqual(policies.status, 66)
        XCTAssertEqual(policies.error, "verdict check: error: no policy file (.yaml, .yml) found in \(empty.path)\n")
        let inventory = try run(["check", empty.path] + now)
        XCTAssertEqual(inventory.status, 66)
        XCTAssertEqual(inventory.error, "verdict check: error: \(empty.path): no inventory file (.json, .ndjson, .jsonl) found in the directory\n")
    }

    func testEmptyInventoriesAreNamedAndRepeatedResourcesWarned() throws {
        let empty = try write("empty.json", "[]\n")
        let result = try run(["check", empty] + now)
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.error, "verdict check: error: no resource document to evaluate in \(empty); an inventory needs at least one document with AccountId, ResourceType and ResourceId\n")

        let line = #"{"AccountId": "1", "ResourceType": "ACS::OSS::Bucket", "ResourceId": "b", "Configuration": {}}"#
        let twice = try write("twice.ndjson", line + "\n" + line + "\n")
        let repeated = try run(["check", "--rule", "oss-zrs-enabled", twice] + now)
        XCTAssertTrue(repeated.error.contains("\(twice):2:1: warning: ACS::OSS::Bucket 'b' of account 1 already appears at \(twice):1:1"), repeated.error)
        XCTAssertFalse(try run(["check", "--quiet", "--rule", "oss-zrs-enabled", twice] + now).error.contains("warning"))
    }

    // MARK: - Command line

    func testErrorsSayWhichCommandAndWhatToDo() throws {
        let command = try run(["chek"])
        XCTAssertEqual(command.status, 64)
        XCTAssertTrue(command.error.hasPrefix("verdict: error: unknown command 'chek'; did you mean 'check'?\n"), command.error)

        let swallowed = try run(["check", "--now", "--rule", "x"])
        XCTAssertEqual(swallowed.status, 64)
        XCTAssertEqual(swallowed.error, "verdict check: error: --now needs a value (an RFC 3339 time such as 2025-03-10T00:00:00Z)\n")
        let last = try run(["lint", "--format"])
        XCTAssertEqual(last.error, "verdict lint: error: --format needs a value (text or json)\n")
        let negative = try run(["check", "--workers", "-2"])
        XCTAssertTrue(negative.error.contains("goes after '=': --workers=-2"), negative.error)

        // After '=', a value may start with '-'.
        let inline = try run(["check", "--param=pai-eas-instances-multi-zone.minZones=-1", example] + now)
        XCTAssertFalse(inline.error.contains("needs a value"), inline.error)

        // Every message of a command carries its prefix.
        for (arguments, prefix) in [(["check", "--fromat", "json"], "verdict check: error: "), (["check", "--rule", "nope"] + now, "verdict check: error: "),
                                    (["check", "--pack", "nope"] + now, "verdict check: error: "), (["test", "--rule", "nope"], "verdict test: error: "),
                                    (["lint", "--format", "xml"], "verdict lint: error: "), (["lint", "/nonexistent"], "verdict lint: error: ")] {
            let result = try run(arguments)
            XCTAssertEqual(result.status == 64 || result.status == 66, true, "\(arguments)")
            XCTAssertTrue(result.error.hasPrefix(prefix), "\(arguments): \(result.error)")
        }
    }

    func testRuleOutsidePackIsNamed() throws {
        let policy = { (id: String) in "kind: Policy\nid: \(id)\ntitle: X\ndescription: X.\nseverity: low\nresourceTypes: [ACS::OSS::Bucket]\ncompliantWhen: 'true'\nmessage: m\n" }
        _ = try write("policies/a.yaml", policy("rule-a"))
        _ = try write("policies/b.yaml", policy("rule-b"))
        _ = try write("policies/pack.yaml", "kind: Pack\nid: small\ntitle: Small\ndescription: One rule.\nrules: [rule-a]\n")
        let result = try run(["check", "--policies", scratch.appendingPathComponent("policies").path, "--pack", "small", "--rule", "rule-b", example] + now)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.error.contains("verdict check: error: rule 'rule-b' is not in pack 'small'"), result.error)
    }

    func testParamOptionsOverrideFile() throws {
        let file = try write("params.yaml", "oss-bucket-tls-version-check:\n  tlsVersions: [TLSv1.3]\n")
        let rule = ["--rule", "oss-bucket-tls-version-check", "--format", "json", "--quiet", example] + now
        let option = "oss-bucket-tls-version-check.tlsVersions=TLSv1.1"
        for order in [["--params", file, "--param", option], ["--param", option, "--params", file]] {
            let result = try run(["check"] + order + rule)
            XCTAssertTrue(result.output.contains("\"tlsVersions\":[\"TLSv1.1\"]"), "\(order): \(result.error)")
        }
        let twice = try run(["check", "--param", option, "--param", "oss-bucket-tls-version-check.tlsVersions=TLSv1.2"] + rule)
        XCTAssertEqual(twice.status, 64)
        XCTAssertTrue(twice.error.contains("--param sets oss-bucket-tls-version-check.tlsVersions twice"), twice.error)
    }

    func testWorkersDoNotChangeResults() throws {
        let arguments = ["check", example, "--format", "json", "--quiet"] + now
        let one = try run(arguments + ["--workers", "1"])
        let three = try run(arguments + ["--workers=3"])
        XCTAssertEqual(one.status, 1, one.error)
        XCTAssertEqual(one.output, three.output)
        XCTAssertEqual(try run(["check", "--workers", "0"]).status, 64)
        XCTAssertEqual(try run(["check", "--workers", "many"]).status, 64)
        XCTAssertTrue(try run(["check", "--help"]).output.contains("--workers N"))
    }

    func testTheDemoScriptKnowsWhichCheckOptionsTakeValues() throws {
        // scripts/demo passes the example inventory only when the user names none, so it
        // must tell option values from inventories.
        let script = try String(contentsOf: CommandLineTests.root.appendingPathComponent("scripts/demo"), encoding: .utf8)
        let line = try XCTUnwrap(script.split(separator: "\n").first { $0.hasPrefix("value_options=") })
        let listed = Set(line.split(separator: "\"")[1].split(separator: " ").map(String.init))
        let help = try run(["check", "--help"]).output
        let expected = Set(help.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard line.hasPrefix("  --"), words.count > 1, words[1].allSatisfy({ $0.isUppercase || "._=".contains($0) }) else { return nil }
            return String(words[0])
        })
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(listed, expected)
    }
}
