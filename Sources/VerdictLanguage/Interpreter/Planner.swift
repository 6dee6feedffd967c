/// Turns a syntax tree into an evaluation plan: resolves names to variable slots and
/// type values, calls to function implementations, and computes constant parts once.
struct Planner {
    let variables: [String: Int]
    let functions: FunctionRegistry
    let observed: Bool
    private var scopes: [(name: String, slot: Int)] = []
    private(set) var slotCount: Int

    /// Type names that evaluate to type values, unless a variable has the same name.
    static let typeNames: [String: ValueType] = {
        var names: [String: ValueType] = [:]
        for type in ValueType.allCases { names[type.rawValue] = type }
        return names
    }()

    init(variables: [String], functions: FunctionRegistry, observed: Bool) {
        var slots: [String: Int] = [:]
        for (index, name) in variables.enumerated() where slots[name] == nil {
            slots[name] = index
        }
        self.variables = slots
        self.functions = functions
        self.observed = observed
        self.slotCount = variables.count
    }

    mutating func plan(_ expr: Expr) -> Plan {
        let plan = planNode(expr)
        // Constants need no observation: explanations show values that came from data.
        if observed, plan.constantValue == nil { return ObservedPlan(plan) }
        return plan
    }

    private mutating func planNode(_ expr: Expr) -> Plan {
        switch expr.kind {
        case .literal(let constant):
            return ConstantPlan(id: expr.id, value: Planner.value(of: constant))
        case .identifier(let name):
            return planIdentifier(name, expr)
        case .select(let operand, let field, let testOnly):
            return planSelect(operand, field, testOnly: testOnly, expr)
        case .call(let function, let target, let arguments):
            return planCall(function, target: target, arguments: arguments, expr)
        case .list(let elements):
            return planList(elements, expr)
        case .map(let entries):
            return planMap(entries, expr)
        case .message(let typeName, _):
            return ErrorPlan(id: expr.id, error: EvaluationError(.unsupported,
                "'\(typeName){...}' builds a protocol buffer message; Verdict expressions work on JSON data and have no message types"))
        case .comprehension(let comprehension):
            return planComprehension(comprehension, expr)
        case .invalid:
            return ErrorPlan(id: expr.id, error: EvaluationError(.invalidArgument, "the expression has a syntax error here"))
        }
    }

