import VerdictLanguage

/// Limits on the values a rule parameter may take, declared beside its type in the policy
/// file. They keep a default or an override from loosening the rule, such as a zone
/// count of -1, which every resource meets, or an empty list where the rule needs entries.
///
/// For a list parameter, `minimum`, `maximum` and `allowedValues` apply to each element.
public struct ParameterConstraints: Sendable {
    /// The smallest value allowed (int, double and duration parameters).
    public var minimum: Value?
    /// The largest value allowed (int, double and duration parameters).
    public var maximum: Value?
    /// The minimum number of elements of a list parameter.
    public var minItems: Int?
    /// The only values allowed.
    public var allowedValues: [Value]?

    public init(minimum: Value? = nil, maximum: Value? = nil, minItems: Int? = nil, allowedValues: [Value]? = nil) {
        self.minimum = minimum
        self.maximum = maximum
        self.minItems = minItems
        self.allowedValues = allowedValues
    }

    public var isEmpty: Bool {
        minimum == nil && maximum == nil && minItems == nil && allowedValues == nil
    }

    /// Returns the first constraint that `value` breaks, or nil when it satisfies all.
    public func violation(of value: Value) -> ParameterConstraintViolation? {
        guard case .list(let elements) = value else {
            return elementProblem(value).map { ParameterConstraintViolation(value: value, elementIndex: nil, problem: $0) }
        }
        if let minItems, elements.count < minItems {
            let counted = elements.count == 1 ? "1 element" : "\(elements.count) elements"
            return ParameterConstraintViolation(value: value, elementIndex: nil,
                                                problem: "the list has \(counted), fewer than the parameter's minItems, \(minItems)")
        }
        for (index, element) in elements.enumerated() {
            if let problem = elementProblem(element) {
                return ParameterConstraintViolation(value: element, elementIndex: index, problem: problem)
            }
        }
        return nil
    }

    private func elementProblem(_ value: Value) -> String? {
        if let minimum, Value.celOrder(value, minimum) == .less {
            return "it is less than the parameter's minimum, \(ValueFormatter.literal(minimum))"
        }
        if let maximum, Value.celOrder(value, maximum) == .greater {
            return "it is greater than the parameter's maximum, \(ValueFormatter.literal(maximum))"
        }
        if let allowedValues, !allowedValues.contains(where: { Value.celEqual($0, value) }) {
            return "it is not one of the parameter's allowedValues: \(allowedValues.map(ValueFormatter.literal).joined(separator: ", "))"
        }
        return nil
    }
}

/// A parameter value that breaks one of the parameter's constraints.
public struct ParameterConstraintViolation: Sendable {
    /// The offending value: the whole value, or the list element at `elementIndex`.
    public let value: Value
    public let elementIndex: Int?
    /// The broken constraint as a clause about the value, such as "it is less than the
    /// parameter's minimum, 1".
    public let problem: String

    /// Returns the message for a value of `subject`, such as
    /// "invalid value -1 for pai-eas-instances-multi-zone.minZones: it is less than the
    /// parameter's minimum, 1".
    public func message(for subject: String) -> String {
        let element = elementIndex.map { " (element \($0 + 1))" } ?? ""
        return "invalid value \(ValueFormatter.literal(value))\(element) for \(subject): \(problem)"
    }
}
