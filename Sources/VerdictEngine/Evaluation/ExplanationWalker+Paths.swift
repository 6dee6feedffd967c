import VerdictLanguage
import VerdictPolicy

extension ExplanationWalker {
    /// Returns the JSON path in the resource document that an expression reads. The
    /// expression must be a chain of fields and constant indexes on `resource`, `config`,
    /// a macro variable, the taken branch of a conditional, or a related document from
    /// `lookup` (shown as `lookup(TYPE, ID)`). A list made by `map` from such a chain on its
    /// variable has the path of the chain with `[*]` for the index, and `filter`,
    /// `distinct`, `sort` and `reverse` keep the path of the list they take elements from.
    func path(of expr: Expr, frame: EvaluationRecorder.Frame, paths: [String: FieldPath]) -> FieldPath? {
        switch expr.kind {
        case .identifier("config"):
            return paths["config"] ?? FieldPath("Configuration")
        case .identifier("resource"):
            return paths["resource"] ?? FieldPath("")
        case .identifier(let name):
            return paths[name]
        case .select(let operand, let field, _):
            return path(of: operand, frame: frame, paths: paths)?.field(field)
        case .call(Operator.index, nil, let arguments) where arguments.count == 2:
            guard let base = path(of: arguments[0], frame: frame, paths: paths) else { return nil }
            switch arguments[1].kind {
            case .literal(.int(let index)): return base.element(Int(index))
            case .literal(.string(let key)): return base.key(ValueFormatter.quoted(key))
            default: return nil
            }
        case .call(Operator.conditional, nil, let arguments) where arguments.count == 3:
            guard case .success(.bool(let taken))? = frame.results[arguments[0].id] else { return nil }
            return path(of: arguments[taken ? 1 : 2], frame: frame, paths: paths)
        case .call("parseJSON", nil, let arguments) where arguments.count == 1:
            return path(of: arguments[0], frame: frame, paths: paths)?.annotated(" (JSON)")
        case .call("parseJSON", let target?, let arguments) where arguments.isEmpty:
            return path(of: target, frame: frame, paths: paths)?.annotated(" (JSON)")
        case .call(RelatedResourceFunctions.lookupName, nil, let arguments) where arguments.count == 2:
            guard case .success(.string(let type))? = frame.results[arguments[0].id] ?? literal(arguments[0]),
                  case .success(.string(let id))? = frame.results[arguments[1].id] ?? literal(arguments[1])
            else { return nil }
            return FieldPath("lookup(\(type), \(id))")
        case .call("distinct", let target?, let arguments), .call("sort", let target?, let arguments), .call("reverse", let target?, let arguments):
            // `reverse` also applies to strings, whose reversed text is no field's value.
            guard arguments.isEmpty, isList(target, in: frame) else { return nil }
            return path(of: target, frame: frame, paths: paths)?.subset()
        case .comprehension(let comprehension) where isList(comprehension.range, in: frame):
            return path(ofMacro: comprehension, expr.id, frame: frame, paths: paths)
        default:
            return nil
        }
    }

    private func path(ofMacro comprehension: Comprehension, _ id: ExprID, frame: EvaluationRecorder.Frame,
                      paths: [String: FieldPath]) -> FieldPath? {
        switch comprehension.kind {
        case .map:
            guard let suffix = shapes.mapFieldSuffixes[id] else { return nil }
            return path(of: comprehension.range, frame: frame, paths: paths)?.mapped(suffix, keepsEveryElement: comprehension.filter == nil)
        case .filter:
            return path(of: comprehension.range, frame: frame, paths: paths)?.subset()
        default:
            return nil
        }
    }

    private func isList(_ expr: Expr, in frame: EvaluationRecorder.Frame) -> Bool {
        if case .success(.list)? = frame.results[expr.id] { return true }
        return false
    }

    private func literal(_ expr: Expr) -> Result<Value, EvaluationError>? {
        if case .literal(.string(let text)) = expr.kind { return .success(.string(text)) }
        return nil
    }
}
