/// `a && b`. Either side that is false makes the result false, even when the other side
/// is an error; otherwise an error or a non-boolean operand is the result.
final class AndPlan: Plan {
    let left: Plan
    let right: Plan

    init(id: ExprID, left: Plan, right: Plan) {
        self.left = left
        self.right = right
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let leftResult = booleanResult(left, activation, function: Operator.logicalAnd)
        if case .success(false) = leftResult { return .bool(false) }
        let rightResult = booleanResult(right, activation, function: Operator.logicalAnd)
        switch (leftResult, rightResult) {
        case (_, .success(false)):
            return .bool(false)
        case (.success(true), .success(true)):
            return .bool(true)
        case (.failure(let error), _), (_, .failure(let error)):
            throw attributed(error)
        default:
            return .bool(false)
        }
    }
}

/// `a || b`: either side that is true makes the result true, even when the other side
/// is an error.
final class OrPlan: Plan {
    let left: Plan
    let right: Plan

    init(id: ExprID, left: Plan, right: Plan) {
        self.left = left
        self.right = right
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let leftResult = booleanResult(left, activation, function: Operator.logicalOr)
        if case .success(true) = leftResult { return .bool(true) }
        let rightResult = booleanResult(right, activation, function: Operator.logicalOr)
        switch (leftResult, rightResult) {
        case (_, .success(true)):
            return .bool(true)
        case (.success(false), .success(false)):
            return .bool(false)
        case (.failure(let error), _), (_, .failure(let error)):
            throw attributed(error)
        default:
            return .bool(true)
        }
    }
}

/// Evaluates an operand of a logical operator; a non-boolean value is an error.
@inline(__always)
private func booleanResult(_ plan: Plan, _ activation: Activation, function: String) -> Result<Bool, EvaluationError> {
    do throws(EvaluationError) {
        let value = try plan.evaluate(activation)
        guard case .bool(let flag) = value else {
            var error = EvaluationError.noOverload(function, value, .bool(true))
            error.exprID = plan.id
            return .failure(error)
        }
        return .success(flag)
    } catch {
        return .failure(error)
    }
}

/// `condition ? whenTrue : whenFalse`, evaluating only the branch taken.
final class ConditionalPlan: Plan {
    let condition: Plan
    let whenTrue: Plan
    let whenFalse: Plan

    init(id: ExprID, condition: Plan, whenTrue: Plan, whenFalse: Plan) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let value = try condition.evaluate(activation)
        guard case .bool(let flag) = value else {
            throw attributed(.noOverload(Operator.conditional, value))
        }
        return try (flag ? whenTrue : whenFalse).evaluate(activation)
    }
}
