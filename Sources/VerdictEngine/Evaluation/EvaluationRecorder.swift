import VerdictLanguage

/// Records what an observed evaluation computed, keeping for each macro the iterations
/// that decided its result. For `all` that is the first element whose predicate was
/// false, and for `exists` the first whose predicate was true. For `exists_one` it is the
/// first two whose predicate was true, or none when no element matched. Other macros keep
/// their last iteration. An iteration whose predicate failed decides when no other does.
final class EvaluationRecorder: EvaluationObserver {
    /// The results of the nodes evaluated in one scope: the whole expression, or one
    /// iteration of a macro.
    final class Frame {
        var results: [ExprID: Result<Value, EvaluationError>] = [:]
        /// For each macro evaluated in this frame that ran at least one iteration, the
        /// iterations kept, each with its frame.
        var iterations: [ExprID: [Iteration]] = [:]
    }

    struct Iteration {
        let index: Int
        let element: Value
        let frame: Frame
    }

    /// A macro being evaluated: its iterations so far.
    private struct OpenMacro {
        let id: ExprID
        var iterations: [Iteration] = []
    }

    let root = Frame()
    private var open: [OpenMacro] = []
    /// The body node of each macro, to tell which iteration decided.
    private let macroBodies: MacroBodies

    /// The kind and body node of each macro in an expression, by the macro's node.
    typealias MacroBodies = [ExprID: (kind: Comprehension.Kind, body: ExprID)]

    init(macroBodies: MacroBodies) {
        self.macroBodies = macroBodies
    }

    /// Finds the macros of an expression; done once per condition, not per evaluation.
    static func macroBodies(of expression: Expr) -> MacroBodies {
        var bodies: MacroBodies = [:]
        func visit(_ expr: Expr) {
            if case .comprehension(let comprehension) = expr.kind { bodies[expr.id] = (comprehension.kind, comprehension.body.id) }
            expr.kind.children.forEach(visit)
        }
        visit(expression)
        return bodies
    }

    private var currentFrame: Frame {
        open.last?.iterations.last?.frame ?? root
    }

    func iterating(_ comprehensionID: ExprID, index: Int, element: Value) {
        if open.last?.id != comprehensionID {
            open.append(OpenMacro(id: comprehensionID))
        }
        open[open.count - 1].iterations.append(Iteration(index: index, element: element, frame: Frame()))
    }

    func evaluated(_ id: ExprID, result: Result<Value, EvaluationError>) {
        if let macro = open.last, macro.id == id {
            open.removeLast()
            let frame = currentFrame
            frame.results[id] = result
            frame.iterations[id] = decidingIterations(macro)
            return
        }
        currentFrame.results[id] = result
    }

    private func decidingIterations(_ macro: OpenMacro) -> [Iteration] {
        guard let (kind, body) = macroBodies[macro.id] else { return macro.iterations.suffix(1) }
        func bodyIs(_ flag: Bool, _ iteration: Iteration) -> Bool {
            if case .success(.bool(flag))? = iteration.frame.results[body] { return true }
            return false
        }
        func bodyFailed(_ iteration: Iteration) -> Bool {
            if case .failure? = iteration.frame.results[body] { return true }
            return false
        }
        let kept: Iteration?
        switch kind {
        case .all:
            kept = macro.iterations.first { bodyIs(false, $0) } ?? macro.iterations.first(where: bodyFailed) ?? macro.iterations.last
        case .exists:
            kept = macro.iterations.first { bodyIs(true, $0) } ?? macro.iterations.first(where: bodyFailed) ?? macro.iterations.last
        case .existsOne:
            // The first failure ends the evaluation; otherwise one match means true, and
            // two matches, or none, mean false.
            if let failed = macro.iterations.first(where: bodyFailed) { return [failed] }
            return Array(macro.iterations.lazy.filter { bodyIs(true, $0) }.prefix(2))
        default:
            kept = macro.iterations.first(where: bodyFailed) ?? macro.iterations.last
        }
        return kept.map { [$0] } ?? []
    }
}
