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
    private let shapes: ExpressionShapes

    init(_ expression: CompiledExpression) {
        self.expression = expression
        macroBodies = EvaluationRecorder.macroBodies(of: expression.parsed.root)
        start = expression.expression.source.location(of: expression.parsed.root.span.start)
        stepTexts = expression.nodeTexts.map(StepText.shortened)
        shapes = ExpressionShapes(expression.parsed.root, source: expression.expression.source)
    }

    func explain(values: [Value?], context: PolicyEvaluationContext) -> Explanation {
        let recorder = EvaluationRecorder(macroBodies: macroBodies)
        _ = expression.observedProgram.evaluate(values, context: context, observer: recorder)
        var walker = ExplanationWalker(expression: expression, stepTexts: stepTexts, shapes: shapes)
        walker.walk(expression.parsed.root, frame: recorder.root, paths: [:])
        return Explanation(conditionKey: expression.expression.key, file: expression.expression.source.name,
                           line: start.line, column: start.column, steps: Array(walker.steps.prefix(Explainer.maxSteps)))
    }
}

/// The walk down the deciding sub-expressions, collecting steps.
struct ExplanationWalker {
    let expression: CompiledExpression
    let stepTexts: [String]
    let shapes: ExpressionShapes
    var steps: [ExplanationStep] = []
    /// The nodes that have a step, by the frame they were evaluated in: the body of a macro
    /// has one step per iteration shown.
    private var seen = Set<SeenNode>()
    /// The errors whose message a step already shows, by the node that raised them and
    /// their message. An error travels up through every enclosing expression, and
    /// repeating a long message on each of them hides the steps that matter.
    private var shownErrors = Set<ShownError>()
    /// The `cel.bind` expressions whose variable a step has read.
    var readBindings = Set<ExprID>()

    private struct SeenNode: Hashable {
        let frame: ObjectIdentifier
        let id: ExprID
    }

    private struct ShownError: Hashable {
        let origin: ExprID
        let message: String
    }

    init(expression: CompiledExpression, stepTexts: [String], shapes: ExpressionShapes) {
        self.expression = expression
        self.stepTexts = stepTexts
        self.shapes = shapes
    }

    /// `paths` gives the JSON path of each macro or `cel.bind` variable in scope.
    mutating func walk(_ expr: Expr, frame: EvaluationRecorder.Frame, paths: [String: FieldPath]) {
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

    private mutating func addOperand(_ operand: Expr, frame: EvaluationRecorder.Frame, paths: [String: FieldPath]) {
        switch operand.kind {
        case .literal, .list, .map:
            return
        case .comprehension:
            walk(operand, frame: frame, paths: paths)
        default:
            if let result = frame.results[operand.id] { addStep(operand, result, frame: frame, paths: paths) }
            // A size is of little use without the list it counts and the place it was read.
            if let counted = Self.countedValue(operand) { addOperand(counted, frame: frame, paths: paths) }
        }
    }

    /// Returns the list, map or string that `expr` counts when it is a call of `size`,
    /// unless that is a variable: the step of its element or `cel.bind` shows its value.
    private static func countedValue(_ expr: Expr) -> Expr? {
        let counted: Expr
        switch expr.kind {
        case .call("size", let target?, let arguments) where arguments.isEmpty: counted = target
        case .call("size", nil, let arguments) where arguments.count == 1: counted = arguments[0]
        default: return nil
        }
        if case .identifier = counted.kind { return nil }
        return counted
    }

    mutating func addStep(_ expr: Expr, _ result: Result<Value, EvaluationError>, frame: EvaluationRecorder.Frame, paths: [String: FieldPath]) {
        guard seen.insert(SeenNode(frame: ObjectIdentifier(frame), id: expr.id)).inserted else { return }
        if let reads = shapes.bindReads[expr.id] { readBindings.formUnion(reads) }
        let value: String
        switch result {
        case .success(let success): value = ValueFormatter.brief(success)
        case .failure(let error):
            let isNew = shownErrors.insert(ShownError(origin: error.exprID, message: error.message)).inserted
            value = isNew ? "error: \(error.message)" : "error (see above)"
        }
        let place = expression.location(of: expr.id)
        steps.append(ExplanationStep(expression: stepTexts[expr.id], value: value, fieldPath: path(of: expr, frame: frame, paths: paths)?.text,
                                     line: place.line, column: place.column))
    }
}
