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
        let inputs = ["a:\n\tb: 1\n", "a: \"unclosed\n", "a: b\u{7}c\n", "é: [1, \u{7}]\n", "a: 'x\n  ''y''\n\n  z'\n", "a: \"\\u00e9\\U0001F600\\x41\\\n   end\"\n", "a: |\r\n  crlf\r\n  lines\r\n", "a: x\u{2028}y\n", "k: v\n---\nk: w\n", "a: b: c\n", "a: @x\n", "key: value\n  bad: 1\n", "a: 1\na: 2\n", "- &x [1, 2]\n- *x\n", "[1, 2]: a\n", "? [1]\n: a\n", "&a x: *a\n", "a: !!int 12x\n", "a: !foo bar\n", "a: !!binary abc\n", "a: *nope\n", "&a [*a]\n", "<<: {a: 1}\n", "{a: 1, a: 2}\n", "a: !!str\nb: ! x\n", ""]
        for input in inputs {
            do { let doc = try YAMLLoader.load(text: input, name: "t.yaml"); dump(doc.root) } catch { print(error.rendered()) }
        }
    }
}