    static func value(of constant: Constant) -> Value {
        switch constant {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .uint(let number): return .uint(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .bytes(let bytes): return .bytes(bytes)
        }
    }

    // MARK: - Names

    private func scopedSlot(_ name: String) -> Int? {
        scopes.last { $0.name == name }?.slot
    }

    private mutating func planIdentifier(_ name: String, _ expr: Expr) -> Plan {
        if let slot = scopedSlot(name) ?? variables[name] {
            return SlotPlan(id: expr.id, slot: slot, name: name)
        }
        if let type = Planner.typeNames[name] {
            return ConstantPlan(id: expr.id, value: .type(type))
        }
        return ErrorPlan(id: expr.id, error: EvaluationError(.undeclaredReference, "undeclared reference to '\(name)'"))
    }

    /// The dotted name an expression spells when it is a chain of plain selections on an
    /// identifier that is not a macro variable, such as `google.protobuf.Timestamp`.
    private func qualifiedName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .identifier(let name):
            return scopedSlot(name) == nil ? name : nil
        case .select(let operand, let field, false):
            return qualifiedName(operand).map { $0 + "." + field }
        default:
            return nil
        }
    }

    /// Whether a dotted name begins with a variable, as `config.Name` begins with `config`.
    private func startsWithVariable(_ name: String) -> Bool {
        variables.keys.contains { name.hasPrefix($0 + ".") }
    }

    private mutating func planSelect(_ operand: Expr, _ field: String, testOnly: Bool, _ expr: Expr) -> Plan {
        // A dotted name may itself be a variable or a type: the longest such prefix wins.
        if !testOnly, let name = qualifiedName(expr), scopedSlot(name) == nil {
            if let slot = variables[name] { return SlotPlan(id: expr.id, slot: slot, name: name) }
            if let type = Planner.typeNames[name], !startsWithVariable(name) {
                return ConstantPlan(id: expr.id, value: .type(type))
            }
        }
        let operandPlan = plan(operand)
        if testOnly { return HasPlan(id: expr.id, operand: operandPlan, field: field) }
        return SelectPlan(id: expr.id, operand: operandPlan, field: field)
    }

    // MARK: - Calls

    private mutating func planCall(_ function: String, target: Expr?, arguments: [Expr], _ expr: Expr) -> Plan {
        switch function {
        case Operator.logicalAnd where target == nil && arguments.count == 2,
             Operator.logicalOr where target == nil && arguments.count == 2:
            return LogicalPlan(id: expr.id, function: function, left: plan(arguments[0]), right: plan(arguments[1]))
        case Operator.conditional where target == nil && arguments.count == 3:
            return ConditionalPlan(id: expr.id, condition: plan(arguments[0]),
                                   whenTrue: plan(arguments[1]), whenFalse: plan(arguments[2]))
        default:
            break
        }

        // `a.b.f(x)` calls the global function `a.b.f` when `a.b` is no variable, so that
        // namespaced functions such as `math.greatest` work.
        if let target, let namespace = qualifiedName(target), variables[namespace] == nil, !startsWithVariable(namespace),
           let namespaced = functions[namespace + "." + function] {
            return planFunction(namespaced, isMethod: false, arguments: arguments.map { plan($0) }, expr)
        }

        guard let resolved = functions[function] else {
            let name = target == nil ? function : "." + function
            return ErrorPlan(id: expr.id, error: EvaluationError(.noMatchingOverload, "undeclared function '\(name)'"))
        }
        if function == "matches", let matchPlan = planConstantMatch(target: target, arguments: arguments, expr) {
            return matchPlan
        }
        var argumentPlans: [Plan] = []
        if let target { argumentPlans.append(plan(target)) }
        argumentPlans.append(contentsOf: arguments.map { plan($0) })
        return planFunction(resolved, isMethod: target != nil, arguments: argumentPlans, expr)
    }

    private func planFunction(_ function: Function, isMethod: Bool, arguments: [Plan], _ expr: Expr) -> Plan {
        let styleAllowed = isMethod ? function.allowsMethodCall : function.allowsGlobalCall
        guard styleAllowed else {
            let message = isMethod
                ? "'\(function.name)' is a function, not a method: write \(function.name)(...)"
                : "'\(function.name)' is a method: write value.\(function.name)(...)"
            return ErrorPlan(id: expr.id, error: EvaluationError(.noMatchingOverload, message))
        }
        let call: Plan
        switch (function.implementation, arguments.count) {
        case (.unary(let body), 1):
            call = UnaryCallPlan(id: expr.id, function: body, argument: arguments[0])
        case (.binary(let body), 2):
            call = BinaryCallPlan(id: expr.id, function: body, left: arguments[0], right: arguments[1])
        case (.variadic(let body), _):
            call = VariadicCallPlan(id: expr.id, function: body, arguments: arguments)
        case (.contextual(let body), _):
            return ContextualCallPlan(id: expr.id, function: body, arguments: arguments)
        default:
            let count = arguments.count
            return ErrorPlan(id: expr.id, error: EvaluationError(.noMatchingOverload,
                "no overload of '\(Operator.displayName(function.name))' takes \(count) argument\(count == 1 ? "" : "s")"))
        }
        return function.isPure ? folded(call, arguments) : call
    }

    /// Evaluates a pure call on constant arguments now. A call that fails stays a call, so
    /// that the error is raised (or absorbed by `||`) at evaluation as usual.
    private func folded(_ call: Plan, _ arguments: [Plan]) -> Plan {
        guard arguments.allSatisfy({ $0.constantValue != nil }) else { return call }
        let activation = Activation(slots: [], stepLimit: 10_000, context: nil, observer: nil)
        guard let value = try? call.evaluate(activation) else { return call }
        return ConstantPlan(id: call.id, value: value)
    }

    private mutating func planConstantMatch(target: Expr?, arguments: [Expr], _ expr: Expr) -> Plan? {
        let textExpr: Expr
        let patternExpr: Expr
        if let target, arguments.count == 1 {
            (textExpr, patternExpr) = (target, arguments[0])
        } else if target == nil, arguments.count == 2 {
            (textExpr, patternExpr) = (arguments[0], arguments[1])
        } else {
            return nil
        }
        guard case .literal(.string(let pattern)) = patternExpr.kind else { return nil }
        do throws(RegexSyntaxError) {
            let expression = try RegularExpression(pattern)
            return ConstantMatchPlan(id: expr.id, text: plan(textExpr), expression: expression)
        } catch {
            return ErrorPlan(id: patternExpr.id, error: EvaluationError(.invalidArgument,
                "invalid regular expression \(ValueFormatter.quoted(pattern)): \(error.message)"))
        }
    }

    // MARK: - Aggregates

    private mutating func planList(_ elements: [Expr], _ expr: Expr) -> Plan {
        let plans = elements.map { plan($0) }
        let constants = plans.compactMap(\.constantValue)
        if constants.count == plans.count { return ConstantPlan(id: expr.id, value: .list(constants)) }
        return ListPlan(id: expr.id, elements: plans)
    }

    private mutating func planMap(_ entries: [MapEntry], _ expr: Expr) -> Plan {
        let keys = entries.map { plan($0.key) }
        let values = entries.map { plan($0.value) }
        let constantKeys = keys.compactMap(\.constantValue)
        let constantValues = values.compactMap(\.constantValue)
        if constantKeys.count == keys.count, constantValues.count == values.count,
           let map = try? MapPlan.makeMap(keys: constantKeys, values: constantValues, id: expr.id) {
            return ConstantPlan(id: expr.id, value: map)
        }
        return MapPlan(id: expr.id, keys: keys, values: values)
    }

    private mutating func planComprehension(_ comprehension: Comprehension, _ expr: Expr) -> Plan {
        let range = plan(comprehension.range)
        let slot = variables.count + scopes.count
        scopes.append((comprehension.variable, slot))
        var valueSlot: Int?
        if let second = comprehension.secondVariable {
            valueSlot = slot + 1
            scopes.append((second, slot + 1))
        }
        slotCount = max(slotCount, variables.count + scopes.count)
        let body = plan(comprehension.body)
        let filter = comprehension.filter.map { plan($0) }
        scopes.removeLast(valueSlot == nil ? 1 : 2)
        return ComprehensionPlan(id: expr.id, kind: comprehension.kind, slot: slot, valueSlot: valueSlot,
                                 range: range, body: body, filter: filter)
    }
}
