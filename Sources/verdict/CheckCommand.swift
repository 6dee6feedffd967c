import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy

/// `verdict check`: evaluates the rules against inventories and reports the verdicts.
enum CheckCommand {
    static let options = PolicySelection.options + [
        OptionSpec(name: "--param", valueName: "RULE.NAME=VALUE", help: "Override a rule parameter; a list may be [a, b] or a,b. Repeatable.", repeatable: true),
        OptionSpec(name: "--params", valueName: "FILE", help: "Override rule parameters from a YAML file mapping rule ids to parameters."),
        OptionSpec(name: "--now", valueName: "TIME", help: "The evaluation time as RFC 3339, such as 2025-03-10T00:00:00Z (default: now)."),
        OptionSpec(name: "--format", valueName: "FORMAT", help: "Report format: text, json, sarif, junit, csv or html (default: text)."),
        OptionSpec(name: "--output", valueName: "FILE", help: "Write the report to FILE, replacing it atomically, instead of standard output."),
        OptionSpec(name: "--show-all", valueName: nil, help: "List every result in the text report, not only violations and errors."),
        OptionSpec(name: "--no-explain", valueName: nil, help: "Do not explain NON_COMPLIANT and ERROR results (faster when there are very many)."),
        OptionSpec(name: "--quiet", valueName: nil, help: "Print no progress or summary on standard error."),
        OptionSpec(name: "--color", valueName: "WHEN", help: "Colour the text report: auto, always or never (default: auto; NO_COLOR turns auto off)."),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help."),
    ]

    static let formats = ["text", "json", "sarif", "junit", "csv", "html"]

    static var help: String {
        """
        usage: verdict check [OPTIONS] [INVENTORY...]

        Evaluates compliance rules against inventories of cloud resources: JSON arrays,
        newline-delimited JSON, single documents, directories of .json/.ndjson files, or -
        for standard input (default: the bundled examples/inventory/ directory).

        Options:
        \(ArgumentParser.help(options))

        Exit status: 0 all compliant, 1 violations found, 2 evaluation errors or unreadable
        documents, 64 bad command line (a --param value of the wrong type included),
        65 unusable policies, parameters file or inventory, 66 a named file does not
        exist, 73 the report cannot be written.
        """
    }

    static func run(_ arguments: [String]) -> ExitCode {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, options: options)
        } catch {
            Console.error("verdict check: \(error.message)")
            return .usage
        }
        if parsed.flag("--help") {
            Console.output(help + "\n")
            return .success
        }
        let format = parsed.value("--format") ?? "text"
        guard formats.contains(format) else {
            Console.error("verdict check: unknown format '\(format)'; choose one of \(formats.joined(separator: ", "))")
            return .usage
        }
        if let color = parsed.value("--color"), !["auto", "always", "never"].contains(color) {
            Console.error("verdict check: --color takes auto, always or never, not '\(color)'")
            return .usage
        }
        var now = currentTime()
        if let text = parsed.value("--now") {
            guard let given = Timestamp(rfc3339: text) else {
                Console.error("verdict check: invalid --now '\(text)': expected RFC 3339 such as 2025-03-10T00:00:00Z")
                return .usage
            }
            now = given
        }

        let selection: PolicySelection
        switch PolicySelection.load(parsed) {
        case .success(let loaded): selection = loaded
        case .failure(let code): return code
        }
        var overrides = ParameterOverrides()
        if let file = parsed.value("--params") {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                Console.error("verdict check: cannot read parameters file '\(file)'")
                return .noInput
            }
            overrides.addFile(text: text, name: file, policies: selection.catalog.policies)
        }
        for option in parsed.all("--param") {
            overrides.addOption(option, policies: selection.catalog.policies)
        }
        if overrides.hasErrors {
            Diagnostics.print(overrides.diagnostics)
            return parsed.all("--param").isEmpty ? .dataError : .usage
        }
        let compiled: [CompiledPolicy]
        switch selection.compile(overrides: overrides) {
        case .success(let result): compiled = result
        case .failure(let code): return code
        }

        var inventories = parsed.positionals
        if inventories.isEmpty {
            guard let example = ShippedFiles.locate(ShippedFiles.exampleInventory) else {
                Console.error("verdict check: name an inventory to evaluate, such as verdict check inventory.ndjson")
                return .usage
            }
            inventories = [example]
        }
        if let output = parsed.value("--output"), let clash = clashingInput(output, inventories + [parsed.value("--params")].compactMap { $0 }) {
            Console.error("verdict check: --output '\(output)' is the input '\(clash)'; write the report to another file")
            return .usage
        }

        let reader: InventoryReader
        do throws(InventoryOpenError) {
            reader = try InventoryReader(paths: inventories)
        } catch {
            Console.error("verdict check: \(error)")
            return .noInput
        }
        let quiet = parsed.flag("--quiet")
        let showsProgress = !quiet && Console.isTerminal(2)
        let session = EvaluationSession(policies: compiled, options: EvaluationOptions(now: now, explain: !parsed.flag("--no-explain")))
        let outcome = session.run(reader) { count in
            if showsProgress { Console.write("\rread \(count) documents", to: 2) }
        }
        if showsProgress, outcome.documentCount >= 10_000 { Console.write("\r\u{1B}[K", to: 2) }

        for problem in outcome.problems {
            Console.error(TextReport.problemLine(problem))
        }
        if outcome.documentCount == 0 {
            Console.error("verdict check: error: the inventory holds no resource document to evaluate")
            return .dataError
        }

        var context = ReportContext(outcome: outcome, evaluationTime: now, inventories: inventories)
        context.showsAllResults = parsed.flag("--show-all")
        let output = parsed.value("--output")
        context.usesColor = format == "text" && output == nil && Console.usesColor(parsed.value("--color"), descriptor: 1)
        if let code = writeReport(context, format: format, output: output) { return code }
        if !quiet, format != "text" || output != nil {
            Console.error(oneLineSummary(context.summary))
        }
        return exitCode(context.summary)
    }

    /// Writes the report to standard output, or atomically to `output`; returns an exit
    /// code when it cannot be written.
    static func writeReport(_ context: ReportContext, format: String, output: String?) -> ExitCode? {
        var writer: AtomicFileWriter?
        if let output {
            do throws(OutputError) {
                writer = try AtomicFileWriter(path: output)
            } catch {
                Console.error("verdict check: \(error)")
                return .cannotCreate
            }
        }
        let stream = ReportStream { bytes in
            if let writer { try writer.write(bytes) } else { Console.write(bytes: bytes, to: 1) }
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
        } catch {
            Console.error("verdict check: \(error)")
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
        return "verdict: \(summary.documentCount) documents, " + counts.joined(separator: ", ") + rate
    }

    /// The input that `output` would overwrite, if any.
    private static func clashingInput(_ output: String, _ inputs: [String]) -> String? {
        guard let target = AtomicFile.canonicalPath(output) else { return nil }
        return inputs.first { AtomicFile.canonicalPath($0) == target }
    }

    private static func currentTime() -> Timestamp {
        let seconds = Date().timeIntervalSince1970
        return Timestamp(seconds: Int64(seconds.rounded(.down)), nanos: 0)!
    }
}
