import Foundation
import VerdictLanguage

/// The policies and packs found in files and directories, with every problem found while
/// loading them, including problems across files (duplicate ids, packs naming unknown
/// rules).
public struct PolicyCatalog: Sendable {
    /// The policies that loaded without errors, the only ones to evaluate.
    public private(set) var policies: [Policy] = []
    /// Policies from files with structure errors, built with placeholders so that lint can
    /// check their conditions too; see `Policy.isValid`.
    private(set) var invalidPolicies: [Policy] = []
    public private(set) var packs: [Pack] = []
    public private(set) var diagnostics: [Diagnostic] = []
    /// The files read, in the order read.
    public private(set) var files: [String] = []

    public init() {}

    /// Loads policy and pack files. Directories are searched recursively for `.yaml` and
    /// `.yml` files (in any letter case), in name order so that results do not depend on
    /// the file system. A file named more than once (twice, or on its own and through its
    /// directory) is read once, where it is first named.
    public static func load(paths: [String]) -> PolicyCatalog {
        var catalog = PolicyCatalog()
        for file in PolicyCatalog.yamlFiles(at: paths, diagnostics: &catalog.diagnostics) {
            catalog.loadFile(file)
        }
        catalog.checkAcrossFiles()
        return catalog
    }

    /// Loads one file's text; `name` is shown in diagnostics. Returns the parsed document,
    /// so that a caller that also reads other kinds of file does not parse it again.
    @discardableResult
    public mutating func loadText(_ text: String, name: String) -> YAMLDocument? {
        files.append(name)
        guard let document = YAMLLoader.load(text: text, name: name, reportingTo: &diagnostics) else { return nil }
        load(document)
        return document
    }

    /// Adds the policy or pack of a parsed file.
    private mutating func load(_ document: YAMLDocument) {
        guard let root = document.root else {
            diagnostics.append(Diagnostic(id: "policy-missing-key", message: "the file is empty; a policy file starts with 'kind: Policy'",
                                          span: .none, source: document.source))
            return
        }
        switch FileKind.read(root, source: document.source, diagnostics: &diagnostics) {
        case .policy:
            var parser = PolicyParser(source: document.source)
            if let policy = parser.parse(root) {
                if policy.isValid { policies.append(policy) } else { invalidPolicies.append(policy) }
            }
            diagnostics.append(contentsOf: parser.diagnostics)
        case .pack:
            var parser = PackParser(source: document.source)
            if let pack = parser.parse(root) { packs.append(pack) }
            diagnostics.append(contentsOf: parser.diagnostics)
        case .resourceSchema:
            // Resource schemas may sit among policies; ResourceSchemaSet reads them.
            break
        case nil:
            break
        }
    }

    private mutating func loadFile(_ path: String) {
        switch FileList.readText(path) {
        case .success(let text): loadText(text, name: path)
        case .failure(let problem): diagnostics.append(problem)
        }
    }

    /// The extensions of the files read from directories, compared ignoring case.
    public static let fileExtensions = ["yaml", "yml"]

    /// The files `load(paths:)` reads for a path: the path itself when it is a file, the
    /// `.yaml` and `.yml` files under it when it is a directory; empty when it does not exist.
    public static func policyFiles(at path: String) -> [String] {
        var ignored: [Diagnostic] = []
        return yamlFiles(at: path, diagnostics: &ignored)
    }

    /// The files `load(paths:)` reads for several paths, in order, each file once (see
    /// `FileList.deduplicated`); a path that does not exist contributes nothing.
    public static func policyFiles(at paths: [String]) -> [String] {
        var ignored: [Diagnostic] = []
        return yamlFiles(at: paths, diagnostics: &ignored)
    }

    static func yamlFiles(at paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        FileList.deduplicated(paths.flatMap { yamlFiles(at: $0, diagnostics: &diagnostics) })
    }

    static func yamlFiles(at path: String, diagnostics: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.append(Diagnostic(id: "file-unreadable", message: "no such file or directory",
                                          span: .none, source: Source(text: "", name: path)))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let root = URL(fileURLWithPath: path)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator where fileExtensions.contains(url.pathExtension.lowercased()) && !url.hasDirectoryPath {
            files.append(url.path)
        }
        // Show paths as the user gave them, relative to the directory they named.
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let shown = path.hasSuffix("/") ? path : path + "/"
        return files.sorted().map { $0.hasPrefix(prefix) ? shown + $0.dropFirst(prefix.count) : $0 }
    }

    // MARK: - Across files

    /// Reports problems across files: repeated rule ids (the later policy is dropped) and
    /// packs that name unknown rules. `load(paths:)` does this; call it once after adding
    /// files with `loadText`.
    public mutating func checkAcrossFiles() {
        var firstByID: [String: Policy] = [:]
        var unique: [Policy] = []
        for policy in policies {
            if let first = firstByID[policy.id] {
                let location = first.file.location(of: first.idSpan.start)
                diagnostics.append(Diagnostic(id: "policy-duplicate-id",
                    message: "rule id '\(policy.id)' is already used by \(first.file.name):\(location.line); rule ids must be unique",
                    span: policy.idSpan, source: policy.file))
                continue
            }
            firstByID[policy.id] = policy
            unique.append(policy)
        }
        policies = unique

        let ids = policies.map(\.id)
        // A rule whose file has errors is reported there; a pack that lists it is not wrong.
        let invalidIDs = Set(invalidPolicies.map(\.id))
        for pack in packs {
            for (ruleID, span) in zip(pack.ruleIDs, pack.ruleSpans) where firstByID[ruleID] == nil && !invalidIDs.contains(ruleID) {
                diagnostics.append(Diagnostic(id: "pack-unknown-rule",
                    message: "pack '\(pack.id)' lists rule '\(ruleID)', which no policy file defines\(Suggestions.phrase(for: ruleID, in: ids))",
                    span: span, source: pack.file))
            }
        }
    }

    public func policy(id: String) -> Policy? {
        policies.first { $0.id == id }
    }

    public func pack(id: String) -> Pack? {
        packs.first { $0.id == id }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
