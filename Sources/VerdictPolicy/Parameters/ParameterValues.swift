import VerdictLanguage

/// Conversion of parameter values, written in YAML or on the command line, into typed
/// values. Cloud Config passes every rule parameter as text, so the text form of a value
/// is accepted too: `"3"` for an int, `"true"` for a bool, and for a list either a YAML
/// list or one comma-separated string such as `"TLSv1.2,TLSv1.3"`.
public enum ParameterValues {
    /// Converts a YAML value, or returns a message saying what was expected.
    public static func convert(_ node: YAMLNode, to type: ParameterType) -> Result<Value, ParameterValueError> {
        switch (node, type) {
        case (.sequence(let items, _, _), .list(let element)):
            var values: [Value] = []
            for (index, item) in items.enumerated() {
                switch convert(item, to: element) {
                case .success(let value): values.append(value)
                case .failure(let error): return .failure(error.inElement(index))
                }
            }
            return .success(.list(values))
        case (.scalar(let scalar), .list(let element)):
            if scalar.isNull && scalar.style == .plain { return .failure(ParameterValueError(expected: type, found: "null")) }
            return convertCommaSeparated(scalar.value, element: element, listType: type)
        case (.scalar(let scalar), _):
            if scalar.isNull && scalar.style == .plain { return .failure(ParameterValueError(expected: type, found: "null")) }
            return convert(text: scalar.value, to: type, quoted: scalar.style != .plain)
        default:
            return .failure(ParameterValueError(expected: type, found: node.kindName))
        }
    }

    /// Converts a value given as text, as on the command line. A list may be written as
    /// `[a, b]` (YAML flow syntax) or `a,b`.
    public static func convert(text: String, to type: ParameterType) -> Result<Value, ParameterValueError> {
        if case .list(let element) = type {
            let trimmed = text.trimmingWhitespace()
            if trimmed.hasPrefix("["), let document = try? YAMLLoader.load(text: trimmed, name: "<parameter>"),
               let root = document.root {
                return convert(root, to: type)
            }
            return convertCommaSeparated(text, element: element, listType: type)
        }
        return convert(text: text, to: type, quoted: false)
    }

    /// A value's text for messages, quoted and shortened.
    static func quotedText(_ text: String) -> String {
        text.count > 60 ? "'\(text.prefix(59))…'" : "'\(text)'"
    }

    private static func convertCommaSeparated(_ text: String, element: ParameterType, listType: ParameterType) -> Result<Value, ParameterValueError> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return .success(.list([])) }
        var values: [Value] = []
        for (index, part) in trimmed.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            switch convert(text: String(part).trimmingWhitespace(), to: element, quoted: false) {
            case .success(let value): values.append(value)
            case .failure(let error): return .failure(error.inElement(index))
            }
        }
        return .success(.list(values))
    }

    private static func convert(text: String, to type: ParameterType, quoted: Bool) -> Result<Value, ParameterValueError> {
        let trimmed = text.trimmingWhitespace()
        switch type {
        case .string:
            return .success(.string(quoted ? text : trimmed))
        case .int:
            guard let number = Int64(trimmed) else { return .failure(ParameterValueError(expected: type, found: quotedText(text))) }
            return .success(.int(number))
        case .double:
            guard let number = Double(trimmed), number.isFinite else { return .failure(ParameterValueError(expected: type, found: quotedText(text))) }
            return .success(.double(number))
        case .bool:
            switch trimmed {
            case "true", "True", "TRUE": return .success(.bool(true))
            case "false", "False", "FALSE": return .success(.bool(false))
            default: return .failure(ParameterValueError(expected: type, found: quotedText(text)))
            }
        case .duration:
            guard let duration = Duration(parsing: trimmed) else { return .failure(ParameterValueError(expected: type, found: quotedText(text))) }
            return .success(.duration(duration))
        case .list:
            return convert(text: text, to: type)
        }
    }
}

/// A parameter value that does not fit its declared type.
public struct ParameterValueError: Error, Sendable, CustomStringConvertible {
    public let expected: ParameterType
    public let found: String
    /// The position of the offending element within a list value.
    public var elementIndex: Int?

    init(expected: ParameterType, found: String, elementIndex: Int? = nil) {
        self.expected = expected
        self.found = found
        self.elementIndex = elementIndex
    }

    func inElement(_ index: Int) -> ParameterValueError {
        ParameterValueError(expected: expected, found: found, elementIndex: index)
    }

    public var description: String {
        let place = elementIndex.map { "element \($0 + 1): " } ?? ""
        return "\(place)expected \(ParameterValueError.article(expected)) but found \(found)"
    }

    private static func article(_ type: ParameterType) -> String {
        switch type {
        case .int: return "an int such as 3"
        case .double: return "a number such as 0.5"
        case .bool: return "true or false"
        case .string: return "a string"
        case .duration: return "a duration such as 7d, 12h or 90s"
        case .list(let element): return "a list of \(element) values, as [a, b] or a comma-separated string"
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
