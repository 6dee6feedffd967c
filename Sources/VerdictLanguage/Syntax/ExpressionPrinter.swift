/// Prints a syntax tree back as expression text, with every binary and conditional
/// operation in parentheses so that the tree's structure shows. Tests compare parses
/// with it, and it shows macros in their source form.
public enum ExpressionPrinter {
    public static func print(_ expr: Expr) -> String {
        switch expr.kind {
        case .literal(let constant):
            return literal(constant)
        case .identifier(let name):
            return name
        case .select(let operand, let field, let testOnly):
            let selection = print(operand) + "." + fieldName(field)
            return testOnly ? "has(\(selection))" : selection
        case .call(let function, let target, let arguments):
            return call(function, target: target, arguments: arguments)
        case .list(let elements):
            return "[" + elements.map(print).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.map { print($0.key) + ": " + print($0.value) }.joined(separator: ", ") + "}"
        case .message(let typeName, let fields):
            return typeName + "{" + fields.map { $0.name + ": " + print($0.value) }.joined(separator: ", ") + "}"
        case .comprehension(let comprehension):
            return macro(comprehension)
        case .invalid:
            return "<invalid>"
        }
    }

    private static func call(_ function: String, target: Expr?, arguments: [Expr]) -> String {
        if target == nil {
            if let symbol = Operator.binarySymbols[function], arguments.count == 2 {
                return "(\(print(arguments[0])) \(symbol) \(print(arguments[1])))"
            }
            switch (function, arguments.count) {
            case (Operator.logicalNot, 1): return "!" + print(arguments[0])
            case (Operator.negate, 1): return "-" + print(arguments[0])
            case (Operator.index, 2): return print(arguments[0]) + "[" + print(arguments[1]) + "]"
            case (Operator.conditional, 3):
                return "(\(print(arguments[0])) ? \(print(arguments[1])) : \(print(arguments[2])))"
            default:
                break
            }
        }
        let prefix = target.map { print($0) + "." } ?? ""
        return prefix + function + "(" + arguments.map(print).joined(separator: ", ") + ")"
    }

    private static func macro(_ comprehension: Comprehension) -> String {
        var arguments = [comprehension.variable]
        if let second = comprehension.secondVariable { arguments.append(second) }
        if comprehension.kind == .bind {
            return "cel.bind(\(comprehension.variable), \(print(comprehension.range)), \(print(comprehension.body)))"
        }
        if let filter = comprehension.filter { arguments.append(print(filter)) }
        arguments.append(print(comprehension.body))
        let name = comprehension.kind == .existsOne && comprehension.secondVariable != nil ? "existsOne" : comprehension.kind.rawValue
        return print(comprehension.range) + "." + name + "(" + arguments.joined(separator: ", ") + ")"
    }

    /// A field name, in backticks when it is not an identifier.
    private static func fieldName(_ name: String) -> String {
        let isIdentifier = name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } ?? false
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return isIdentifier ? name : "`\(name)`"
    }

    public static func literal(_ constant: Constant) -> String {
        switch constant {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .uint(let number): return String(number) + "u"
        case .double(let number): return ValueFormatter.literal(.double(number))
        case .string(let text): return ValueFormatter.quoted(text)
        case .bytes(let bytes): return ValueFormatter.literal(.bytes(bytes))
        }
    }
}
