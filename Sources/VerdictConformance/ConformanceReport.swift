import Foundation
import VerdictLanguage

/// The outcome counts of one conformance file.
public struct ConformanceReport: Sendable {
    public let file: String
    public var passed = 0
    public var failed: [(name: String, reason: String)] = []
    public var skipped: [(name: String, reason: String)] = []

    /// Runs every test of a conformance file.
    public static func run(path: String) throws -> ConformanceReport {
        let url = URL(fileURLWithPath: path)
        let bytes = Array(try Data(contentsOf: url))
        let name = url.deletingPathExtension().lastPathComponent
        var report = ConformanceReport(file: name)
        for test in try ConformanceFile.tests(in: bytes, file: name) {
            switch ConformanceRunner.run(test) {
            case .passed: report.passed += 1
            case .failed(let reason): report.failed.append((test.qualifiedName, reason))
            case .skipped(let reason): report.skipped.append((test.qualifiedName, reason))
            }
        }
        return report
    }

    /// `NAME: N passed, N failed, N skipped`.
    public var summary: String {
        "\(file): \(passed) passed, \(failed.count) failed, \(skipped.count) skipped"
    }
}
