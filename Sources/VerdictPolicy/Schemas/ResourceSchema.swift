import VerdictLanguage

/// The shape of a resource type's documents, from a `kind: ResourceSchema` file: the
/// fields of its Configuration with their types, so that lint can catch misspelled
/// field paths and comparisons with values of the wrong type.
public struct ResourceSchema: Sendable {
    public let resourceType: String
    public let description: String
    /// The type of `config`: an object listing the Configuration's fields.
    public let configuration: StaticType
    public let file: Source

    /// The type of `resource`: the discovered-resource record around the Configuration.
    public var documentType: StaticType {
        ResourceSchema.documentType(resourceType: resourceType, configuration: configuration)
    }

    /// The fields of a Cloud Config discovered-resource record.
    public static func documentType(resourceType: String, configuration: StaticType) -> StaticType {
        .object(ObjectSchema(name: "\(resourceType) document", fields: [
            ("AccountId", .string), ("Region", .string), ("ResourceType", .string), ("ResourceId", .string),
            ("ResourceName", .string), ("Configuration", configuration), ("Tags", .dyn),
            ("AvailabilityZone", .string), ("ResourceCreationTime", .union([.int, .string])),
            ("ResourceStatus", .string), ("ResourceDeleted", .union([.int, .bool])),
            ("CaptureTime", .union([.int, .string])), ("Version", .union([.int, .string])),
        ]))
    }
}

/// The schemas of every resource type found in schema files.
public struct ResourceSchemaSet: Sendable {
    public private(set) var schemas: [String: ResourceSchema] = [:]
    public private(set) var diagnostics: [Diagnostic] = []
    /// The files read, in the order read, including those that hold policies or packs
    /// rather than schemas.
    public private(set) var files: [String] = []

    public init() {}

    /// Loads every `.yaml` file in the given files or directories as a schema. A file
    /// named more than once is read once, where it is first named.
    public static func load(paths: [String]) -> ResourceSchemaSet {
        var set = ResourceSchemaSet()
        for file in PolicyCatalog.yamlFiles(at: paths, diagnostics: &set.diagnostics) {
            switch FileList.readText(file) {
            case .success(let text):
                set.loadText(text, name: file)
            case .failure(let problem):
                set.files.append(file)
                set.diagnostics.append(problem)
            }
        }
        return set
    }

    public mutating func loadText(_ text: String, name: String) {
        files.append(name)
        guard let document = YAMLLoader.load(text: text, name: name, reportingTo: &diagnostics) else { return }
        load(document)
    }

    /// Adds the schema of a parsed file; files of other kinds are skipped.
    mutating func load(_ document: YAMLDocument) {
        guard let root = document.root else { return }
        // Policies and packs may sit among schemas; PolicyCatalog reads them. A file of no
        // known kind gets only the error that says so, not errors for every key that a
        // schema does not have.
        guard FileKind.read(root, source: document.source, diagnostics: &diagnostics) == .resourceSchema else { return }
        var parser = SchemaParser(source: document.source)
        if let schema = parser.parse(root) {
            if let existing = schemas[schema.resourceType] {
                let typeNode = pairs(of: root).first { $0.key.value == "resourceType" }?.value
                parser.report("schema-duplicate-type",
                              "resource type \(schema.resourceType) already has a schema in \(existing.file.name)", at: typeNode?.span ?? root.span)
            } else {
                schemas[schema.resourceType] = schema
            }
        }
        diagnostics.append(contentsOf: parser.diagnostics)
    }

    private func pairs(of node: YAMLNode) -> [YAMLPair] {
        if case .mapping(let pairs, _, _) = node { return pairs }
        return []
    }

    public var resourceTypes: [String] { schemas.keys.sorted() }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
