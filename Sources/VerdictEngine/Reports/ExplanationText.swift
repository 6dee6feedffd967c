/// An explanation as plain text lines, the same in every format that shows it as text:
/// the text report, JUnit, CSV and the SARIF message.
enum ExplanationText {
    /// Returns the line that names the deciding condition and its place, such as
    /// `why (compliantWhen, policies/oss/tls.yaml:24):`.
    static func heading(_ explanation: Explanation) -> String {
        "why (\(explanation.conditionKey), \(explanation.file):\(explanation.line)):"
    }

    /// Returns one step as `EXPRESSION = VALUE`, followed by `  ← PATH` when the step
    /// read a resource field.
    static func stepLine(_ step: ExplanationStep) -> String {
        let line = "\(step.expression) = \(step.value)"
        guard let path = step.fieldPath else { return line }
        return line + "  ← " + path
    }
}
