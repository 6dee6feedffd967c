import VerdictLanguage

/// Loads one YAML file into a `YAMLDocument` with exact positions, rejecting the parts of
/// YAML that a policy file never needs and that make loading unsafe or surprising.
///
/// Parsing is done by libyaml. On top of it the loader rejects, each with a diagnostic
/// positioned at the culprit:
/// - `yaml-syntax`: libyaml's syntax errors;
/// - `yaml-too-large`: a file larger than `Options.maxBytes`;
/// - `yaml-multiple-documents`: a second document in the file;
/// - `yaml-depth`: collections nested deeper than `Options.maxDepth`;
/// - `yaml-alias`: an undefined or recursive alias, or aliases that expand to more than
///   `Options.maxAliasExpansions` nodes;
/// - `yaml-merge-key`: a merge key (`<<`);
/// - `yaml-tag`: a tag outside the core schema, or a value that does not match its tag;
/// - `yaml-complex-key`: a sequence or mapping used as a key;
/// - `yaml-duplicate-key`: a key that appears twice in one mapping. Keys compare by their
///   decoded text, because policy formats look keys up as strings, so `1` and `"1"` are
///   duplicates.
///
/// NOTE: libyaml 0.2 parses YAML 1.1. It rejects some valid YAML 1.2 (empty keys such as
/// `: a`, tabs used as separation, anchor names with characters other than letters,
/// digits, `-` and `_`, and `:` with no space after it inside a flow collection). It also
/// accepts a few invalid inputs, such as a comment with no space before its `#`. The
/// `YAMLTestSuiteTests` lists each case.
public enum YAMLLoader {
    /// Limits that keep a hostile or broken file from using unbounded time or memory.
    public struct Options: Sendable {
        /// The deepest nesting of sequences and mappings, where a top-level collection is
        /// at depth 1.
        public var maxDepth = 64
        /// The number of nodes that alias expansion may produce in one document, counted
        /// over all aliases. Each use of an alias counts every node it copies.
        ///
        /// NOTE: a long scalar counts as one node. Expanded nodes share storage, so memory
        /// stays flat, but a caller that copies every expanded string out pays for each.
        public var maxAliasExpansions = 1_000
        /// The largest file accepted, in UTF-8 bytes.
        public var maxBytes = 16 << 20

        public init() {}
    }

    /// Parses a file's text into a document whose `root` is nil when the file contains no
    /// document (empty or only comments).
    ///
    /// - Parameters:
    ///   - text: the whole file.
    ///   - name: the file path, shown in diagnostics.
    /// - Throws: the first problem found, as a `Diagnostic` with one of the ids listed on
    ///   `YAMLLoader`.
    public static func load(text: String, name: String, options: Options = .init()) throws(Diagnostic) -> YAMLDocument {
        let source = Source(text: text, name: name)
        let bytes = source.utf8

        guard bytes.count <= options.maxBytes else {
            throw Diagnostic(
                id: "yaml-too-large",
                message: "the file has \(bytes.count) bytes, more than the limit of \(options.maxBytes); split it into smaller files",
                span: SourceSpan(start: 0, end: 0), source: source
            )
        }

        let input = LibYAMLInput(bytes)
        var composer = DocumentComposer(
            parser: LibYAMLParser(input: input, count: bytes.count),
            tokenStarts: ScalarTokenStarts(input: input, count: bytes.count),
            positions: TextPositions(bytes: bytes),
            source: source,
            options: options
        )
        let root = try composer.compose()
        return YAMLDocument(root: root, source: source)
    }
}

extension YAMLLoader {
    /// Loads a file, or adds the problem to `diagnostics` and returns nil, for loaders that
    /// report every file's problems and go on with the next file.
    static func load(text: String, name: String, reportingTo diagnostics: inout [Diagnostic]) -> YAMLDocument? {
        do {
            return try load(text: text, name: name)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }
}
