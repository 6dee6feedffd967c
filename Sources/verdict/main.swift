import Glibc
import VerdictEngine
import VerdictLanguage

// The `verdict` command: dispatches to its subcommands and exits with their status.

let usage = """
    usage: verdict COMMAND [OPTIONS]

    Commands:
      check [INVENTORY...]   evaluate compliance rules against cloud resource inventories
      test [PATH...]         run the test cases written in policy files
      lint [PATH...]         check policy, pack and parameter files for mistakes
      version                print the version

    Run 'verdict COMMAND --help' for a command's options.
    """

let commands = ["check", "test", "lint", "version", "help"]

// A write to a closed pipe fails with EPIPE, which Console.finishOutput handles, rather
// than killing the process with SIGPIPE.
signal(SIGPIPE, SIG_IGN)
AllocatorTuning.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
var code: ExitCode
switch arguments.first {
case "check":
    Console.prefix = "verdict check"
    code = CheckCommand.run(Array(arguments.dropFirst()))
case "test":
    Console.prefix = "verdict test"
    code = TestCommand.run(Array(arguments.dropFirst()))
case "lint":
    Console.prefix = "verdict lint"
    code = LintCommand.run(Array(arguments.dropFirst()))
case "version", "--version":
    Console.output("verdict \(VerdictVersion.current)\n")
    code = .success
case "help", "--help", "-h":
    Console.output(usage + "\n")
    code = .success
case nil:
    Console.error(usage)
    code = .usage
case let other?:
    Console.fail("unknown command '\(other)'\(Suggestions.phrase(for: other, in: commands))\n\n" + usage)
    code = .usage
}
let report = ["check", "test", "lint"].contains(arguments.first ?? "") ? "the report" : "the output"
code = Console.finishOutput(code, what: report)
exit(code.rawValue)
