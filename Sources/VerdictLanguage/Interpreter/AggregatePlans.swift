/// A list literal.
final class ListPlan: Plan {
    let elements: [Plan]

    init(id: ExprID, elements: [Plan]) {
        self.elements = elements
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            values.append(try element.evaluate(activation))
        }
        return .list(values)
    }
}

/// A map literal; a duplicate or unsupported key is an error.
final class MapPlan: Plan {
    let keys: [Plan]
    let values: [Plan]

    init(id: ExprID, keys: [Plan], values: [Plan]) {
        self.keys = keys
        self.values = values
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        var keyValues: [Value] = []
        var valueValues: [Value] = []
        keyValues.reserveCapacity(keys.count)
        valueValues.reserveCapacity(keys.count)
        for index in 0..<keys.count {
            keyValues.append(try keys[index].evaluate(activation))
            valueValues.append(try values[index].evaluate(activation))
        }
        return try MapPlan.makeMap(keys: keyValues, values: valueValues, id: id)
    }

    static func makeMap(keys: [Value], values: [Value], id: ExprID) throws(EvaluationError) -> Value {
        do throws(MapKeyError) {
            return .map(try MapValue(keys: keys, values: values))
        } catch {
            switch error {
            case .duplicateKey(let key):
                throw EvaluationError(.invalidArgument, "duplicate map key \(ValueFormatter.literal(key))", exprID: id)
            case .unsupportedKey(let type):
                throw EvaluationError(.invalidArgument, "unsupported map key type: \(type.displayName); keys are int, uint, bool or string", exprID: id)
            }
        }
    }
}

/// The macros `all`, `exists`, `exists_one`, `map` and `filter`.
final class ComprehensionPlan: Plan {
    let kind: Comprehension.Kind
    let slot: Int
    let range: Plan
    let body: Plan
    let filter: Plan?

    init(id: ExprID, kind: Comprehension.Kind, slot: Int, range: Plan, body: Plan, filter: Plan?) {
        self.kind = kind
        self.slot = slot
        self.range = range
        self.body = body
        self.filter = filter
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let rangeValue = try range.evaluate(activation)
        let elements: [Value]
        switch rangeValue {
        case .list(let list):
            elements = list
        case .map(let map):
            elements = map.keys
        default:
            throw attributed(EvaluationError(.noMatchingOverload,
                "\(kind.rawValue)() applies to a list or map, not to a value of type \(rangeValue.type.displayName)"))
        }

        switch kind {
        case .all: return try quantify(elements, activation, decisive: false)
        case .exists: return try quantify(elements, activation, decisive: true)
        case .existsOne: return try existsOne(elements, activation)
        case .map: return try transform(elements, activation)
        case .filter: return try select(elements, activation)
        }
    }

    @inline(__always)
    private func bind(_ element: Value, at index: Int, _ activation: Activation) throws(EvaluationError) {
        try activation.charge()
        activation.slots[slot] = element
        activation.observer?.iterating(id, index: index, element: element)
    }

    /// `all` (decisive value false) and `exists` (decisive value true): the first element
    /// whose predicate gives the decisive value settles the result, and errors from other
    /// elements are dropped; otherwise the first error is the result.
    private func quantify(_ elements: [Value], _ activation: Activation, decisive: Bool) throws(EvaluationError) -> Value {
        var firstError: EvaluationError?
        for (index, element) in elements.enumerated() {
            try bind(element, at: index, activation)
            do throws(EvaluationError) {
                let result = try body.evaluate(activation)
                guard case .bool(let flag) = result else {
                    if firstError == nil { firstError = predicateError(result) }
                    continue
                }
                if flag == decisive { return .bool(decisive) }
            } catch {
                if error.kind == .budgetExceeded { throw error }
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        return .bool(!decisive)
    }

    private func existsOne(_ elements: [Value], _ activation: Activation) throws(EvaluationError) -> Value {
        var matches = 0
        for (index, element) in elements.enumerated() {
            try bind(element, at: index, activation)
            let result = try body.evaluate(activation)
            guard case .bool(let flag) = result else { throw predicateError(result) }
            if flag { matches += 1 }
        }
        return .bool(matches == 1)
    }

    private func transform(_ elements: [Value], _ activation: Activation) throws(EvaluationError) -> Value {
        var results: [Value] = []
        results.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            try bind(element, at: index, activation)
            if let filter {
                let keep = try filter.evaluate(activation)
                guard case .bool(let flag) = keep else { throw predicateError(keep) }
                if !flag { continue }
            }
            results.append(try body.evaluate(activation))
        }
        return .list(results)
    }

    private func select(_ elements: [Value], _ activation: Activation) throws(EvaluationError) -> Value {
        var results: [Value] = []
        for (index, element) in elements.enumerated() {
            try bind(element, at: index, activation)
            let keep = try body.evaluate(activation)
            guard case .bool(let flag) = keep else { throw predicateError(keep) }
            if flag { results.append(element) }
        }
        return .list(results)
    }

    private func predicateError(_ value: Value) -> EvaluationError {
        EvaluationError(.noMatchingOverload,
                        "the predicate of \(kind.rawValue)() must be a bool, not a value of type \(value.type.displayName)",
                        exprID: body.id)
    }
}
