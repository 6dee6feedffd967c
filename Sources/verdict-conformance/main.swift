import Foundation
import VerdictConformance

// Runs CEL conformance files and prints a line per file, then the totals as
// `N passed, N failed, N skipped`. Exits 1 when a test fails, 2 on unusable input.

let usage = """
    usage: verdict-conformance [--failures] [--skipped] FILE.json...
      --failures   list each failed test with the reason
      --skipped    list each skipped test with the reason
    """

var arguments = Array(CommandLine.arguments.dropFirst())
let showFailures = arguments.contains("--failures")
let showSkipped = arguments.contains("--skipped")
arguments.removeAll { $0 == "--failures" || $0 == "--skipped" }

if arguments.isEmpty || arguments.contains(where: { $0.hasPrefix("-") }) {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}

var totals = (passed: 0, failed: 0, skipped: 0)
for path in arguments {
    do {
        let report = try ConformanceReport.run(path: path)
        print(report.summary)
        if showFailures {
            for failure in report.failed { print("  FAIL \(failure.name): \(failure.reason)") }
        }
        if showSkipped {
            for skip in report.skipped { print("  SKIP \(skip.name): \(skip.reason)") }
        }
        totals.passed += report.passed
        totals.failed += report.failed.count
        totals.skipped += report.skipped.count
    } catch {
        FileHandle.standardError.write(Data("verdict-conformance: \(path): \(error)\n".utf8))
        exit(2)
    }
}
print("\(totals.passed) passed, \(totals.failed) failed, \(totals.skipped) skipped")
exit(totals.failed > 0 ? 1 : 0)
