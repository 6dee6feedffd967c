import VerdictLanguage

/// Conversion of parameter values, written in YAML or on the command line, into typed
/// values. Cloud Config passes every rule parameter as text, so the text form of a value
/// is accepted too: `"3"` for an int, `"true"` for a bool, and for a list either a YAML
/// list or one comma-separated string such as `"TLSv1.2,TLSv1.3"`.
public enum ParameterValues {
    /// Converts a YAML value, or returns a message saying what was expected.
    public static func convert(_ node: YAMLNode, to type: ParameterType) -> Result<Value, ParameterValueError> {
        locate(node, as: type).map(\.value)
    }

    /// Converts a value given as text, as on the command line. A list may be written as
    /// `[a, b]` (YAML flow syntax) or `a,b`.
    public static func convert(text: String, to type: ParameterType) -> Result<Value, ParameterValueError> {
        locate(text: text, as: type).map(\.value)
    }

    /// Converts a YAML value, keeping the positions of the value and of its list elements
    /// as offsets in the YAML document.
    static func locate(_ node: YAMLNode, as type: ParameterType) -> Result<LocatedParameterValue, ParameterValueError> {
        switch (node, type) {
        case (.sequence(let items, _, _), .list(let element)):
            var values: [Value] = []
            var spans: [SourceSpan] = []
            for (index, item) in items.enumerated() {
                switch locate(item, as: element) {
                case .success(let located):
                    values.append(located.value)
                    spans.append(located.span)
                case .failure(let error):
                    return .failure(error.inElement(index))
                }
            }
            return .success(LocatedParameterValue(value: .list(values), span: node.span, elementSpans: spans))
        case (.scalar(let scalar), .list(let element)):
            if scalar.isNull && scalar.style == .plain { return .failure(ParameterValueError(expected: type, found: "null", span: scalar.span)) }
            // Offsets in the scalar's decoded text become offsets in the file.
            return locateCommaSeparated(scalar.value, element: element)
                .map { LocatedParameterValue(value: $0.value, span: scalar.span, elementSpans: $0.elementSpans.map { $0.mapped(scalar.fileOffset) }) }
                .mapError { $0.mapped(scalar.fileOffset) }
        case (.scalar(let scalar), _):
            if scalar.isNull && scalar.style == .plain { return .failure(ParameterValueError(expected: type, found: "null", span: scalar.span)) }
            return locateScalar(scalar.value, as: type, quoted: scalar.style != .plain)
                .map { LocatedParameterValue(value: $0.value, span: scalar.span) }
                .mapError { $0.mapped(scalar.fileOffset) }
        default:
            return .failure(ParameterValueError(expected: type, found: node.kindName, span: node.span))
        }
    }

    /// Converts a value given as text, keeping the positions of the value and of its list
    /// elements as offsets in `text`.
    static func locate(text: String, as type: ParameterType) -> Result<LocatedParameterValue, ParameterValueError> {
        guard case .list(let element) = type else { return locateScalar(text, as: type, quoted: false) }
        let leading = text.prefix { $0.isWhitespace }.utf8.count
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix("[") else { return locateCommaSeparated(text, element: element) }

        // Text that opens a list in flow syntax is parsed as one, so that a missing bracket
        // is reported as such rather than as an element such as '[1' of the wrong type.
        let end = leading + trimmed.utf8.count
        guard trimmed.hasSuffix("]") else {
            return .failure(ParameterValueError(expected: type, syntaxProblem: "the list has no closing ']'; write [a, b] or a,b",
                                                span: SourceSpan(start: end, end: end)))
        }
        let document: YAMLDocument
        do {
            document = try YAMLLoader.load(text: trimmed, name: "<parameter>")
        } catch {
            // libyaml adds the line and column where the list starts, which count from the
            // start of the value and so would mislead on a command line.
            let problem = error.message.components(separatedBy: " (while parsing").first ?? error.message
            return .failure(ParameterValueError(expected: type, syntaxProblem: "invalid list: \(problem); write [a, b] or a,b",
                                                span: error.span.mapped { $0 + leading }))
        }
        guard let root = document.root else { return locateCommaSeparated(text, element: element) }
        return locate(root, as: type).map { $0.mapped { $0 + leading } }.mapError { $0.mapped { $0 + leading } }
    }

    /// A value's text for messages, quoted and shortened.
    static func quotedText(_ text: String) -> String {
        text.count > 60 ? "'\(text.prefix(59))…'" : "'\(text)'"
    }

    private static func locateCommaSeparated(_ text: String, element: ParameterType) -> Result<LocatedParameterValue, ParameterValueError> {
        let whole = SourceSpan(start: 0, end: text.utf8.count)
        if text.trimmingWhitespace().isEmpty { return .success(LocatedParameterValue(value: .list([]), span: whole, elementSpans: [])) }
        var values: [Value] = []
        var spans: [SourceSpan] = []
        var partStart = 0
        for (index, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let partText = String(part)
            switch locateScalar(partText, as: element, quoted: false) {
            case .success(let located):
                values.append(located.value)
                spans.append(located.span.mapped { $0 + partStart })
            case .failure(let error):
                return .failure(error.mapped { $0 + partStart }.inElement(index))
            }
            partStart += partText.utf8.count + 1
        }
        return .success(LocatedParameterValue(value: .list(values), span: whole, elementSpans: spans))
    }

    /// Converts a scalar; the span covers the text without surrounding white space, which
    /// is ignored except in a quoted string.
    private static func locateScalar(_ text: String, as type: ParameterType, quoted: Bool) -> Result<LocatedParameterValue, ParameterValueError> {
        let leading = quoted ? 0 : text.prefix { $0.isWhitespace }.utf8.count
        let trimmed = text.trimmingWhitespace()
        let span = quoted ? SourceSpan(start: 0, end: text.utf8.count) : SourceSpan(start: leading, end: leading + trimmed.utf8.count)
        return convertScalar(text, to: type, quoted: quoted)
            .map { LocatedParameterValue(value: $0, span: span) }
            .mapError { $0.at(span) }
    }

    private static func convertScalar(_ text: String, to type: ParameterType, quoted: Bool) -> Result<Value, ParameterValueError> {
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

/// A converted parameter value with the positions of the value and of each list element,
/// so that a diagnostic about one element points at it.
struct LocatedParameterValue: Sendable {
    let value: Value
    let span: SourceSpan
    /// One span per element of a list value, in order; empty for a scalar.
    var elementSpans: [SourceSpan] = []

    /// Returns the span of the element at `index`, or of the whole value when there is none.
    func span(ofElement index: Int?) -> SourceSpan {
        guard let index, elementSpans.indices.contains(index) else { return span }
        return elementSpans[index]
    }

    func mapped(_ transform: (Int) -> Int) -> LocatedParameterValue {
        LocatedParameterValue(value: value, span: span.mapped(transform), elementSpans: elementSpans.map { $0.mapped(transform) })
    }
}

extension SourceSpan {
    /// Returns the span with both ends moved by `transform`, such as from offsets in a
    /// value to offsets in the file that contains it.
    func mapped(_ transform: (Int) -> Int) -> SourceSpan {
        SourceSpan(start: transform(start), end: transform(end))
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
