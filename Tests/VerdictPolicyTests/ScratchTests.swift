import XCTest
@testable import VerdictPolicy

final class ScratchTests: XCTestCase {
    func dump(_ node: YAMLNode?, _ indent: String = "") {
        guard let node else { print(indent + "nil"); return }
        switch node {
        case .scalar(let s):
            print(indent + "scalar \(s.value.debugDescription) \(s.style) tag=\(s.tag ?? "-") \(s.start)-\(s.end) exact=\(s.offsetMapIsExact) map=\(s.offsetMap)")
        case .sequence(let items, let start, let end):
            print(indent + "seq \(start)-\(end)")
            for item in items { dump(item, indent + "  ") }
        case .mapping(let pairs, let start, let end):
            print(indent + "map \(start)-\(end)")
            for pair in pairs { dump(.scalar(pair.key), indent + "  K "); dump(pair.value, indent + "  V ") }
        }
    }
    func testScratch() {
        let inputs = ["a: 1\nb:\n  - x\n  - \"y\\x41z\"\nc: |2\n   lit\n  more\n", "\u{FEFF}é: ü\r\nx: !!str 5\n", "a:\nb: c\n", "key: &a !!str\n  value\nother: *a\n", "- >-\n  folded\n  text\n\n  para\n"]
        for input in inputs {
            do { let doc = try YAMLLoader.load(text: input, name: "t.yaml"); dump(doc.root) } catch { print(error.rendered()) }
        }
    }
}
