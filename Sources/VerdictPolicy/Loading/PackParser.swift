import VerdictLanguage

/// Builds a `Pack` from the YAML of a pack file.
struct PackParser {
    static let keys = ["kind", "id", "title", "description", "rules"]

    let source: Source
    var diagnostics: [Diagnostic] = []

    mutating func parse(_ root: YAMLNode) -> Pack? {
        guard var reader = MappingReader(root, subject: "the pack", source: source, diagnostics: &diagnostics) else { return nil }
        reader.rejectUnknownKeys(PackParser.keys)
        let id = reader.string("id", required: true)
        let title = reader.string("title", required: true)
        let description = reader.string("description", required: false) ?? ""
        var ruleIDs: [String] = []
        var ruleSpans: [SourceSpan] = []
        if let node = reader.node("rules") {
            if case .sequence(let items, _, _) = node {
                for item in items {
                    guard case .scalar(let scalar) = item else {
                        reader.report("policy-invalid-value", "expected each entry of 'rules' to be a rule id", at: item.span)
                        continue
                    }
                    if let index = ruleIDs.firstIndex(of: scalar.value) {
                        let first = source.location(of: ruleSpans[index].start)
                        reader.report("pack-duplicate-rule", "rule '\(scalar.value)' is listed twice; the first is on line \(first.line)", at: scalar.span)
                        continue
                    }
                    ruleIDs.append(scalar.value)
                    ruleSpans.append(scalar.span)
                }
            } else {
                reader.report("policy-invalid-value", "expected 'rules' to be a list of rule ids", at: node.span)
            }
        } else {
            reader.report("policy-missing-key", "the pack is missing the required key 'rules'", at: reader.span)
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let id, let title, !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return Pack(id: id, title: title, description: description, ruleIDs: ruleIDs, ruleSpans: ruleSpans, file: source)
    }
}
