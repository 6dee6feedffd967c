import VerdictLanguage

/// The checks of one policy against the resource schemas.
struct PolicyLinter {
    let policy: Policy
    let schemas: ResourceSchemaSet
    /// Whether to check the documents of the policy's test cases against the schemas.
    let checksTestDocuments: Bool

    func lint() -> [Diagnostic] {
        let types: [String]
        switch policy.scope {
        case .account: types = [AccountScopeType.name]
        case .resourceTypes(let listed): types = listed
        }
        var diagnostics: [Diagnostic] = []
        // An entry that is not a type code has its error from loading already.
        for (index, type) in types.enumerated() where schemas.schemas[type] == nil && PolicyParser.isResourceTypeCode(type) {
            diagnostics.append(unknownType(type, at: scopeSpan(index)))
        }

        let checkedTypes = types.filter { schemas.schemas[$0] != nil }
        var allConditionsParse = true
        var conditions: [ParsedExpression] = []
        for expression in [policy.appliesWhen, policy.compliantWhen].compactMap({ $0 }) {
            let parsed = PolicyEnvironment.make(for: policy).parse(expression.source)
            conditions.append(parsed)
            if parsed.hasErrors {
                diagnostics.append(contentsOf: parsed.diagnostics)
                allConditionsParse = false
            } else {
                diagnostics.append(contentsOf: conditionProblems(parsed, expression: expression, checkedTypes: checkedTypes))
            }
        }

        // A condition that does not parse may well read the parameters in its broken part.
        if allConditionsParse {
            diagnostics.append(contentsOf: unusedParameters())
        }
        if checksTestDocuments {
            diagnostics.append(contentsOf: TestDocumentCheck(policy: policy, schemas: schemas).diagnostics())
        }
        let unlisted = UnlistedFieldsCheck(policy: policy, schemas: checkedTypes.compactMap { schemas.schemas[$0] })
        diagnostics.append(contentsOf: unlisted.diagnostics(conditions: conditions, conditionsParse: allConditionsParse))
        return diagnostics
    }

    /// Returns the problems of a condition that parses: related types, a constant
    /// condition, and type errors against each checked resource type's schema.
    private func conditionProblems(_ parsed: ParsedExpression, expression: PolicyExpression, checkedTypes: [String]) -> [Diagnostic] {
        var diagnostics = relatedTypeProblems(parsed)
        if let constant = ConstantConditionCheck.diagnostic(for: parsed, key: expression.key) {
            diagnostics.append(constant)
        }
        // Check against each resource type's schema, or once untyped when none has one.
        for type in checkedTypes.isEmpty ? [nil] : checkedTypes.map(Optional.some) {
            diagnostics.append(contentsOf: check(parsed, expression: expression, resourceType: type))
        }
        return diagnostics
    }

    /// Returns the position of the scope entry at `index`, or of the rule's id for a
    /// policy built without positions.
    private func scopeSpan(_ index: Int) -> SourceSpan {
        policy.scopeSpans.indices.contains(index) ? policy.scopeSpans[index] : policy.idSpan
    }

    private func check(_ parsed: ParsedExpression, expression: PolicyExpression, resourceType: String?) -> [Diagnostic] {
        let schema = resourceType.flatMap { schemas.schemas[$0] }
        let environment = PolicyEnvironment.make(for: policy, configurationType: schema?.configuration ?? .dyn,
                                                 documentType: schema?.documentType ?? .dyn)
        var options = CheckOptions()
        options.resultDescription = expression.key
        options.unlistedFields = UnlistedFieldsCheck.checkerPaths(policy.unlistedFields)
        let knownSchemas = schemas
        options.refineCall = { function, arguments, _ in
            PolicyLinter.relatedDocumentType(function, arguments, knownSchemas)
        }
        options.fieldPathArgument = { function, arguments in
            PolicyLinter.relatedFieldPath(function, arguments, knownSchemas)
        }
        return Checker.check(parsed, environment: environment, options: options).diagnostics
    }

    /// `Configuration.X` and `resource.Configuration.X` name the same field as `config.X`.
    static func normalizedPath(_ path: String) -> String {
        let trimmed = path.filter { !$0.isWhitespace }
        for prefix in ["resource.Configuration.", "Configuration."] where trimmed.hasPrefix(prefix) {
            return "config." + trimmed.dropFirst(prefix.count)
        }
        return trimmed
    }

