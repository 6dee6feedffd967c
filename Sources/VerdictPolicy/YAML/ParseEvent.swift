/// One of libyaml's parse events, copied out of C memory. Positions are libyaml's
/// character indexes, which `TextPositions` turns into offsets and marks.
enum ParseEvent {
    /// An anchor (`&name`) and a tag, as they appear in front of a node.
    struct Properties {
        var anchor: String?
        var tag: String?
    }

    case streamStart
    case streamEnd
    case documentStart(start: Int)
    case documentEnd
    case alias(anchor: String, start: Int, end: Int)
    case scalar(value: [UInt8], style: YAMLScalarStyle, properties: Properties, start: Int, end: Int)
    case sequenceStart(properties: Properties, isFlow: Bool, start: Int)
    case sequenceEnd(end: Int)
    case mappingStart(properties: Properties, isFlow: Bool, start: Int)
    case mappingEnd(end: Int)
}
