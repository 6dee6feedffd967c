import VerdictLanguage

/// Why conformance tests do not apply to Verdict, in one place. Verdict's expressions
/// evaluate JSON documents and have no protocol buffer messages, enums or wrappers, so
/// tests that build or read messages cannot run; nor can tests about static types or
/// unknown values, which the runner does not compare.
public enum SkipRules {
    /// The reason a test does not apply, or nil when it does.
    public static func reason(for test: ConformanceTest) -> String? {
        let text = JSONWriter.string(test.raw)
        if test.raw["container"] != nil {
            return "resolves names in a protobuf package (container)"
        }
        for marker in ["TestAllTypes", "type.googleapis.com", "object_value", "enum_value"] where text.contains(marker) {
            return "uses protobuf messages (\(marker))"
        }
        if usesProtobufType(text) {
            return "uses google.protobuf message types other than Timestamp and Duration"
        }
        if test.raw["check_only"] != nil {
            return "checks static types only"
        }
        if case .other(let what) = test.expectation {
            return "expects a \(what), which the runner does not compare"
        }
        return nil
    }

    /// Whether the test names a `google.protobuf.` type other than Timestamp and Duration,
    /// which Verdict has as type values.
    private static func usesProtobufType(_ text: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.range(of: "google.protobuf.") {
            let after = rest[range.upperBound...]
            if !after.hasPrefix("Timestamp") && !after.hasPrefix("Duration") { return true }
            rest = after
        }
        return false
    }
}
