import Foundation
import VerdictLanguage

/// Finds the mistakes in policy, pack, schema and parameter files before they run.
/// Besides everything loading reports (YAML, structure, parameter types, duplicate ids,
/// packs naming unknown rules), it reports syntax and type errors in conditions, field
/// paths that the resource type's schema does not have, comparisons with values of the
/// wrong type, misspelled resource types, and test documents of a type the rule does not
/// evaluate. It warns about unused parameters and unlistedFields entries, conditions that
/// do not read the resource, test document fields that the schemas do not list, and
/// resource types without a schema.
public enum Linter {
    /// A file's name, as diagnostics show it, and its text.
    public typealias File = (name: String, text: String)

    /// Lints files of any kind (policies, packs and resource schemas, told apart by their
    /// `kind`) and parameter files for `--params`. Diagnostics come in file order.
    public static func lint(files: [File], parameterFiles: [File] = []) -> [Diagnostic] {
        var catalog = PolicyCatalog()
        var schemas = ResourceSchemaSet()
        for file in files {
            // Each file is parsed once, and its YAML errors are reported once, by the catalog.
            if let document = catalog.loadText(file.text, name: file.name) {
                schemas.load(document)
            }
        }
        // A policy whose id repeats an earlier one is dropped by checkAcrossFiles, but its
        // conditions still need checking: otherwise the duplicate-id error hides them. So do
        // those of policies with structure errors.
        let loadedPolicies = catalog.policies + catalog.invalidPolicies
        catalog.checkAcrossFiles()
        var diagnostics = catalog.diagnostics + schemas.diagnostics
        for policy in loadedPolicies {
            diagnostics.append(contentsOf: PolicyLinter(policy: policy, schemas: schemas, checksTestDocuments: true).lint())
        }
        var overrides = ParameterOverrides()
        for file in parameterFiles {
            overrides.addFile(text: file.text, name: file.name, policies: catalog.policies)
        }
        diagnostics.append(contentsOf: overrides.diagnostics)
        return ordered(deduplicated(diagnostics), fileOrder: files.map(\.name) + parameterFiles.map(\.name))
    }

    /// What reading paths produced: the diagnostics, and how many files were read.
    public struct Report: Sendable {
        public let diagnostics: [Diagnostic]
        public let fileCount: Int
    }

    /// Lints the files under `paths` (directories are searched for `.yaml` and `.yml`),
    /// reporting paths that cannot be read.
    public static func lint(paths: [String], parameterPaths: [String] = []) -> Report {
        var unreadable: [Diagnostic] = []
        let files = read(paths, &unreadable)
        let parameterFiles = read(parameterPaths, &unreadable)
        return Report(diagnostics: unreadable + lint(files: files, parameterFiles: parameterFiles), fileCount: files.count + parameterFiles.count)
    }

    private static func read(_ paths: [String], _ diagnostics: inout [Diagnostic]) -> [File] {
        var files: [File] = []
        for path in paths {
            for name in PolicyCatalog.yamlFiles(at: path, diagnostics: &diagnostics) {
                switch FileList.readText(name) {
                case .success(let text): files.append((name, text))
                case .failure(let problem): diagnostics.append(problem)
                }
            }
        }
        return files
    }

    /// Checks one policy's scope and conditions against resource schemas (resource types,
    /// field paths, types, literal patterns, unused parameters), and with `includingTests`
    /// the documents of its test cases. `verdict check` runs these checks before
    /// evaluating. It leaves out the test cases, because they do not change its results.
    /// `verdict test` runs them with the test cases before running a rule's tests.
    public static func checkPolicy(_ policy: Policy, schemas: ResourceSchemaSet, includingTests: Bool = false) -> [Diagnostic] {
        deduplicated(PolicyLinter(policy: policy, schemas: schemas, checksTestDocuments: includingTests).lint())
    }

    private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { seen.insert("\($0.source.name)|\($0.span.start)|\($0.id)|\($0.message)").inserted }
    }

    private static func ordered(_ diagnostics: [Diagnostic], fileOrder: [String]) -> [Diagnostic] {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return diagnostics.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            let fileA = rank[a.source.name] ?? Int.max
            let fileB = rank[b.source.name] ?? Int.max
            if fileA != fileB { return fileA < fileB }
            let offsetA = a.source.fileOffset(a.span.start)
            let offsetB = b.source.fileOffset(b.span.start)
            if offsetA != offsetB { return offsetA < offsetB }
            return left.offset < right.offset
        }.map(\.element)
    }
}
