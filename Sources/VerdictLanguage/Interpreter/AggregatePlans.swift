/// A list literal.
final class ListPlan: Plan {
    let elements: [Plan]

    init(id: ExprID, elements: [Plan]) {
        self.elements = elements
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        .list(try values(of: elements, activation))
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

/// The macros `all`, `exists`, `exists_one`, `map`, `filter`, `transformList` and
/// `transformMap`, over the elements of a list or the keys of a map.
final class ComprehensionPlan: Plan {
    let kind: Comprehension.Kind
    /// The slot of the variable: the element (or key) in one-variable forms, the index (or
    /// key) in two-variable forms.
    let slot: Int
    /// The slot of the element (or map value) in two-variable forms.
    let valueSlot: Int?
    let range: Plan
    let body: Plan
    let filter: Plan?

    init(id: ExprID, kind: Comprehension.Kind, slot: Int, valueSlot: Int?, range: Plan, body: Plan, filter: Plan?) {
        self.kind = kind
        self.slot = slot
        self.valueSlot = valueSlot
        self.range = range
        self.body = body
        self.filter = filter
        super.init(id: id)
    }

    /// What one iteration binds: the first variable's value, and the second's in
    /// two-variable forms.
    private struct Iteration {
        let first: Value
        let second: Value
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let rangeValue = try range.evaluate(activation)
        if kind == .bind {
            activation.slots[slot] = rangeValue
            return try body.evaluate(activation)
        }
        let iterations: [Iteration]
        switch rangeValue {
        case .list(let list):
            iterations = valueSlot == nil
                ? list.map { Iteration(first: $0, second: $0) }
                : list.enumerated().map { Iteration(first: .int(Int64($0.offset)), second: $0.element) }
        case .map(let map):
            iterations = (0..<map.count).map { Iteration(first: map.key(at: $0), second: map.value(at: $0)) }
        default:
            throw attributed(EvaluationError(.noMatchingOverload,
                "\(kind.rawValue)() applies to a list or map, not to a value of type \(rangeValue.type.displayName)"))
        }

        switch kind {
        case .all: return try quantify(iterations, activation, decisive: false)
        case .exists: return try quantify(iterations, activation, decisive: true)
        case .existsOne: return try existsOne(iterations, activation)
        case .map, .transformList: return try transform(iterations, activation)
        case .transformMap: return try transformToMap(iterations, activation)
        case .filter: return try select(iterations, activation)
        case .bind: preconditionFailure("cel.bind is evaluated before iterating")
        }
    }

    @inline(__always)
    private func bind(_ iteration: Iteration, at index: Int, _ activation: Activation) throws(EvaluationError) {
        try activation.charge()
        activation.slots[slot] = iteration.first
        if let valueSlot { activation.slots[valueSlot] = iteration.second }
        activation.observer?.iterating(id, index: index, element: iteration.second)
    }

    /// `all` (decisive value false) and `exists` (decisive value true): the first element
    /// whose predicate gives the decisive value settles the result, and errors from other
    /// elements are dropped; otherwise the first error is the result.
    private func quantify(_ iterations: [Iteration], _ activation: Activation, decisive: Bool) throws(EvaluationError) -> Value {
        var firstError: EvaluationError?
        for (index, iteration) in iterations.enumerated() {
            try bind(iteration, at: index, activation)
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

    private func existsOne(_ iterations: [Iteration], _ activation: Activation) throws(EvaluationError) -> Value {
        var matches = 0
        for (index, iteration) in iterations.enumerated() {
            try bind(iteration, at: index, activation)
            if try predicate(body, activation) { matches += 1 }
        }
        return .bool(matches == 1)
    }

    private func transform(_ iterations: [Iteration], _ activation: Activation) throws(EvaluationError) -> Value {
        var results: [Value] = []
        results.reserveCapacity(iterations.count)
        for (index, iteration) in iterations.enumerated() {
            try bind(iteration, at: index, activation)
            if let filter, !(try predicate(filter, activation)) { continue }
            results.append(try body.evaluate(activation))
        }
        return .list(results)
    }

    /// `transformMap`: the map from each key (or list index) to the body's value.
    private func transformToMap(_ iterations: [Iteration], _ activation: Activation) throws(EvaluationError) -> Value {
        var keys: [Value] = []
        var values: [Value] = []
        for (index, iteration) in iterations.enumerated() {
            try bind(iteration, at: index, activation)
            if let filter, !(try predicate(filter, activation)) { continue }
            keys.append(iteration.first)
            values.append(try body.evaluate(activation))
        }
        return try MapPlan.makeMap(keys: keys, values: values, id: id)
    }

    private func select(_ iterations: [Iteration], _ activation: Activation) throws(EvaluationError) -> Value {
        var results: [Value] = []
        for (index, iteration) in iterations.enumerated() {
            try bind(iteration, at: index, activation)
            if try predicate(body, activation) { results.append(iteration.first) }
        }
        return .list(results)
    }

    /// Evaluates a predicate that must give a bool.
    private func predicate(_ plan: Plan, _ activation: Activation) throws(EvaluationError) -> Bool {
        let result = try plan.evaluate(activation)
        guard case .bool(let flag) = result else { throw predicateError(result, plan: plan) }
        return flag
    }

    private func predicateError(_ value: Value, plan: Plan? = nil) -> EvaluationError {
        EvaluationError(.noMatchingOverload,
                        "the predicate of \(kind.rawValue)() must be a bool, not a value of type \(value.type.displayName)",
                        exprID: (plan ?? body).id)
    }
}
