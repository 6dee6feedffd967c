import VerdictLanguage

/// Reads the keys of one YAML mapping by the rules of a file format, collecting
/// diagnostics for wrong types, missing keys and unknown keys instead of stopping at the
/// first problem.
struct MappingReader {
    let pairs: [YAMLPair]
    let span: SourceSpan
    let source: Source
    /// What the mapping is, for messages: "policy", "parameter 'minZones'".
    let subject: String
    var diagnostics: [Diagnostic] = []
    /// The keys the format defines, set by `rejectUnknownKeys`.
    private var knownKeys: [String] = []

    init?(_ node: YAMLNode, subject: String, source: Source, diagnostics: inout [Diagnostic]) {
        guard case .mapping(let pairs, _, _) = node else {
            diagnostics.append(Diagnostic(id: "policy-invalid-value",
                message: "expected \(subject) to be a mapping of keys to values but found \(node.kindName)",
                span: node.span, source: source))
            return nil
        }
        self.pairs = pairs
        self.span = node.span
        self.source = source
        self.subject = subject
    }

    func node(_ key: String) -> YAMLNode? {
        pairs.first { $0.key.value == key }?.value
    }

    func keySpan(_ key: String) -> SourceSpan? {
        pairs.first { $0.key.value == key }?.key.span
    }

    mutating func report(_ id: String, _ message: String, at span: SourceSpan, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity: severity, id: id, message: message, span: span, source: source))
    }

    /// Reports keys outside `known`, suggesting the closest known key.
    mutating func rejectUnknownKeys(_ known: [String]) {
        knownKeys = known
        for pair in pairs where !known.contains(pair.key.value) {
            let suggestion = Suggestions.phrase(for: pair.key.value, in: known)
            report("policy-unknown-key", "unknown key '\(pair.key.value)' in \(subject)\(suggestion)", at: pair.key.span)
        }
    }

    /// Reports a missing required key, unless an unknown key is a close match of it: the
    /// unknown-key message already suggests the key, and a second message about the same
    /// typo would only add noise.
    mutating func reportMissing(_ key: String, message: String? = nil) {
        let misspelled = pairs.contains { pair in
            !knownKeys.contains(pair.key.value) && Suggestions.closest(to: pair.key.value, in: knownKeys).contains(key)
        }
        if misspelled { return }
        report("policy-missing-key", message ?? "\(subject) is missing the required key '\(key)'", at: span)
    }

    /// A scalar value; reports a missing required key or a non-scalar value.
    mutating func scalar(_ key: String, required: Bool) -> YAMLScalar? {
        guard let node = node(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report("policy-invalid-value", "expected '\(key)' to be a single value but found \(node.kindName)", at: node.span)
            return nil
        }
        return scalar
    }

    /// A text value: any scalar except null; numbers and booleans keep their text.
    mutating func string(_ key: String, required: Bool) -> String? {
        guard let scalar = scalar(key, required: required) else { return nil }
        if scalar.isNull && scalar.style == .plain {
            report("policy-invalid-value", "'\(key)' is empty; write a value or remove the key", at: scalar.span)
            return nil
        }
        // A folded or literal block keeps its final line break, which reports do not want.
        return scalar.style == .literal || scalar.style == .folded ? scalar.value.trimmingWhitespace() : scalar.value
    }

    /// Reads text that readers see, such as a title or a message: like `string`, but text
    /// of only white space (`""`) is reported too, with `advice` on what to write.
    mutating func text(_ key: String, required: Bool, advice: String) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if text.trimmingWhitespace().isEmpty {
            report("policy-invalid-value", "'\(key)' is empty; \(advice)", at: node(key)!.span)
            return nil
        }
        return text
    }

    /// A list of text values; a single scalar is accepted as a list of one.
    mutating func strings(_ key: String, required: Bool) -> [String]? {
        stringEntries(key, required: required)?.map(\.value)
    }

    /// Reads a list of text values with the span of each, for diagnostics about one entry.
    mutating func stringEntries(_ key: String, required: Bool) -> [(value: String, span: SourceSpan)]? {
        guard let node = node(key) else {
            if required { reportMissing(key) }
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return [(scalar.value, scalar.span)]
        case .sequence(let items, _, _):
            var entries: [(value: String, span: SourceSpan)] = []
            for item in items {
                guard case .scalar(let scalar) = item else {
                    report("policy-invalid-value", "expected each entry of '\(key)' to be a single value but found \(item.kindName)", at: item.span)
                    continue
                }
                entries.append((scalar.value, scalar.span))
            }
            return entries
        case .mapping:
            report("policy-invalid-value", "expected '\(key)' to be a list but found a mapping", at: node.span)
            return nil
        }
    }
}
