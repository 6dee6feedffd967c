/// Arithmetic operators. Integer overflow, and division or modulus by zero, are
/// evaluation errors; doubles follow IEEE 754.
enum Arithmetic {
    static let functions: [Function] = [add, subtract, multiply, divide, modulo, negate]

    private static let numericBinary: [(String, StaticType)] = [("int", .int), ("uint", .uint), ("double", .double)]

    static let add = Function(
        Operator.add, summary: "Adds numbers, concatenates strings, bytes and lists, and adds durations to timestamps.",
        overloads: numericBinary.map { .global("add_\($0.0)", [$0.1, $0.1], $0.1) } + [
            .global("add_string", [.string, .string], .string),
            .global("add_bytes", [.bytes, .bytes], .bytes),
            .global("add_list", [.list(.parameter("A")), .list(.parameter("A"))], .list(.parameter("A"))),
            .global("add_timestamp_duration", [.timestamp, .duration], .timestamp),
            .global("add_duration_timestamp", [.duration, .timestamp], .timestamp),
            .global("add_duration_duration", [.duration, .duration], .duration),
        ],
        implementation: .binary { lhs, rhs throws(EvaluationError) in
            switch (lhs, rhs) {
            case (.int(let a), .int(let b)):
                let (sum, overflow) = a.addingReportingOverflow(b)
                if overflow { throw .overflow("addition") }
                return .int(sum)
            case (.uint(let a), .uint(let b)):
                let (sum, overflow) = a.addingReportingOverflow(b)
                if overflow { throw .overflow("addition") }
                return .uint(sum)
            case (.double(let a), .double(let b)):
                return .double(a + b)
            case (.string(let a), .string(let b)):
                return .string(a + b)
            case (.bytes(let a), .bytes(let b)):
                return .bytes(a + b)
            case (.list(let a), .list(let b)):
                return .list(a + b)
            case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
                return .timestamp(try TimeArithmetic.add(t, d))
            case (.duration(let a), .duration(let b)):
                return .duration(try TimeArithmetic.add(a, b))
            default:
                throw .noOverload(Operator.add, lhs, rhs)
            }
        })

    static let subtract = Function(
        Operator.subtract, summary: "Subtracts numbers, durations, and timestamps.",
        overloads: numericBinary.map { .global("subtract_\($0.0)", [$0.1, $0.1], $0.1) } + [
            .global("subtract_timestamp_timestamp", [.timestamp, .timestamp], .duration),
            .global("subtract_timestamp_duration", [.timestamp, .duration], .timestamp),
            .global("subtract_duration_duration", [.duration, .duration], .duration),
        ],
        implementation: .binary { lhs, rhs throws(EvaluationError) in
            switch (lhs, rhs) {
            case (.int(let a), .int(let b)):
                let (difference, overflow) = a.subtractingReportingOverflow(b)
                if overflow { throw .overflow("subtraction") }
                return .int(difference)
            case (.uint(let a), .uint(let b)):
                let (difference, overflow) = a.subtractingReportingOverflow(b)
                if overflow { throw .overflow("subtraction") }
                return .uint(difference)
            case (.double(let a), .double(let b)):
                return .double(a - b)
            case (.timestamp(let a), .timestamp(let b)):
                return .duration(try TimeArithmetic.difference(a, b))
            case (.timestamp(let t), .duration(let d)):
                return .timestamp(try TimeArithmetic.add(t, try TimeArithmetic.negate(d)))
            case (.duration(let a), .duration(let b)):
                return .duration(try TimeArithmetic.add(a, try TimeArithmetic.negate(b)))
            default:
                throw .noOverload(Operator.subtract, lhs, rhs)
            }
        })

    static let multiply = Function(
        Operator.multiply, summary: "Multiplies numbers.",
        overloads: numericBinary.map { .global("multiply_\($0.0)", [$0.1, $0.1], $0.1) },
        implementation: .binary { lhs, rhs throws(EvaluationError) in
            switch (lhs, rhs) {
            case (.int(let a), .int(let b)):
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                if overflow { throw .overflow("multiplication") }
                return .int(product)
            case (.uint(let a), .uint(let b)):
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                if overflow { throw .overflow("multiplication") }
                return .uint(product)
            case (.double(let a), .double(let b)):
                return .double(a * b)
            default:
                throw .noOverload(Operator.multiply, lhs, rhs)
            }
        })

    static let divide = Function(
        Operator.divide, summary: "Divides numbers; integer division truncates toward zero.",
        overloads: numericBinary.map { .global("divide_\($0.0)", [$0.1, $0.1], $0.1) },
        implementation: .binary { lhs, rhs throws(EvaluationError) in
            switch (lhs, rhs) {
            case (.int(let a), .int(let b)):
                if b == 0 { throw .divisionByZero }
                let (quotient, overflow) = a.dividedReportingOverflow(by: b)
                if overflow { throw .overflow("division") }
                return .int(quotient)
            case (.uint(let a), .uint(let b)):
                if b == 0 { throw .divisionByZero }
                return .uint(a / b)
            case (.double(let a), .double(let b)):
                return .double(a / b)
            default:
                throw .noOverload(Operator.divide, lhs, rhs)
            }
        })

    static let modulo = Function(
        Operator.modulo, summary: "The remainder of integer division, with the sign of the dividend.",
        overloads: [.global("modulo_int", [.int, .int], .int), .global("modulo_uint", [.uint, .uint], .uint)],
        implementation: .binary { lhs, rhs throws(EvaluationError) in
            switch (lhs, rhs) {
            case (.int(let a), .int(let b)):
                if b == 0 { throw .moduloByZero }
                let (remainder, overflow) = a.remainderReportingOverflow(dividingBy: b)
                if overflow { throw .overflow("modulus") }
                return .int(remainder)
            case (.uint(let a), .uint(let b)):
                if b == 0 { throw .moduloByZero }
                return .uint(a % b)
            default:
                throw .noOverload(Operator.modulo, lhs, rhs)
            }
        })

    static let negate = Function(
        Operator.negate, summary: "Negates an int or a double.",
        overloads: [.global("negate_int", [.int], .int), .global("negate_double", [.double], .double)],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .int(let number):
                if number == .min { throw .overflow("negation") }
                return .int(-number)
            case .double(let number):
                return .double(-number)
            default:
                throw .noOverload(Operator.negate, value)
            }
        })
}
