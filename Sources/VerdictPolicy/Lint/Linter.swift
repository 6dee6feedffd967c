import Foundation
import VerdictLanguage

/// Finds the mistakes in policy, pack, schema and parameter files before they run:
/// everything loading reports (YAML, structure, parameter types, duplicate ids, packs
/// naming unknown rules), syntax and type errors in conditions, field paths that the
/// resource type's schema does not have, comparisons with values of the wrong type,
/// unused parameters, and unknown resource types.
public enum Linter {
    /// A file's name, as diagnostics show it, and its text.
    public typealias File = (name: String, text: String)

    /// Lints files of any kind (policies, packs and resource schemas, told apart by their
    /// `kind`) and parameter files for `--params`. Diagnostics come in file order.
    public static func lint(files: [File], parameterFiles: [File] = []) -> [Diagnostic] {
        var catalog = PolicyCatalog()
        var schemas = ResourceSchemaSet()
        for file in files {
            catalog.loadText(file.text, name: file.name)
            // YAML errors are reported once, by the catalog.
            if (try? YAMLLoader.load(text: file.text, name: file.name)) != nil {
                schemas.loadText(file.text, name: file.name)
            }
        }
        // A policy whose id repeats an earlier one is dropped by checkAcrossFiles, but its
        // conditions still need checking: otherwise the duplicate-id error hides them.
        let loadedPolicies = catalog.policies
        catalog.checkAcrossFiles()
        var diagnostics = catalog.diagnostics + schemas.diagnostics
        for policy in loadedPolicies {
            diagnostics.append(contentsOf: PolicyLinter(policy: policy, schemas: schemas).lint())
        }
        var overrides = ParameterOverrides()
        for file in parameterFiles {
            overrides.addFile(text: file.text, name: file.name, policies: catalog.policies)
        }
        diagnostics.append(contentsOf: overrides.diagnostics)
        return ordered(deduplicated(diagnostics), fileOrder: files.map(\.name) + parameterFiles.map(\.name))
    }

    /// What reading paths produced: the diagnostics, and how many files were read.
    public struct Report: Sendable {
        public let diagnostics: [Diagnostic]
        public let fileCount: Int
    }

    /// Lints the files under `paths` (directories are searched for `.yaml` and `.yml`),
    /// reporting paths that cannot be read.
    public static func lint(paths: [String], parameterPaths: [String] = []) -> Report {
        var unreadable: [Diagnostic] = []
        let files = read(paths, &unreadable)
        let parameterFiles = read(parameterPaths, &unreadable)
        return Report(diagnostics: unreadable + lint(files: files, parameterFiles: parameterFiles), fileCount: files.count + parameterFiles.count)
    }

    private static func read(_ paths: [String], _ diagnostics: inout [Diagnostic]) -> [File] {
        var files: [File] = []
        for path in paths {
            for name in PolicyCatalog.yamlFiles(at: path, diagnostics: &diagnostics) {
                guard let data = FileManager.default.contents(atPath: name) else {
                    diagnostics.append(Diagnostic(id: "file-unreadable", message: "cannot read the file; check its permissions",
                                                  span: .none, source: Source(text: "", name: name)))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(Diagnostic(id: "yaml-syntax", message: "the file is not valid UTF-8 text",
                                                  span: .none, source: Source(text: "", name: name)))
                    continue
                }
                files.append((name, text))
            }
        }
        return files
    }

    /// Checks one policy's scope and conditions against resource schemas (resource types,
    /// field paths, types, literal patterns, unused parameters). `verdict check` runs these
    /// checks before evaluating, and `verdict test` before running a rule's tests.
    public static func checkPolicy(_ policy: Policy, schemas: ResourceSchemaSet) -> [Diagnostic] {
        deduplicated(PolicyLinter(policy: policy, schemas: schemas).lint())
    }

    private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { seen.insert("\($0.source.name)|\($0.span.start)|\($0.id)|\($0.message)").inserted }
    }

    private static func ordered(_ diagnostics: [Diagnostic], fileOrder: [String]) -> [Diagnostic] {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return diagnostics.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            let fileA = rank[a.source.name] ?? Int.max
            let fileB = rank[b.source.name] ?? Int.max
            if fileA != fileB { return fileA < fileB }
            let offsetA = a.source.fileOffset(a.span.start)
            let offsetB = b.source.fileOffset(b.span.start)
            if offsetA != offsetB { return offsetA < offsetB }
            return left.offset < right.offset
        }.map(\.element)
    }
}

/// The checks of one policy against the resource schemas.
struct PolicyLinter {
    let policy: Policy
    let schemas: ResourceSchemaSet

    func lint() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let types: [String]
        switch policy.scope {
        case .account: types = [AccountScopeType.name]
        case .resourceTypes(let listed): types = listed
        }
        for (index, type) in types.enumerated() where schemas.schemas[type] == nil {
            diagnostics.append(unknownType(type, at: scopeSpan(index), allowMissingSchema: true))
        }
        let checkedTypes = types.filter { schemas.schemas[$0] != nil }
        var allConditionsParse = true
        for expression in [policy.appliesWhen, policy.compliantWhen].compactMap({ $0 }) {
            let parsed = PolicyEnvironment.make(for: policy).parse(expression.source)
            if parsed.hasErrors {
                diagnostics.append(contentsOf: parsed.diagnostics)
                allConditionsParse = false
                continue
            }
            diagnostics.append(contentsOf: relatedTypeProblems(parsed))
            // Check against each resource type's schema, or once untyped when none has one.
            for type in checkedTypes.isEmpty ? [nil] : checkedTypes.map(Optional.some) {
                diagnostics.append(contentsOf: check(parsed, expression: expression, resourceType: type))
            }
        }
        // A condition that does not parse may well read the parameters in its broken part.
        if allConditionsParse {
            diagnostics.append(contentsOf: unusedParameters())
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
        options.unlistedFields = Set(policy.unlistedFields.map(PolicyLinter.normalizedPath))
        let knownSchemas = schemas
        options.refineCall = { function, arguments, _ in
            PolicyLinter.relatedDocumentType(function, arguments, knownSchemas)
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

    /// Literal resource types in `lookup` and `resources` calls that no schema knows.
    private func relatedTypeProblems(_ parsed: ParsedExpression) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func visit(_ expr: Expr) {
            if case .call(let function, nil, let arguments) = expr.kind,
               function == RelatedResourceFunctions.lookupName || function == RelatedResourceFunctions.resourcesName,
               let first = arguments.first, case .literal(.string(let type)) = first.kind, schemas.schemas[type] == nil {
                var diagnostic = unknownType(type, at: first.span, allowMissingSchema: !schemas.schemas.isEmpty)
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
    private func unknownType(_ type: String, at span: SourceSpan, allowMissingSchema: Bool) -> Diagnostic {
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
