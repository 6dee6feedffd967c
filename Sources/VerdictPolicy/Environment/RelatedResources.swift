import VerdictLanguage

/// Related resources of the inventory, which rules reach through `resources()` and
/// `lookup()`. Only resources of the evaluated resource's account are visible. A related
/// document whose Configuration is unusable raises an error rather than being skipped,
/// so that it cannot turn a verdict into COMPLIANT.
public protocol RelatedResourceLookup: AnyObject, Sendable {
    /// Every document of a type in an account, in inventory order.
    func resources(ofType type: String, account: String) throws(EvaluationError) -> [Value]
    /// The documents of a type whose Configuration field at `path` equals `value`.
    func resources(ofType type: String, account: String, fieldPath path: [String], equalTo value: Value) throws(EvaluationError) -> [Value]
    /// The document of a type with a resource id, or nil.
    func resource(ofType type: String, account: String, id: String) throws(EvaluationError) -> Value?
}

/// The context of one rule evaluation, read by the related-resource functions.
public final class PolicyEvaluationContext {
    public let accountID: String
    public let related: RelatedResourceLookup

    public init(accountID: String, related: RelatedResourceLookup) {
        self.accountID = accountID
        self.related = related
    }
}

/// The functions through which rules read related resources.
public enum RelatedResourceFunctions {
    public static let resourcesName = "resources"
    public static let lookupName = "lookup"

    static func context(_ activation: Activation, _ function: String) throws(EvaluationError) -> PolicyEvaluationContext {
        guard let context = activation.context as? PolicyEvaluationContext else {
            throw EvaluationError(.host, "\(function)() reads the inventory, which this evaluation does not have")
        }
        return context
    }

    /// `resources(type)` and `resources(type, fieldPath, value)`.
    public static let resources = Function(
        resourcesName,
        summary: "The documents of a resource type in the evaluated resource's account; with a field path and a value, only those whose Configuration has that value there.",
        overloads: [
            .global("resources_type", [.string], .list(.map(.string, .dyn))),
            .global("resources_type_field_value", [.string, .string, .dyn], .list(.map(.string, .dyn))),
        ],
        isPure: false,
        implementation: .contextual { arguments, activation throws(EvaluationError) in
            let context = try context(activation, resourcesName)
            switch arguments.count {
            case 1:
                guard case .string(let type) = arguments[0] else { throw .noOverloadFor(resourcesName, arguments) }
                return .list(try context.related.resources(ofType: type, account: context.accountID))
            case 3:
                guard case .string(let type) = arguments[0], case .string(let path) = arguments[1] else {
                    throw .noOverloadFor(resourcesName, arguments)
                }
                let components = path.split(separator: ".").map(String.init)
                return .list(try context.related.resources(ofType: type, account: context.accountID, fieldPath: components, equalTo: arguments[2]))
            default:
                throw .noOverloadFor(resourcesName, arguments)
            }
        })

    /// `lookup(type, id)`: the related document, or an error naming what is missing.
    public static let lookup = Function(
        lookupName,
        summary: "The document of a resource type with a resource id in the evaluated resource's account; an error when the inventory lacks it.",
        overloads: [.global("lookup_type_id", [.string, .string], .map(.string, .dyn))],
        isPure: false,
        implementation: .contextual { arguments, activation throws(EvaluationError) in
            let context = try context(activation, lookupName)
            guard arguments.count == 2, case .string(let type) = arguments[0], case .string(let id) = arguments[1] else {
                throw .noOverloadFor(lookupName, arguments)
            }
            guard let document = try context.related.resource(ofType: type, account: context.accountID, id: id) else {
                throw EvaluationError(.host, "related resource not found: no \(type) with id '\(id)' in account \(context.accountID); add it to the inventory")
            }
            return document
        })
}

extension EvaluationError {
    static func noOverloadFor(_ function: String, _ arguments: [Value]) -> EvaluationError {
        let types = arguments.map { $0.type.displayName }.joined(separator: ", ")
        return EvaluationError(.noMatchingOverload, "no matching overload for '\(function)' applied to (\(types))")
    }
}
