/// The result of selecting a field on a value of a static type, as the checker computes it.
public enum FieldSelection: Sendable, Equatable {
    /// The field's type: `dyn` where the type does not describe its fields (dyn, an open
    /// object), and `error` on a type that is already an error.
    case type(StaticType)
    /// A closed object whose schema does not list the field.
    case notListed(ObjectSchema)
    /// A value that has no fields, such as a string or a list.
    case noFields
}

extension StaticType {
    /// Selects `field` on a value of this type. A union selects on its members that are
    /// maps or objects, or unknown; with more than one such member the result is `dyn`.
    public func selecting(_ field: String) -> FieldSelection {
        switch self {
        case .dyn, .parameter:
            return .type(.dyn)
        case .error:
            return .type(.error)
        case .object(let schema):
            if let fieldType = schema.fields[field] { return .type(fieldType) }
            return schema.isOpen ? .type(.dyn) : .notListed(schema)
        case .map(_, let value):
            return .type(value)
        case .union(let members):
            let selectable = members.filter { $0.isUnknown || $0.runtimeType == .map }
            if selectable.isEmpty { return .noFields }
            return selectable.count == 1 ? selectable[0].selecting(field) : .type(.dyn)
        default:
            return .noFields
        }
    }
}
