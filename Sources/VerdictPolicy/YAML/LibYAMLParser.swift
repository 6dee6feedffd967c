import CYAML

/// The UTF-8 bytes that libyaml reads, in memory that stays put while parsers use it.
final class LibYAMLInput {
    let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: [UInt8]) {
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
    }

    deinit {
        buffer.deallocate()
    }
}

/// A libyaml parser over one input, used either for events (`nextEvent`) or for tokens
/// (`nextScalarToken`), never both: libyaml forbids mixing the two on one parser.
final class LibYAMLParser {
    private let input: LibYAMLInput
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var isInitialized = false

    init(input: LibYAMLInput, count: Int) {
        self.input = input
        parser = .allocate(capacity: 1)
        isInitialized = yaml_parser_initialize(parser) == 1
        guard isInitialized else { return }

        // libyaml detects the encoding from the first bytes. Swift strings are valid
        // UTF-8, which cannot start with a UTF-16 byte order mark, so it always picks
        // UTF-8. A UTF-8 byte order mark at the start is skipped without being counted
        // in character indexes, and `TextPositions` makes up for that.
        yaml_parser_set_input_string(parser, input.buffer.baseAddress, count)
    }

    deinit {
        if isInitialized { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    /// Reads the next event, or throws libyaml's error.
    func nextEvent() throws(LibYAMLError) -> ParseEvent {
        guard isInitialized else { throw LibYAMLError.outOfMemory }

        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw currentError() }
        defer { yaml_event_delete(&event) }

        let start = Int(event.start_mark.index)
        let end = Int(event.end_mark.index)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(start: start)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", start: start, end: end)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = Array(UnsafeBufferPointer(start: scalar.value, count: scalar.length))
            let properties = ParseEvent.Properties(anchor: Self.string(scalar.anchor), tag: Self.string(scalar.tag))
            return .scalar(value: value, style: Self.style(scalar.style), properties: properties, start: start, end: end)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            let properties = ParseEvent.Properties(anchor: Self.string(sequence.anchor), tag: Self.string(sequence.tag))
            return .sequenceStart(properties: properties, isFlow: sequence.style == YAML_FLOW_SEQUENCE_STYLE, start: start)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd(end: end)
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            let properties = ParseEvent.Properties(anchor: Self.string(mapping.anchor), tag: Self.string(mapping.tag))
            return .mappingStart(properties: properties, isFlow: mapping.style == YAML_FLOW_MAPPING_STYLE, start: start)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd(end: end)
        default:
            // YAML_STREAM_END_EVENT, and YAML_NO_EVENT, which libyaml returns only after
            // the stream has ended.
            return .streamEnd
        }
    }

    /// Scans to the next scalar token and returns its start and end character indexes, or
    /// nil at the end of the stream or at a scanner error.
    func nextScalarToken() -> (start: Int, end: Int)? {
        guard isInitialized else { return nil }

        while true {
            var token = yaml_token_t()
            guard yaml_parser_scan(parser, &token) == 1 else { return nil }
            defer { yaml_token_delete(&token) }

            switch token.type {
            case YAML_SCALAR_TOKEN:
                return (Int(token.start_mark.index), Int(token.end_mark.index))
            case YAML_STREAM_END_TOKEN, YAML_NO_TOKEN:
                return nil
            default:
                continue
            }
        }
    }

    private func currentError() -> LibYAMLError {
        let state = parser.pointee
        if state.error == YAML_MEMORY_ERROR { return .outOfMemory }
        return LibYAMLError(
            isReaderError: state.error == YAML_READER_ERROR,
            problem: state.problem.map { String(cString: $0) } ?? "invalid YAML",
            problemIndex: Int(state.problem_mark.index),
            readerByteOffset: Int(state.problem_offset),
            readerValue: Int(state.problem_value),
            context: state.context.map { String(cString: $0) },
            contextIndex: Int(state.context_mark.index)
        )
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
