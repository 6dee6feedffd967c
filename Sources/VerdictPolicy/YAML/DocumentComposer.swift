import VerdictLanguage

/// Builds the node tree of one document from libyaml's events.
///
/// This is where the loader's safety rules apply: one document per file, limited nesting,
/// aliases expanded within a budget of nodes, only core tags, scalar keys without
/// duplicates, and no merge keys.
struct DocumentComposer {
    let parser: LibYAMLParser
    let tokenStarts: ScalarTokenStarts
    let positions: TextPositions
    let source: Source
    let options: YAMLLoader.Options

    private var stack: [OpenCollection] = []
    private var anchors: [String: ComposedNode] = [:]
    private var aliasNodesProduced = 0
    private var root: YAMLNode?

    init(parser: LibYAMLParser, tokenStarts: ScalarTokenStarts, positions: TextPositions, source: Source, options: YAMLLoader.Options) {
        self.parser = parser
        self.tokenStarts = tokenStarts
        self.positions = positions
        self.source = source
        self.options = options
    }

    /// Reads all events and returns the document's root, or nil when the stream has no
    /// document.
    mutating func compose() throws(Diagnostic) -> YAMLNode? {
        var documentCount = 0
        while true {
            let event: ParseEvent
            do {
                event = try parser.nextEvent()
            } catch {
                throw error.diagnostic(positions: positions, source: source)
            }

            switch event {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return root
            case .documentStart(let start):
                documentCount += 1
                if documentCount > 1 {
                    let offset = positions.byteOffset(ofCharacterIndex: start)
                    throw failure("yaml-multiple-documents", "found a second document, but a policy file must contain exactly one; move this document to a file of its own", at: offset..<(offset + 1))
                }
            case let .scalar(value, style, properties, start, end):
                let composed = try composeScalar(value: value, style: style, properties: properties, start: start, end: end)
                try add(composed)
            case let .alias(anchor, start, end):
                let composed = try resolveAlias(anchor, start: start, end: end)
                try add(composed)
            case let .sequenceStart(properties, isFlow, start):
                try open(.sequence([]), properties: properties, isFlow: isFlow, start: start)
            case let .mappingStart(properties, isFlow, start):
                try open(.mapping(MappingContent()), properties: properties, isFlow: isFlow, start: start)
            case .sequenceEnd(let end), .mappingEnd(let end):
                try closeCollection(end: end)
            }
        }
    }

    // MARK: Scalars

    private mutating func composeScalar(value: [UInt8], style: YAMLScalarStyle, properties: ParseEvent.Properties, start: Int, end: Int) throws(Diagnostic) -> ComposedNode {
        // With an anchor or tag, the event starts at the first property. An empty scalar
        // that has only properties has no token, and is placed just past them.
        var textStart = start
        if properties.anchor != nil || properties.tag != nil {
            textStart = tokenStarts.start(ofScalarEndingAt: end) ?? end
        }
        let startMark = positions.mark(atCharacterIndex: textStart)
        let endMark = positions.mark(atCharacterIndex: end)

        let mapper = ScalarOffsetMapper(file: positions.bytes, positions: positions)
        let offsetMap = mapper.offsetMap(style: style, region: startMark.offset..<endMark.offset, value: value)
        let scalar = YAMLScalar(
            value: String(decoding: value, as: UTF8.self), style: style, tag: properties.tag,
            start: startMark, end: endMark,
            offsetMap: offsetMap.map, offsetMapIsExact: offsetMap.isExact
        )

        if let tag = properties.tag {
            let propertiesStart = positions.byteOffset(ofCharacterIndex: start)
            try checkScalarTag(tag, of: scalar, propertiesAt: propertiesStart..<startMark.offset)
        }

        let composed = ComposedNode(node: .scalar(scalar), nodeCount: 1, height: 0)
        if let anchor = properties.anchor { anchors[anchor] = composed }
        return composed
    }

