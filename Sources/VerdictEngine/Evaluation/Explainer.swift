import VerdictLanguage
import VerdictPolicy

/// Builds explanations by evaluating a condition with an observer.
enum Explainer {
    // TODO: record the deciding sub-expressions and field paths.
    static func explain(_ expression: CompiledExpression, values: [Value?], context: PolicyEvaluationContext) -> Explanation? {
        nil
    }
}
