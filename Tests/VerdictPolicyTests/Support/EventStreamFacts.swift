/// Facts about a test suite case read from its expected event stream (`test.event`),
/// which show whether the case uses something that the loader rejects on purpose.
///
/// Reading the expected events, not our own output, keeps the skip rule independent of
/// the loader: a case that the loader wrongly rejects is not skipped by accident.
struct EventStreamFacts {
    var documentCount = 0
    var usesMergeKey = false
    var nonCoreTags: [String] = []
    var hasComplexKey = false
    /// The nodes that alias expansion produces, counted as the loader counts them.
    var aliasNodesProduced = 0

    private static let allowedTags: Set<String> = [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map", "!",
    ]

    /// An open collection while walking the events.
    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        var childCount = 0
        var nodeCount = 1
    }

    init(events: String) {
        var frames: [Frame] = []
        var anchorSizes: [String: Int] = [:]
        var collectionAnchors: Set<String> = []

        func isKeyPosition() -> Bool {
            guard let top = frames.last else { return false }
            return top.isMapping && top.childCount % 2 == 0
        }
        func finish(nodeCount: Int) {
            guard !frames.isEmpty else { return }
            frames[frames.count - 1].childCount += 1
            frames[frames.count - 1].nodeCount += nodeCount
        }

        for line in events.split(separator: "\n") {
            let event = EventLine(line)
            if let tag = event.tag, !Self.allowedTags.contains(tag) { nonCoreTags.append(tag) }

            switch event.kind {
            case "+DOC":
                documentCount += 1
            case "+MAP", "+SEQ":
                if isKeyPosition() { hasComplexKey = true }
                frames.append(Frame(isMapping: event.kind == "+MAP", anchor: event.anchor))
            case "-MAP", "-SEQ":
                let frame = frames.removeLast()
                if let anchor = frame.anchor {
                    anchorSizes[anchor] = frame.nodeCount
                    collectionAnchors.insert(anchor)
                }
                finish(nodeCount: frame.nodeCount)
            case "=VAL":
                if isKeyPosition() && event.value == ":<<" && event.tag == nil { usesMergeKey = true }
                if let anchor = event.anchor {
                    anchorSizes[anchor] = 1
                    collectionAnchors.remove(anchor)
                }
                finish(nodeCount: 1)
            case "=ALI":
                let name = String(event.value?.dropFirst() ?? "")
                if isKeyPosition() && collectionAnchors.contains(name) { hasComplexKey = true }
                let size = anchorSizes[name] ?? 1
                aliasNodesProduced += size
                finish(nodeCount: size)
            default:
                continue
            }
        }
    }

    /// Lists the loader's diagnostic ids that this case may fail with because of what it
    /// uses, each with the reason. The list is empty when the case uses nothing that is
    /// rejected on purpose.
    func deliberateRejections(maxAliasExpansions: Int) -> [(id: String, reason: String)] {
        var rejections: [(id: String, reason: String)] = []
        if documentCount > 1 { rejections.append(("yaml-multiple-documents", "several documents")) }
        if usesMergeKey { rejections.append(("yaml-merge-key", "merge key")) }
        if !nonCoreTags.isEmpty { rejections.append(("yaml-tag", "non-core tag")) }
        if hasComplexKey { rejections.append(("yaml-complex-key", "complex key")) }
        if aliasNodesProduced > maxAliasExpansions { rejections.append(("yaml-alias", "aliases beyond the limit")) }
        return rejections
    }
}

/// One line of a `test.event` file. It has the event kind, then an optional anchor
/// (`&a`), tag (`<tag>`) and collection style (`{}` or `[]`), then the scalar value or
/// alias. The value starts with its style indicator (`:`, `'`, `"`, `|`, `>`) or `*`,
/// and may contain spaces.
private struct EventLine {
    var kind = ""
    var anchor: String?
    var tag: String?
    var value: String?

    init(_ line: Substring) {
        var rest = line[...]
        func nextField() -> Substring {
            let field = rest.prefix { $0 != " " }
            rest = rest.dropFirst(field.count).drop { $0 == " " }
            return field
        }

        kind = String(nextField())
        while !rest.isEmpty {
            if rest.hasPrefix("&") {
                anchor = String(nextField().dropFirst())
            } else if rest.hasPrefix("<") {
                tag = String(nextField().dropFirst().dropLast())
            } else if rest.hasPrefix("{}") || rest.hasPrefix("[]") {
                _ = nextField()
            } else {
                value = String(rest)
                rest = ""
            }
        }
    }
}
