import Foundation
import VerdictEngine
import VerdictTestSupport
import XCTest

/// Reads thousands of damaged copies of the example inventory, as NDJSON and as a JSON
/// array: every read must end, and yield documents and problems whose positions lie
/// inside the file, never a crash. The damage is pseudo-random from a fixed seed, so a
/// failure reproduces; `VERDICT_MUTATION_ROUNDS` raises the count for a longer search.
final class InventoryMutationTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let fragments = ["\n", "{", "}", "[", "]", ",", "\"", "\\", "\\u00", ":", "\r\n", "\u{FEFF}", "null", "\u{00e9}"]

    private let damage = TextDamage(fragments: InventoryMutationTests.fragments, maxRange: 20, maxEdits: 4)

    private static var rounds: Int {
        Int(ProcessInfo.processInfo.environment["VERDICT_MUTATION_ROUNDS"] ?? "") ?? 300
    }

    func testDamagedInventoriesAreReadToTheEnd() throws {
        let example = InventoryMutationTests.repository.appendingPathComponent("examples/inventory/ack-ecs.ndjson")
        let lines = try String(contentsOf: example, encoding: .utf8).split(separator: "\n").prefix(8).map(String.init)
        let forms = [lines.joined(separator: "\n") + "\n", "[\n" + lines.joined(separator: ",\n") + "\n]\n"]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-mutant-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var random = SeededGenerator(seed: 0x5eed_0004)

        for round in 0..<InventoryMutationTests.rounds {
            let text = damage.apply(to: forms[round % forms.count], using: &random)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            // Counted in bytes, because "\r\n" is one Character and would hide a line break.
            let lineCount = text.utf8.filter { $0 == 0x0A }.count + 1
            let reader = try InventoryReader(paths: [path])
            var items = 0

            while let item = reader.next() {
                items += 1
                // Each item consumes input, so more items than bytes means the reader is stuck.
                XCTAssertLessThanOrEqual(items, text.utf8.count + 1, text)
                if items > text.utf8.count + 1 { break }
                let location: InventoryLocation
                switch item {
                case .document(let document): location = document.location
                case .problem(let problem): location = problem.location
                }
                XCTAssertGreaterThanOrEqual(location.line, 1, text)
                XCTAssertLessThanOrEqual(location.line, lineCount, text)
                XCTAssertGreaterThanOrEqual(location.column, 1, text)
            }
        }
    }
}
