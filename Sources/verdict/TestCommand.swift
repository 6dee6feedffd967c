import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy

/// `verdict test`: runs the test cases written in policy files.
enum TestCommand {
    static let options = [
        OptionSpec(name: "--rule", valueName: "ID", help: "Run only this rule's tests; repeat for several.", repeatable: true, expects: "a rule id"),
        PolicySelection.schemasOption,
        OptionSpec(name: "--verbose", valueName: nil, help: "List passing tests too."),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help."),
    ]

    static var help: String {
        """
        usage: verdict test [OPTIONS] [PATH...]

        Runs the test cases of the policies in the given files or directories (default: the
        shipped policies/) and prints 'N passed, N failed'. Tests without a 'now' run at
        \(PolicyTestRunner.defaultNow.rfc3339).

        Each rule is first checked against the resource schemas as verdict check does
        (resource types, field paths, types), and so are its test documents; --schemas
        replaces the shipped schemas/ rather than adding to them. A rule with errors does
        not run: each error is printed as a FAIL line, and each of its tests counts as
        failed (one failure for a rule without tests). A file named twice (or also
        through its directory) is loaded once.

        Options:
        \(ArgumentParser.help(options))

        Exit status: 0 all tests passed, 1 a test failed or no test was found,
        64 bad command line, 65 a policy or resource schema file is invalid, 66 a path does
        not exist or holds no policy file (no resource schema, for --schemas), 73 the
        results cannot be written.
        """
    }

    static func run(_ arguments: [String]) -> ExitCode {
        let parsed: ParsedArguments
        switch CommandStart.parse(arguments, options: options, help: help) {
        case .run(let arguments): parsed = arguments
        case .finished(let code): return code
        }
        var paths = parsed.positionals
        if paths.isEmpty {
            guard let shipped = ShippedFiles.locate(ShippedFiles.policiesDirectory) else {
                Console.fail("name the policy files or directories to test (no policies/ directory found in \(ShippedFiles.searchedPlaces()))")
                return .usage
            }
            paths = [shipped]
        }
        if let code = PolicySelection.checkPolicyPaths(paths) { return code }
        let catalog = PolicyCatalog.load(paths: paths)
        Diagnostics.print(catalog.diagnostics)
        if catalog.hasErrors {
            Console.fail("the policies have errors; fix them and run again")
            return .dataError
        }

        var policies = catalog.policies
        let ruleIDs = parsed.all("--rule")
        if !ruleIDs.isEmpty {
            for id in ruleIDs where catalog.policy(id: id) == nil {
                Console.fail("unknown rule '\(id)'\(Suggestions.phrase(for: id, in: catalog.policies.map(\.id)))")
                return .usage
            }
            policies = policies.filter { ruleIDs.contains($0.id) }
        }

        let schemas: ResourceSchemaSet
        switch PolicySelection.loadSchemas(parsed) {
        case .success(let loaded): schemas = loaded
        case .failure(let code): return code
        }
        if schemas.hasErrors {
            Console.error("verdict test: the resource schemas have errors; fix them and run again")
            return .dataError
        }

        var passed = 0
        var failed = 0
        for policy in policies {
            // The same checks as verdict check: a rule that check rejects must not pass its
            // tests, and a test that fails for a reason the checks explain gets that reason.
            // The test documents are checked too, so that a test cannot pass because its
            // document misspells a field or has a type the rule does not evaluate.
            let findings = Linter.checkPolicy(policy, schemas: schemas, includingTests: true)
            Diagnostics.print(findings.filter { $0.severity != .error })
            let errors = findings.filter { $0.severity == .error }
            if !errors.isEmpty {
                failed += reportUnrunnable(policy, errors: errors)
                continue
            }
            for result in PolicyTestRunner.run(policy) {
                if let failure = result.failure {
                    failed += 1
                    Console.output("FAIL \(result.location.file):\(result.location.line): \(result.ruleID): \(result.testName): \(failure)\n")
                } else {
                    passed += 1
                    if parsed.flag("--verbose") { Console.output("ok   \(result.ruleID): \(result.testName)\n") }
                }
            }
        }
        Console.output("\(passed) passed, \(failed) failed\n")
        if passed + failed == 0 {
            Console.fail("no test case found; policies list theirs under 'tests:'")
            return .violations
        }
        return failed == 0 ? .success : .violations
    }

    /// Prints the errors that keep a rule's tests from running, and returns how many
    /// failures they count for: each of the rule's tests, or one when it has none.
    private static func reportUnrunnable(_ policy: Policy, errors: [Diagnostic]) -> Int {
        for error in errors {
            Console.output("FAIL \(error.rendered())\n")
        }
        let line = policy.file.location(of: policy.idSpan.start).line
        let count = policy.tests.count
        let outcome: String
        switch count {
        case 0: outcome = "the rule fails because of the errors above"
        case 1: outcome = "its test was not run because of the errors above"
        default: outcome = "its \(count) tests were not run because of the errors above"
        }
        Console.output("FAIL \(policy.file.name):\(line): \(policy.id): \(outcome)\n")
        return max(count, 1)
    }
}
