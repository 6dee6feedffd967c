import VerdictLanguage

/// The entries of a policy's `unlistedFields`: the forms the checker accepts, and the
/// `unused-unlisted-field` warnings for entries that match no path the conditions read, or
/// that the schema already allows. Such an entry hides nothing today, but would silently
/// allow a misspelled path later.
struct UnlistedFieldsCheck {
    static let diagnosticID = "unused-unlisted-field"

    let policy: Policy
    /// The schemas of the policy's resource types that have one.
    let schemas: [ResourceSchema]

    /// Returns the paths for `CheckOptions.unlistedFields`: each entry as `config.X` and
    /// as `resource.Configuration.X`, since conditions may write either.
    static func checkerPaths(_ entries: [String]) -> Set<String> {
        var paths = Set<String>()
        for entry in entries {
            let path = PolicyLinter.normalizedPath(entry)
            paths.insert(path)
            if path.hasPrefix("config.") {
                paths.insert("resource.Configuration." + path.dropFirst("config.".count))
            }
        }
        return paths
    }

    /// Returns the warnings for the entries. Entries are compared with the paths that
    /// `conditions` read only when `conditionsParse`, because a broken condition may read
    /// an entry in its broken part.
    func diagnostics(conditions: [ParsedExpression], conditionsParse: Bool) -> [Diagnostic] {
        let readPaths = conditionsParse ? UnlistedFieldsCheck.paths(readBy: conditions) : nil
        var diagnostics: [Diagnostic] = []
        for (index, entry) in policy.unlistedFields.enumerated() {
            let path = PolicyLinter.normalizedPath(entry)
            let span = policy.unlistedFieldSpans.indices.contains(index) ? policy.unlistedFieldSpans[index] : policy.idSpan
            if let listing = schemaListing(path) {
                diagnostics.append(Diagnostic(severity: .warning, id: UnlistedFieldsCheck.diagnosticID,
                    message: "unlistedFields entry '\(entry)' is not needed, because \(listing); remove the entry",
                    span: span, source: policy.file))
            } else if let readPaths, !UnlistedFieldsCheck.matches(path, readPaths) {
                // Suggest paths as deep as the entry: its own prefixes are no correction.
                let depth = path.split(separator: ".").count
                let candidates = readPaths.filter { $0.split(separator: ".").count == depth }
                let suggestion = Suggestions.phrase(for: path, in: candidates.sorted())
                diagnostics.append(Diagnostic(severity: .warning, id: UnlistedFieldsCheck.diagnosticID,
                    message: "unlistedFields entry '\(entry)' matches no field path that the conditions read, so correct or remove it\(suggestion)",
                    span: span, source: policy.file))
            }
        }
        return diagnostics
    }

    /// Tells whether the conditions read `path`, a path below it, or a path above it that
    /// they select nothing further on (`has(config.Extra)` for `config.Extra.Field`).
    static func matches(_ path: String, _ readPaths: Set<String>) -> Bool {
        if readPaths.contains(path) { return true }
        return readPaths.contains { read in
            if read.hasPrefix(path + ".") { return true }
            let isDeepest = !readPaths.contains { $0.hasPrefix(read + ".") }
            return isDeepest && path.hasPrefix(read + ".")
        }
    }

    /// Returns every path of selections the conditions contain, with `config.` for the
    /// Configuration, such as `config.Extra` and `config.Extra.Field`.
    static func paths(readBy conditions: [ParsedExpression]) -> Set<String> {
        var paths = Set<String>()
        func path(of expr: Expr) -> String? {
            switch expr.kind {
            case .identifier(let name): return name
            case .select(let operand, let field, _): return path(of: operand).map { $0 + "." + field }
            default: return nil
            }
        }
        func visit(_ expr: Expr) {
            if case .select = expr.kind, let selected = path(of: expr) {
                paths.insert(PolicyLinter.normalizedPath(selected))
            }
            expr.kind.children.forEach(visit)
        }
        conditions.forEach { visit($0.root) }
        return paths
    }

    /// Returns why the schemas already allow `path` (listed, or below an open object or a
    /// field of type any) in every schema that applies, or nil when one of them does not.
    private func schemaListing(_ path: String) -> String? {
        let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard components.count >= 2 else { return nil }
        let roots: [(owner: String, type: StaticType)]
        switch components[0] {
        case "config":
            roots = schemas.map { ("the schema of \($0.resourceType)", $0.configuration) }
        case "resource":
            roots = schemas.map { ("the schema of \($0.resourceType)", $0.documentType) }
        case "params":
            roots = [("the policy declares it under parameters", PolicyEnvironment.parametersType(for: policy))]
        default:
            roots = []
        }
        guard !roots.isEmpty, roots.allSatisfy({ UnlistedFieldsCheck.allows($0.type, components.dropFirst()) }) else { return nil }
        return components[0] == "params" ? roots[0].owner : roots.map(\.owner).joined(separator: " and ") + " allows it"
    }

    /// Tells whether selecting `components` in turn on `type` gives no diagnostic.
    static func allows(_ type: StaticType, _ components: ArraySlice<String>) -> Bool {
        guard let field = components.first else { return true }
        switch type.selecting(field) {
        case .type(.dyn): return true
        case .type(let fieldType): return allows(fieldType, components.dropFirst())
        case .notListed, .noFields: return false
        }
    }
}
