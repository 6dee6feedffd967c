import VerdictLanguage

/// Reads a `kind: ResourceSchema` file. Field types are written as YAML:
///
/// - a scalar names a type: `string`, `int`, `double`, `bool`, `null`, `any`, or a union
///   such as `bool | string`;
/// - a mapping is an object with those fields, closed unless it has `$open: true`;
/// - a sequence of one item is a list of that item's type;
/// - a mapping with only `$json:` is a string that holds JSON of the given shape.
struct SchemaParser {
    static let keys = ["kind", "resourceType", "description", "configuration"]
    static let scalarTypes: [String: StaticType] = [
        "string": .string, "int": .int, "double": .double, "bool": .bool, "null": .null, "any": .dyn,
    ]

    let source: Source
    var diagnostics: [Diagnostic] = []

    init(source: Source) {
        self.source = source
    }

    mutating func report(_ id: String, _ message: String, at span: SourceSpan) {
        diagnostics.append(Diagnostic(id: id, message: message, span: span, source: source))
    }

    /// Reads a file whose kind the caller has found to be `ResourceSchema`.
    mutating func parse(_ root: YAMLNode) -> ResourceSchema? {
        guard var reader = MappingReader(root, subject: "the schema", source: source, diagnostics: &diagnostics) else { return nil }
        reader.rejectUnknownKeys(SchemaParser.keys)
        let resourceType = reader.string("resourceType", required: true)
        if let resourceType, !PolicyParser.isResourceTypeCode(resourceType) {
            reader.report("policy-invalid-value", "resource type '\(resourceType)' is not a Cloud Config type code such as ACS::OSS::Bucket",
                          at: reader.node("resourceType")!.span)
        }
        let description = reader.string("description", required: false) ?? ""
        if reader.node("configuration") == nil { reader.reportMissing("configuration") }
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let resourceType, let configurationNode = reader.node("configuration") else { return nil }
        let configuration = type(of: configurationNode, path: "\(resourceType) Configuration")
        if diagnostics.contains(where: { $0.severity == .error }) { return nil }
        return ResourceSchema(resourceType: resourceType, description: description, configuration: configuration, file: source)
    }

    /// The type a node describes; `path` names the object in messages, such as
    /// `ACS::OSS::Bucket Configuration.HttpsConfiguration`.
    private mutating func type(of node: YAMLNode, path: String) -> StaticType {
        switch node {
        case .scalar(let scalar):
            return scalarType(scalar)
        case .sequence(let items, _, _):
            guard items.count == 1 else {
                report("schema-invalid-type", "a list type is a sequence of exactly one item, the element type, such as [string]", at: node.span)
                return .dyn
            }
            return .list(type(of: items[0], path: path + "[]"))
        case .mapping(let pairs, _, _):
            if let json = pairs.first(where: { $0.key.value == "$json" }) {
                if pairs.count > 1 {
                    report("schema-invalid-type", "a '$json' field describes a string holding JSON and has no other keys", at: node.span)
                }
                return .jsonText(type(of: json.value, path: path + " (JSON)"))
            }
            var fields: [(String, StaticType)] = []
            var isOpen = false
            for pair in pairs {
                if pair.key.value == "$open" {
                    isOpen = pair.value.scalar?.bool ?? false
                    continue
                }
                if pair.key.value.hasPrefix("$") {
                    report("schema-invalid-type", "unknown schema keyword '\(pair.key.value)'; keywords are $json and $open", at: pair.key.span)
                    continue
                }
                fields.append((pair.key.value, type(of: pair.value, path: path + "." + pair.key.value)))
            }
            return .object(ObjectSchema(name: path, fields: fields, isOpen: isOpen))
        }
    }

    private mutating func scalarType(_ scalar: YAMLScalar) -> StaticType {
        let names = scalar.value.split(separator: "|").map { String($0).trimmingWhitespace() }
        var members: [StaticType] = []
        for name in names {
            guard let type = SchemaParser.scalarTypes[name] else {
                let known = SchemaParser.scalarTypes.keys.sorted()
                report("schema-invalid-type", "unknown type '\(name)': expected one of \(known.joined(separator: ", "))\(Suggestions.phrase(for: name, in: known))",
                       at: SourceSpan(start: scalar.start.offset, end: scalar.end.offset))
                return .dyn
            }
            members.append(type)
        }
        if members.contains(.dyn) { return .dyn }
        return members.count == 1 ? members[0] : .union(members)
    }
}
