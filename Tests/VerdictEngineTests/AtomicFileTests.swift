import Foundation
import VerdictTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import VerdictEngine

/// What `--output` does with what is already at its path: symbolic links, permissions,
/// FIFOs and files that must not be replaced. Everything happens in a temporary directory.
final class AtomicFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func fileType(_ path: String) -> mode_t {
        var status = stat()
        XCTAssertEqual(lstat(path, &status), 0, path)
        return status.st_mode & S_IFMT
    }

    private func permissions(_ path: String) -> mode_t {
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0, path)
        return status.st_mode & 0o7777
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    func testFollowsAChainOfSymbolicLinksAndKeepsThem() throws {
        try FileManager.default.createDirectory(atPath: path("real"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("real/report.txt")))
        try FileManager.default.createSymbolicLink(atPath: path("second"), withDestinationPath: "real/report.txt")
        try FileManager.default.createSymbolicLink(atPath: path("first"), withDestinationPath: path("second"))
        try AtomicFile.write(Array("new".utf8), to: path("first"))
        XCTAssertEqual(try contents(path("real/report.txt")), "new")
        XCTAssertEqual(fileType(path("first")), S_IFLNK)
        XCTAssertEqual(fileType(path("second")), S_IFLNK)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("real")), ["report.txt"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["first", "real", "second"])
    }

    func testALinkToAMissingFileCreatesItAndALoopIsAnError() throws {
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: "target.txt")
        try AtomicFile.write(Array("made".utf8), to: path("link"))
        XCTAssertEqual(try contents(path("target.txt")), "made")
        XCTAssertEqual(fileType(path("link")), S_IFLNK)

        try FileManager.default.createSymbolicLink(atPath: path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: path("b"), withDestinationPath: "a")
        XCTAssertThrowsError(try AtomicFile.write([], to: path("a"))) { error in
            XCTAssertEqual((error as? OutputError)?.code, ELOOP)
        }
    }

    func testAReplacedFileKeepsItsPermissions() throws {
        for mode: mode_t in [0o600, 0o640, 0o755, 0o444] {
            let target = path("report-\(String(mode, radix: 8))")
            try Data("old".utf8).write(to: URL(fileURLWithPath: target))
            XCTAssertEqual(chmod(target, mode), 0)
            try AtomicFile.write(Array("new".utf8), to: target)
            XCTAssertEqual(try contents(target), "new")
            XCTAssertEqual(permissions(target), mode, "mode \(String(mode, radix: 8))")
        }
    }

    func testAFIFOIsWrittenDirectlyAndStaysAFIFO() throws {
        let fifo = path("report.fifo")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let received = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if let reader = FileHandle(forReadingAtPath: fifo) { received.data = reader.readDataToEndOfFile() }
            done.signal()
        }
        let writer = try AtomicFileWriter(path: fifo)
        try writer.write(Array("first ".utf8))
        try writer.write(Array("second".utf8))
        try writer.commit()
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(String(decoding: received.data, as: UTF8.self), "first second")
        XCTAssertEqual(fileType(fifo), S_IFIFO)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["report.fifo"])
    }

    func testDirectoriesAndSocketsAreRefused() throws {
        try FileManager.default.createDirectory(atPath: path("dir"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFileWriter(path: path("dir"))) { error in
            XCTAssertEqual((error as? OutputError)?.description, "cannot write \(path("dir")): it is a directory; name a file to write the report to")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("dir")), [])
        // A link to a directory is refused too, and stays.
        try FileManager.default.createSymbolicLink(atPath: path("dir-link"), withDestinationPath: "dir")
        XCTAssertThrowsError(try AtomicFileWriter(path: path("dir-link")))
        XCTAssertEqual(fileType(path("dir-link")), S_IFLNK)

        let socketPath = path("s.sock")
        guard let socket = UnixSocket(path: socketPath) else { throw XCTSkip("cannot bind a socket at \(socketPath)") }
        defer { withExtendedLifetime(socket) {} }
        XCTAssertThrowsError(try AtomicFileWriter(path: socketPath)) { error in
            XCTAssertTrue((error as? OutputError)?.description.contains("it is a socket") == true)
        }
        XCTAssertEqual(fileType(socketPath), S_IFSOCK)
    }

    func testAReportStreamStopsAtTheFirstFailureOfItsSink() {
        struct Full: Error {}
        var calls = 0
        let stream = ReportStream { _ in
            calls += 1
            throw Full()
        }
        stream.write(String(repeating: "x", count: 2 << 20))
        stream.write(String(repeating: "y", count: 2 << 20))
        XCTAssertThrowsError(try stream.finish()) { XCTAssertTrue($0 is Full) }
        XCTAssertEqual(calls, 1, "nothing more is written after a failure")
    }
}
