import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy

/// Loading, selecting and compiling the policies `check` evaluates.
struct PolicySelection {
    let catalog: PolicyCatalog
    let policies: [Policy]
    /// The resource schemas the policies were checked against.
    let schemas: ResourceSchemaSet

    /// Policy options every evaluating command accepts.
    static let options = [
        OptionSpec(name: "--policies", valueName: "PATH", help: "Policy files or directories to load (default: the shipped policies/).", repeatable: true,
                   expects: "a policy file or directory"),
        OptionSpec(name: "--pack", valueName: "ID", help: "Evaluate the rules of this pack (default with the shipped policies: genai-best-practices).",
                   expects: "a pack id such as genai-best-practices"),
        OptionSpec(name: "--rule", valueName: "ID", help: "Evaluate only this rule; repeat for several.", repeatable: true, expects: "a rule id"),
        schemasOption,
    ]

    static let schemasOption = OptionSpec(name: "--schemas", valueName: "PATH",
                                          help: "Resource schemas that conditions are checked against, instead of the shipped schemas/ (not added to them). Repeatable.",
                                          repeatable: true, expects: "a resource schema file or directory")

    /// Loads the policies named by the options. Prints diagnostics and returns an exit
    /// code when they cannot be used.
    static func load(_ arguments: ParsedArguments) -> Result<PolicySelection, ExitCode> {
        var paths = arguments.all("--policies")
        let usesShippedPolicies = paths.isEmpty
        if usesShippedPolicies {
            guard let shipped = ShippedFiles.locate(ShippedFiles.policiesDirectory) else {
                Console.fail("no policies/ directory found (looked in \(ShippedFiles.searchedPlaces())); "
                    + "set \(ShippedFiles.homeVariable) to the directory that contains Verdict's policies/ and schemas/, or name policies with --policies PATH")
                return .failure(.noInput)
            }
            paths = [shipped]
        }
        if let code = checkPolicyPaths(paths) { return .failure(code) }
        let catalog = PolicyCatalog.load(paths: paths)
        Diagnostics.print(catalog.diagnostics)
        if catalog.hasErrors {
            Console.fail("the policies have errors; fix them (verdict lint shows every problem) and run again")
            return .failure(.dataError)
        }

        var packID = arguments.value("--pack")
        if packID == nil, usesShippedPolicies, arguments.all("--rule").isEmpty { packID = ShippedFiles.defaultPack }
        var selected: [Policy]
        if let packID {
            guard let pack = catalog.pack(id: packID) else {
                let known = catalog.packs.map(\.id)
                Console.fail("unknown pack '\(packID)'\(Suggestions.phrase(for: packID, in: known))" + (known.isEmpty ? "; no pack file was loaded" : "; packs: \(known.joined(separator: ", "))"))
                return .failure(.usage)
            }
            selected = pack.ruleIDs.compactMap { catalog.policy(id: $0) }
        } else {
            selected = catalog.policies.sorted { $0.id < $1.id }
        }

        let ruleIDs = arguments.all("--rule")
        if !ruleIDs.isEmpty {
            for id in ruleIDs where catalog.policy(id: id) == nil {
                Console.fail("unknown rule '\(id)'\(Suggestions.phrase(for: id, in: catalog.policies.map(\.id)))")
                return .failure(.usage)
            }
            let pool = packID == nil ? catalog.policies : selected
            if let packID, let outside = ruleIDs.first(where: { id in !pool.contains { $0.id == id } }) {
                Console.fail("rule '\(outside)' is not in pack '\(packID)'; name a rule of the pack, or leave out --pack to choose among every rule loaded")
                return .failure(.usage)
            }
            selected = ruleIDs.compactMap { id in pool.first { $0.id == id } }
        }
        if selected.isEmpty {
            Console.fail("no rule to evaluate; the policies loaded define none")
            return .failure(.dataError)
        }

        // Conditions are type-checked against the resource schemas first, so that a
        // misspelled field cannot hide in has() and let resources pass.
        let schemas: ResourceSchemaSet
        switch loadSchemas(arguments) {
        case .success(let loaded): schemas = loaded
        case .failure(let code): return .failure(code)
        }
        var checkDiagnostics: [Diagnostic] = []
        for policy in selected { checkDiagnostics.append(contentsOf: Linter.checkPolicy(policy, schemas: schemas)) }
        Diagnostics.print(checkDiagnostics.filter { $0.severity == .error || !arguments.flag("--quiet") })
        if schemas.hasErrors || checkDiagnostics.contains(where: { $0.severity == .error }) {
            let failing = Set(checkDiagnostics.filter { $0.severity == .error }.map(\.source.name)).count
            let subject = schemas.hasErrors && failing == 0 ? "the resource schemas have errors"
                : "\(CountText.of(failing, "policy file")) \(failing == 1 ? "has" : "have") errors (see above)"
            Console.fail("\(subject), so nothing was evaluated; fix them (verdict lint shows every problem) and run again")
            return .failure(.dataError)
        }
        return .success(PolicySelection(catalog: catalog, policies: selected, schemas: schemas))
    }