    /// The type of `lookup(type, id)` and `resources(type, ...)` when `type` is a literal
    /// naming a resource type with a schema.
    static func relatedDocumentType(_ function: String, _ arguments: [Expr], _ schemas: ResourceSchemaSet) -> StaticType? {
        guard function == RelatedResourceFunctions.lookupName || function == RelatedResourceFunctions.resourcesName,
              case .literal(.string(let type))? = arguments.first?.kind, let schema = schemas.schemas[type]
        else { return nil }
        return function == RelatedResourceFunctions.lookupName ? schema.documentType : .list(schema.documentType)
    }

    /// Returns the field path argument of `resources(type, path, value)` when `type` is a
    /// literal naming a resource type with a schema: the path is followed in the
    /// Configuration, and `value` is compared with the field there.
    /// NOTE: `unlistedFields` entries do not apply to these paths, so a path outside the
    /// related type's schema is reported even when an entry names the same fields.
    static func relatedFieldPath(_ function: String, _ arguments: [Expr], _ schemas: ResourceSchemaSet) -> FieldPathArgument? {
        guard function == RelatedResourceFunctions.resourcesName, arguments.count == 3,
              case .literal(.string(let type)) = arguments[0].kind, let schema = schemas.schemas[type]
        else { return nil }
        return FieldPathArgument(pathIndex: 1, rootType: schema.configuration, comparedIndex: 2)
    }

    /// Literal resource types in `lookup` and `resources` calls that no schema knows.
    private func relatedTypeProblems(_ parsed: ParsedExpression) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func visit(_ expr: Expr) {
            if case .call(let function, nil, let arguments) = expr.kind,
               function == RelatedResourceFunctions.lookupName || function == RelatedResourceFunctions.resourcesName,
               let first = arguments.first, case .literal(.string(let type)) = first.kind, schemas.schemas[type] == nil {
                var diagnostic = PolicyParser.isResourceTypeCode(type)
                    ? unknownType(type, at: first.span)
                    : notATypeCode(type, at: first.span)
                diagnostic.source = parsed.source
                diagnostics.append(diagnostic)
            }
            expr.kind.children.forEach(visit)
        }
        visit(parsed.root)
        return diagnostics
    }

    /// A resource type without a schema: an error when it looks like a misspelling of a
    /// type that has one, a warning otherwise (its field paths then go unchecked).
    private func unknownType(_ type: String, at span: SourceSpan) -> Diagnostic {
        let known = schemas.resourceTypes
        let suggestion = Suggestions.closest(to: type, in: known)
        if !suggestion.isEmpty {
            return Diagnostic(id: "unknown-resource-type",
                              message: "unknown resource type '\(type)'\(Suggestions.phrase(for: type, in: known))",
                              span: span, source: policy.file)
        }
        return Diagnostic(severity: .warning, id: "resource-type-without-schema",
                          message: "no schema describes resource type '\(type)', so its field paths are not checked; add one under schemas/",
                          span: span, source: policy.file)
    }

    /// Returns the error for a related type that is not a type code at all. No inventory
    /// contains such a type, so the call would always fail (`lookup`) or find nothing
    /// (`resources`).
    private func notATypeCode(_ type: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(id: "unknown-resource-type",
                   message: "'\(type)' is not a Cloud Config resource type code such as ACS::OSS::Bucket\(Suggestions.phrase(for: type, in: schemas.resourceTypes))",
                   span: span, source: policy.file)
    }

    /// Declared parameters that no condition reads.
    private func unusedParameters() -> [Diagnostic] {
        var used = Set<String>()
        func visit(_ expr: Expr) {
            if case .select(let operand, let field, _) = expr.kind, case .identifier("params") = operand.kind {
                used.insert(field)
            }
            if case .call(Operator.index, nil, let arguments) = expr.kind, arguments.count == 2,
               case .identifier("params") = arguments[0].kind, case .literal(.string(let field)) = arguments[1].kind {
                used.insert(field)
            }
            expr.kind.children.forEach(visit)
        }
        for expression in [policy.appliesWhen, policy.compliantWhen].compactMap({ $0 }) {
            visit(Parser.parse(expression.source).root)
        }
        return policy.parameters.filter { !used.contains($0.name) }.map {
            Diagnostic(severity: .warning, id: "unused-parameter",
                       message: "parameter '\($0.name)' is declared but no condition reads it as params.\($0.name)",
                       span: $0.span, source: policy.file)
        }
    }
}

/// The type code of account-level documents, which account rules evaluate.
enum AccountScopeType {
    static let name = "ACS::::Account"
}
