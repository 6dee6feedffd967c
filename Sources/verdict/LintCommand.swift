import Foundation
import VerdictEngine
import VerdictLanguage
import VerdictPolicy

/// `verdict lint`: checks policy, pack, schema and parameter files for mistakes before
/// they run.
enum LintCommand {
    static let options = [
        OptionSpec(name: "--schemas", valueName: "PATH", help: "Resource schema files or directories, instead of the shipped schemas/ (not added to them). Repeatable.",
                   repeatable: true, expects: "a resource schema file or directory"),
        OptionSpec(name: "--params", valueName: "FILE", help: "Also check a parameters file for verdict check --params. Repeatable.", repeatable: true,
                   expects: "a parameters file"),
        OptionSpec(name: "--format", valueName: "FORMAT", help: "Output format: text or json (default: text).", expects: "text or json"),
        OptionSpec(name: "--warnings-as-errors", valueName: nil, help: "Treat warnings as errors, for the exit status too."),
        OptionSpec(name: "--list-checks", valueName: nil, help: "List every check with its id, severity and description, and exit."),
        OptionSpec(name: "--quiet", valueName: nil, help: "Print no summary on standard error."),
        OptionSpec(name: "--help", valueName: nil, help: "Show this help."),
    ]

    static var help: String {
        """
        usage: verdict lint [OPTIONS] [PATH...]

        Checks policy, pack and resource schema files (default: the shipped policies/ and
        schemas/) and prints every problem as FILE:LINE:COLUMN: SEVERITY: message [id],
        with the source line and a caret. Directories are searched recursively for .yaml
        and .yml files, in any letter case; a file named twice (or also through its
        directory) is read once. --schemas replaces the shipped schemas/ rather than
        adding to them. docs/lint.md describes each check.

        Options:
        \(ArgumentParser.help(options))

        Exit status: 0 no errors, 1 errors found (or warnings, with --warnings-as-errors),
        64 bad command line, 66 a named path does not exist or holds no policy file (no
        resource schema, for --schemas), 73 the findings cannot be written.
        """
    }

    static func run(_ arguments: [String]) -> ExitCode {
        let parsed: ParsedArguments
        switch CommandStart.parse(arguments, options: options, help: help) {
        case .run(let arguments): parsed = arguments
        case .finished(let code): return code
        }
        let format = parsed.value("--format") ?? "text"
        guard ["text", "json"].contains(format) else {
            Console.fail("unknown format '\(format)'; choose text or json")
            return .usage
        }
        if parsed.flag("--list-checks") {
            Console.output(listChecks(format: format))
            return .success
        }

        var paths = parsed.positionals
        if paths.isEmpty {
            guard let shipped = ShippedFiles.locate(ShippedFiles.policiesDirectory) else {
                Console.fail("name the policy files or directories to check (no policies/ directory found in \(ShippedFiles.searchedPlaces()))")
                return .usage
            }
            paths = [shipped]
        }
        for path in paths + parsed.all("--params") where path != "-" && !FileManager.default.fileExists(atPath: path) {
            Console.fail("\(path): no such file or directory")
            return .noInput
        }
        for path in paths where PolicyCatalog.policyFiles(at: path).isEmpty {
            Console.fail("no policy file (\(PolicyCatalog.fileExtensions.map { ".\($0)" }.joined(separator: ", "))) found in \(path)")
            return .noInput
        }
        let givenSchemas = parsed.all("--schemas")
        if let code = PolicySelection.checkSchemaPaths(givenSchemas) { return code }
        if !givenSchemas.isEmpty, let code = PolicySelection.checkSchemasFound(ResourceSchemaSet.load(paths: givenSchemas), given: givenSchemas) {
            return code
        }
        let schemaPaths = ShippedFiles.schemaPaths(given: givenSchemas, quiet: false)

        // Each file is read once, however often and however it is named: a file and its
        // directory, a path given twice, a schema file among the policy paths.
        let policyFiles = PolicyCatalog.policyFiles(at: paths)
        let extraSchemas = Array(FileList.deduplicated(policyFiles + PolicyCatalog.policyFiles(at: schemaPaths)).dropFirst(policyFiles.count))
        let parameterFiles = FileList.deduplicated(parsed.all("--params"))
        // The summary counts the files the user named (or, without paths, the shipped
        // policies and schemas), not the shipped schemas read for type information.
        var userFiles = policyFiles
        if !givenSchemas.isEmpty || parsed.positionals.isEmpty { userFiles += extraSchemas }
        let fileCount = userFiles.count + parameterFiles.flatMap { PolicyCatalog.policyFiles(at: $0) }.count
        let report = Linter.lint(paths: policyFiles + extraSchemas, parameterPaths: parameterFiles)
        var diagnostics = report.diagnostics
        if parsed.flag("--warnings-as-errors") {
            diagnostics = diagnostics.map { diagnostic in
                var promoted = diagnostic
                if promoted.severity == .warning { promoted.severity = .error }
                return promoted
            }
        }

        if format == "json" {
            Console.output(JSONWriter.string(.list(diagnostics.map(json)), pretty: true) + "\n")
        } else {
            let useColor = Console.usesColor(nil, descriptor: 1)
            for diagnostic in diagnostics { Console.output(render(diagnostic, color: useColor) + "\n") }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if !parsed.flag("--quiet") {
            Console.note("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(fileCount) file\(fileCount == 1 ? "" : "s")")
        }
        return errors > 0 ? .violations : .success
    }

    private static func render(_ diagnostic: Diagnostic, color: Bool) -> String {
        let text = diagnostic.rendered()
        guard color else { return text }
        let code = diagnostic.severity == .error ? "31" : "33"
        let marker = " \(diagnostic.severity.rawValue): "
        return text.replacingOccurrences(of: marker, with: " \u{1B}[\(code)m\(diagnostic.severity.rawValue)\u{1B}[0m: ", options: [], range: text.range(of: marker))
    }

    static func json(_ diagnostic: Diagnostic) -> Value {
        let start = diagnostic.location
        let end = diagnostic.source.location(of: diagnostic.span.end)
        return .object([
            ("file", .string(diagnostic.source.name)),
            ("line", .int(Int64(start.line))), ("column", .int(Int64(start.column))),
            ("endLine", .int(Int64(end.line))), ("endColumn", .int(Int64(end.column))),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("id", .string(diagnostic.id)),
            ("message", .string(diagnostic.message)),
        ])
    }

    private static func listChecks(format: String) -> String {
        if format == "json" {
            return JSONWriter.string(.list(LintCatalog.checks.map {
                .object([("id", .string($0.id)), ("severity", .string($0.severity.rawValue)), ("summary", .string($0.summary))])
            }), pretty: true) + "\n"
        }
        let width = (LintCatalog.checks.map(\.id.count).max() ?? 0) + 2
        return LintCatalog.checks.map {
            $0.id.padding(toLength: width, withPad: " ", startingAt: 0) + $0.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + $0.summary
        }.joined(separator: "\n") + "\n"
    }
}
