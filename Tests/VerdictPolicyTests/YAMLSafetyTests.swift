import XCTest
import VerdictLanguage
@testable import VerdictPolicy

/// The parts of YAML that the loader rejects so that a policy file cannot use unbounded
/// time or memory, or mean something its author did not see.
final class YAMLSafetyTests: XCTestCase {
    // MARK: Aliases

    private static let billionLaughs = """
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]

        """

    func testBillionLaughsFailsFast() {
        let started = Date()
        let diagnostic = loadError(Self.billionLaughs)
        let elapsed = Date().timeIntervalSince(started)

        XCTAssertEqual(diagnostic?.id, "yaml-alias")
        XCTAssertEqual(position(of: diagnostic), "4:8", "the first alias past the budget of 1,000 nodes")
        XCTAssertTrue(diagnostic?.message.contains("more than 1000 nodes") == true, diagnostic?.message ?? "")
        XCTAssertLessThan(elapsed, 1.0)
    }

    func testAliasesWithinBudgetExpand() throws {
        let text = Self.billionLaughs.split(separator: "\n").prefix(3).joined(separator: "\n") + "\n"
        let document = try loadYAML(text)

        XCTAssertEqual(document.root?["c"]?.items.count, 9)
        XCTAssertEqual(document.root?["c"]?[8]?[8]?[8]?.scalar?.value, "lol")
    }

    func testAliasBudgetIsAnOption() {
        var options = YAMLLoader.Options()
        options.maxAliasExpansions = 20
        let diagnostic = loadError("a: &a [1, 2, 3]\nb: [*a, *a, *a, *a, *a, *a]\n", options: options)

        XCTAssertEqual(diagnostic?.id, "yaml-alias")
        XCTAssertEqual(position(of: diagnostic), "2:25", "the sixth alias makes 24 nodes, past 20")
    }

    func testUndefinedAlias() {
        let diagnostic = loadError("a: *missing\n")

        XCTAssertEqual(diagnostic?.id, "yaml-alias")
        XCTAssertEqual(position(of: diagnostic), "1:4")
        XCTAssertTrue(diagnostic?.message.contains("'*missing'") == true, diagnostic?.message ?? "")
    }

    func testRecursiveAlias() {
        let diagnostic = loadError("a: &loop\n  b: *loop\n")

        XCTAssertEqual(diagnostic?.id, "yaml-alias")
        XCTAssertEqual(position(of: diagnostic), "2:6")
        XCTAssertTrue(diagnostic?.message.contains("contains it") == true, diagnostic?.message ?? "")
    }

    func testMergeKeyRejected() {
        let diagnostic = loadError("base: &base {a: 1}\nderived:\n  <<: *base\n  b: 2\n")

        XCTAssertEqual(diagnostic?.id, "yaml-merge-key")
        XCTAssertEqual(position(of: diagnostic), "3:3")
        XCTAssertTrue(diagnostic?.message.contains("write the merged keys out") == true, diagnostic?.message ?? "")
    }

    func testQuotedMergeKeyIsAPlainKey() throws {
        let document = try loadYAML("\"<<\": 1\n")

        XCTAssertEqual(document.root?.pairs.first?.key.value, "<<")
    }

    // MARK: Nesting and size

    func testDepthLimitOnFlowNesting() throws {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNotNil(try loadYAML(deepest).root)

        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let diagnostic = loadError(tooDeep)
        XCTAssertEqual(diagnostic?.id, "yaml-depth")
        XCTAssertEqual(position(of: diagnostic), "1:65")
    }

