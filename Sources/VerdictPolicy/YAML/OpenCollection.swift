/// A finished node with the sizes that alias expansion is checked against.
struct ComposedNode {
    var node: YAMLNode
    /// The number of nodes in the subtree, mapping keys included.
    var nodeCount: Int
    /// How many collections deep the subtree goes: 0 for a scalar.
    var height: Int
}

/// A sequence or mapping whose end event has not come yet.
struct OpenCollection {
    enum Content {
        case sequence([YAMLNode])
        case mapping(MappingContent)
    }

    var content: Content
    let start: YAMLMark
    let anchor: String?
    let isFlow: Bool
    var nodeCount = 1
    var childHeight = 0
    /// The end of the last entry, which ends a block collection.
    var lastEntryEnd: YAMLMark

    init(content: Content, start: YAMLMark, anchor: String?, isFlow: Bool) {
        self.content = content
        self.start = start
        self.anchor = anchor
        self.isFlow = isFlow
        self.lastEntryEnd = start
    }

    /// True when the next node added becomes a mapping key.
    var expectsKey: Bool {
        if case .mapping(let mapping) = content { return mapping.pendingKey == nil }
        return false
    }

    /// Counts a child node that the caller has already placed in `content`.
    mutating func count(_ child: ComposedNode) {
        nodeCount += child.nodeCount
        childHeight = max(childHeight, child.height)
        lastEntryEnd = child.node.end
    }

    /// Builds the finished collection. `end` is the end event's mark, which ends a flow
    /// collection.
    func close(end: YAMLMark) -> ComposedNode {
        let finalEnd = isFlow ? end : lastEntryEnd
        let node: YAMLNode
        switch content {
        case .sequence(let items):
            node = .sequence(items, start: start, end: finalEnd)
        case .mapping(let mapping):
            node = .mapping(mapping.pairs, start: start, end: finalEnd)
        }
        return ComposedNode(node: node, nodeCount: nodeCount, height: childHeight + 1)
    }
}

/// The pairs of a mapping being read, and the key waiting for its value.
struct MappingContent {
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLScalar?
    /// The first key with each text, to report duplicates.
    var keysByText: [String: YAMLScalar] = [:]
}
