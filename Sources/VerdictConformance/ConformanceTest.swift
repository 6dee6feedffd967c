import VerdictLanguage

/// One test of CEL's conformance suite, as stored in the JSON form of its
/// `SimpleTestFile` messages.
public struct ConformanceTest: Sendable {
    public let file: String
    public let section: String
    public let name: String
    public let expression: String
    /// Variable values, by name.
    public let bindings: [String: Value]
    /// Names the checker would declare; evaluation declares them too, unbound unless bound.
    public let declaredNames: [String]
    public let expectation: Expectation
    /// The raw test, for the skip rules.
    let raw: Value

    public enum Expectation: Sendable {
        case value(Value)
        case error
        /// The test checks something this runner does not compare (static types, unknowns).
        case other(String)
    }

    public var qualifiedName: String { "\(file)/\(section)/\(name)" }
}

/// Reading conformance files into tests.
public enum ConformanceFile {
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func tests(in bytes: [UInt8], file: String) throws -> [ConformanceTest] {
        let root: Value
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw ReadError(description: "\(file): invalid JSON: \(error)")
        }
        var tests: [ConformanceTest] = []
        for section in root["section"]?.listElements ?? [] {
            let sectionName = section["name"]?.stringValue ?? "?"
            for test in section["test"]?.listElements ?? [] {
                tests.append(try makeTest(test, file: file, section: sectionName))
            }
        }
        return tests
    }

    private static func makeTest(_ test: Value, file: String, section: String) throws -> ConformanceTest {
        var bindings: [String: Value] = [:]
        var unsupportedBinding = false
        if case .map(let map)? = test["bindings"] {
            for (key, binding) in map.entries {
                guard case .string(let name) = key else { continue }
                if let value = binding["value"] {
                    if let decoded = try? ProtoValue.decode(value) { bindings[name] = decoded } else { unsupportedBinding = true }
                }
            }
        }
        var declared = Array(bindings.keys)
        for declaration in test["type_env"]?.listElements ?? [] {
            if let name = declaration["name"]?.stringValue, declaration["ident"] != nil, !declared.contains(name) {
                declared.append(name)
            }
        }

        let expectation: ConformanceTest.Expectation
        if unsupportedBinding {
            expectation = .other("binding without a JSON form (a protobuf message)")
        } else if let value = test["value"] {
            expectation = (try? ProtoValue.decode(value)).map { .value($0) } ?? .other("expected value has no JSON form")
        } else if test["eval_error"] != nil {
            expectation = .error
        } else if test["typed_result"] != nil {
            expectation = .other("typed result")
        } else if test["unknown"] != nil || test["any_unknowns"] != nil {
            expectation = .other("unknown result")
        } else {
            // A test without an expected result expects true.
            expectation = .value(.bool(true))
        }

        return ConformanceTest(
            file: file, section: section, name: test["name"]?.stringValue ?? "?",
            expression: test["expr"]?.stringValue ?? "", bindings: bindings,
            declaredNames: declared.sorted(), expectation: expectation, raw: test)
    }
}

extension Value {
    subscript(key: String) -> Value? {
        guard case .map(let map) = self else { return nil }
        return map.value(forKey: key)
    }

    var listElements: [Value]? {
        guard case .list(let elements) = self else { return nil }
        return elements
    }

    var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }
}
