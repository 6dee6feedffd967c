import VerdictLanguage

/// A compliance rule as written in a policy file.
public struct Policy: Sendable {
    public let id: String
    public let title: String
    public let description: String
    public let severity: Severity
    public let scope: Scope
    public let parameters: [ParameterDeclaration]
    /// False means NOT_APPLICABLE; absent means the rule applies to every resource in scope.
    public let appliesWhen: PolicyExpression?
    /// True means COMPLIANT, false NON_COMPLIANT.
    public let compliantWhen: PolicyExpression
    /// Shown with NON_COMPLIANT results.
    public let message: String
    public let remediation: String?
    public let references: [String]
    /// Field paths that lint accepts although the resource schema does not list them.
    public let unlistedFields: [String]
    /// The position of each entry of `unlistedFields`, in the same order.
    public let unlistedFieldSpans: [SourceSpan]
    public let tests: [PolicyTestCase]
    /// The file the policy came from.
    public let file: Source
    /// Where the policy's `id` value is, for diagnostics about the rule as a whole.
    public let idSpan: SourceSpan
    /// The positions of the scope: each `resourceTypes` entry in order, or the value of
    /// `scope: account`.
    public let scopeSpans: [SourceSpan]
    /// False for a policy read from a file with structure errors, so that lint can still
    /// check its conditions: the parts that could not be read hold placeholders (empty
    /// text, severity low, no resource types). Such a policy must never be
    /// evaluated; `PolicyCatalog.policies` contains none, and `PolicyCompiler` rejects them.
    public let isValid: Bool
    /// In a policy that is not valid, the parameters whose declaration has errors, with
    /// their type where it could be read and `dyn` otherwise.
    let parameterPlaceholders: [(name: String, type: StaticType)]
    /// In a policy that is not valid, whether `parameters` could not be read at all, so
    /// that conditions may read any parameter name.
    let parametersAreUnreadable: Bool

    /// The resources a rule evaluates.
    public enum Scope: Sendable, Equatable {
        /// Every resource of these Cloud Config types, such as `ACS::OSS::Bucket`.
        case resourceTypes([String])
        /// Once per account in the inventory, with its `ACS::::Account` document when present.
        case account
    }

    public func parameter(named name: String) -> ParameterDeclaration? {
        parameters.first { $0.name == name }
    }
}

/// A condition of a policy: the expression text, parsed relative to its place in the
/// policy file so that diagnostics point into the file.
public struct PolicyExpression: Sendable {
    /// The policy key that contains the expression, such as `compliantWhen`.
    public let key: String
    public let source: Source

    public var text: String { source.text }
}

/// A typed rule parameter with its default value.
public struct ParameterDeclaration: Sendable {
    public let name: String
    public let type: ParameterType
    public let defaultValue: Value
    public let description: String
    /// Limits that the default and every override must respect.
    public let constraints: ParameterConstraints
    /// Where the parameter is declared.
    public let span: SourceSpan
}

/// A test case written beside a policy: a resource, the inventory around it, and the
/// verdict the rule must give.
public struct PolicyTestCase: Sendable {
    public let name: String
    public let expected: Verdict
    /// The evaluated document (for account rules, the account document, or nil when the
    /// account has none).
    public let resource: Value?
    /// Other documents of the inventory, for lookups of related resources.
    public let related: [Value]
    /// Parameter values that replace the defaults, already checked against their types
    /// and constraints.
    public let parameters: [String: Value]
    /// The evaluation time; the test runner's fixed time when absent.
    public let now: Timestamp?
    /// Text the result message must contain, to pin down why a case is an error.
    public let messageContains: String?
    public let span: SourceSpan
    /// The YAML of the evaluated document: its Configuration (from `configuration`, or
    /// from `resource`) and its `ResourceType` value, which lint checks against the schema.
    let configurationNode: YAMLNode?
    let resourceTypeNode: YAMLNode?
    /// The YAML of each document of `related`, in the same order.
    let relatedNodes: [YAMLNode]
}

/// A named list of rules evaluated together, such as Cloud Config's compliance packages.
public struct Pack: Sendable {
    public let id: String
    public let title: String
    public let description: String
    public let ruleIDs: [String]
    /// Where each rule id is written, in the order of `ruleIDs`.
    public let ruleSpans: [SourceSpan]
    public let file: Source
}
