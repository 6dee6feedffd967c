import VerdictLanguage

/// Conversion of YAML nodes into expression values, by the YAML 1.2 core schema: plain
/// `null`, `true`, `false`, integers and floats are typed, everything else (quoted
/// scalars, `yes`, `no`, `on`, `off`) is a string.
enum YAMLValues {
    static func value(of node: YAMLNode) -> Value {
        switch node {
        case .scalar(let scalar):
            return value(of: scalar)
        case .sequence(let items, _, _):
            return .list(items.map(value(of:)))
        case .mapping(let pairs, _, _):
            return .object(pairs.map { ($0.key.value, value(of: $0.value)) })
        }
    }

    static func value(of scalar: YAMLScalar) -> Value {
        if scalar.isNull { return .null }
        if let flag = scalar.bool { return .bool(flag) }
        if let number = scalar.int { return .int(number) }
        if let number = scalar.double { return .double(number) }
        return .string(scalar.value)
    }
}

extension YAMLNode {
    var span: SourceSpan { SourceSpan(start: start.offset, end: end.offset) }

    /// A short name of the node's kind for messages.
    var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

extension YAMLScalar {
    var span: SourceSpan { SourceSpan(start: start.offset, end: end.offset) }
}
