import VerdictLanguage

/// A parameter value that does not fit its declared type.
public struct ParameterValueError: Error, Sendable, CustomStringConvertible {
    public let expected: ParameterType
    public let found: String
    /// The position of the offending element within a list value.
    public var elementIndex: Int?
    /// The syntax error in a list written in flow syntax (`[a, b]`), reported in place of
    /// a type mismatch.
    public let syntaxProblem: String?
    /// The invalid part of the value: offsets in the YAML document for a YAML value, or in
    /// the text for a value given as text. Nil when the position is unknown.
    public var span: SourceSpan?

    init(expected: ParameterType, found: String, elementIndex: Int? = nil, span: SourceSpan? = nil) {
        self.expected = expected
        self.found = found
        self.elementIndex = elementIndex
        self.syntaxProblem = nil
        self.span = span
    }

    init(expected: ParameterType, syntaxProblem: String, span: SourceSpan) {
        self.expected = expected
        self.found = ""
        self.syntaxProblem = syntaxProblem
        self.span = span
    }

    /// Returns the error as one in the element at `index` of a list, keeping the deepest
    /// position known.
    func inElement(_ index: Int) -> ParameterValueError {
        var error = self
        error.elementIndex = index
        return error
    }

    /// Returns the error at `span` unless it already has a position.
    func at(_ span: SourceSpan) -> ParameterValueError {
        var error = self
        error.span = self.span ?? span
        return error
    }

    func mapped(_ transform: (Int) -> Int) -> ParameterValueError {
        var error = self
        error.span = span?.mapped(transform)
        return error
    }

    public var description: String {
        if let syntaxProblem { return syntaxProblem }
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
