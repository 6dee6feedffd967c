import VerdictLanguage
import VerdictPolicy

/// SARIF 2.1.0, for code-scanning tools: one reporting descriptor per rule, and one
/// result per NON_COMPLIANT or ERROR finding, located at the line of the resource's
/// document in the inventory, with a fingerprint that stays the same across runs.
public enum SARIFReport {
    public static func write(_ context: ReportContext, to stream: ReportStream) {
        let policies = context.outcome.policies
        stream.write("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ")
        stream.writeJSON(.object([("driver", .object([
            ("name", .string("verdict")),
            ("semanticVersion", .string(VerdictVersion.current)),
            ("rules", .list(policies.map(descriptor))),
        ]))]))
        stream.write(",\n      \"invocations\": ")
        stream.writeJSON(.list([invocation(context)]))
        stream.write(",\n      \"properties\": ")
        stream.writeJSON(.object([("evaluationTime", .string(context.evaluationTime.rfc3339))]))
        stream.write(",\n      \"results\": [")
        var first = true
        for finding in context.outcome.findings where finding.verdict == .nonCompliant || finding.verdict == .error {
            stream.write(first ? "\n        " : ",\n        ")
            first = false
            stream.writeJSON(result(finding, policies[finding.ruleIndex].policy))
        }
        stream.write("\n      ]\n    }\n  ]\n}\n")
    }

    /// The SARIF level of a rule's violations: high is error, medium warning, low note.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .high: return "error"
        case .medium: return "warning"
        case .low: return "note"
        }
    }

    private static func descriptor(_ compiled: CompiledPolicy) -> Value {
        let policy = compiled.policy
        var help = policy.remediation ?? policy.description
        if !policy.references.isEmpty { help += "\n\nReferences:\n" + policy.references.map { "- \($0)" }.joined(separator: "\n") }
        var entries: [(String, Value)] = [
            ("id", .string(policy.id)),
            ("name", .string(ruleName(policy.id))),
            ("shortDescription", .object([("text", .string(policy.title))])),
            ("fullDescription", .object([("text", .string(policy.description))])),
            ("help", .object([("text", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(level(policy.severity)))])),
        ]
        var properties: [(String, Value)] = [("severity", .string(policy.severity.rawValue))]
        switch policy.scope {
        case .account: properties.append(("scope", .string("account")))
        case .resourceTypes(let types): properties.append(("resourceTypes", .list(types.map { .string($0) })))
        }
        if let first = policy.references.first { entries.append(("helpUri", .string(first))) }
        entries.append(("properties", .object(properties)))
        return .object(entries)
    }

    /// A rule id in PascalCase, as SARIF's `name` is written: `OssZrsEnabled`.
    static func ruleName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func invocation(_ context: ReportContext) -> Value {
        let notifications: [Value] = context.outcome.problems.map { problem in
            .object([
                ("level", .string("error")),
                ("message", .object([("text", .string(problem.message))])),
                ("locations", .list([.object([physicalLocation(problem.location)])])),
            ])
        }
        return .object([
            ("executionSuccessful", .bool(context.outcome.problems.isEmpty)),
            ("toolExecutionNotifications", .list(notifications)),
        ])
    }

    /// The `physicalLocation` member of a location: the inventory file and the line where
    /// the document starts.
    private static func physicalLocation(_ location: InventoryLocation) -> (String, Value) {
        ("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri(location.file)))])),
            ("region", .object([("startLine", .int(Int64(location.line))), ("startColumn", .int(Int64(location.column)))])),
        ]))
    }

    /// A relative URI for an inventory path, with the characters URIs reserve escaped.
    static func uri(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~/".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
            }
        }
        return result
    }

    private static func result(_ finding: Finding, _ policy: Policy) -> Value {
        let resource = finding.resource
        var logical: [(String, Value)] = [
            ("fullyQualifiedName", .string("\(resource.accountID)/\(resource.type)/\(resource.id)")),
            ("kind", .string("resource")),
        ]
        if let name = resource.name { logical.append(("name", .string(name))) }
        var location: [(String, Value)] = [("logicalLocations", .list([.object(logical)]))]
        if let place = resource.location { location.insert(physicalLocation(place), at: 0) }
        var message = finding.message
        if let explanation = finding.explanation {
            message += "\n" + ExplanationText.heading(explanation)
            message += explanation.steps.map { "\n  " + ExplanationText.stepLine($0) }.joined()
        }
        var properties: [(String, Value)] = [
            ("verdict", .string(finding.verdict.rawValue)), ("accountId", .string(resource.accountID)),
            ("resourceType", .string(resource.type)), ("resourceId", .string(resource.id)),
        ]
        if let region = resource.region { properties.append(("region", .string(region))) }
        if let explanation = finding.explanation { properties.append(("explanation", JSONReport.explanation(explanation))) }
        return .object([
            ("ruleId", .string(finding.ruleID)),
            ("ruleIndex", .int(Int64(finding.ruleIndex))),
            ("level", .string(finding.verdict == .error ? "error" : level(policy.severity))),
            ("message", .object([("text", .string(message))])),
            ("locations", .list([.object(location)])),
            ("partialFingerprints", .object([("verdictResource/v1", .string(fingerprint(finding)))])),
            ("properties", .object(properties)),
        ])
    }

    /// A fingerprint of the rule and the resource, independent of the run and of where the
    /// document sits in the inventory: a 64-bit FNV-1a hash in hexadecimal.
    static func fingerprint(_ finding: Finding) -> String {
        let key = [finding.ruleID, finding.resource.accountID, finding.resource.type, finding.resource.id].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(16)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
