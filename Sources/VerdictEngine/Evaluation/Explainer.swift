import VerdictLanguage
import VerdictPolicy

/// Explains a verdict: evaluates the deciding condition again with a recorder, then
/// follows the sub-expressions that decided its value (the false operand of a false `&&`,
/// the element that made `all` false, the branch a conditional took) down to the
/// comparisons and fields that produced it, with the JSON path of each field read.
/// One explainer serves one condition and is made when the rule is prepared.
struct Explainer: Sendable {
    /// The most steps an explanation shows; the deciding ones come first.
    static let maxSteps = 12

    let expression: CompiledExpression
    private let macroBodies: EvaluationRecorder.MacroBodies
    private let start: SourceLocation
    /// Each node's text as a step shows it, by node id: shortened once here, because one
    /// rule can explain many thousands of findings.
    private let stepTexts: [String]

    init(_ expression: CompiledExpression) {
        self.expression = expression
        macroBodies = EvaluationRecorder.macroBodies(of: expression.parsed.root)
        start = expression.expression.source.location(of: expression.parsed.root.span.start)
        stepTexts = expression.nodeTexts.map(StepText.shortened)
    }

    func explain(values: [Value?], context: PolicyEvaluationContext) -> Explanation {
        let recorder = EvaluationRecorder(macroBodies: macroBodies)
        _ = expression.observedProgram.evaluate(values, context: context, observer: recorder)
        var walker = ExplanationWalker(expression: expression, stepTexts: stepTexts)
        walker.walk(expression.parsed.root, frame: recorder.root, paths: [:])
        return Explanation(conditionKey: expression.expression.key, file: expression.expression.source.name,
                           line: start.line, column: start.column, steps: Array(walker.steps.prefix(Explainer.maxSteps)))
    }
}

/// The walk down the deciding sub-expressions, collecting steps.
struct ExplanationWalker {
    let expression: CompiledExpression
    let stepTexts: [String]
    var steps: [ExplanationStep] = []
    private var seen = Set<ExprID>()
    /// The errors whose message a step already shows, by the node that raised them and
    /// their message. An error travels up through every enclosing expression, and
    /// repeating a long message on each of them hides the steps that matter.
    private var shownErrors = Set<ShownError>()

    private struct ShownError: Hashable {
        let origin: ExprID
        let message: String
    }

    init(expression: CompiledExpression, stepTexts: [String]) {
        self.expression = expression
        self.stepTexts = stepTexts
    }

    /// `paths` gives the JSON path of each macro or `cel.bind` variable in scope.
    mutating func walk(_ expr: Expr, frame: EvaluationRecorder.Frame, paths: [String: String]) {
        guard let result = frame.results[expr.id] else { return }
        switch expr.kind {
        case .call(let function, nil, let arguments) where function == Operator.logicalAnd || function == Operator.logicalOr:
            // A false && (or true ||) is decided by its false (or true) operands; an error
            // by the operands that failed; anything else by all of them.
            let decisive: Bool? = function == Operator.logicalAnd ? false : true
            let deciding = arguments.filter { argument in
                switch (result, frame.results[argument.id]) {
                case (.success(.bool(let value)), .success(.bool(let operand))?) where value == decisive:
                    return operand == decisive
                case (.failure, .failure?):
                    return true
                case (.failure, _):
                    return false
                default:
                    return true
                }
            }
            for argument in deciding { walk(argument, frame: frame, paths: paths) }
        case .call(Operator.logicalNot, nil, let arguments):
            arguments.forEach { walk($0, frame: frame, paths: paths) }
        case .call(Operator.conditional, nil, let arguments) where arguments.count == 3:
            walk(arguments[0], frame: frame, paths: paths)
            if case .success(.bool(let taken))? = frame.results[arguments[0].id] {
                walk(arguments[taken ? 1 : 2], frame: frame, paths: paths)
            }
        case .comprehension(let comprehension):
            walkMacro(comprehension, expr, result, frame: frame, paths: paths)
        default:
            addStep(expr, result, frame: frame, paths: paths)
            // Show the fields and calls a comparison or call read.
            if case .call(_, let target, let arguments) = expr.kind {
                for operand in ([target].compactMap { $0 } + arguments) where frame.results[operand.id] != nil {
                    addOperand(operand, frame: frame, paths: paths)
                }
            }
        }
    }

