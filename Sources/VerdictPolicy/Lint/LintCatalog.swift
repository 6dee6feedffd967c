import VerdictLanguage

/// One kind of problem lint reports, with examples that show it.
public struct LintCheck: Sendable {
    /// The stable id shown in brackets after each diagnostic.
    public let id: String
    public let severity: Diagnostic.Severity
    /// One line on what the check finds.
    public let summary: String
    /// Files in which lint reports this kind of problem.
    public let triggering: LintExample
    /// Files like them in which it does not.
    public let nonTriggering: LintExample
}

/// The files of an example, as `Linter.lint` takes them.
public struct LintExample: Sendable {
    public let files: [(name: String, text: String)]
    public var parameterFiles: [(name: String, text: String)] = []
    /// Paths to read from disk, for the problems of reading files.
    public var paths: [String] = []

    public func lint() -> [Diagnostic] {
        if !paths.isEmpty { return Linter.lint(paths: paths).diagnostics }
        return Linter.lint(files: files, parameterFiles: parameterFiles)
    }
}

/// Every kind of diagnostic lint can report. The documentation lists them from here, and
/// one test runs every example.
public enum LintCatalog {
    /// A valid policy over a resource type with a schema; examples change one thing in it.
    static func policy(_ replacements: [(String, String)] = [], id: String = "example-rule") -> String {
        var text = """
            kind: Policy
            id: \(id)
            title: Things have enough items
            description: Checks the number of items.
            severity: high
            resourceTypes: [ACS::Example::Thing]
            parameters:
              minimum:
                type: int
                default: 1
                description: The fewest items allowed.
            compliantWhen: size(config.Items) >= params.minimum
            message: The thing has too few items.
            tests:
              - name: two items
                expect: COMPLIANT
                configuration: {Items: [a, b]}

            """
        for (old, new) in replacements {
            precondition(text.contains(old), "the example policy has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static let schema = """
        kind: ResourceSchema
        resourceType: ACS::Example::Thing
        description: An example resource type.
        configuration:
          Name: string
          Enabled: string
          Items: [string]
          Settings:
            Level: int
          Policy:
            $json:
              Statement: [any]

        """

    static func example(_ policyReplacements: [(String, String)] = [], extra: [(String, String)] = []) -> LintExample {
        LintExample(files: [("policy.yaml", policy(policyReplacements)), ("schema.yaml", schema)] + extra)
    }

    static func condition(_ text: String) -> LintExample {
        example([("compliantWhen: size(config.Items) >= params.minimum", "compliantWhen: '\(text)'")])
    }

    static let clean = example()

    public static let checks: [LintCheck] = yamlChecks + policyChecks + expressionChecks + schemaChecks + parameterChecks

    static let yamlChecks: [LintCheck] = [
        LintCheck(id: "yaml-syntax", severity: .error, summary: "The file is not valid YAML.",
                  triggering: example([("title: Things have enough items", "title: [unclosed")]), nonTriggering: clean),
        LintCheck(id: "yaml-duplicate-key", severity: .error, summary: "A key appears twice in one mapping, so one value would silently win.",
                  triggering: example([("severity: high", "severity: high\nseverity: low")]), nonTriggering: clean),
        LintCheck(id: "yaml-tag", severity: .error, summary: "A tag outside YAML's core schema, such as !python/object, a value that does not match its tag, or a condition written as a plain value that starts with '!', which YAML reads as a tag.",
                  triggering: example([("severity: high", "severity: !custom high")]), nonTriggering: clean),
        LintCheck(id: "yaml-alias", severity: .error, summary: "An undefined or recursive alias, or aliases that expand to too many nodes.",
                  triggering: example([("title: Things have enough items", "title: *undefined")]), nonTriggering: clean),
        LintCheck(id: "yaml-depth", severity: .error, summary: "Collections nested deeper than 64 levels.",
                  triggering: example([("tests:", "deep: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\ntests:")]),
                  nonTriggering: clean),
        LintCheck(id: "yaml-multiple-documents", severity: .error, summary: "A second YAML document in the file; a policy file holds one.",
                  triggering: example([("kind: Policy", "kind: Policy\n---\nkind: Policy")]), nonTriggering: clean),
        LintCheck(id: "yaml-complex-key", severity: .error, summary: "A list or mapping used as a key.",
                  triggering: example([("severity: high", "severity: high\n? [a, b]\n: c")]), nonTriggering: clean),
        LintCheck(id: "yaml-merge-key", severity: .error, summary: "A merge key (<<), which Verdict does not expand; write the keys out.",
                  triggering: example([("severity: high", "severity: high\nbase: &base {a: 1}\nmerged:\n  <<: *base")]), nonTriggering: clean),
        LintCheck(id: "yaml-too-large", severity: .error, summary: "A file larger than 16 MiB.",
                  triggering: example([("kind: Policy", "kind: Policy\n#" + String(repeating: "x", count: 16 << 20))]), nonTriggering: clean),
    ]

    static let policyChecks: [LintCheck] = [
        LintCheck(id: "file-unreadable", severity: .error, summary: "A named file or directory does not exist or cannot be read.",
                  triggering: LintExample(files: [], paths: ["/nonexistent/verdict-lint-example.yaml"]), nonTriggering: clean),
        LintCheck(id: "policy-unknown-key", severity: .error, summary: "A key the format does not define, usually a misspelling; the message suggests the key meant.",
                  triggering: example([("compliantWhen:", "compliantwhen:"), ("message:", "compliantWhen: 'true'\nmessage:")]), nonTriggering: clean),
        LintCheck(id: "policy-missing-key", severity: .error, summary: "A required key is missing.",
                  triggering: example([("message: The thing has too few items.\n", "")]), nonTriggering: clean),
        LintCheck(id: "policy-invalid-value", severity: .error, summary: "A value of the wrong kind or outside the allowed set, such as severity: urgent.",
                  triggering: example([("severity: high", "severity: urgent")]), nonTriggering: clean),
        LintCheck(id: "policy-parameter-type", severity: .error, summary: "A parameter value (a default or a test's) does not match the declared type.",
                  triggering: example([("default: 1", "default: one")]), nonTriggering: clean),
        LintCheck(id: "policy-invalid-constraint", severity: .error, summary: "A parameter constraint (minimum, maximum, minItems, allowedValues) with a value of the wrong type, or one that does not apply to the parameter's type, such as minItems on an int.",
                  triggering: example([("default: 1", "default: 1\n    minItems: 1")]), nonTriggering: example([("default: 1", "default: 1\n    minimum: 0")])),
        LintCheck(id: "policy-parameter-constraint", severity: .error, summary: "A parameter value (a default or a test's) breaks the parameter's constraints, such as a default below its minimum.",
                  triggering: example([("default: 1", "default: 1\n    minimum: 2")]), nonTriggering: example([("default: 1", "default: 1\n    minimum: 1")])),
        LintCheck(id: "policy-unknown-parameter", severity: .error, summary: "A test case sets a parameter the policy does not declare.",
                  triggering: example([("configuration: {Items: [a, b]}", "configuration: {Items: [a, b]}\n    parameters: {minimun: 2}")]),
                  nonTriggering: example([("configuration: {Items: [a, b]}", "configuration: {Items: [a, b]}\n    parameters: {minimum: 2}")])),
        LintCheck(id: "policy-duplicate-id", severity: .error, summary: "Two policy files use the same rule id.",
                  triggering: example(extra: [("second.yaml", policy())]),
                  nonTriggering: example(extra: [("second.yaml", policy(id: "other-rule"))])),
        LintCheck(id: "pack-unknown-rule", severity: .error, summary: "A pack lists a rule that no policy file defines.",
                  triggering: example(extra: [("pack.yaml", "kind: Pack\nid: p\ntitle: P\nrules: [example-rul]\n")]),
                  nonTriggering: example(extra: [("pack.yaml", "kind: Pack\nid: p\ntitle: P\nrules: [example-rule]\n")])),
        LintCheck(id: "pack-duplicate-rule", severity: .error, summary: "A pack lists a rule twice.",
                  triggering: example(extra: [("pack.yaml", "kind: Pack\nid: p\ntitle: P\nrules: [example-rule, example-rule]\n")]),
                  nonTriggering: example(extra: [("pack.yaml", "kind: Pack\nid: p\ntitle: P\nrules: [example-rule]\n")])),
        LintCheck(id: "unknown-resource-type", severity: .error,
                  summary: "A resource type close to one with a schema, most likely misspelled, or a type in lookup() or resources() that is not a type code at all.",
                  triggering: example([("resourceTypes: [ACS::Example::Thing]", "resourceTypes: [ACS::Example::Thin]")]), nonTriggering: clean),
        LintCheck(id: "resource-type-without-schema", severity: .warning, summary: "No schema describes the resource type, so its field paths are not checked.",
                  triggering: example([("resourceTypes: [ACS::Example::Thing]", "resourceTypes: [ACS::Other::Widget]")]), nonTriggering: clean),
        LintCheck(id: "unused-unlisted-field", severity: .warning,
                  summary: "An unlistedFields entry that matches no field path the conditions read, or that the schema already allows; it would silently allow a misspelled path later.",
                  triggering: unlisted("[config.Vendor.Levl]"), nonTriggering: unlisted("[config.Vendor.Level]")),
        LintCheck(id: "constant-condition", severity: .warning,
                  summary: "A condition that reads nothing of the resource (resource, config, resources() or lookup()), such as compliantWhen: true, so every resource gets the same result.",
                  triggering: condition("params.minimum > 0"), nonTriggering: clean),
        LintCheck(id: "test-unknown-field", severity: .warning,
                  summary: "A test document's Configuration (or a related document's) sets a field that the schema of its resource type does not list, so the test may pass for the wrong reason.",
                  triggering: example([("configuration: {Items: [a, b]}", "configuration: {Items: [a, b], Nme: x}")]), nonTriggering: clean),
        LintCheck(id: "test-wrong-resource-type", severity: .error,
                  summary: "A test document whose ResourceType is not one the rule evaluates.",
                  triggering: example([("configuration: {Items: [a, b]}", "resource: {ResourceType: ACS::Example::Other, Configuration: {Items: [a, b]}}")]),
                  nonTriggering: example([("configuration: {Items: [a, b]}", "resource: {ResourceType: ACS::Example::Thing, Configuration: {Items: [a, b]}}")])),
        LintCheck(id: "unused-parameter", severity: .warning, summary: "A declared parameter that no condition reads.",
                  triggering: example([("compliantWhen: size(config.Items) >= params.minimum", "compliantWhen: size(config.Items) >= 1")]),
                  nonTriggering: clean),
    ]

    static let expressionChecks: [LintCheck] = [
        LintCheck(id: "syntax-error", severity: .error, summary: "A condition does not parse.",
                  triggering: condition("size(config.Items) >="), nonTriggering: clean),
        LintCheck(id: "undeclared-reference", severity: .error, summary: "A name that is neither a variable (resource, config, params, now) nor a macro variable.",
                  triggering: condition("size(confg.Items) > 0"), nonTriggering: clean),
        LintCheck(id: "unknown-field", severity: .error, summary: "A field path the resource type's schema (or the rule's parameters) does not have; such a path would make every resource an ERROR, or, inside has(), silently false. The path of resources(type, path, value) is checked too, since a wrong one finds nothing.",
                  triggering: condition("!has(config.Setings)"), nonTriggering: condition("!has(config.Settings)")),
        LintCheck(id: "no-fields", severity: .error, summary: "A field selected on a value that has no fields, such as a string.",
                  triggering: condition("config.Name.Length > 0"), nonTriggering: condition("size(config.Name) > 0")),
        LintCheck(id: "unknown-function", severity: .error, summary: "A function or method that does not exist.",
                  triggering: condition("config.Name.startswith(\"a\")"), nonTriggering: condition("config.Name.startsWith(\"a\")")),
        LintCheck(id: "wrong-call-style", severity: .error, summary: "A method called as a function, or a function called as a method.",
                  triggering: condition("contains(config.Name, \"a\")"), nonTriggering: condition("config.Name.contains(\"a\")")),
        LintCheck(id: "wrong-argument-count", severity: .error, summary: "A call with more or fewer arguments than the function takes.",
                  triggering: condition("config.Name.contains(\"a\", \"b\")"), nonTriggering: condition("config.Name.contains(\"a\")")),
        LintCheck(id: "no-matching-overload", severity: .error, summary: "A call or operator whose arguments have types no overload accepts.",
                  triggering: condition("config.Name < 3"), nonTriggering: condition("size(config.Name) < 3")),
        LintCheck(id: "incompatible-comparison", severity: .error, summary: "An equality or membership test between types that can never be equal, such as a string field compared with true.",
                  triggering: condition("config.Enabled == true"), nonTriggering: condition("config.Enabled == \"Enabled\"")),
        LintCheck(id: "not-a-bool", severity: .error, summary: "A condition, an operand of && or ||, or a macro predicate that is not a bool.",
                  triggering: condition("config.Name"), nonTriggering: condition("config.Name != \"\"")),
        LintCheck(id: "invalid-regex", severity: .error, summary: "A matches() call with a constant pattern that the regular expression engine rejects, such as a look-around; every evaluation of the call would be an ERROR.",
                  triggering: condition("config.Name.matches(\"(?<=a)b\")"), nonTriggering: condition("config.Name.matches(\"^[a-z]+$\")")),
        LintCheck(id: "not-iterable", severity: .error, summary: "A macro such as all() applied to a value that is not a list or map.",
                  triggering: condition("config.Name.all(c, c != \"\")"), nonTriggering: condition("config.Items.all(c, c != \"\")")),
    ]

    static let schemaChecks: [LintCheck] = [
        LintCheck(id: "schema-invalid-type", severity: .error, summary: "A schema names a type that does not exist or writes a list type wrongly.",
                  triggering: LintExample(files: [("policy.yaml", policy()), ("schema.yaml", schema.replacingOccurrences(of: "Name: string", with: "Name: strng"))]),
                  nonTriggering: clean),
        LintCheck(id: "schema-duplicate-type", severity: .error, summary: "Two schema files describe the same resource type.",
                  triggering: example(extra: [("schema2.yaml", schema)]), nonTriggering: clean),
    ]

    static let parameterChecks: [LintCheck] = [
        LintCheck(id: "parameter-syntax", severity: .error, summary: "A parameters file (verdict check --params) is not a mapping of rule ids to parameter values.",
                  triggering: parameters("- example-rule\n"), nonTriggering: parameters("example-rule: {minimum: 2}\n")),
        LintCheck(id: "parameter-type", severity: .error, summary: "A parameter value that does not match the declared type.",
                  triggering: parameters("example-rule: {minimum: two}\n"), nonTriggering: parameters("example-rule: {minimum: 2}\n")),
        LintCheck(id: "parameter-constraint", severity: .error, summary: "A parameter value that breaks the parameter's constraints, such as a count below its minimum or an empty list where minItems is 1.",
                  triggering: constrainedParameters("example-rule: {minimum: 0}\n"), nonTriggering: constrainedParameters("example-rule: {minimum: 2}\n")),
        LintCheck(id: "parameter-unknown-rule", severity: .error, summary: "A parameters file names a rule that does not exist.",
                  triggering: parameters("example-rul: {minimum: 2}\n"), nonTriggering: parameters("example-rule: {minimum: 2}\n")),
        LintCheck(id: "parameter-unknown", severity: .error, summary: "A parameters file sets a parameter the rule does not declare.",
                  triggering: parameters("example-rule: {minimun: 2}\n"), nonTriggering: parameters("example-rule: {minimum: 2}\n")),
    ]

    /// Returns the example with `unlistedFields` set to `entries` and a condition that
    /// reads `config.Vendor.Level`, which the schema does not list.
    static func unlisted(_ entries: String) -> LintExample {
        example([("compliantWhen: size(config.Items) >= params.minimum",
                  "unlistedFields: \(entries)\ncompliantWhen: size(config.Items) >= params.minimum && config.Vendor.Level > 1")])
    }

    static func parameters(_ text: String) -> LintExample {
        var example = clean
        example.parameterFiles = [("params.yaml", text)]
        return example
    }

    /// Returns the example with a parameters file, and with `minimum: 1` on the policy's
    /// parameter, which is itself named `minimum`.
    static func constrainedParameters(_ text: String) -> LintExample {
        var constrained = example([("default: 1", "default: 1\n    minimum: 1")])
        constrained.parameterFiles = [("params.yaml", text)]
        return constrained
    }
}