    func testTenThousandOpenBracketsFailFast() {
        let started = Date()
        let diagnostic = loadError(String(repeating: "[", count: 10_000))

        XCTAssertEqual(diagnostic?.id, "yaml-depth")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.0)
    }

    func testDepthLimitOnBlockNesting() {
        var text = ""
        for level in 0..<65 {
            text += String(repeating: " ", count: level) + "k:\n"
        }
        text += String(repeating: " ", count: 65) + "v\n"
        let diagnostic = loadError(text)

        XCTAssertEqual(diagnostic?.id, "yaml-depth")
        XCTAssertEqual(diagnostic?.location.line, 65)
    }

    func testDepthLimitThroughAlias() {
        var options = YAMLLoader.Options()
        options.maxDepth = 4
        let diagnostic = loadError("x: &a [[1]]\ny: [[*a]]\n", options: options)

        XCTAssertEqual(diagnostic?.id, "yaml-depth")
        XCTAssertEqual(position(of: diagnostic), "2:6")
    }

    func testFileSizeLimit() throws {
        var options = YAMLLoader.Options()
        options.maxBytes = 10
        XCTAssertNotNil(try loadYAML("k: 1234567", options: options).root)

        let diagnostic = loadError("k: 12345678", options: options)
        XCTAssertEqual(diagnostic?.id, "yaml-too-large")
        XCTAssertTrue(diagnostic?.message.contains("11 bytes") == true, diagnostic?.message ?? "")
    }

    // MARK: Documents

    func testSecondDocumentRejected() {
        let diagnostic = loadError("a: 1\n---\nb: 2\n")

        XCTAssertEqual(diagnostic?.id, "yaml-multiple-documents")
        XCTAssertEqual(position(of: diagnostic), "2:1")
    }

    func testExplicitSingleDocumentLoads() throws {
        let document = try loadYAML("%YAML 1.2\n---\na: 1\n...\n")

        XCTAssertEqual(try document.scalar("a").int, 1)
    }

    func testEmptyAndCommentOnlyFilesHaveNoRoot() throws {
        XCTAssertNil(try loadYAML("").root)
        XCTAssertNil(try loadYAML("# only a comment\n\n").root)
    }

    func testEmptyDocumentIsNull() throws {
        let document = try loadYAML("---\n")

        XCTAssertEqual(document.root?.scalar?.isNull, true)
    }

    // MARK: Keys

    func testDuplicateKeyNamesKeyAndFirstLine() {
        let diagnostic = loadError("name: a\nother: b\nname: c\n")

        XCTAssertEqual(diagnostic?.id, "yaml-duplicate-key")
        XCTAssertEqual(position(of: diagnostic), "3:1")
        XCTAssertTrue(diagnostic?.message.contains("'name'") == true, diagnostic?.message ?? "")
        XCTAssertTrue(diagnostic?.message.contains("line 1") == true, diagnostic?.message ?? "")
    }

    func testDuplicateKeyInNestedFlowMapping() {
        let diagnostic = loadError("outer:\n  inner: {a: 1, b: 2, a: 3}\n")

        XCTAssertEqual(diagnostic?.id, "yaml-duplicate-key")
        XCTAssertEqual(position(of: diagnostic), "2:23")
    }

    func testDuplicateKeysCompareByText() {
        let diagnostic = loadError("a: 1\n\"a\": 2\n")

        XCTAssertEqual(diagnostic?.id, "yaml-duplicate-key")
    }

    func testSameKeyInSiblingMappingsLoads() throws {
        let document = try loadYAML("- name: a\n- name: b\n")

        XCTAssertEqual(try document.scalar(1, "name").value, "b")
    }

    func testSequenceAsKeyRejected() {
        let explicit = loadError("? [a, b]\n: 1\n")
        XCTAssertEqual(explicit?.id, "yaml-complex-key")
        XCTAssertEqual(position(of: explicit), "1:3")

        let flow = loadError("{[a]: 1}\n")
        XCTAssertEqual(flow?.id, "yaml-complex-key")
        XCTAssertEqual(position(of: flow), "1:2")
    }

    func testMappingAliasAsKeyRejected() {
        let diagnostic = loadError("base: &b {x: 1}\n*b : 2\n")

        XCTAssertEqual(diagnostic?.id, "yaml-complex-key")
    }

    func testScalarAliasAsKeyLoads() throws {
        let document = try loadYAML("a: &k key\n*k : 2\n")

        XCTAssertEqual(try document.scalar("key").int, 2)
    }
}
