/// The first step every command takes: parse its arguments, and answer `--help` or a
/// command-line mistake before doing any work.
enum CommandStart {
    case run(ParsedArguments)
    case finished(ExitCode)

    static func parse(_ arguments: [String], options: [OptionSpec], help: @autoclosure () -> String) -> CommandStart {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, options: options)
        } catch {
            Console.fail(error.message)
            return .finished(.usage)
        }
        if parsed.flag("--help") {
            Console.output(help() + "\n")
            return .finished(.success)
        }
        return .run(parsed)
    }
}
