import VerdictLanguage

extension ExplanationWalker {
    /// Explains a macro by the iterations that decided it: one element for `all`, `exists`
    /// and most others, the first two matches for a false `exists_one`, and the range
    /// itself when no iteration ran or no element matched. A `cel.bind` is explained by its
    /// body, then by the bound value when a step of the body reads the variable.
    mutating func walkMacro(_ comprehension: Comprehension, _ expr: Expr, _ result: Result<Value, EvaluationError>,
                            frame: EvaluationRecorder.Frame, paths: [String: FieldPath]) {
        if comprehension.kind == .bind {
            walkBind(comprehension, expr, frame: frame, paths: paths)
            return
        }

        addStep(expr, result, frame: frame, paths: paths)
        guard let iterations = frame.iterations[expr.id] else {
            // No iteration ran, because the range was empty or failed: its value is the
            // reason, such as `resources("ACS::ThreatDetection::Instance") = []`.
            walk(comprehension.range, frame: frame, paths: paths)
            return
        }
        if iterations.isEmpty {
            // Only `exists_one` keeps no iteration, when no element matched.
            addNoMatchStep(comprehension, expr)
            walk(comprehension.range, frame: frame, paths: paths)
            return
        }

        let rangePath = path(of: comprehension.range, frame: frame, paths: paths)
        for iteration in iterations {
            let elementPath = rangePath?.element(iteration.index)
            let place = expression.location(of: expr.id)
            steps.append(ExplanationStep(
                expression: "\(comprehension.secondVariable ?? comprehension.variable) (element \(iteration.index))",
                value: ValueFormatter.brief(iteration.element), fieldPath: elementPath?.text,
                line: place.line, column: place.column))

            var scope = paths
            if let second = comprehension.secondVariable {
                // The first variable is the index or key, which no field path names.
                scope[comprehension.variable] = nil
                scope[second] = elementPath
            } else {
                scope[comprehension.variable] = elementPath
            }
            if let filter = comprehension.filter { walk(filter, frame: iteration.frame, paths: scope) }
            walk(comprehension.body, frame: iteration.frame, paths: scope)
        }
    }

    /// Explains `cel.bind(name, value, body)` by its body, then adds `name = VALUE` with the
    /// value's path when a step of the body read `name`, so that a step such as
    /// `size(name) = 3` is not left without the value it counted.
    private mutating func walkBind(_ comprehension: Comprehension, _ expr: Expr, frame: EvaluationRecorder.Frame,
                                   paths: [String: FieldPath]) {
        guard case .success(let value)? = frame.results[comprehension.range.id] else {
            // The bound value failed, so the body never ran: the value's error is the reason.
            walk(comprehension.range, frame: frame, paths: paths)
            return
        }

        let valuePath = path(of: comprehension.range, frame: frame, paths: paths)
        var scope = paths
        scope[comprehension.variable] = valuePath
        readBindings.remove(expr.id)
        walk(comprehension.body, frame: frame, paths: scope)
        guard readBindings.contains(expr.id) else { return }

        let place = shapes.bindVariableLocations[expr.id] ?? expression.location(of: expr.id)
        let step = ExplanationStep(expression: comprehension.variable, value: ValueFormatter.brief(value), fieldPath: valuePath?.text,
                                   line: place.line, column: place.column)
        // A step of the body may already show the variable, as an operand of a comparison.
        let alreadyShown = steps.contains { $0.expression == step.expression && $0.value == step.value && $0.fieldPath == step.fieldPath }
        if !alreadyShown { steps.append(step) }
    }

    /// Adds the step stating that no element matched the predicate of an `exists_one`.
    private mutating func addNoMatchStep(_ comprehension: Comprehension, _ expr: Expr) {
        let place = expression.location(of: comprehension.body.id)
        steps.append(ExplanationStep(expression: stepTexts[comprehension.body.id], value: "false for every element",
                                     fieldPath: nil, line: place.line, column: place.column))
    }
}
