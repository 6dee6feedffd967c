/// A planned expression, ready to evaluate many times. Immutable and safe to share
/// between threads: each evaluation gets its own activation.
public final class Program: @unchecked Sendable {
    let root: Plan
    /// The declared variables, in the order `evaluate` expects their values.
    public let variables: [String]
    let slotCount: Int
    /// The most steps (macro iterations) one evaluation may take.
    public let stepLimit: Int

    init(root: Plan, variables: [String], slotCount: Int, stepLimit: Int) {
        self.root = root
        self.variables = variables
        self.slotCount = slotCount
        self.stepLimit = stepLimit
    }

    /// Evaluates with the values of the declared variables in declaration order; nil
    /// leaves a variable unbound, so reading it is an error.
    public func evaluate(_ values: [Value?], context: AnyObject? = nil, observer: EvaluationObserver? = nil) -> Result<Value, EvaluationError> {
        var slots = values
        if slots.count < slotCount {
            slots.append(contentsOf: repeatElement(nil, count: slotCount - slots.count))
        }
        let activation = Activation(slots: slots, stepLimit: stepLimit, context: context, observer: observer)
        do throws(EvaluationError) {
            return .success(try root.evaluate(activation))
        } catch {
            return .failure(error)
        }
    }

    /// Evaluates with variable values by name; names not declared are ignored.
    public func evaluate(_ bindings: [String: Value], context: AnyObject? = nil, observer: EvaluationObserver? = nil) -> Result<Value, EvaluationError> {
        evaluate(variables.map { bindings[$0] }, context: context, observer: observer)
    }

    /// The value of an expression that needs no variables, computed when planning.
    public var constantValue: Value? { root.constantValue }
}
