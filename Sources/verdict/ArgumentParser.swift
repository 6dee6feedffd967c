import VerdictLanguage

/// A small command-line parser: `--name value`, `--name=value`, flags, repeatable
/// options, positional arguments and `--` to end options. Written here because the
/// project takes no outside packages; it covers what Verdict's commands need.
///
/// A value given as the next argument never starts with `-` (except `-` itself), so that
/// an option missing its value does not swallow the next option: `--now --rule x` is
/// `--now` without a value. A value that starts with `-` is written after `=`, as in
/// `--param=rule.offset=-1`.
struct OptionSpec {
    let name: String
    /// The placeholder shown in help, such as `FILE`; nil for a flag.
    let valueName: String?
    let help: String
    var repeatable = false
    /// What the value is, for the message when it is missing, such as `a file name`.
    var expects: String?
}

struct ParsedArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    fileprivate mutating func add(_ name: String, _ value: String) { values[name, default: []].append(value) }
    fileprivate mutating func set(_ name: String) { flags.insert(name) }
    fileprivate mutating func addPositional(_ value: String) { positionals.append(value) }
}

/// A command-line mistake; the message says what to write instead.
struct UsageError: Error {
    let message: String
}

enum ArgumentParser {
    static func parse(_ arguments: [String], options: [OptionSpec]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.addPositional(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let spec = options.first(where: { $0.name == name }) else {
                let suggestion = closestOption(name, options)
                throw UsageError(message: "unknown option '\(name)'\(suggestion)")
            }
            guard spec.valueName != nil else {
                if inlineValue != nil { throw UsageError(message: "option '\(name)' takes no value") }
                parsed.set(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count, arguments[index] == "-" || !arguments[index].hasPrefix("-") else {
                    var message = "\(name) needs a value (\(spec.expects ?? spec.valueName!))"
                    if index < arguments.count {
                        let next = arguments[index]
                        let nextName = next.split(separator: "=", maxSplits: 1).first.map(String.init) ?? next
                        if nextName != "-h", !options.contains(where: { $0.name == nextName }) {
                            message += "; a value that starts with '-' goes after '=': \(name)=\(next)"
                        }
                    }
                    throw UsageError(message: message)
                }
                value = arguments[index]
                index += 1
            }
            if !spec.repeatable, parsed.value(name) != nil {
                throw UsageError(message: "option '\(name)' is given twice; give it once")
            }
            parsed.add(name, value)
        }
        return parsed
    }

    private static func closestOption(_ name: String, _ options: [OptionSpec]) -> String {
        let phrase = Suggestions.phrase(for: name, in: options.map(\.name))
        return phrase.isEmpty ? "; see --help" : phrase
    }

    /// Help text for a command's options, one aligned line each.
    static func help(_ options: [OptionSpec]) -> String {
        let labels = options.map { option in option.valueName.map { "\(option.name) \($0)" } ?? option.name }
        let width = (labels.map(\.count).max() ?? 0) + 2
        return zip(labels, options).map { label, option in
            "  " + label + String(repeating: " ", count: width - label.count) + option.help
        }.joined(separator: "\n")
    }
}