    /// Loads the resource schemas named by `--schemas` (which replace the shipped ones),
    /// or the shipped ones, which `Linter.checkPolicy` checks conditions against, and
    /// prints their diagnostics. A named path that does not exist or contains no schema is
    /// an error (no input): it would turn field checking off without a word.
    static func loadSchemas(_ arguments: ParsedArguments) -> Result<ResourceSchemaSet, ExitCode> {
        let given = arguments.all("--schemas")
        if let code = checkSchemaPaths(given) { return .failure(code) }
        let paths = ShippedFiles.schemaPaths(given: given, quiet: arguments.flag("--quiet"))
        let schemas = ResourceSchemaSet.load(paths: paths)
        Diagnostics.print(schemas.diagnostics)
        if let code = checkSchemasFound(schemas, given: given) { return .failure(code) }
        return .success(schemas)
    }

    /// Checks that every path named with `--schemas` exists and contains a `.yaml` or `.yml`
    /// file; prints the problem and returns the exit status (no input) otherwise.
    static func checkSchemaPaths(_ paths: [String]) -> ExitCode? {
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else {
                Console.fail("\(path): no such file or directory")
                return .noInput
            }
            if PolicyCatalog.policyFiles(at: path).isEmpty {
                Console.fail("no resource schema file (\(PolicyCatalog.fileExtensions.map { ".\($0)" }.joined(separator: ", "))) found in \(path)")
                return .noInput
            }
        }
        return nil
    }

    /// Checks that every path named with `--schemas` contains a schema (a file with `kind:
    /// ResourceSchema`, or one whose problems were reported), not only policies or packs.
    static func checkSchemasFound(_ schemas: ResourceSchemaSet, given paths: [String]) -> ExitCode? {
        let attempted = Set((schemas.schemas.values.map(\.file.name) + schemas.diagnostics.map(\.source.name)).map { FileList.canonicalPath($0) ?? $0 })
        for path in paths where !PolicyCatalog.policyFiles(at: path).contains(where: { attempted.contains(FileList.canonicalPath($0) ?? $0) }) {
            Console.fail("no resource schema (a file with kind: ResourceSchema) found in \(path)")
            return .noInput
        }
        return nil
    }

    /// Compiles the selected policies with overrides; prints errors and returns an exit code on failure.
    func compile(overrides: ParameterOverrides) -> Result<[CompiledPolicy], ExitCode> {
        var compiled: [CompiledPolicy] = []
        var failed = false
        for policy in policies {
            switch PolicyCompiler.compile(policy, overrides: overrides.values(for: policy.id)) {
            case .success(let result): compiled.append(result)
            case .failure(let error):
                Diagnostics.print(error.diagnostics)
                failed = true
            }
        }
        if failed {
            Console.fail("some rules do not compile; fix them and run again")
            return .failure(.dataError)
        }
        return .success(compiled)
    }

    /// Checks that every named policy path exists and contains a policy file; prints the
    /// problem and returns the exit status (no input) otherwise.
    static func checkPolicyPaths(_ paths: [String]) -> ExitCode? {
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else {
                Console.fail("\(path): no such file or directory")
                return .noInput
            }
            if PolicyCatalog.policyFiles(at: path).isEmpty {
                Console.fail("no policy file (\(PolicyCatalog.fileExtensions.map { ".\($0)" }.joined(separator: ", "))) found in \(path)")
                return .noInput
            }
        }
        return nil
    }
}

/// Printing diagnostics to standard error.
enum Diagnostics {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            Console.error(diagnostic.rendered())
        }
    }
}