    private mutating func walkMacro(_ comprehension: Comprehension, _ expr: Expr, _ result: Result<Value, EvaluationError>,
                                    frame: EvaluationRecorder.Frame, paths: [String: String]) {
        var paths = paths
        if comprehension.kind == .bind {
            if case .failure? = frame.results[comprehension.range.id] {
                // The bound value failed, so the body never ran: the value's error is the reason.
                walk(comprehension.range, frame: frame, paths: paths)
                return
            }
            paths[comprehension.variable] = path(of: comprehension.range, frame: frame, paths: paths)
            walk(comprehension.body, frame: frame, paths: paths)
            return
        }
        addStep(expr, result, frame: frame, paths: paths)
        guard let iteration = frame.iterations[expr.id] else {
            // No iteration ran, because the range was empty or failed: its value is the
            // reason, such as `resources("ACS::ThreatDetection::Instance") = []`.
            walk(comprehension.range, frame: frame, paths: paths)
            return
        }
        let rangePath = path(of: comprehension.range, frame: frame, paths: paths)
        let elementPath = rangePath.map { "\($0)[\(iteration.index)]" }
        steps.append(ExplanationStep(
            expression: "\(comprehension.secondVariable ?? comprehension.variable) (element \(iteration.index))",
            value: ValueFormatter.brief(iteration.element), fieldPath: elementPath,
            line: expression.location(of: expr.id).line, column: expression.location(of: expr.id).column))
        if let second = comprehension.secondVariable {
            paths[second] = elementPath
        } else {
            paths[comprehension.variable] = elementPath
        }
        if let filter = comprehension.filter { walk(filter, frame: iteration.frame, paths: paths) }
        walk(comprehension.body, frame: iteration.frame, paths: paths)
    }

    private mutating func addOperand(_ operand: Expr, frame: EvaluationRecorder.Frame, paths: [String: String]) {
        switch operand.kind {
        case .literal, .list, .map:
            return
        case .comprehension:
            walk(operand, frame: frame, paths: paths)
        default:
            if let result = frame.results[operand.id] { addStep(operand, result, frame: frame, paths: paths) }
        }
    }

    private mutating func addStep(_ expr: Expr, _ result: Result<Value, EvaluationError>, frame: EvaluationRecorder.Frame, paths: [String: String]) {
        guard seen.insert(expr.id).inserted else { return }
        let value: String
        switch result {
        case .success(let success): value = ValueFormatter.brief(success)
        case .failure(let error):
            let isNew = shownErrors.insert(ShownError(origin: error.exprID, message: error.message)).inserted
            value = isNew ? "error: \(error.message)" : "error (see above)"
        }
        let place = expression.location(of: expr.id)
        steps.append(ExplanationStep(expression: stepTexts[expr.id], value: value, fieldPath: path(of: expr, frame: frame, paths: paths),
                                     line: place.line, column: place.column))
    }

    /// The JSON path in the resource document that an expression reads, when it is a chain
    /// of fields and constant indexes on `resource`, `config`, a macro variable, the taken
    /// branch of a conditional, or a related document from `lookup` (shown as
    /// `lookup(TYPE, ID)`).
    func path(of expr: Expr, frame: EvaluationRecorder.Frame, paths: [String: String]) -> String? {
        switch expr.kind {
        case .identifier("config"):
            return paths["config"] ?? "Configuration"
        case .identifier("resource"):
            return paths["resource"] ?? ""
        case .identifier(let name):
            return paths[name]
        case .select(let operand, let field, _):
            return path(of: operand, frame: frame, paths: paths).map { $0.isEmpty ? field : "\($0).\(field)" }
        case .call(Operator.index, nil, let arguments) where arguments.count == 2:
            guard let base = path(of: arguments[0], frame: frame, paths: paths) else { return nil }
            switch arguments[1].kind {
            case .literal(.int(let index)): return "\(base)[\(index)]"
            case .literal(.string(let key)): return "\(base)[\(ValueFormatter.quoted(key))]"
            default: return nil
            }
        case .call(Operator.conditional, nil, let arguments) where arguments.count == 3:
            guard case .success(.bool(let taken))? = frame.results[arguments[0].id] else { return nil }
            return path(of: arguments[taken ? 1 : 2], frame: frame, paths: paths)
        case .call("parseJSON", nil, let arguments) where arguments.count == 1:
            return path(of: arguments[0], frame: frame, paths: paths).map { "\($0) (JSON)" }
        case .call("parseJSON", let target?, let arguments) where arguments.isEmpty:
            return path(of: target, frame: frame, paths: paths).map { "\($0) (JSON)" }
        case .call(RelatedResourceFunctions.lookupName, nil, let arguments) where arguments.count == 2:
            guard case .success(.string(let type))? = frame.results[arguments[0].id] ?? literal(arguments[0]),
                  case .success(.string(let id))? = frame.results[arguments[1].id] ?? literal(arguments[1])
            else { return nil }
            return "lookup(\(type), \(id))"
        default:
            return nil
        }
    }

    private func literal(_ expr: Expr) -> Result<Value, EvaluationError>? {
        if case .literal(.string(let text)) = expr.kind { return .success(.string(text)) }
        return nil
    }
}
