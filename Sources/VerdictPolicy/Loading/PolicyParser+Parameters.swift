import VerdictLanguage

/// The parameters of a policy file as far as they could be read.
struct ReadParameters {
    var declarations: [ParameterDeclaration] = []
    /// Parameters whose declaration has errors, with their type when it could be read and
    /// `dyn` otherwise, so that lint can still check conditions that read them.
    var placeholders: [(name: String, type: StaticType)] = []
    /// Whether `parameters` is not a mapping, so that no parameter name is known.
    var isUnreadable = false
    var hasErrors = false
}

/// Reading parameter declarations: name, type, default, description and constraints.
extension PolicyParser {
    mutating func readParameters(_ reader: inout MappingReader) -> ReadParameters {
        var parameters = ReadParameters()
        guard let node = reader.node("parameters") else { return parameters }
        guard case .mapping(let pairs, _, _) = node else {
            reader.report("policy-invalid-value", "expected 'parameters' to map each parameter name to its type, default and description", at: node.span)
            parameters.isUnreadable = true
            parameters.hasErrors = true
            return parameters
        }
        for pair in pairs {
            let name = pair.key.value
            guard PolicyParser.isIdentifier(name) else {
                reader.report("policy-invalid-value", "parameter name '\(name)' must be an identifier (letters, digits and '_', not starting with a digit)", at: pair.key.span)
                parameters.hasErrors = true
                continue
            }
            switch readParameter(name, pair.value, keySpan: pair.key.span) {
            case .declared(let declaration):
                parameters.declarations.append(declaration)
            case .invalid(let type):
                parameters.placeholders.append((name, type?.staticType ?? .dyn))
                parameters.hasErrors = true
            }
        }
        return parameters
    }

    /// A parameter declaration, or the type of one with errors when the type could be read.
    private enum ParameterReading {
        case declared(ParameterDeclaration)
        case invalid(ParameterType?)
    }

    private mutating func readParameter(_ name: String, _ node: YAMLNode, keySpan: SourceSpan) -> ParameterReading {
        guard var reader = MappingReader(node, subject: "parameter '\(name)'", source: source, diagnostics: &diagnostics) else { return .invalid(nil) }
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        reader.rejectUnknownKeys(PolicyParser.parameterKeys)
        let description = reader.text("description", required: true, advice: "write what parameter '\(name)' sets") ?? ""
        guard let typeText = reader.string("type", required: true) else { return .invalid(nil) }
        guard let type = ParameterType(parsing: typeText) else {
            reader.report("policy-invalid-value", "invalid parameter type '\(typeText)': expected one of \(ParameterType.spellings.joined(separator: ", "))",
                          at: reader.node("type")!.span)
            return .invalid(nil)
        }
        let constraints = readConstraints(&reader, name: name, type: type)
        guard let defaultNode = reader.node("default") else {
            reader.reportMissing("default", message: "parameter '\(name)' is missing the required key 'default'")
            return .invalid(type)
        }

        let defaultValue: LocatedParameterValue
        switch ParameterValues.locate(defaultNode, as: type) {
        case .success(let located):
            defaultValue = located
        case .failure(let error):
            reader.report("policy-parameter-type", "the default of parameter '\(name)' does not match its type \(type): \(error)", at: error.span ?? defaultNode.span)
            return .invalid(type)
        }
        guard let constraints else { return .invalid(type) }
        if let violation = constraints.violation(of: defaultValue.value) {
            reader.report("policy-parameter-constraint", violation.message(for: "the default of parameter '\(name)'"),
                          at: defaultValue.span(ofElement: violation.elementIndex))
            return .invalid(type)
        }
        return .declared(ParameterDeclaration(name: name, type: type, defaultValue: defaultValue.value, description: description,
                                              constraints: constraints, span: keySpan))
    }

    /// Reads `minimum`, `maximum`, `minItems` and `allowedValues`; nil when one is invalid
    /// or does not apply to the parameter's type.
    private func readConstraints(_ reader: inout MappingReader, name: String, type: ParameterType) -> ParameterConstraints? {
        var constraints = ParameterConstraints()
        var valid = true
        let element = type.elementType

        func reject(_ message: String, at node: YAMLNode) {
            reader.report("policy-invalid-constraint", message, at: node.span)
            valid = false
        }
        func value(_ key: String, _ node: YAMLNode, as valueType: ParameterType) -> Value? {
            switch ParameterValues.locate(node, as: valueType) {
            case .success(let located):
                return located.value
            case .failure(let error):
                reader.report("policy-invalid-constraint", "invalid '\(key)' of parameter '\(name)': \(error)", at: error.span ?? node.span)
                valid = false
                return nil
            }
        }

        for key in ["minimum", "maximum"] {
            guard let node = reader.node(key) else { continue }
            guard element.isOrdered else {
                reject("'\(key)' applies to int, double and duration parameters and lists of them, not to parameter '\(name)' of type \(type)", at: node)
                continue
            }
            let limit = value(key, node, as: element)
            if key == "minimum" { constraints.minimum = limit } else { constraints.maximum = limit }
        }
        if let minimum = constraints.minimum, let maximum = constraints.maximum, Value.celOrder(minimum, maximum) == .greater {
            reject("the maximum of parameter '\(name)', \(ValueFormatter.literal(maximum)), is less than its minimum, \(ValueFormatter.literal(minimum))",
                   at: reader.node("maximum")!)
        }

        if let node = reader.node("minItems") {
            if !type.isList {
                reject("'minItems' applies to list parameters, not to parameter '\(name)' of type \(type)", at: node)
            } else if case .int(let count)? = value("minItems", node, as: .int) {
                if count < 0 {
                    reject("invalid 'minItems' of parameter '\(name)': expected 0 or more but found \(count)", at: node)
                } else {
                    constraints.minItems = Int(count)
                }
            }
        }

        if let node = reader.node("allowedValues") {
            guard case .sequence(let items, _, _) = node else {
                reject("expected 'allowedValues' of parameter '\(name)' to be a list of the values it may take, such as [a, b]", at: node)
                return nil
            }
            if items.isEmpty {
                reject("'allowedValues' of parameter '\(name)' lists no value; list the values it may take or remove the key", at: node)
            } else if case .list(let allowed)? = value("allowedValues", node, as: .list(element)) {
                constraints.allowedValues = allowed
            }
        }
        return valid ? constraints : nil
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.isASCIILetter else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.isASCIILetter || $0.isASCIIDigit }
    }
}
