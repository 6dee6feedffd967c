import Foundation
import VerdictLanguage

/// A policy ready to evaluate: its conditions planned once, its parameters resolved.
public struct CompiledPolicy: Sendable {
    public let policy: Policy
    /// The parameter values in effect, by name: defaults with overrides applied.
    public let parameterValues: [String: Value]
    /// `params` as expressions see it.
    public let parametersObject: Value
    public let appliesWhen: CompiledExpression?
    public let compliantWhen: CompiledExpression
    /// The resource types that the conditions read through `resources()` and `lookup()`.
    public let relatedTypes: RelatedTypes

    /// Which related resources a rule needs the inventory to keep.
    public enum RelatedTypes: Sendable, Equatable {
        case types(Set<String>)
        /// A call names its type with a computed value, so every resource must be kept.
        case all

        public var isEmpty: Bool { self == .types([]) }

        public func union(_ other: RelatedTypes) -> RelatedTypes {
            switch (self, other) {
            case (.types(let a), .types(let b)): return .types(a.union(b))
            default: return .all
            }
        }
    }
}

/// One condition of a compiled policy, with what explanations and error messages need.
public struct CompiledExpression: Sendable {
    public let expression: PolicyExpression
    public let parsed: ParsedExpression
    public let program: Program
    /// The same expression planned to report each node's value, for explanations.
    public let observedProgram: Program
    /// The span of each node, indexed by node id.
    public let spans: [SourceSpan]
    /// Each node's source text on one line, and its position in the policy file, indexed by
    /// node id: computed once here so that explaining many results repeats no work.
    public let nodeTexts: [String]
    public let nodeLocations: [SourceLocation]

    init(expression: PolicyExpression, parsed: ParsedExpression, environment: Environment) {
        self.expression = expression
        self.parsed = parsed
        self.program = environment.plan(parsed)
        self.observedProgram = environment.plan(parsed, observed: true)
        var spans = [SourceSpan](repeating: .none, count: parsed.maxID + 1)
        CompiledExpression.collectSpans(parsed.root, into: &spans)
        self.spans = spans
        let source = expression.source
        nodeTexts = spans.map { span in
            source.snippet(span).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        nodeLocations = spans.map { source.location(of: $0.start) }
    }

    private static func collectSpans(_ expr: Expr, into spans: inout [SourceSpan]) {
        if expr.id < spans.count { spans[expr.id] = expr.span }
        for child in expr.kind.children { collectSpans(child, into: &spans) }
    }

    /// The source text of a node, such as `config.HttpsConfiguration.TLS`.
    public func text(of id: ExprID) -> String? {
        guard id > 0, id < spans.count else { return nil }
        return expression.source.snippet(spans[id])
    }

    /// The file position of a node.
    public func location(of id: ExprID) -> SourceLocation {
        id > 0 && id < nodeLocations.count ? nodeLocations[id] : expression.source.location(of: 0)
    }
}

/// Compiles policies: parses their conditions, resolves parameters and plans evaluation.
public enum PolicyCompiler {
    /// Compiles a policy with parameter overrides already checked against their types and
    /// constraints.
    /// Fails with the syntax errors of its conditions, or for a policy that is not valid.
    public static func compile(_ policy: Policy, overrides: [String: Value] = [:]) -> Result<CompiledPolicy, CompileError> {
        guard policy.isValid else {
            let problem = Diagnostic(id: "policy-invalid-value", message: "the policy file has errors, so the rule cannot be evaluated; run verdict lint to list them",
                                     span: policy.idSpan, source: policy.file)
            return .failure(CompileError(diagnostics: [problem]))
        }
        let environment = PolicyEnvironment.make(for: policy)
        var diagnostics: [Diagnostic] = []
        var compiled: [CompiledExpression] = []
        for expression in [policy.appliesWhen, policy.compliantWhen].compactMap({ $0 }) {
            let parsed = environment.parse(expression.source)
            diagnostics.append(contentsOf: parsed.diagnostics)
            compiled.append(CompiledExpression(expression: expression, parsed: parsed, environment: environment))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return .failure(CompileError(diagnostics: diagnostics)) }

        var values: [String: Value] = [:]
        for declaration in policy.parameters {
            values[declaration.name] = overrides[declaration.name] ?? declaration.defaultValue
        }
        let parametersObject = Value.object(policy.parameters.map { ($0.name, values[$0.name]!) })
        let applies = policy.appliesWhen == nil ? nil : compiled[0]
        let compliant = compiled[compiled.count - 1]
        let related = compiled.map { relatedTypes(in: $0.parsed.root) }.reduce(CompiledPolicy.RelatedTypes.types([])) { $0.union($1) }
        return .success(CompiledPolicy(policy: policy, parameterValues: values, parametersObject: parametersObject,
                                       appliesWhen: applies, compliantWhen: compliant, relatedTypes: related))
    }

    /// The types named by `resources()` and `lookup()` calls; `.all` when one is computed.
    static func relatedTypes(in expr: Expr) -> CompiledPolicy.RelatedTypes {
        var result = CompiledPolicy.RelatedTypes.types([])
        if case .call(let function, nil, let arguments) = expr.kind,
           function == RelatedResourceFunctions.resourcesName || function == RelatedResourceFunctions.lookupName {
            if case .literal(.string(let type))? = arguments.first?.kind {
                result = result.union(.types([type]))
            } else {
                result = .all
            }
        }
        for child in expr.kind.children {
            result = result.union(relatedTypes(in: child))
        }
        return result
    }
}
