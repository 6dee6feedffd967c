import VerdictLanguage

/// The `constant-condition` check: a condition that reads nothing of the resource, such as
/// `compliantWhen: true`, gives every resource the same verdict, which is almost always a
/// placeholder left in or a condition cut short.
enum ConstantConditionCheck {
    static let diagnosticID = "constant-condition"

    /// Returns the warning for a condition that reads neither `resource` nor `config` and
    /// calls neither `resources()` nor `lookup()`, or nil. Parameters and `now` do not
    /// count, because they are the same for every resource of one run.
    static func diagnostic(for parsed: ParsedExpression, key: String) -> Diagnostic? {
        guard !readsTheResource(parsed.root) else { return nil }
        let outcome = key == "appliesWhen"
            ? "so the rule applies to every resource or to none; test a field such as config.Name, or remove appliesWhen"
            : "so every resource gets the same verdict; test a field such as config.Name"
        return Diagnostic(severity: .warning, id: diagnosticID,
                          message: "\(key) does not read the resource (resource, config, resources() or lookup()), \(outcome)",
                          span: parsed.root.span, source: parsed.source)
    }

    private static func readsTheResource(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .identifier("resource"), .identifier("config"):
            return true
        case .call(RelatedResourceFunctions.resourcesName, nil, _), .call(RelatedResourceFunctions.lookupName, nil, _):
            return true
        default:
            return expr.kind.children.contains(where: readsTheResource)
        }
    }
}
