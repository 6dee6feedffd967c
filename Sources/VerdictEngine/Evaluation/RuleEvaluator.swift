import VerdictLanguage
import VerdictPolicy

/// Evaluates one compiled policy on one resource: the applicability condition, then the
/// compliance condition, turning values and errors into verdicts and messages.
final class RuleEvaluator: Sendable {
    let policy: CompiledPolicy
    let ruleIndex: Int
    let now: Value
    /// The explainers of the applicability and compliance conditions, when NON_COMPLIANT
    /// and ERROR findings get an explanation.
    private let appliesExplainer: Explainer?
    private let compliantExplainer: Explainer?

    /// The message of NOT_APPLICABLE findings, made once rather than per finding.
    let notApplicableMessage: String

    init(policy: CompiledPolicy, ruleIndex: Int, now: Value, explains: Bool) {
        self.policy = policy
        self.ruleIndex = ruleIndex
        self.now = now
        self.appliesExplainer = explains ? policy.appliesWhen.map(Explainer.init) : nil
        self.compliantExplainer = explains ? Explainer(policy.compliantWhen) : nil
        self.notApplicableMessage = "not applicable: \(policy.appliesWhen?.expression.key ?? "appliesWhen") is false"
    }

    /// The verdict on a resource document; `reference` describes it in the finding.
    func evaluate(_ document: ResourceDocument, reference: ResourceReference, related: RelatedResourceLookup) -> Finding {
        guard let configuration = document.configuration else {
            return finding(reference, .error, document.configurationProblem ?? "the document has no usable Configuration", document.sequence)
        }
        return decide(reference, values: [document.value, configuration, policy.parametersObject, now],
                      accountID: document.accountID, related: related, sequence: document.sequence)
    }

    /// The verdict on an account, with its account document when the inventory has one.
    func evaluateAccount(_ accountID: String, document: ResourceDocument?, reference: ResourceReference,
                         related: RelatedResourceLookup, sequence: Int) -> Finding {
        let documentValue = document?.value ?? AccountScope.placeholderDocument(accountID)
        let configuration: Value
        if let document {
            guard let parsed = document.configuration else {
                return finding(reference, .error, document.configurationProblem ?? "the account document has no usable Configuration", sequence)
            }
            configuration = parsed
        } else {
            configuration = .object([])
        }
        return decide(reference, values: [documentValue, configuration, policy.parametersObject, now],
                      accountID: accountID, related: related, sequence: sequence)
    }

    private func decide(_ reference: ResourceReference, values: [Value?], accountID: String, related: RelatedResourceLookup, sequence: Int) -> Finding {
        let context = PolicyEvaluationContext(accountID: accountID, related: related)
        if let applies = policy.appliesWhen {
            switch applies.program.evaluate(values, context: context) {
            case .success(.bool(true)):
                break
            case .success(.bool(false)):
                return finding(reference, .notApplicable, notApplicableMessage, sequence)
            case .success(let other):
                return explained(finding(reference, .error, notBoolean(applies, other), sequence), appliesExplainer, values, context)
            case .failure(let error):
                return explained(finding(reference, .error, describe(error, in: applies), sequence), appliesExplainer, values, context)
            }
        }
        let compliant = policy.compliantWhen
        switch compliant.program.evaluate(values, context: context) {
        case .success(.bool(true)):
            return finding(reference, .compliant, "compliant", sequence)
        case .success(.bool(false)):
            return explained(finding(reference, .nonCompliant, policy.policy.message, sequence), compliantExplainer, values, context)
        case .success(let other):
            return explained(finding(reference, .error, notBoolean(compliant, other), sequence), compliantExplainer, values, context)
        case .failure(let error):
            return explained(finding(reference, .error, describe(error, in: compliant), sequence), compliantExplainer, values, context)
        }
    }

    /// Adds an explanation by evaluating the deciding condition again with an observer.
    /// Only NON_COMPLIANT and ERROR findings get here, so compliant resources pay nothing.
    private func explained(_ finding: Finding, _ explainer: Explainer?, _ values: [Value?], _ context: PolicyEvaluationContext) -> Finding {
        guard let explainer else { return finding }
        var finding = finding
        finding.explanation = explainer.explain(values: values, context: context)
        return finding
    }

    private func finding(_ reference: ResourceReference, _ verdict: Verdict, _ message: String, _ sequence: Int) -> Finding {
        Finding(ruleID: policy.policy.id, ruleIndex: ruleIndex, resource: reference, verdict: verdict,
                message: message, sequence: sequence, explanation: nil)
    }

    private func notBoolean(_ expression: CompiledExpression, _ value: Value) -> String {
        let location = expression.location(of: expression.parsed.root.id)
        return "\(expression.expression.key) gave \(ValueFormatter.brief(value, limit: 60)), a \(value.type.displayName), not a bool (\(expression.expression.source.name):\(location.line):\(location.column))"
    }

    /// The error with the sub-expression that raised it and its place in the policy file,
    /// such as "no such key: 'TLS' at `config.HttpsConfiguration.TLS` (tls.yaml:30:7)".
    func describe(_ error: EvaluationError, in expression: CompiledExpression) -> String {
        let location = expression.location(of: error.exprID)
        let place = "(\(expression.expression.source.name):\(location.line):\(location.column))"
        guard let text = expression.text(of: error.exprID) else { return "\(error.message) \(place)" }
        // NOTE: a message that ends in advice, such as the lookup error's "add it to the
        // inventory", reads as if the advice named the sub-expression that follows.
        return "\(error.message) at `\(StepText.shortened(text))` \(place)"
    }
}

/// Conventions of account rules.
enum AccountScope {
    static let accountType = "ACS::::Account"

    /// The reference of an account's findings: its account document, or the account id.
    static func reference(_ accountID: String, document: ResourceDocument?) -> ResourceReference {
        ResourceReference(accountID: accountID, type: accountType, id: document?.id ?? accountID,
                          name: document?.name, region: document?.region, location: document?.location)
    }

    /// The document an account rule reads for an account the inventory has no account
    /// document for: the account id and an empty Configuration.
    static func placeholderDocument(_ accountID: String) -> Value {
        .object([
            ("AccountId", .string(accountID)), ("ResourceType", .string(accountType)),
            ("ResourceId", .string(accountID)), ("Configuration", .object([])),
        ])
    }
}
