import VerdictLanguage
import XCTest

final class EvaluationSmokeTests: XCTestCase {
    private func evaluate(_ text: String, _ bindings: [String: Value] = [:]) -> String {
        var environment = Environment()
        environment.variables = bindings.keys.sorted().map { VariableDeclaration($0, .dyn) }
        do {
            let program = try environment.compile(text)
            switch program.evaluate(bindings) {
            case .success(let value): return ValueFormatter.literal(value)
            case .failure(let error): return "error: \(error.message)"
            }
        } catch {
            return "syntax: \(error)"
        }
    }

    func testArithmeticAndLogic() {
        XCTAssertEqual(evaluate("1 + 2 * 3"), "7")
        XCTAssertEqual(evaluate("-9223372036854775808"), "-9223372036854775808")
        XCTAssertEqual(evaluate("9223372036854775807 + 1"), "error: integer overflow in addition")
        XCTAssertEqual(evaluate("1 / 0 == 1 || true"), "true")
        XCTAssertEqual(evaluate("[1, 2, 3].exists(x, x > 2)"), "true")
        XCTAssertEqual(evaluate("[1, 2, 3].map(x, x * 2)"), "[2, 4, 6]")
        XCTAssertEqual(evaluate("count([1, 2, 3]) >= 3"), "true")
        XCTAssertEqual(evaluate("{'a': 1}.a"), "1")
        XCTAssertEqual(evaluate("{'a': 1}.b"), "error: no such key: 'b'")
        XCTAssertEqual(evaluate("bucket.acl != 'public-read-write'", ["bucket": .object([("acl", .string("private"))])]), "true")
        XCTAssertEqual(evaluate("timestamp('2024-01-01T00:00:00Z') + duration('7d')"), "timestamp(\"2024-01-08T00:00:00Z\")")
        XCTAssertEqual(evaluate("string(2.0)"), "\"2\"")
    }
}
