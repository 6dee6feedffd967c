import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy

/// `verdict check`: evaluates the rules against inventories and reports the verdicts.
enum CheckCommand {
    static let options = PolicySelection.options + [
        OptionSpec(name: "--param", valueName: "RULE.NAME=VALUE", help: "Override a rule parameter; a list may be [a, b] or a,b. Repeatable, once per parameter; wins over --params.", repeatable: true,
                   expects: "RULE.NAME=VALUE, such as oss-bucket-tls-version-check.tlsVersions=TLSv1.2,TLSv1.3"),
        OptionSpec(name: "--params", valueName: "FILE", help: "Override rule parameters from a YAML file mapping rule ids to parameters.",
                   expects: "a YAML file mapping rule ids to parameters"),
        OptionSpec(name: "--now", valueName: "TIME", help: "The evaluation time as RFC 3339, such as 2025-03-10T00:00:00Z (default: now).",
                   expects: "an RFC 3339 time such as 2025-03-10T00:00:00Z"),
        OptionSpec(name: "--format", valueName: "FORMAT", help: "Report format: text, json, sarif, junit, csv or html (default: text).",
                   expects: "text, json, sarif, junit, csv or html"),
        OptionSpec(name: "--output", valueName: "FILE", help: "Write the report to FILE (- for standard output, the default); a file is replaced atomically, keeping its permissions, and never one the run reads.",
                   expects: "a file name, or - for standard output"),
        OptionSpec(name: "--show-all", valueName: nil, help: "List every result in the text and HTML reports, not only violations and errors."),
        OptionSpec(name: "--no-explain", valueName: nil, help: "Do not explain NON_COMPLIANT and ERROR results (faster when there are very many)."),
        OptionSpec(name: "--workers", valueName: "N", help: "Evaluate on N threads (default: the number of CPUs); results do not depend on it.",
                   expects: "a number of threads from 1 to \(maxWorkers)"),
        OptionSpec(name: "--quiet", valueName: nil, help: "Print no progress, notes, warnings or summary on standard error; errors still appear."),
        OptionSpec(name: "--color", valueName: "WHEN", help: "Colour the text report: auto, always or never (default: auto; NO_COLOR turns auto off).",
                   expects: "auto, always or never"),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help."),
    ]

    static let formats = ["text", "json", "sarif", "junit", "csv", "html"]
    static let maxWorkers = 1024

    static var help: String {
        """
        usage: verdict check [OPTIONS] [INVENTORY...]

        Evaluates compliance rules against inventories of cloud resources: JSON arrays,
        newline-delimited JSON, single documents, directories (searched recursively for
        .json, .ndjson and .jsonl files, in any letter case), or - for standard input.
        Without INVENTORY it reads standard input when that is a pipe or a file, and the
        bundled examples/inventory/ directory otherwise.

        The report goes to standard output (or --output FILE); diagnostics, notes and, for
        reports other than text on standard output, a one-line summary go to standard error.
        --schemas replaces the shipped schemas/ rather than adding to them, so name every
        schema directory the rules need. A file named twice (or also through its directory)
        is loaded once. Documents of a type that no rule evaluates but that resembles a known
        type (ACS::ECS::disk) get a warning.

        Options:
        \(ArgumentParser.help(options))

        Exit status: 0 all compliant, 1 violations found, 2 evaluation errors or unreadable
        documents (even with violations), or no rule evaluated any resource, 64 bad command
        line, including a wrong --param value and an --output that names a file the run
        reads, 65 unusable policies, parameters file (a wrong --params value included) or
        inventory, 66 a named file does not exist or a named directory holds no file to read
        (policy, resource schema or inventory), 73 the report cannot be written.
        """
    }

