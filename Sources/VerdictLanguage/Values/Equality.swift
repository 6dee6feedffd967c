/// CEL's equality and ordering.
///
/// Equality is heterogeneous: values of different types are unequal rather than an
/// error, and numbers compare by mathematical value across int, uint and double, so
/// `1 == 1u` and `1 == 1.0` are true. NaN equals nothing, itself included.
extension Value {
    public static func celEqual(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.string(let a), .string(let b)):
            return TextComparison.equal(a, b)
        case (.bytes(let a), .bytes(let b)):
            return a == b
        case (.int, _), (.uint, _), (.double, _):
            return numericOrder(lhs, rhs) == .equal
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            for index in 0..<a.count where !celEqual(a[index], b[index]) {
                return false
            }
            return true
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let other = b.value(for: key), celEqual(value, other) else { return false }
            }
            return true
        case (.timestamp(let a), .timestamp(let b)):
            return a == b
        case (.duration(let a), .duration(let b)):
            return a == b
        case (.type(let a), .type(let b)):
            return a == b
        default:
            return false
        }
    }
}

/// The outcome of comparing two values.
public enum ValueOrder: Sendable {
    case less, equal, greater
    /// One side is NaN: every ordering comparison is false.
    case unordered
}

extension Value {
    /// Orders two values of comparable types (numbers across int, uint and double; or two
    /// values of the same ordered type). Returns nil when the types cannot be ordered.
    public static func celOrder(_ lhs: Value, _ rhs: Value) -> ValueOrder? {
        switch (lhs, rhs) {
        case (.int, _), (.uint, _), (.double, _):
            return numericOrder(lhs, rhs)
        case (.bool(let a), .bool(let b)):
            return order(a ? 1 : 0, b ? 1 : 0)
        case (.string(let a), .string(let b)):
            return order(TextComparison.compare(a, b), 0)
        case (.bytes(let a), .bytes(let b)):
            if a == b { return .equal }
            return a.lexicographicallyPrecedes(b) ? .less : .greater
        case (.timestamp(let a), .timestamp(let b)):
            return a == b ? .equal : (a < b ? .less : .greater)
        case (.duration(let a), .duration(let b)):
            return a == b ? .equal : (a < b ? .less : .greater)
        default:
            return nil
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> ValueOrder {
        a == b ? .equal : (a < b ? .less : .greater)
    }

    /// Compares numbers by their exact mathematical value; nil when either is not a number.
    static func numericOrder(_ lhs: Value, _ rhs: Value) -> ValueOrder? {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            return order(a, b)
        case (.uint(let a), .uint(let b)):
            return order(a, b)
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return .unordered }
            return order(a, b)
        case (.int(let a), .uint(let b)):
            return a < 0 ? .less : order(UInt64(a), b)
        case (.uint(let a), .int(let b)):
            return b < 0 ? .greater : order(a, UInt64(b))
        case (.int(let a), .double(let b)):
            return doubleOrder(Double(a), b)
        case (.double(let a), .int(let b)):
            return doubleOrder(a, Double(b))
        case (.uint(let a), .double(let b)):
            return doubleOrder(Double(a), b)
        case (.double(let a), .uint(let b)):
            return doubleOrder(a, Double(b))
        default:
            return nil
        }
    }

    /// Integers compare with doubles as doubles, rounding large integers, as cel-go does
    /// and CEL's conformance tests expect (`9223372036854775807 >= 9223372036854775808.0`).
    private static func doubleOrder(_ a: Double, _ b: Double) -> ValueOrder {
        if a.isNaN || b.isNaN { return .unordered }
        return order(a, b)
    }
}
