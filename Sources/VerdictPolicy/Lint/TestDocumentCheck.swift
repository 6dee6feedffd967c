import VerdictLanguage

/// Checks the documents of a policy's test cases against the resource schemas. A test
/// whose document misspells a field, or has a type the rule does not evaluate, can pass
/// for the wrong reason: `{KeyStat: Enabled}` with `expect: ERROR` passes because the field
/// is missing, not because the rule caught anything.
struct TestDocumentCheck {
    static let unknownFieldID = "test-unknown-field"
    static let wrongTypeID = "test-wrong-resource-type"

    let policy: Policy
    let schemas: ResourceSchemaSet

    func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for test in policy.tests {
            if let document = test.resource {
                diagnostics.append(contentsOf: checkEvaluated(document, of: test))
            }
            for (index, node) in test.relatedNodes.enumerated() {
                guard case .mapping(let pairs, _, _) = node,
                      let type = pairs.first(where: { $0.key.value == "ResourceType" })?.value.scalar?.value,
                      let configuration = pairs.first(where: { $0.key.value == "Configuration" })?.value,
                      let schema = schemas.schemas[type] else { continue }
                diagnostics.append(contentsOf: unknownFields(in: configuration, of: schema,
                                                             document: "related document \(index + 1) of test '\(test.name)'"))
            }
        }
        return diagnostics
    }

    /// The types the rule evaluates: its resource types, or the account document type.
    private var evaluatedTypes: [String] {
        switch policy.scope {
        case .account: return [AccountScopeType.name]
        case .resourceTypes(let types): return types
        }
    }

    private func checkEvaluated(_ document: Value, of test: PolicyTestCase) -> [Diagnostic] {
        guard case .map(let fields) = document, case .string(let type)? = fields.value(forKey: "ResourceType") else { return [] }
        let evaluated = evaluatedTypes
        if !evaluated.isEmpty, !evaluated.contains(type) {
            let fix: String
            switch policy.scope {
            case .account: fix = "an account rule evaluates \(AccountScopeType.name) documents, so remove ResourceType or set it to \(AccountScopeType.name)"
            case .resourceTypes: fix = "set ResourceType to one of the rule's resourceTypes (\(evaluated.joined(separator: ", ")))"
            }
            let message = "test '\(test.name)' evaluates a document of type \(type), which the rule does not evaluate; \(fix)"
                + Suggestions.phrase(for: type, in: evaluated)
            return [Diagnostic(id: TestDocumentCheck.wrongTypeID, message: message,
                               span: test.resourceTypeNode?.span ?? test.span, source: policy.file)]
        }
        guard let schema = schemas.schemas[type], let configuration = test.configurationNode else { return [] }
        return unknownFields(in: configuration, of: schema, document: "test '\(test.name)'")
    }

    /// Returns a warning for each key of a Configuration, at any depth, that the schema
    /// does not list. `document` names the document in messages.
    private func unknownFields(in configuration: YAMLNode, of schema: ResourceSchema, document: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func warn(_ field: String, _ objectSchema: ObjectSchema, at span: SourceSpan) {
            let message = "\(document) sets '\(field)', which is not a field of \(objectSchema.name)"
                + Suggestions.phrase(for: field, in: objectSchema.fieldOrder)
                + "; fix the name, or add the field to the schema if exports have it"
            diagnostics.append(Diagnostic(severity: .warning, id: TestDocumentCheck.unknownFieldID, message: message, span: span, source: policy.file))
        }

        func visit(_ node: YAMLNode, _ type: StaticType) {
            switch (node, type) {
            case (.mapping(let pairs, _, _), _):
                for pair in pairs {
                    switch type.selecting(pair.key.value) {
                    case .type(.dyn): continue
                    case .type(let fieldType): visit(pair.value, fieldType)
                    case .notListed(let objectSchema): warn(pair.key.value, objectSchema, at: pair.key.span)
                    case .noFields: return
                    }
                }
            case (.sequence(let items, _, _), .list(let element)):
                items.forEach { visit($0, element) }
            case (.scalar(let scalar), _):
                // A Configuration, or a `$json` field, written as a string of JSON: its keys
                // are checked, each reported at the string.
                guard let inner = TestDocumentCheck.jsonShape(of: type), let value = try? JSONReader.parse(scalar.value) else { return }
                visitJSON(value, inner, at: scalar.span)
            default:
                return
            }
        }

        func visitJSON(_ value: Value, _ type: StaticType, at span: SourceSpan) {
            switch value {
            case .map(let map):
                for case (.string(let key), let fieldValue) in map.entries {
                    switch type.selecting(key) {
                    case .type(.dyn): continue
                    case .type(let fieldType): visitJSON(fieldValue, fieldType, at: span)
                    case .notListed(let objectSchema): warn(key, objectSchema, at: span)
                    case .noFields: return
                    }
                }
            case .list(let items):
                if case .list(let element) = type { items.forEach { visitJSON($0, element, at: span) } }
            default:
                return
            }
        }

        visit(configuration, schema.configuration)
        return diagnostics
    }

    /// Returns the type of the JSON that a string of this type holds: the type inside a
    /// `$json` field, or an object itself, since a whole Configuration may be written as
    /// JSON text.
    private static func jsonShape(of type: StaticType) -> StaticType? {
        switch type {
        case .jsonText(let inner): return inner
        case .object: return type
        default: return nil
        }
    }
}
