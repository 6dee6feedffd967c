import Glibc
import VerdictEngine

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

AllocatorTuning.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
let code: ExitCode
switch arguments.first {
case "check":
    code = CheckCommand.run(Array(arguments.dropFirst()))
case "test":
    code = TestCommand.run(Array(arguments.dropFirst()))
case "lint":
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
    Console.error("verdict: unknown command '\(other)'\n\n" + usage)
    code = .usage
}
exit(code.rawValue)