    static func run(_ arguments: [String]) -> ExitCode {
        let parsed: ParsedArguments
        switch CommandStart.parse(arguments, options: options, help: help) {
        case .run(let arguments): parsed = arguments
        case .finished(let code): return code
        }
        let format = parsed.value("--format") ?? "text"
        guard formats.contains(format) else {
            Console.fail("unknown format '\(format)'\(Suggestions.phrase(for: format, in: formats)); choose one of \(formats.joined(separator: ", "))")
            return .usage
        }
        if let color = parsed.value("--color"), !["auto", "always", "never"].contains(color) {
            Console.fail("--color takes auto, always or never, not '\(color)'")
            return .usage
        }
        var now = currentTime()
        if let text = parsed.value("--now") {
            guard let given = Timestamp(rfc3339: text) else {
                Console.fail("invalid --now '\(text)': expected an RFC 3339 time such as 2025-03-10T00:00:00Z")
                return .usage
            }
            now = given
        }
        var evaluation = EvaluationOptions(now: now, explain: !parsed.flag("--no-explain"))
        if let text = parsed.value("--workers") {
            guard let workers = Int(text), (1...maxWorkers).contains(workers) else {
                Console.fail("invalid --workers '\(text)': expected a number of threads from 1 to \(maxWorkers)")
                return .usage
            }
            evaluation.workers = workers
        }
        if let code = checkRepeatedParameters(parsed.all("--param")) { return code }

        let selection: PolicySelection
        switch PolicySelection.load(parsed) {
        case .success(let loaded): selection = loaded
        case .failure(let code): return code
        }
        var overrides = ParameterOverrides()
        if let file = parsed.value("--params") {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                Console.fail("cannot read the parameters file '\(file)'")
                return .noInput
            }
            overrides.addFile(text: text, name: file, policies: selection.catalog.policies)
        }
        for option in parsed.all("--param") {
            overrides.addOption(option, policies: selection.catalog.policies)
        }
        if overrides.hasErrors {
            Diagnostics.print(overrides.diagnostics)
            // A wrong --param is a command-line mistake; a wrong value in the file is a
            // problem with an input file, whichever other options are given.
            let optionIsWrong = overrides.diagnostics.contains { $0.severity == .error && $0.source.name == "--param" }
            return optionIsWrong ? .usage : .dataError
        }
        let compiled: [CompiledPolicy]
        switch selection.compile(overrides: overrides) {
        case .success(let result): compiled = result
        case .failure(let code): return code
        }

        let quiet = parsed.flag("--quiet")
        var inventories = parsed.positionals
        let readsStandardInputUnasked = inventories.isEmpty && standardInputIsData()
        if readsStandardInputUnasked {
            inventories = ["-"]
        } else if inventories.isEmpty {
            guard let example = ShippedFiles.locate(ShippedFiles.exampleInventory) else {
                Console.fail("name an inventory to evaluate, such as verdict check inventory.ndjson, or - for standard input")
                return .usage
            }
            if !quiet {
                Console.note("no inventory given; checking the bundled example inventory at \(example) (pass files, directories or - for standard input)")
            }
            inventories = [example]
        }

        let reader: InventoryReader
        do throws(InventoryOpenError) {
            reader = try InventoryReader(paths: inventories)
        } catch {
            Console.fail("\(error)")
            return .noInput
        }
        // `-` is standard output, as it is standard input among the inventories.
        let output = parsed.value("--output").flatMap { $0 == "-" ? nil : $0 }
        if let output {
            // Every file the run reads is compared, those found in directories included,
            // and then the paths named, so that a directory given as --output is named too.
            var inputs = InputFiles()
            inputs.add(selection.catalog.files + selection.schemas.files + [parsed.value("--params")].compactMap { $0 } + reader.files)
            inputs.add(parsed.all("--policies") + parsed.all("--schemas") + inventories)
            if let clash = inputs.clash(with: output) {
                Console.fail("--output '\(output)' is the input '\(clash)'; write the report to another file")
                return .usage
            }
        }
        let showsProgress = !quiet && Console.isTerminal(2)
        let session = EvaluationSession(policies: compiled, options: evaluation)
        let outcome = session.run(reader) { count in
            if showsProgress { Console.write("\rread \(count) documents", to: 2) }
        }
        if showsProgress, outcome.documentCount >= 10_000 { Console.write("\r\u{1B}[K", to: 2) }

