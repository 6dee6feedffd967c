import VerdictLanguage

/// The facts about the structure of one condition that the explainer needs. They are found
/// once, when the rule is prepared, so that explaining a finding walks no extra part of the
/// tree and evaluating a compliant resource does no extra work.
struct ExpressionShapes: Sendable {
    /// For each `map` whose transform is a chain of fields and constant indexes on its
    /// variable, that chain after the variable: `.Zone` for `rules.map(r, r.Zone)`. Steps
    /// show such a map's result as `Configuration.Rules[*].Zone`.
    let mapFieldSuffixes: [ExprID: String]
    /// For each node, the `cel.bind` expressions whose variable it or one of its
    /// sub-expressions reads. Nodes that read none are left out.
    let bindReads: [ExprID: Set<ExprID>]
    /// The place of the variable of each `cel.bind`, where the step showing its value points.
    let bindVariableLocations: [ExprID: SourceLocation]

    init(_ root: Expr, source: Source) {
        var suffixes: [ExprID: String] = [:]
        var locations: [ExprID: SourceLocation] = [:]
        var reads: [ExprID: Set<ExprID>] = [:]

        /// Returns the bind expressions that `expr` reads. `scope` maps each variable name
        /// in scope to the bind that declared it, or to nil for a macro variable.
        func visit(_ expr: Expr, scope: [String: ExprID?]) -> Set<ExprID> {
            var found = Set<ExprID>()
            switch expr.kind {
            case .identifier(let name):
                if case .some(.some(let bind)) = scope[name] { found.insert(bind) }
            case .comprehension(let comprehension):
                found = visit(comprehension.range, scope: scope)
                var inner = scope
                if comprehension.kind == .bind {
                    inner[comprehension.variable] = .some(expr.id)
                    locations[expr.id] = source.location(of: comprehension.variableSpan.start)
                } else {
                    inner[comprehension.variable] = .some(nil)
                    if let second = comprehension.secondVariable { inner[second] = .some(nil) }
                }
                if comprehension.kind == .map, comprehension.secondVariable == nil,
                   let suffix = ExpressionShapes.fieldSuffix(of: comprehension.body, on: comprehension.variable) {
                    suffixes[expr.id] = suffix
                }
                found.formUnion(visit(comprehension.body, scope: inner))
                if let filter = comprehension.filter { found.formUnion(visit(filter, scope: inner)) }
            default:
                for child in expr.kind.children { found.formUnion(visit(child, scope: scope)) }
            }
            if !found.isEmpty { reads[expr.id] = found }
            return found
        }

        _ = visit(root, scope: [:])
        mapFieldSuffixes = suffixes
        bindReads = reads
        bindVariableLocations = locations
    }

    /// Returns the fields and constant indexes that `expr` reads from `variable`, such as
    /// `.Zone` or `.Ports[0]`, or nil when `expr` is not such a chain.
    static func fieldSuffix(of expr: Expr, on variable: String) -> String? {
        switch expr.kind {
        case .identifier(let name):
            return name == variable ? "" : nil
        case .select(let operand, let field, testOnly: false):
            return fieldSuffix(of: operand, on: variable).map { "\($0).\(field)" }
        case .call(Operator.index, nil, let arguments) where arguments.count == 2:
            guard let base = fieldSuffix(of: arguments[0], on: variable) else { return nil }
            switch arguments[1].kind {
            case .literal(.int(let index)): return "\(base)[\(index)]"
            case .literal(.string(let key)): return "\(base)[\(ValueFormatter.quoted(key))]"
            default: return nil
            }
        default:
            return nil
        }
    }
}
