/// Macros: calls that CEL expands at parse time, such as `has(a.b)` and `e.all(x, p)`.
extension Parser {
    /// Builds a call, or the macro it spells: `has(a.b)`, `e.all(x, p)`, `e.exists(x, p)`,
    /// `e.exists_one(x, p)`, `e.map(x, t)`, `e.map(x, p, t)` and `e.filter(x, p)`.
    mutating func makeCall(function: String, target: Expr?, arguments: [Expr], span: SourceSpan, nameSpan: SourceSpan) -> Expr {
        if target == nil, function == "has", arguments.count == 1 {
            guard case .select(let operand, let field, false) = arguments[0].kind else {
                // An invalid argument has its own error already.
                if case .invalid = arguments[0].kind { return node(.invalid, span) }
                report(SyntaxError.invalidHasArgument, at: arguments[0].span)
                return node(.invalid, span)
            }
            return node(.select(operand: operand, field: field, testOnly: true), span)
        }
        if function == "bind", arguments.count == 3, case .identifier("cel")? = target?.kind {
            guard case .identifier(let variable) = arguments[0].kind else {
                report(SyntaxError.macroVariable("cel.bind"), at: arguments[0].span)
                return node(.invalid, span)
            }
            let binding = Comprehension(kind: .bind, variable: variable, variableSpan: arguments[0].span, secondVariable: nil,
                                        range: arguments[1], body: arguments[2], filter: nil)
            return node(.comprehension(binding), span)
        }
        if let target, let kind = Parser.macroKind(function, argumentCount: arguments.count) {
            let usesTwoVariables = Parser.takesTwoVariables(kind, argumentCount: arguments.count)
            let variableCount = usesTwoVariables ? 2 : 1
            var variables: [String] = []
            for argument in arguments.prefix(variableCount) {
                guard case .identifier(let variable) = argument.kind else {
                    report(SyntaxError.macroVariable(function), at: argument.span)
                    return node(.invalid, span)
                }
                variables.append(variable)
            }
            let rest = Array(arguments.dropFirst(variableCount))
            let hasFilter = rest.count == 2
            let comprehension = Comprehension(
                kind: kind, variable: variables[0], variableSpan: arguments[0].span,
                secondVariable: usesTwoVariables ? variables[1] : nil, range: target,
                body: rest[hasFilter ? 1 : 0], filter: hasFilter ? rest[0] : nil)
            return node(.comprehension(comprehension), span)
        }
        return node(.call(function: function, target: target, arguments: arguments), span)
    }

    static func macroKind(_ function: String, argumentCount: Int) -> Comprehension.Kind? {
        switch (function, argumentCount) {
        case ("all", 2), ("all", 3): return .all
        case ("exists", 2), ("exists", 3): return .exists
        case ("exists_one", 2), ("exists_one", 3), ("existsOne", 2), ("existsOne", 3): return .existsOne
        case ("map", 2), ("map", 3): return .map
        case ("filter", 2): return .filter
        case ("transformList", 3), ("transformList", 4): return .transformList
        case ("transformMap", 3), ("transformMap", 4): return .transformMap
        default: return nil
        }
    }

    /// Whether a macro call binds an index or key and a value: the three-argument forms of
    /// `all`, `exists` and `exists_one`, and every form of `transformList` and `transformMap`.
    /// (Three-argument `map` is the filtered form with one variable.)
    static func takesTwoVariables(_ kind: Comprehension.Kind, argumentCount: Int) -> Bool {
        switch kind {
        case .transformList, .transformMap: return true
        case .all, .exists, .existsOne: return argumentCount == 3
        case .map, .filter, .bind: return false
        }
    }
}
