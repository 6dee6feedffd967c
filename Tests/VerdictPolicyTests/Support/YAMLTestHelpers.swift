import XCTest
import VerdictLanguage
@testable import VerdictPolicy

/// Loads YAML text, failing the test with the rendered diagnostic when it does not load.
func loadYAML(_ text: String, options: YAMLLoader.Options = .init(), file: StaticString = #filePath, line: UInt = #line) throws -> YAMLDocument {
    do {
        return try YAMLLoader.load(text: text, name: "policy.yaml", options: options)
    } catch {
        XCTFail("expected to load, got \(error.rendered())", file: file, line: line)
        throw error
    }
}

/// Returns the diagnostic for YAML text that must not load, or nil (and a test failure)
/// when it loads.
func loadError(_ text: String, options: YAMLLoader.Options = .init(), file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
    do {
        _ = try YAMLLoader.load(text: text, name: "policy.yaml", options: options)
        XCTFail("expected an error, but the text loaded", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Returns the line and column of a diagnostic, as "LINE:COLUMN".
func position(of diagnostic: Diagnostic?) -> String? {
    diagnostic.map { "\($0.location.line):\($0.location.column)" }
}

extension YAMLNode {
    /// The value of a key in a mapping, or nil.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs, _, _) = self else { return nil }
        return pairs.first { $0.key.value == key }?.value
    }

    /// The item at an index of a sequence, or nil.
    subscript(index: Int) -> YAMLNode? {
        guard case .sequence(let items, _, _) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var items: [YAMLNode] {
        if case .sequence(let items, _, _) = self { return items }
        return []
    }

    var pairs: [YAMLPair] {
        if case .mapping(let pairs, _, _) = self { return pairs }
        return []
    }
}

extension YAMLDocument {
    /// Returns the scalar at a path of keys and indexes, failing the test when there is
    /// none.
    func scalar(_ path: Any..., file: StaticString = #filePath, line: UInt = #line) throws -> YAMLScalar {
        var node = root
        for step in path {
            if let key = step as? String { node = node?[key] }
            else if let index = step as? Int { node = node?[index] }
        }
        return try XCTUnwrap(node?.scalar, "no scalar at \(path)", file: file, line: line)
    }

    /// Returns the file position, as "LINE:COLUMN", of a UTF-8 offset in a scalar's value.
    /// It goes through the embedded `Source`, as an expression's diagnostics do.
    func position(ofValueByte offset: Int, in scalar: YAMLScalar) -> String {
        let location = scalar.embeddedSource(in: self).location(of: offset)
        return "\(location.line):\(location.column)"
    }
}
