/// How static types relate, for the checker: which types can hold equal values, which
/// can be ordered, and what a type is once its details no longer matter.
extension StaticType {
    /// Whether the checker has no information about the type, so no error should be reported.
    var isUnknown: Bool {
        switch self {
        case .dyn, .error, .parameter: return true
        default: return false
        }
    }

    var isNumeric: Bool {
        switch self {
        case .int, .uint, .double: return true
        default: return false
        }
    }

    /// The type as the checker compares it: JSON text is a string.
    var comparable: StaticType {
        if case .jsonText = self { return .string }
        return self
    }

    /// Whether a value of this type could equal a value of `other`. Numbers compare across
    /// int, uint and double, and null is allowed everywhere because documents use it for
    /// "not set".
    func canEqual(_ other: StaticType) -> Bool {
        let left = comparable
        let right = other.comparable
        if left.isUnknown || right.isUnknown { return true }
        if case .null = left { return true }
        if case .null = right { return true }
        if case .union(let members) = left { return members.contains { $0.canEqual(right) } }
        if case .union(let members) = right { return members.contains { left.canEqual($0) } }
        if left.isNumeric && right.isNumeric { return true }
        switch (left, right) {
        case (.list(let a), .list(let b)):
            return a.canEqual(b)
        case (.map(let ak, let av), .map(let bk, let bv)):
            return ak.canEqual(bk) && av.canEqual(bv)
        case (.object, .object), (.object, .map), (.map, .object):
            return true
        case (.type, .type):
            return true
        default:
            return left.runtimeType != nil && left.runtimeType == right.runtimeType
        }
    }

    /// Whether values of this type and `other` can be ordered with `<`.
    func canOrder(_ other: StaticType) -> Bool {
        let left = comparable
        let right = other.comparable
        if left.isUnknown || right.isUnknown { return true }
        if case .union(let members) = left { return members.contains { $0.canOrder(right) } }
        if case .union(let members) = right { return members.contains { left.canOrder($0) } }
        if left.isNumeric && right.isNumeric { return true }
        switch (left, right) {
        case (.string, .string), (.bytes, .bytes), (.bool, .bool), (.timestamp, .timestamp), (.duration, .duration):
            return true
        default:
            return false
        }
    }

    /// The element type of a list, or the key type of a map, as macros iterate them.
    var iterationElement: StaticType? {
        switch self {
        case .list(let element): return element
        case .map(let key, _): return key
        case .object: return .string
        case .dyn, .error, .parameter: return .dyn
        case .union(let members): return members.contains { $0.iterationElement != nil } ? .dyn : nil
        default: return nil
        }
    }

    /// The type both branches of a conditional or all list elements share, or dyn.
    static func common(_ types: [StaticType]) -> StaticType {
        guard let first = types.first else { return .dyn }
        return types.allSatisfy { $0 == first } ? first : .dyn
    }
}
