/// A node of a loaded YAML document. Aliases are already replaced by the node they name.
public indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], start: YAMLMark, end: YAMLMark)
    /// Pairs in file order. Keys are unique within a mapping.
    case mapping([YAMLPair], start: YAMLMark, end: YAMLMark)

    /// The position where the node starts. For a collection with an anchor or tag, that
    /// is the first property.
    public var start: YAMLMark {
        switch self {
        case .scalar(let scalar): return scalar.start
        case .sequence(_, let start, _), .mapping(_, let start, _): return start
        }
    }

    /// Just past the node: past the closing bracket of a flow collection, or past the end
    /// of the last entry of a block collection.
    public var end: YAMLMark {
        switch self {
        case .scalar(let scalar): return scalar.end
        case .sequence(_, _, let end), .mapping(_, _, let end): return end
        }
    }

    /// The scalar, or nil for a collection.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}

/// A key and its value in a mapping. Keys are always scalars, because the loader rejects
/// sequences and mappings used as keys.
public struct YAMLPair: Sendable {
    public let key: YAMLScalar
    public let value: YAMLNode

    public init(key: YAMLScalar, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
