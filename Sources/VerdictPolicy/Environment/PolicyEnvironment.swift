import VerdictLanguage

/// What a policy's expressions can use: the variables `resource`, `config`, `params` and
/// `now`, the standard library, `parseJSON`, and the related-resource functions.
public enum PolicyEnvironment {
    /// The variables in the order the evaluator passes their values.
    public static let variableNames = ["resource", "config", "params", "now"]

    /// The environment for one policy. `configurationType` is the type of `config`, from
    /// the resource schema when lint knows one.
    public static func make(for policy: Policy, configurationType: StaticType = .dyn, documentType: StaticType = .dyn) -> Environment {
        var environment = Environment(variables: [
            VariableDeclaration("resource", documentType,
                                summary: "The evaluated resource document: AccountId, Region, ResourceType, ResourceId, ResourceName, Configuration, Tags."),
            VariableDeclaration("config", configurationType,
                                summary: "The resource's Configuration as an object, parsed when the inventory holds it as a JSON string."),
            VariableDeclaration("params", parametersType(for: policy), summary: "The rule's parameters, with defaults and overrides applied."),
            VariableDeclaration("now", .timestamp, summary: "The evaluation time (verdict check --now)."),
        ])
        environment.add(RelatedResourceFunctions.resources)
        environment.add(RelatedResourceFunctions.lookup)
        return environment
    }

    /// Returns the type of `params`: an object with the declared parameters. For a policy
    /// that is not valid it has the placeholders too, and any name when `parameters` is
    /// unreadable.
    static func parametersType(for policy: Policy) -> StaticType {
        let parameterFields = policy.parameters.map { ($0.name, $0.type.staticType) } + policy.parameterPlaceholders.map { ($0.name, $0.type) }
        return .object(ObjectSchema(name: "params of \(policy.id)", fields: parameterFields, isOpen: policy.parametersAreUnreadable))
    }
}