        for problem in outcome.problems {
            Console.error(TextReport.problemLine(problem))
        }
        if !quiet {
            for duplicate in outcome.duplicates {
                Console.error(TerminalText.escaped("\(duplicate.repeated): warning: \(duplicate.type) '\(duplicate.id)' of account \(duplicate.accountID) "
                    + "already appears at \(duplicate.first); both copies are evaluated, so its results count twice"))
            }
        }
        if outcome.documentCount == 0 {
            let names = readsStandardInputUnasked ? "standard input (read because no inventory was named)" : inventories.map { $0 == "-" ? "standard input" : $0 }.joined(separator: ", ")
            switch outcome.problems.count {
            case 0:
                Console.fail("no resource document to evaluate in \(names); an inventory needs at least one document with AccountId, ResourceType and ResourceId")
            case 1:
                Console.fail("the only document in \(names) could not be read (see the error above)")
            case let count:
                Console.fail("none of the \(count) documents in \(names) could be read (see the errors above)")
            }
            return .dataError
        }
        if !quiet {
            for warning in ScopeMessages.misspelledTypeWarnings(outcome, selection: selection) { Console.warn(warning) }
        }

        var context = ReportContext(outcome: outcome, evaluationTime: now, inventories: inventories)
        context.showsAllResults = parsed.flag("--show-all")
        context.usesColor = format == "text" && output == nil && Console.usesColor(parsed.value("--color"), descriptor: 1)
        if let code = writeReport(context, format: format, output: output) { return code }
        if !quiet, format != "text" || output != nil {
            Console.note(oneLineSummary(context.summary))
        }
        // A run in which no rule had anything to evaluate produced no result, so it must
        // not look like a pass.
        if outcome.findings.isEmpty {
            Console.fail(ScopeMessages.nothingEvaluated(outcome))
            return .incomplete
        }
        return exitCode(context.summary)
    }

    /// Writes the report to standard output, or to `output` (see `AtomicFileWriter`);
    /// returns an exit code when it cannot be written. A failure on standard output is
    /// reported by `Console.finishOutput` when the command ends.
    static func writeReport(_ context: ReportContext, format: String, output: String?) -> ExitCode? {
        var writer: AtomicFileWriter?
        if let output {
            do throws(OutputError) {
                writer = try AtomicFileWriter(path: output)
            } catch {
                Console.fail("\(error)")
                return .cannotCreate
            }
        }
        let stream = ReportStream { bytes in
            if let writer { try writer.write(bytes) } else { try Console.writeOutput(bytes: bytes) }
        }
        switch format {
        case "json": JSONReport.write(context, to: stream)
        case "sarif": SARIFReport.write(context, to: stream)
        case "junit": JUnitReport.write(context, to: stream)
        case "csv": CSVReport.write(context, to: stream)
        case "html": HTMLReport.write(context, to: stream)
        default: TextReport.write(context, to: stream)
        }
        do {
            try stream.finish()
            try writer?.commit()
        } catch is StandardOutputError {
            return .cannotCreate
        } catch {
            Console.fail("\(error)")
            return .cannotCreate
        }
        return nil
    }

    static func exitCode(_ summary: Summary) -> ExitCode {
        if summary.verdictCounts[.error, default: 0] > 0 || summary.problemCount > 0 { return .incomplete }
        if summary.verdictCounts[.nonCompliant, default: 0] > 0 { return .violations }
        return .success
    }

    static func oneLineSummary(_ summary: Summary) -> String {
        let counts = [Verdict.compliant, .nonCompliant, .notApplicable, .error].map { "\(summary.verdictCounts[$0, default: 0]) \($0.rawValue)" }
        let rate = summary.complianceRate.map { ", compliance rate \($0.percentText)" } ?? ""
        return "\(summary.documentCount) documents, " + counts.joined(separator: ", ") + rate
    }

    /// Whether standard input holds data to read when no inventory is named: a pipe or a
    /// regular file, not a terminal, /dev/null or another device.
    static func standardInputIsData() -> Bool {
        var status = stat()
        guard fstat(0, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG
    }

    /// A parameter set twice with --param is a mistake (a list is one value, `a,b`, not
    /// two options); reports it with exit status 64.
    static func checkRepeatedParameters(_ options: [String]) -> ExitCode? {
        var seen: [String: String] = [:]
        for option in options {
            guard let equals = option.firstIndex(of: "=") else { continue }
            let name = String(option[..<equals])
            if let first = seen[name] {
                Console.fail("--param sets \(name) twice ('\(first)' and '\(option)'); give each parameter once, a list as [a, b] or a,b")
                return .usage
            }
            seen[name] = option
        }
        return nil
    }

    private static func currentTime() -> Timestamp {
        let seconds = Date().timeIntervalSince1970
        return Timestamp(seconds: Int64(seconds.rounded(.down)), nanos: 0)!
    }
}
