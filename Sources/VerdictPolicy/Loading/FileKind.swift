import VerdictLanguage

/// The kinds of file Verdict reads, named by the top-level `kind` key.
///
/// `PolicyCatalog` and `ResourceSchemaSet` both read a file's kind through `read`, so that
/// a file of no known kind gets the same single diagnostic from both (lint reads every
/// file with both and drops the repeat) and neither parses it as its own kind.
enum FileKind: String, CaseIterable {
    case policy = "Policy"
    case pack = "Pack"
    case resourceSchema = "ResourceSchema"

    /// Returns the kind of a file's root node, or nil after reporting why it has none: the
    /// root is not a mapping, `kind` is missing or not a single value, or it names no known
    /// kind. Kinds are compared exactly, so `kind: policy` is an unknown kind with a
    /// suggestion.
    static func read(_ root: YAMLNode, source: Source, diagnostics: inout [Diagnostic]) -> FileKind? {
        guard var reader = MappingReader(root, subject: "the file", source: source, diagnostics: &diagnostics) else { return nil }
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let text = reader.string("kind", required: true) else { return nil }
        if let kind = FileKind(rawValue: text) { return kind }

        let names = FileKind.allCases.map(\.rawValue)
        let expected = names.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " or '\(names[names.count - 1])'"
        reader.report("policy-invalid-value", "unknown kind '\(text)': expected \(expected)\(Suggestions.phrase(for: text, in: names))",
                      at: reader.node("kind")?.span ?? root.span)
        return nil
    }
}