    private func checkScalarTag(_ tag: String, of scalar: YAMLScalar, propertiesAt properties: Range<Int>) throws(Diagnostic) {
        let tagRange = tagRange(in: properties)
        if NegationTag.isNegation(tag: tag, key: pendingKey) {
            let written = NegationTag.lineText(from: tagRange.lowerBound, in: positions.bytes)
            throw failure("yaml-tag", NegationTag.message(for: written), at: tagRange)
        }
        let shown = YAMLTag.shortForm(tag)
        let conforms: Bool
        let typeName: String
        switch tag {
        case YAMLTag.string, YAMLTag.nonSpecific:
            return
        case YAMLTag.integer:
            (conforms, typeName) = (scalar.int != nil, "an integer")
        case YAMLTag.float:
            (conforms, typeName) = (scalar.double != nil, "a floating-point number")
        case YAMLTag.boolean:
            (conforms, typeName) = (scalar.bool != nil, "true or false")
        case YAMLTag.null:
            (conforms, typeName) = (scalar.isNull, "null")
        case YAMLTag.sequence, YAMLTag.mapping:
            throw failure("yaml-tag", "the tag '\(shown)' is for collections but this node is a scalar; remove the tag", at: tagRange)
        default:
            throw failure("yaml-tag", YAMLTag.unsupportedMessage(tag), at: tagRange)
        }

        if !conforms {
            throw failure("yaml-tag", "the value '\(scalar.value)' is tagged '\(shown)' but is not \(typeName); fix the value or remove the tag", at: tagRange)
        }
    }

    /// The text of the key whose value is being read, when the open collection is a mapping.
    private var pendingKey: String? {
        if case .mapping(let mapping)? = stack.last?.content { return mapping.pendingKey?.value }
        return nil
    }

    /// Finds the tag in a node's properties: from its `!` to the next blank or line break.
    /// Anchors cannot contain `!`, so the first one starts the tag.
    private func tagRange(in properties: Range<Int>) -> Range<Int> {
        let bytes = positions.bytes
        guard let tagStart = properties.first(where: { bytes[$0] == UInt8(ascii: "!") }) else { return properties }
        var tagEnd = tagStart
        while tagEnd < properties.upperBound,
              !YAMLCharacters.isBlank(bytes, at: tagEnd, end: properties.upperBound),
              !YAMLCharacters.isLineBreak(bytes, at: tagEnd, end: properties.upperBound) {
            tagEnd += 1
        }
        return tagStart..<tagEnd
    }

    // MARK: Aliases

    private mutating func resolveAlias(_ anchor: String, start: Int, end: Int) throws(Diagnostic) -> ComposedNode {
        let range = positions.byteOffset(ofCharacterIndex: start)..<positions.byteOffset(ofCharacterIndex: end)

        if stack.contains(where: { $0.anchor == anchor }) {
            throw failure("yaml-alias", "the alias '*\(anchor)' refers to a node that contains it; recursive structures are not supported", at: range)
        }
        guard let target = anchors[anchor] else {
            throw failure("yaml-alias", "the alias '*\(anchor)' refers to no anchor; define '&\(anchor)' on a node before this alias", at: range)
        }

        // Each use of an alias copies its node, so a few short lines can stand for an
        // exponential number of nodes ("billion laughs"). The budget bounds that work.
        aliasNodesProduced += target.nodeCount
        if aliasNodesProduced > options.maxAliasExpansions {
            throw failure("yaml-alias", "aliases in this document expand to more than \(options.maxAliasExpansions) nodes in total; write the repeated content out or use fewer aliases", at: range)
        }
        if stack.count + target.height > options.maxDepth {
            throw failure("yaml-depth", "the alias '*\(anchor)' nests collections deeper than \(options.maxDepth) levels; flatten the structure", at: range)
        }
        return target
    }

    // MARK: Collections

