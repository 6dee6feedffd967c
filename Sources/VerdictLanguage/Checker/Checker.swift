/// A static type checker for expressions. It computes a type for every node and reports
/// undeclared names, unknown fields of typed objects, unknown functions, calls that no
/// overload accepts, comparisons that can never hold, conditions that are not bools, and
/// literal regular expressions that do not compile.
///
/// Types it cannot know flow on as `dyn`, and a node with an error gets the type `error`,
/// so that one mistake is reported once rather than at every node above it.
public struct Checker {
    private let environment: Environment
    private let options: CheckOptions
    private let source: Source
    private var types: [ExprID: StaticType] = [:]
    private var diagnostics: [Diagnostic] = []
    private var scopes: [(name: String, type: StaticType)] = []
    private let variables: [String: StaticType]
    /// The paths of `options.unlistedFields` and every prefix of them.
    private let unlistedPaths: Set<String>

    public init(environment: Environment, source: Source, options: CheckOptions = CheckOptions()) {
        self.environment = environment
        self.options = options
        self.source = source
        var variables: [String: StaticType] = [:]
        for declaration in environment.variables where variables[declaration.name] == nil {
            variables[declaration.name] = declaration.type
        }
        self.variables = variables
        self.unlistedPaths = Checker.pathsAndPrefixes(options.unlistedFields)
    }

    /// Returns each path (without white space) and its prefixes of two or more
    /// components: `config.A.B` gives `config.A` and `config.A.B`.
    static func pathsAndPrefixes(_ paths: Set<String>) -> Set<String> {
        var result = Set<String>()
        for path in paths {
            let components = path.filter { !$0.isWhitespace }.split(separator: ".", omittingEmptySubsequences: false)
            guard components.count >= 2 else { continue }
            for count in 2...components.count {
                result.insert(components.prefix(count).joined(separator: "."))
            }
        }
        return result
    }

    /// Checks a parsed expression.
    public static func check(_ parsed: ParsedExpression, environment: Environment, options: CheckOptions = CheckOptions()) -> CheckedExpression {
        var checker = Checker(environment: environment, source: parsed.source, options: options)
        let type = checker.check(parsed.root)
        if let expected = options.expectedResult, expected == .bool, !type.isUnknown, type.comparable != .bool, !checker.isUnionWithBool(type) {
            checker.report(CheckerMessage.notBool(options.resultDescription, type), at: parsed.root)
        }
        return CheckedExpression(types: checker.types, diagnostics: checker.diagnostics, rootID: parsed.root.id)
    }

    private func isUnionWithBool(_ type: StaticType) -> Bool {
        if case .union(let members) = type { return members.contains(.bool) || members.contains(where: \.isUnknown) }
        return false
    }

    private mutating func report(_ diagnostic: (String, String), at expr: Expr) {
        diagnostics.append(Diagnostic(id: diagnostic.0, message: diagnostic.1, span: expr.span, source: source))
    }

    private mutating func report(_ diagnostic: (String, String), at span: SourceSpan) {
        diagnostics.append(Diagnostic(id: diagnostic.0, message: diagnostic.1, span: span, source: source))
    }

    /// Returns the span of a select's field name, the part that a diagnostic about the
    /// field points at.
    private func fieldSpan(of expr: Expr, field: String) -> SourceSpan {
        let end = expr.span.end
        var start = max(expr.span.start, end - field.utf8.count)
        if expr.span.end > 0, source.utf8.indices.contains(end - 1), source.utf8[end - 1] == UInt8(ascii: "`") {
            start = max(expr.span.start, end - field.utf8.count - 1)
        }
        if case .select(_, _, true) = expr.kind {
            // has(a.b): the field ends before the closing parenthesis.
            let text = source.snippet(expr.span)
            if let range = text.range(of: "." + field, options: .backwards) {
                start = expr.span.start + text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1
            }
        }
        return SourceSpan(start: start, end: end)
    }

    @discardableResult
    private mutating func check(_ expr: Expr) -> StaticType {
        let type = checkNode(expr)
        types[expr.id] = type
        return type
    }

    private mutating func checkNode(_ expr: Expr) -> StaticType {
        switch expr.kind {
        case .literal(let constant):
            return Checker.type(of: constant)
        case .identifier(let name):
            return checkIdentifier(name, expr)
        case .select(let operand, let field, let testOnly):
            return checkSelect(operand, field, testOnly: testOnly, expr)
        case .call(let function, let target, let arguments):
            return checkCall(function, target: target, arguments: arguments, expr)
        case .list(let elements):
            return .list(StaticType.common(elements.map { check($0) }))
        case .map(let entries):
            let keys = entries.map { check($0.key) }
            let values = entries.map { check($0.value) }
            return .map(StaticType.common(keys), StaticType.common(values))
        case .message:
            return .error
        case .comprehension(let comprehension):
            return checkComprehension(comprehension, expr)
        case .invalid:
            return .error
        }
    }

