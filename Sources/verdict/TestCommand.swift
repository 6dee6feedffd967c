import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy

/// `verdict test`: runs the test cases written in policy files.
enum TestCommand {
    static let options = [
        OptionSpec(name: "--rule", valueName: "ID", help: "Run only this rule's tests; repeat for several.", repeatable: true, expects: "a rule id"),
        OptionSpec(name: "--verbose", valueName: nil, help: "List passing tests too."),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help."),
    ]

    static var help: String {
        """
        usage: verdict test [OPTIONS] [PATH...]

        Runs the test cases of the policies in the given files or directories (default: the
        shipped policies/) and prints 'N passed, N failed'. Tests without a 'now' run at
        \(PolicyTestRunner.defaultNow.rfc3339).

        Options:
        \(ArgumentParser.help(options))

        Exit status: 0 all tests passed, 1 a test failed or no test was found,
        64 bad command line, 65 a policy file is invalid, 66 a path does not exist or holds
        no policy file, 73 the results cannot be written.
        """
    }

    static func run(_ arguments: [String]) -> ExitCode {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, options: options)
        } catch {
            Console.fail(error.message)
            return .usage
        }
        if parsed.flag("--help") {
            Console.output(help + "\n")
            return .success
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

        var passed = 0
        var failed = 0
        for policy in policies {
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
}