    private mutating func open(_ content: OpenCollection.Content, properties: ParseEvent.Properties, isFlow: Bool, start: Int) throws(Diagnostic) {
        let startOffset = positions.byteOffset(ofCharacterIndex: start)
        let here = startOffset..<(startOffset + 1)
        let isSequence: Bool
        if case .sequence = content { isSequence = true } else { isSequence = false }

        if stack.last?.expectsKey == true {
            throw failure("yaml-complex-key", "a \(isSequence ? "sequence" : "mapping") is used as a mapping key, but keys must be scalars; use a string key", at: here)
        }
        if stack.count + 1 > options.maxDepth {
            throw failure("yaml-depth", "collections are nested deeper than \(options.maxDepth) levels; flatten the structure", at: here)
        }
        if let tag = properties.tag {
            try checkCollectionTag(tag, isSequence: isSequence, at: startOffset)
        }

        stack.append(OpenCollection(content: content, start: positions.mark(atByte: startOffset), anchor: properties.anchor, isFlow: isFlow))
    }

    private func checkCollectionTag(_ tag: String, isSequence: Bool, at startOffset: Int) throws(Diagnostic) {
        let expected = isSequence ? YAMLTag.sequence : YAMLTag.mapping
        if tag == expected || tag == YAMLTag.nonSpecific { return }

        let tagRange = tagRange(in: startOffset..<positions.bytes.count)
        if YAMLTag.allowedTags.contains(tag) {
            let kind = isSequence ? "a sequence" : "a mapping"
            throw failure("yaml-tag", "the tag '\(YAMLTag.shortForm(tag))' cannot be used on \(kind); remove the tag", at: tagRange)
        }
        throw failure("yaml-tag", YAMLTag.unsupportedMessage(tag), at: tagRange)
    }

    private mutating func closeCollection(end: Int) throws(Diagnostic) {
        guard let collection = stack.popLast() else { return }
        let composed = collection.close(end: positions.mark(atCharacterIndex: end))
        if let anchor = collection.anchor { anchors[anchor] = composed }
        try add(composed)
    }

    // MARK: Placing nodes

    /// Places a finished node in the open collection, or makes it the root.
    private mutating func add(_ child: ComposedNode) throws(Diagnostic) {
        guard var parent = stack.popLast() else {
            root = child.node
            return
        }

        switch parent.content {
        case .sequence(var items):
            // Taking the array out of the enum before appending keeps it uniquely
            // referenced, so the append does not copy it.
            parent.content = .sequence([])
            items.append(child.node)
            parent.content = .sequence(items)
        case .mapping(var mapping):
            parent.content = .sequence([])
            try add(child.node, to: &mapping)
            parent.content = .mapping(mapping)
        }
        parent.count(child)
        stack.append(parent)
    }

    private func add(_ node: YAMLNode, to mapping: inout MappingContent) throws(Diagnostic) {
        if let key = mapping.pendingKey {
            mapping.pairs.append(YAMLPair(key: key, value: node))
            mapping.pendingKey = nil
            return
        }

        guard case .scalar(let key) = node else {
            throw failure("yaml-complex-key", "a collection is used as a mapping key, but keys must be scalars; use a string key", at: node.start.offset..<(node.start.offset + 1))
        }
        let keyRange = key.start.offset..<max(key.end.offset, key.start.offset + 1)

        if key.style == .plain && key.tag == nil && key.value == "<<" {
            throw failure("yaml-merge-key", "merge keys ('<<') are not supported; write the merged keys out in this mapping, or quote '<<' if it is a key of its own", at: keyRange)
        }
        if let first = mapping.keysByText[key.value] {
            throw failure("yaml-duplicate-key", "duplicate key '\(key.value)', first defined at line \(first.start.line), column \(first.start.column); remove or rename one of them", at: keyRange)
        }

        mapping.keysByText[key.value] = key
        mapping.pendingKey = key
    }

    private func failure(_ id: String, _ message: String, at range: Range<Int>) -> Diagnostic {
        let end = min(range.upperBound, positions.bytes.count)
        let start = min(range.lowerBound, end)
        return Diagnostic(id: id, message: message, span: SourceSpan(start: start, end: end), source: source)
    }
}
