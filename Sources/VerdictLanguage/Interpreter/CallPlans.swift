/// Calls of functions with one, two or any number of arguments. Arguments are evaluated
/// first and an error in any of them is the call's error, as CEL's strict functions require.
final class UnaryCallPlan: Plan {
    let function: @Sendable (Value) throws(EvaluationError) -> Value
    let argument: Plan

    init(id: ExprID, function: @escaping @Sendable (Value) throws(EvaluationError) -> Value, argument: Plan) {
        self.function = function
        self.argument = argument
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let value = try argument.evaluate(activation)
        do throws(EvaluationError) {
            return try function(value)
        } catch {
            throw attributed(error)
        }
    }
}

final class BinaryCallPlan: Plan {
    let function: @Sendable (Value, Value) throws(EvaluationError) -> Value
    let left: Plan
    let right: Plan

    init(id: ExprID, function: @escaping @Sendable (Value, Value) throws(EvaluationError) -> Value, left: Plan, right: Plan) {
        self.function = function
        self.left = left
        self.right = right
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let leftValue = try left.evaluate(activation)
        let rightValue = try right.evaluate(activation)
        do throws(EvaluationError) {
            return try function(leftValue, rightValue)
        } catch {
            throw attributed(error)
        }
    }
}

final class VariadicCallPlan: Plan {
    let function: @Sendable ([Value]) throws(EvaluationError) -> Value
    let arguments: [Plan]

    init(id: ExprID, function: @escaping @Sendable ([Value]) throws(EvaluationError) -> Value, arguments: [Plan]) {
        self.function = function
        self.arguments = arguments
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let values = try values(of: arguments, activation)
        do throws(EvaluationError) {
            return try function(values)
        } catch {
            throw attributed(error)
        }
    }
}

/// A host function that reads the activation's context.
final class ContextualCallPlan: Plan {
    let function: @Sendable ([Value], Activation) throws(EvaluationError) -> Value
    let arguments: [Plan]

    init(id: ExprID, function: @escaping @Sendable ([Value], Activation) throws(EvaluationError) -> Value, arguments: [Plan]) {
        self.function = function
        self.arguments = arguments
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let values = try values(of: arguments, activation)
        do throws(EvaluationError) {
            return try function(values, activation)
        } catch {
            throw attributed(error)
        }
    }
}

/// `text.matches(pattern)` with a constant pattern, compiled once when planning.
final class ConstantMatchPlan: Plan {
    let text: Plan
    let expression: RegularExpression

    init(id: ExprID, text: Plan, expression: RegularExpression) {
        self.text = text
        self.expression = expression
        super.init(id: id)
    }

    override func evaluate(_ activation: Activation) throws(EvaluationError) -> Value {
        let value = try text.evaluate(activation)
        guard case .string(let string) = value else {
            throw attributed(.noOverload("matches", value, .string("")))
        }
        return .bool(expression.matches(string))
    }
}
