import VerdictLanguage

/// Builds a `Policy` from the YAML of a policy file, reporting every structural problem:
/// missing and unknown keys, values of the wrong type, malformed parameters and tests.
/// Expressions are only located here; compiling them reports their errors.
struct PolicyParser {
    static let keys = [
        "kind", "id", "title", "description", "severity", "scope", "resourceTypes", "parameters",
        "appliesWhen", "compliantWhen", "message", "remediation", "references", "unlistedFields", "tests",
    ]
    static let parameterKeys = ["type", "default", "description", "minimum", "maximum", "minItems", "allowedValues"]
    static let testKeys = ["name", "expect", "resource", "configuration", "related", "parameters", "now", "messageContains"]

    /// The account, region and resource id that test documents get unless they say otherwise.
    static let testAccountID = "1234567890120000"
    static let testRegion = "cn-hangzhou"

    let source: Source
    var diagnostics: [Diagnostic] = []

    init(source: Source) {
        self.source = source
    }

    mutating func parse(_ root: YAMLNode) -> Policy? {
        guard var reader = MappingReader(root, subject: "the policy", source: source, diagnostics: &diagnostics) else { return nil }
        reader.rejectUnknownKeys(PolicyParser.keys)

        let id = reader.string("id", required: true)
        if let id, !PolicyParser.isValidID(id), let span = reader.node("id")?.span {
            reader.report("policy-invalid-value", "rule id '\(id)' must use lowercase letters, digits and hyphens, starting with a letter or digit", at: span)
        }
        let title = reader.text("title", required: true, advice: "write one line that says what the rule checks")
        let description = reader.text("description", required: true, advice: "write a few sentences on what the rule protects against")
        let severity = readSeverity(&reader)
        let (scope, scopeSpans) = readScope(&reader)
        let parameters = readParameters(&reader)
        let appliesWhen = readExpression("appliesWhen", required: false, &reader)
        let compliantWhen = readExpression("compliantWhen", required: true, &reader)
        let message = reader.text("message", required: true, advice: "write what a NON_COMPLIANT result tells the reader")
        let remediation = reader.text("remediation", required: false, advice: "write how to fix a violation, or remove the key")
        let references = reader.strings("references", required: false) ?? []
        let unlistedFields = reader.stringEntries("unlistedFields", required: false) ?? []

        var tests: [PolicyTestCase] = []
        if let scope {
            tests = readTests(&reader, scope: scope, parameters: parameters)
        }
        diagnostics.append(contentsOf: reader.diagnostics)

        // A policy with errors is still built, with placeholders for the parts that could
        // not be read, so that lint checks its conditions in the same run as its structure.
        // NOTE: without a readable compliantWhen nothing is built, so an appliesWhen beside
        // a missing or misspelled compliantWhen is checked only once that is fixed. Test
        // cases are read only when the scope is readable.
        guard let compliantWhen else { return nil }
        let isValid = id != nil && title != nil && description != nil && severity != nil && scope != nil && message != nil
            && !parameters.hasErrors && !diagnostics.contains { $0.severity == .error }
        return Policy(
            id: id ?? "", title: title ?? "", description: description ?? "", severity: severity ?? .low,
            scope: scope ?? .resourceTypes([]), parameters: parameters.declarations,
            appliesWhen: appliesWhen, compliantWhen: compliantWhen, message: message ?? "", remediation: remediation,
            references: references, unlistedFields: unlistedFields.map(\.value), unlistedFieldSpans: unlistedFields.map(\.span),
            tests: tests, file: source,
            idSpan: reader.node("id")?.span ?? .none, scopeSpans: scopeSpans, isValid: isValid,
            parameterPlaceholders: parameters.placeholders, parametersAreUnreadable: parameters.isUnreadable)
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIILowercaseOrDigit else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIILowercaseOrDigit || $0 == "-" }
    }

    // MARK: - Metadata

    private func readSeverity(_ reader: inout MappingReader) -> Severity? {
        guard let text = reader.string("severity", required: true) else { return nil }
        guard let severity = Severity(rawValue: text) else {
            let names = Severity.allCases.map(\.rawValue)
            reader.report("policy-invalid-value", "invalid severity '\(text)': expected one of \(names.joined(separator: ", "))\(Suggestions.phrase(for: text, in: names))",
                          at: reader.node("severity")!.span)
            return nil
        }
        return severity
    }

    /// Reads the scope and the position of each of its entries: the `resourceTypes`
    /// entries, or the value of `scope: account`.
    private func readScope(_ reader: inout MappingReader) -> (Policy.Scope?, [SourceSpan]) {
        let scopeText = reader.string("scope", required: false) ?? "resource"
        let types = reader.stringEntries("resourceTypes", required: false)
        switch scopeText {
        case "account":
            if let span = reader.keySpan("resourceTypes") {
                reader.report("policy-invalid-value", "an account rule evaluates accounts, not resource types; remove 'resourceTypes'", at: span)
                return (nil, [])
            }
            return (.account, [reader.node("scope")!.span])
        case "resource":
            guard let types, !types.isEmpty else {
                if types == nil {
                    reader.reportMissing("resourceTypes", message: "the policy is missing 'resourceTypes' (or 'scope: account' for a rule that runs once per account)")
                } else {
                    reader.report("policy-invalid-value", "'resourceTypes' lists no type", at: reader.node("resourceTypes")!.span)
                }
                return (nil, [])
            }
            for type in types where !PolicyParser.isResourceTypeCode(type.value) {
                reader.report("policy-invalid-value", "resource type '\(type.value)' is not a Cloud Config type code such as ACS::OSS::Bucket",
                              at: type.span)
            }
            return (.resourceTypes(types.map(\.value)), types.map(\.span))
        default:
            reader.report("policy-invalid-value", "invalid scope '\(scopeText)': expected 'resource' or 'account'", at: reader.node("scope")!.span)
            return (nil, [])
        }
    }

    /// `ACS::Product::Type`, or `ACS::::Account` for account-level data.
    static func isResourceTypeCode(_ text: String) -> Bool {
        let parts = text.components(separatedBy: "::")
        return parts.count == 3 && parts[0] == "ACS" && parts[2].first?.isLetter == true
    }

    // MARK: - Expressions

    private func readExpression(_ key: String, required: Bool, _ reader: inout MappingReader) -> PolicyExpression? {
        guard let scalar = reader.scalar(key, required: required) else { return nil }
        if scalar.value.trimmingWhitespace().isEmpty {
            reader.report("policy-invalid-value", "'\(key)' is empty; write a condition such as config.Encrypted == true", at: scalar.span)
            return nil
        }
        let embedding = Source.Embedding(fileText: source.text, offsetMap: scalar.offsetMap)
        return PolicyExpression(key: key, source: Source(text: scalar.value, name: source.name, embedding: embedding))
    }

    // MARK: - Tests

    private mutating func readTests(_ reader: inout MappingReader, scope: Policy.Scope, parameters: ReadParameters) -> [PolicyTestCase] {
        guard let node = reader.node("tests") else { return [] }
        guard case .sequence(let items, _, _) = node else {
            reader.report("policy-invalid-value", "expected 'tests' to be a list of test cases", at: node.span)
            return []
        }
        return items.compactMap { readTest($0, scope: scope, parameters: parameters) }
    }

    private mutating func readTest(_ node: YAMLNode, scope: Policy.Scope, parameters: ReadParameters) -> PolicyTestCase? {
        guard var header = MappingReader(node, subject: "a test case", source: source, diagnostics: &diagnostics) else { return nil }
        let name = header.string("name", required: true)
        diagnostics.append(contentsOf: header.diagnostics)
        // Later messages name the test, so that a reader finds it among many.
        guard let name, var reader = MappingReader(node, subject: "test '\(name)'", source: source, diagnostics: &diagnostics) else {
            return nil
        }
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        reader.rejectUnknownKeys(PolicyParser.testKeys)

        var expected: Verdict?
        if let text = reader.string("expect", required: true) {
            expected = Verdict(rawValue: text)
            if expected == nil {
                let names = Verdict.allCases.map(\.rawValue)
                reader.report("policy-invalid-value", "invalid expected verdict '\(text)': expected one of \(names.joined(separator: ", "))\(Suggestions.phrase(for: text, in: names))",
                              at: reader.node("expect")!.span)
            }
        }

        let resource = readTestResource(&reader, scope: scope)
        let related = readRelated(&reader)
        let values = readTestParameters(&reader, parameters: parameters)
        var now: Timestamp?
        if let text = reader.string("now", required: false) {
            now = Timestamp(rfc3339: text)
            if now == nil {
                reader.report("policy-invalid-value", "invalid time '\(text)': expected RFC 3339 such as 2025-03-10T00:00:00Z", at: reader.node("now")!.span)
            }
        }
        let messageContains = reader.string("messageContains", required: false)
        let document: Value?
        switch resource {
        case .invalid: return nil
        case .noDocument: document = nil
        case .document(let value): document = value
        }
        guard let expected, let related, let values else { return nil }

        var resourcePairs: [YAMLPair] = []
        if case .mapping(let pairs, _, _)? = reader.node("resource") { resourcePairs = pairs }
        var relatedNodes: [YAMLNode] = []
        if case .sequence(let items, _, _)? = reader.node("related") { relatedNodes = items }
        return PolicyTestCase(name: name, expected: expected, resource: document, related: related, parameters: values,
                              now: now, messageContains: messageContains, span: node.span,
                              configurationNode: reader.node("configuration") ?? resourcePairs.first { $0.key.value == "Configuration" }?.value,
                              resourceTypeNode: resourcePairs.first { $0.key.value == "ResourceType" }?.value,
                              relatedNodes: relatedNodes)
    }

    /// The evaluated document: defaults, overridden by `resource`, with `configuration` as
    /// its Configuration. An account test without either has no account document.
    private func readTestResource(_ reader: inout MappingReader, scope: Policy.Scope) -> TestResource {
        let resourceNode = reader.node("resource")
        let configurationNode = reader.node("configuration")
        if resourceNode == nil, configurationNode == nil {
            if scope == .account { return .noDocument }
            reader.report("policy-missing-key", "the test case needs 'configuration' (or a whole 'resource' document) to evaluate", at: reader.span)
            return .invalid
        }
        let type: String
        switch scope {
        case .account: type = "ACS::::Account"
        case .resourceTypes(let types): type = types[0]
        }
        var entries: [(String, Value)] = [
            ("AccountId", .string(PolicyParser.testAccountID)), ("Region", .string(PolicyParser.testRegion)),
            ("ResourceType", .string(type)), ("ResourceId", .string(scope == .account ? PolicyParser.testAccountID : "test-resource")),
        ]
        if let resourceNode {
            guard case .mapping(let pairs, _, _) = resourceNode else {
                reader.report("policy-invalid-value", "expected 'resource' to be a resource document (a mapping)", at: resourceNode.span)
                return .invalid
            }
            for pair in pairs { PolicyParser.set(&entries, pair.key.value, YAMLValues.value(of: pair.value)) }
        }
        if let configurationNode {
            PolicyParser.set(&entries, "Configuration", YAMLValues.value(of: configurationNode))
        }
        if !entries.contains(where: { $0.0 == "Configuration" }) {
            entries.append(("Configuration", .object([])))
        }
        return .document(.object(entries))
    }

    private enum TestResource {
        case invalid
        /// An account test in which the account has no `ACS::::Account` document.
        case noDocument
        case document(Value)
    }

    private static func set(_ entries: inout [(String, Value)], _ key: String, _ value: Value) {
        if let index = entries.firstIndex(where: { $0.0 == key }) {
            entries[index].1 = value
        } else {
            entries.append((key, value))
        }
    }

    private func readRelated(_ reader: inout MappingReader) -> [Value]? {
        guard let node = reader.node("related") else { return [] }
        guard case .sequence(let items, _, _) = node else {
            reader.report("policy-invalid-value", "expected 'related' to be a list of resource documents", at: node.span)
            return nil
        }
        var documents: [Value] = []
        for item in items {
            guard case .mapping(let pairs, _, _) = item else {
                reader.report("policy-invalid-value", "expected each entry of 'related' to be a resource document (a mapping)", at: item.span)
                return nil
            }
            var entries: [(String, Value)] = [("AccountId", .string(PolicyParser.testAccountID)), ("Region", .string(PolicyParser.testRegion))]
            for pair in pairs { PolicyParser.set(&entries, pair.key.value, YAMLValues.value(of: pair.value)) }
            for required in ["ResourceType", "ResourceId"] where !pairs.contains(where: { $0.key.value == required }) {
                reader.report("policy-missing-key", "a related document needs '\(required)'", at: item.span)
                return nil
            }
            documents.append(.object(entries))
        }
        return documents
    }

    private func readTestParameters(_ reader: inout MappingReader, parameters: ReadParameters) -> [String: Value]? {
        let declarations = parameters.declarations
        guard let node = reader.node("parameters") else { return [:] }
        guard case .mapping(let pairs, _, _) = node else {
            reader.report("policy-invalid-value", "expected the test's 'parameters' to map parameter names to values", at: node.span)
            return nil
        }
        var values: [String: Value] = [:]
        var valid = true
        for pair in pairs {
            guard let declaration = declarations.first(where: { $0.name == pair.key.value }) else {
                // A parameter whose declaration has errors cannot check its value; the
                // declaration's own error is reported.
                if parameters.isUnreadable || parameters.placeholders.contains(where: { $0.name == pair.key.value }) {
                    valid = false
                    continue
                }
                let names = declarations.map(\.name) + parameters.placeholders.map(\.name)
                reader.report("policy-unknown-parameter", "the test sets parameter '\(pair.key.value)', which the policy does not declare\(Suggestions.phrase(for: pair.key.value, in: names))",
                              at: pair.key.span)
                valid = false
                continue
            }
            switch ParameterValues.locate(pair.value, as: declaration.type) {
            case .success(let located):
                if let violation = declaration.constraints.violation(of: located.value) {
                    reader.report("policy-parameter-constraint", violation.message(for: "parameter '\(declaration.name)'"),
                                  at: located.span(ofElement: violation.elementIndex))
                    valid = false
                    continue
                }
                values[declaration.name] = located.value
            case .failure(let error):
                reader.report("policy-parameter-type", "parameter '\(declaration.name)' has type \(declaration.type): \(error)", at: error.span ?? pair.value.span)
                valid = false
            }
        }
        return valid ? values : nil
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    var isASCIILowercaseOrDigit: Bool { (0x61...0x7A).contains(value) || isASCIIDigit }
}
