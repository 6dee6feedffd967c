import VerdictLanguage

/// Parameter values that replace rule defaults, from `--param RULE.NAME=VALUE` options and
/// `--params FILE` files, each checked against the rule's declaration (type and
/// constraints) before anything is evaluated.
public struct ParameterOverrides: Sendable {
    /// Values by rule id, then parameter name.
    public private(set) var values: [String: [String: Value]] = [:]
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func values(for ruleID: String) -> [String: Value] {
        values[ruleID] ?? [:]
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds one `RULE.NAME=VALUE` option. Later values replace earlier ones.
    public mutating func addOption(_ option: String, policies: [Policy]) {
        let source = Source(text: option, name: "--param")
        let whole = SourceSpan(start: 0, end: option.utf8.count)
        guard let equals = option.firstIndex(of: "="), let dot = option[..<equals].lastIndex(of: ".") else {
            diagnostics.append(Diagnostic(id: "parameter-syntax",
                message: "invalid --param '\(option)': expected RULE.NAME=VALUE, such as oss-bucket-tls-version-check.tlsVersions=TLSv1.2,TLSv1.3",
                span: whole, source: source))
            return
        }
        let ruleID = String(option[..<dot])
        let name = String(option[option.index(after: dot)..<equals])
        let text = String(option[option.index(after: equals)...])
        let nameStart = option.utf8.distance(from: option.startIndex, to: option.index(after: dot))
        let valueStart = option.utf8.distance(from: option.startIndex, to: option.index(after: equals))
        guard let declaration = resolve(ruleID: ruleID, name: name, policies: policies, source: source,
                                        ruleSpan: SourceSpan(start: 0, end: ruleID.utf8.count),
                                        nameSpan: SourceSpan(start: nameStart, end: nameStart + name.utf8.count)) else { return }
        switch ParameterValues.locate(text: text, as: declaration.type) {
        case .success(let located):
            store(located.mapped { $0 + valueStart }, for: declaration, ruleID: ruleID, source: source)
        case .failure(let error):
            let span = error.span?.mapped { $0 + valueStart } ?? SourceSpan(start: valueStart, end: option.utf8.count)
            diagnostics.append(Diagnostic(id: "parameter-type",
                message: "invalid value for \(ruleID).\(name), which has type \(declaration.type): \(error)", span: span, source: source))
        }
    }

    /// Adds the values of a parameters file: a mapping of rule ids to mappings of
    /// parameter names to values.
    public mutating func addFile(text: String, name: String, policies: [Policy]) {
        guard let document = YAMLLoader.load(text: text, name: name, reportingTo: &diagnostics),
              let root = document.root else { return }
        guard case .mapping(let rules, _, _) = root else {
            diagnostics.append(Diagnostic(id: "parameter-syntax",
                message: "expected the parameters file to map rule ids to their parameters, such as 'pai-eas-instances-multi-zone: {minZones: 3}'",
                span: root.span, source: document.source))
            return
        }
        for rule in rules {
            guard case .mapping(let parameters, _, _) = rule.value else {
                diagnostics.append(Diagnostic(id: "parameter-syntax",
                    message: "expected rule '\(rule.key.value)' to map parameter names to values", span: rule.value.span, source: document.source))
                continue
            }
            for parameter in parameters {
                guard let declaration = resolve(ruleID: rule.key.value, name: parameter.key.value, policies: policies,
                                                source: document.source, ruleSpan: rule.key.span, nameSpan: parameter.key.span) else { continue }
                switch ParameterValues.locate(parameter.value, as: declaration.type) {
                case .success(let located):
                    store(located, for: declaration, ruleID: rule.key.value, source: document.source)
                case .failure(let error):
                    diagnostics.append(Diagnostic(id: "parameter-type",
                        message: "invalid value for \(rule.key.value).\(parameter.key.value), which has type \(declaration.type): \(error)",
                        span: error.span ?? parameter.value.span, source: document.source))
                }
            }
        }
    }

    /// Stores a value of the right type, or reports the constraint of the parameter that it
    /// breaks, at the offending element.
    private mutating func store(_ located: LocatedParameterValue, for declaration: ParameterDeclaration, ruleID: String, source: Source) {
        if let violation = declaration.constraints.violation(of: located.value) {
            diagnostics.append(Diagnostic(id: "parameter-constraint", message: violation.message(for: "\(ruleID).\(declaration.name)"),
                                          span: located.span(ofElement: violation.elementIndex), source: source))
            return
        }
        values[ruleID, default: [:]][declaration.name] = located.value
    }

    private mutating func resolve(ruleID: String, name: String, policies: [Policy], source: Source,
                                  ruleSpan: SourceSpan, nameSpan: SourceSpan) -> ParameterDeclaration? {
        guard let policy = policies.first(where: { $0.id == ruleID }) else {
            diagnostics.append(Diagnostic(id: "parameter-unknown-rule",
                message: "unknown rule '\(ruleID)'\(Suggestions.phrase(for: ruleID, in: policies.map(\.id)))",
                span: ruleSpan, source: source))
            return nil
        }
        guard let declaration = policy.parameter(named: name) else {
            let names = policy.parameters.map(\.name)
            let known = names.isEmpty ? "; it has no parameters" : Suggestions.phrase(for: name, in: names) + (Suggestions.closest(to: name, in: names).isEmpty ? "; its parameters are \(names.joined(separator: ", "))" : "")
            diagnostics.append(Diagnostic(id: "parameter-unknown",
                message: "rule '\(ruleID)' has no parameter '\(name)'\(known)", span: nameSpan, source: source))
            return nil
        }
        return declaration
    }
}
