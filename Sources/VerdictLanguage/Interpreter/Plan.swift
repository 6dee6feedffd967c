/// A node of an evaluation plan: the syntax tree with names resolved to slots, functions
/// resolved to their implementations and constant parts computed, so that evaluation
/// does no lookup by name.
///
/// Plans are immutable once built, so a `Program` may evaluate them from several threads
/// at once, each with its own `Activation`.
class Plan {
    let id: ExprID

    init(id: ExprID) {
        self.id = id
    }

    func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        preconditionFailure("Plan subclasses implement evaluate")
    }

    /// The value of a plan that needs no activation, for constant folding.
    var constantValue: Value? { nil }

    /// Evaluates plans in order, such as a call's arguments or a list's elements.
    @inline(__always)
    final func values(of plans: [Plan], _ activation: Activation) throws(EvaluationError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(plans.count)
        for plan in plans {
            values.append(try plan.evaluate(activation))
        }
        return values
    }

    /// Gives an error raised by this node its id, keeping the id of a deeper node that
    /// raised it first.
    @inline(__always)
    final func attributed(_ error: EvaluationError) -> EvaluationError {
        guard error.exprID == 0 else { return error }
        var error = error
        error.exprID = id
        return error
    }
}

final class ConstantPlan: Plan {
    let value: Value

    init(id: ExprID, value: Value) {
        self.value = value
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value { value }
    override var constantValue: Value? { value }
}

/// A plan that always fails, for names and calls that cannot be resolved. The error is
/// raised at evaluation, not planning, because `||` or `&&` may still decide the result.
final class ErrorPlan: Plan {
    let error: EvaluationError

    init(id: ExprID, error: EvaluationError) {
        var error = error
        error.exprID = id
        self.error = error
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value { throw error }
}

/// A declared variable or macro variable, read from its slot.
final class SlotPlan: Plan {
    let slot: Int
    let name: String

    init(id: ExprID, slot: Int, name: String) {
        self.slot = slot
        self.name = name
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        guard let value = activation.slots[slot] else {
            throw EvaluationError(.unboundVariable, "no value for variable '\(name)'", exprID: id)
        }
        return value
    }
}

/// A plan that reads one field of a map (a JSON object). The field's hash is computed
/// once, here, rather than on every evaluation.
class FieldPlan: Plan {
    let operand: Plan
    let field: String
    let fieldHash: KeyHash

    init(id: ExprID, operand: Plan, field: String) {
        self.operand = operand
        self.field = field
        self.fieldHash = KeyHash(field)
        super.init(id: id)
    }

    /// Evaluates the operand, which must be a map.
    final func operandMap(_ activation: Activation) throws(EvaluationError) -> MapValue {
        let container = try operand.evaluate(activation)
        guard case .map(let map) = container else {
            throw attributed(.noSuchField(field, on: container))
        }
        return map
    }
}

/// `operand.field`.
final class SelectPlan: FieldPlan {
    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        guard let value = try operandMap(activation).value(forKey: field, hash: fieldHash) else {
            throw EvaluationError(.noSuchKey, "no such key: '\(field)'", exprID: id)
        }
        return value
    }
}

/// `has(operand.field)`: whether a map has the key.
final class HasPlan: FieldPlan {
    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        .bool(try operandMap(activation).value(forKey: field, hash: fieldHash) != nil)
    }
}

/// Reports each result of the wrapped plan to the activation's observer.
final class ObservedPlan: Plan {
    let inner: Plan

    init(_ inner: Plan) {
        self.inner = inner
        super.init(id: inner.id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        do throws(EvaluationError) {
            let value = try inner.evaluate(activation)
            activation.observer?.evaluated(id, result: .success(value))
            return value
        } catch {
            activation.observer?.evaluated(id, result: .failure(error))
            throw error
        }
    }

    override var constantValue: Value? { inner.constantValue }
}
