/// The mutable state of one evaluation: variable values, the remaining step budget, the
/// host's context and an optional observer. Create one per evaluation; it is not shared
/// between threads.
public final class Activation {
    /// Values of the declared variables (in declaration order), then of macro variables.
    var slots: [Value?]
    var remainingSteps: Int
    let stepLimit: Int
    /// Data that host functions need, such as related resources; they downcast it.
    public let context: AnyObject?
    let observer: EvaluationObserver?

    init(slots: [Value?], stepLimit: Int, context: AnyObject?, observer: EvaluationObserver?) {
        self.slots = slots
        self.remainingSteps = stepLimit
        self.stepLimit = stepLimit
        self.context = context
        self.observer = observer
    }

    /// Charges `steps` against the budget, failing once it is spent.
    @inline(__always)
    func charge(_ steps: Int = 1) throws(EvaluationError) {
        remainingSteps -= steps
        if remainingSteps < 0 { throw .budgetExceeded(stepLimit) }
    }
}

/// Receives what an evaluation computes, node by node, to explain a result. Evaluation
/// calls it only for programs planned with observation on, so unobserved evaluation pays
/// nothing for it.
public protocol EvaluationObserver: AnyObject {
    /// A node produced a value or an error.
    func evaluated(_ id: ExprID, result: Result<Value, EvaluationError>)
    /// A macro bound its variable to the element at `index` of its range (for a map, the
    /// key at that position).
    func iterating(_ comprehensionID: ExprID, index: Int, element: Value)
}
