import VerdictLanguage

/// A loaded YAML file.
public struct YAMLDocument: Sendable {
    /// The top node, or nil when the file contains no document (empty, or only comments).
    public let root: YAMLNode?
    /// The file: `name` is the path given to the loader and `text` the whole file text.
    public let source: Source

    public init(root: YAMLNode?, source: Source) {
        self.root = root
        self.source = source
    }
}
