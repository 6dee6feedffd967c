/// Equality, ordering, membership, indexing and logical negation.
enum Comparisons {
    static let functions: [Function] = [
        equals, notEquals,
        ordering(Operator.less, "less") { $0 == .less },
        ordering(Operator.lessEquals, "less_equals") { $0 == .less || $0 == .equal },
        ordering(Operator.greater, "greater") { $0 == .greater },
        ordering(Operator.greaterEquals, "greater_equals") { $0 == .greater || $0 == .equal },
        membership, index, not,
    ]

    static let equals = Function(
        Operator.equals, summary: "Equality; numbers compare by value across int, uint and double.",
        overloads: [.global("equals", [.parameter("A"), .parameter("A")], .bool)],
        implementation: .binary { lhs, rhs in .bool(Value.celEqual(lhs, rhs)) })

    static let notEquals = Function(
        Operator.notEquals, summary: "Inequality, the negation of equality.",
        overloads: [.global("not_equals", [.parameter("A"), .parameter("A")], .bool)],
        implementation: .binary { lhs, rhs in .bool(!Value.celEqual(lhs, rhs)) })

    private static let orderedTypes: [(String, StaticType)] = [
        ("bool", .bool), ("int", .int), ("uint", .uint), ("double", .double), ("string", .string),
        ("bytes", .bytes), ("timestamp", .timestamp), ("duration", .duration),
    ]
    private static let numericTypes: [(String, StaticType)] = [("int", .int), ("uint", .uint), ("double", .double)]

    private static func ordering(_ name: String, _ id: String, _ holds: @escaping @Sendable (ValueOrder) -> Bool) -> Function {
        var overloads = orderedTypes.map { Overload.global("\(id)_\($0.0)", [$0.1, $0.1], .bool) }
        for (leftName, leftType) in numericTypes {
            for (rightName, rightType) in numericTypes where leftName != rightName {
                overloads.append(.global("\(id)_\(leftName)_\(rightName)", [leftType, rightType], .bool))
            }
        }
        return Function(
            name, summary: "Ordering of numbers (across int, uint and double), strings by code point, bytes, bools, timestamps and durations.",
            overloads: overloads,
            implementation: .binary { lhs, rhs throws(EvaluationError) in
                guard let order = Value.celOrder(lhs, rhs) else { throw .noOverload(name, lhs, rhs) }
                return .bool(holds(order))
            })
    }

    static let membership = Function(
        Operator.in, summary: "Whether a list contains an element, or a map a key.",
        overloads: [
            .global("in_list", [.parameter("A"), .list(.parameter("A"))], .bool),
            .global("in_map", [.parameter("A"), .map(.parameter("A"), .parameter("B"))], .bool),
        ],
        implementation: .binary { element, container throws(EvaluationError) in
            switch container {
            case .list(let elements):
                return .bool(elements.contains { Value.celEqual($0, element) })
            case .map(let map):
                return .bool(map.contains(element))
            default:
                throw .noOverload(Operator.in, element, container)
            }
        })

    static let index = Function(
        Operator.index, summary: "List element by position, or map value by key.",
        overloads: [
            .global("index_list", [.list(.parameter("A")), .int], .parameter("A")),
            .global("index_map", [.map(.parameter("K"), .parameter("V")), .parameter("K")], .parameter("V")),
        ],
        implementation: .binary { container, key throws(EvaluationError) in
            switch container {
            case .list(let elements):
                let position = try listIndex(key)
                guard position >= 0, position < elements.count else {
                    throw EvaluationError(.outOfRange, "index \(position) out of range for a list of \(elements.count) element\(elements.count == 1 ? "" : "s")")
                }
                return elements[position]
            case .map(let map):
                switch key {
                case .string, .int, .uint, .bool, .double:
                    guard let value = map.value(for: key) else { throw .noSuchKey(key) }
                    return value
                default:
                    throw .noOverload(Operator.index, container, key)
                }
            default:
                throw .noOverload(Operator.index, container, key)
            }
        })

    /// A list position from an int, a uint or an integral double.
    private static func listIndex(_ key: Value) throws(EvaluationError) -> Int {
        switch key {
        case .int(let number):
            return Int(number)
        case .uint(let number):
            return Int(exactly: number) ?? Int.max
        case .double(let number):
            guard let whole = Int(exactly: number) else {
                throw EvaluationError(.invalidArgument, "list index \(ValueFormatter.double(number)) is not a whole number")
            }
            return whole
        default:
            throw EvaluationError(.noMatchingOverload, "a list index must be an int, not a value of type \(key.type.displayName)")
        }
    }

    static let not = Function(
        Operator.logicalNot, summary: "Logical negation.",
        overloads: [.global("logical_not", [.bool], .bool)],
        implementation: .unary { value throws(EvaluationError) in
            guard case .bool(let flag) = value else { throw .noOverload(Operator.logicalNot, value) }
            return .bool(!flag)
        })
}
