/// `a && b` and `a || b`. An operand equal to the operator's deciding value (false for
/// `&&`, true for `||`) decides the result, even when the other operand is an error;
/// otherwise an error or a non-boolean operand is the result.
final class LogicalPlan: Plan {
    let left: Plan
    let right: Plan
    /// The operator's name, for errors about non-boolean operands.
    let function: String
    /// The value that decides the result whatever the other operand is.
    let decidingValue: Bool

    init(id: ExprID, function: String, left: Plan, right: Plan) {
        self.left = left
        self.right = right
        self.function = function
        self.decidingValue = function == Operator.logicalOr
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let leftResult = booleanResult(left, activation, function: function)
        if case .success(decidingValue) = leftResult { return .bool(decidingValue) }
        let rightResult = booleanResult(right, activation, function: function)
        switch (leftResult, rightResult) {
        case (_, .success(decidingValue)):
            return .bool(decidingValue)
        case (.failure(let error), _), (_, .failure(let error)):
            throw attributed(error)
        default:
            // Both operands are the other value.
            return .bool(!decidingValue)
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