    static func type(of constant: Constant) -> StaticType {
        switch constant {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        }
    }

    // MARK: - Names and fields

    private func scoped(_ name: String) -> StaticType? {
        scopes.last { $0.name == name }?.type
    }

    private mutating func checkIdentifier(_ name: String, _ expr: Expr) -> StaticType {
        if let type = scoped(name) ?? variables[name] { return type }
        if let type = Planner.typeNames[name] { return .type(StaticType(type)) }
        let candidates = scopes.map(\.name) + Array(variables.keys)
        report(CheckerMessage.undeclaredReference(name, candidates: candidates), at: expr)
        return .error
    }

    /// The dotted name of a chain of selections on an identifier that no macro binds.
    private func qualifiedName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .identifier(let name): return scoped(name) == nil ? name : nil
        case .select(let operand, let field, false): return qualifiedName(operand).map { $0 + "." + field }
        default: return nil
        }
    }

    private mutating func checkSelect(_ operand: Expr, _ field: String, testOnly: Bool, _ expr: Expr) -> StaticType {
        if !testOnly, let name = qualifiedName(expr) {
            if let type = variables[name] { return type }
            if let type = Planner.typeNames[name], !variables.keys.contains(where: { name.hasPrefix($0 + ".") }) {
                return .type(StaticType(type))
            }
        }
        let operandType = check(operand)
        let fieldType = selectField(field, on: operandType, expr)
        return testOnly ? .bool : fieldType
    }

    private mutating func selectField(_ field: String, on type: StaticType, _ expr: Expr) -> StaticType {
        selectField(field, on: type, path: fieldPath(of: expr), at: fieldSpan(of: expr, field: field))
    }

    /// Selects a field, reporting a problem at `span`; `path` is the dotted path of the
    /// selection, for `unlistedFields`.
    private mutating func selectField(_ field: String, on type: StaticType, path: String?, at span: SourceSpan) -> StaticType {
        switch type.selecting(field) {
        case .type(let fieldType):
            return fieldType
        case .notListed(let schema):
            if let path, unlistedPaths.contains(path) { return .dyn }
            report(CheckerMessage.unknownField(field, in: schema), at: span)
            return .error
        case .noFields:
            report(CheckerMessage.noFields(field, on: type), at: span)
            return .error
        }
    }

    /// Returns the dotted path that a chain of selections spells, such as
    /// `config.Extra.Field` for both `config.Extra.Field` and `has(config.Extra.Field)`.
    private func fieldPath(of expr: Expr) -> String? {
        switch expr.kind {
        case .identifier(let name): return name
        case .select(let operand, let field, _): return fieldPath(of: operand).map { $0 + "." + field }
        default: return nil
        }
    }

    // MARK: - Calls

    private mutating func checkCall(_ function: String, target: Expr?, arguments: [Expr], _ expr: Expr) -> StaticType {
        switch function {
        case Operator.logicalAnd, Operator.logicalOr:
            for argument in arguments { checkBoolOperand(argument, of: function) }
            return .bool
        case Operator.conditional where arguments.count == 3:
            checkBoolOperand(arguments[0], of: function)
            let whenTrue = check(arguments[1])
            let whenFalse = check(arguments[2])
            return StaticType.common([whenTrue, whenFalse])
        default:
            break
        }

        // A namespaced function such as strings.quote is called through its namespace.
        if let target, let namespace = qualifiedName(target), variables[namespace] == nil,
           !variables.keys.contains(where: { namespace.hasPrefix($0 + ".") }),
           let namespaced = environment.functions[namespace + "." + function] {
            return checkFunction(namespaced, isMethod: false, arguments: arguments, argumentTypes: arguments.map { check($0) }, expr)
        }

        var argumentExprs = arguments
        var argumentTypes: [StaticType] = []
        if let target {
            argumentExprs.insert(target, at: 0)
        }
        argumentTypes = argumentExprs.map { check($0) }
        guard let resolved = environment.functions[function] else {
            report(CheckerMessage.undeclaredFunction(target == nil ? function : "." + function,
                                                     candidates: Array(environment.functions.functions.keys).filter { !$0.hasPrefix("_") && !$0.hasPrefix("@") && !$0.hasPrefix("!") && !$0.hasPrefix("-") }),
                   at: expr)
            return .error
        }
        if let invalidPattern = ConstantPatternCheck.diagnostic(function: function, arguments: argumentExprs, source: source) {
            diagnostics.append(invalidPattern)
        }
        if target == nil, let pathArgument = options.fieldPathArgument?(function, arguments) {
            checkFieldPath(pathArgument, of: function, arguments: arguments, argumentTypes: argumentTypes)
        }
        if let comparison = checkComparison(function, argumentTypes, expr) { return comparison }
        return checkFunction(resolved, isMethod: target != nil, arguments: argumentExprs, argumentTypes: argumentTypes, expr)
    }

    /// Selects the fields of a literal field path argument in turn, reporting an unknown
    /// one at its place inside the literal (or at the literal, when escapes hide it), then
    /// checks the compared argument against the field's type.
    private mutating func checkFieldPath(_ pathArgument: FieldPathArgument, of function: String, arguments: [Expr], argumentTypes: [StaticType]) {
        guard arguments.indices.contains(pathArgument.pathIndex),
              case .literal(.string(let path)) = arguments[pathArgument.pathIndex].kind else { return }
        let literal = arguments[pathArgument.pathIndex]
        let bodyStart = StringLiteralBody.start(of: literal, value: path, source: source)

        var type = pathArgument.rootType
        var offset = 0
        // Empty components are skipped, as the lookup that follows the path skips them.
        for component in path.split(separator: ".", omittingEmptySubsequences: false) {
            defer { offset += component.utf8.count + 1 }
            if component.isEmpty { continue }
            let span = bodyStart.map { SourceSpan(start: $0 + offset, end: $0 + offset + component.utf8.count) } ?? literal.span
            type = selectField(String(component), on: type, path: nil, at: span)
            if type == .error { return }
        }

        guard let comparedIndex = pathArgument.comparedIndex, argumentTypes.indices.contains(comparedIndex) else { return }
        let valueType = argumentTypes[comparedIndex]
        if !type.canEqual(valueType) {
            report(CheckerMessage.incompatibleFieldValue(function, path: path, field: type, value: valueType), at: arguments[comparedIndex])
        }
    }

    private mutating func checkBoolOperand(_ expr: Expr, of function: String) {
        let type = check(expr)
        if !type.isUnknown, type.comparable != .bool, !isUnionWithBool(type) {
            report(CheckerMessage.notBool("the operand of '\(Operator.displayName(function))'", type), at: expr)
        }
    }

    /// Equality, ordering and membership, whose operand types must be able to meet.
    private mutating func checkComparison(_ function: String, _ types: [StaticType], _ expr: Expr) -> StaticType? {
        guard types.count == 2 else { return nil }
        let (left, right) = (types[0], types[1])
        switch function {
        case Operator.equals, Operator.notEquals:
            if !left.canEqual(right) {
                report(CheckerMessage.incompatibleComparison(Operator.displayName(function), left, right), at: expr)
            }
            return .bool
        case Operator.less, Operator.lessEquals, Operator.greater, Operator.greaterEquals:
            if !left.canOrder(right) {
                report(CheckerMessage.noOverload(function, types), at: expr)
            }
            return .bool
        case Operator.in:
            let element: StaticType?
            switch right {
            case .list(let inner): element = inner
            case .map(let key, _): element = key
            case .object: element = .string
            default: element = nil
            }
            if let element, !left.canEqual(element) {
                report(CheckerMessage.incompatibleMembership(left, right), at: expr)
            } else if element == nil, !right.isUnknown, !isUnion(right) {
                report(CheckerMessage.noOverload(function, types), at: expr)
            }
            return .bool
        default:
            return nil
        }
    }

    private func isUnion(_ type: StaticType) -> Bool {
        if case .union = type { return true }
        return false
    }

    private mutating func checkFunction(_ function: Function, isMethod: Bool, arguments: [Expr], argumentTypes: [StaticType], _ expr: Expr) -> StaticType {
        let styled = function.overloads.filter { $0.isMethod == isMethod }
        guard !styled.isEmpty else {
            report(isMethod ? CheckerMessage.isFunction(function.name) : CheckerMessage.isMethod(function.name), at: expr)
            return .error
        }
        let counted = styled.filter { $0.parameters.count == argumentTypes.count }
        guard !counted.isEmpty else {
            let receiver = isMethod ? 1 : 0
            let expected = Set(styled.map { $0.parameters.count - receiver })
            report(CheckerMessage.argumentCount(function.name, expected: Array(expected), given: argumentTypes.count - receiver), at: expr)
            return .error
        }
        if let refined = options.refineCall?(function.name, arguments, argumentTypes) { return refined }
        if function.name == "parseJSON", let text = argumentTypes.first, case .jsonText(let parsed) = text { return parsed }
        if argumentTypes.contains(.error) { return .error }

        var results: [StaticType] = []
        for overload in counted {
            if let bindings = Checker.unify(overload.parameters, argumentTypes) {
                results.append(Checker.substitute(overload.result, bindings))
            }
        }
        if results.isEmpty {
            report(CheckerMessage.noOverload(function.name, argumentTypes), at: expr)
            return .error
        }
        return StaticType.common(results)
    }

    /// Matches argument types against an overload's parameters, binding type parameters;
    /// nil when an argument cannot have its parameter's type.
    static func unify(_ parameters: [StaticType], _ arguments: [StaticType]) -> [String: StaticType]? {
        var bindings: [String: StaticType] = [:]
        for (parameter, argument) in zip(parameters, arguments) {
            guard accepts(parameter, argument, &bindings) else { return nil }
        }
        return bindings
    }

    private static func accepts(_ parameter: StaticType, _ argument: StaticType, _ bindings: inout [String: StaticType]) -> Bool {
        if argument.isUnknown { return true }
        if case .union(let members) = argument {
            return members.contains { member in
                var trial = bindings
                return accepts(parameter, member, &trial)
            }
        }
        switch (parameter, argument.comparable) {
        case (.dyn, _):
            return true
        case (.parameter(let name), let concrete):
            if let bound = bindings[name] { return bound.canEqual(concrete) }
            bindings[name] = concrete
            return true
        case (.list(let element), .list(let argumentElement)):
            return accepts(element, argumentElement, &bindings)
        case (.map(let key, let value), .map(let argumentKey, let argumentValue)):
            return accepts(key, argumentKey, &bindings) && accepts(value, argumentValue, &bindings)
        case (.map(let key, let value), .object):
            return accepts(key, .string, &bindings) && accepts(value, .dyn, &bindings)
        case (.type, .type):
            return true
        default:
            return parameter == argument.comparable
        }
    }

    static func substitute(_ type: StaticType, _ bindings: [String: StaticType]) -> StaticType {
        switch type {
        case .parameter(let name): return bindings[name] ?? .dyn
        case .list(let element): return .list(substitute(element, bindings))
        case .map(let key, let value): return .map(substitute(key, bindings), substitute(value, bindings))
        case .type(let inner): return .type(substitute(inner, bindings))
        default: return type
        }
    }

    // MARK: - Macros

    private mutating func checkComprehension(_ comprehension: Comprehension, _ expr: Expr) -> StaticType {
        let rangeType = check(comprehension.range)
        if comprehension.kind == .bind {
            scopes.append((comprehension.variable, rangeType))
            let body = check(comprehension.body)
            scopes.removeLast()
            return body
        }

        var first: StaticType = .dyn
        var second: StaticType = .dyn
        if let element = rangeType.iterationElement {
            switch (rangeType, comprehension.secondVariable != nil) {
            case (.list(let inner), true): (first, second) = (.int, inner)
            case (.map(let key, let value), true): (first, second) = (key, value)
            case (.object, true): (first, second) = (.string, .dyn)
            default: (first, second) = (element, element)
            }
        } else if !rangeType.isUnknown {
            report(CheckerMessage.notIterable(comprehension.kind.rawValue, rangeType), at: comprehension.range)
        }

        scopes.append((comprehension.variable, first))
        if let secondName = comprehension.secondVariable { scopes.append((secondName, second)) }
        defer { scopes.removeLast(comprehension.secondVariable == nil ? 1 : 2) }

        if let filter = comprehension.filter { checkBoolOperand(filter, of: comprehension.kind.rawValue + "()") }
        switch comprehension.kind {
        case .all, .exists, .existsOne, .filter:
            checkBoolOperand(comprehension.body, of: comprehension.kind.rawValue + "()")
            return comprehension.kind == .filter ? (rangeType.iterationElement.map { .list($0) } ?? .list(.dyn)) : .bool
        case .map, .transformList:
            return .list(check(comprehension.body))
        case .transformMap:
            return .map(first, check(comprehension.body))
        case .bind:
            return .dyn
        }
    }
}
