import Foundation
import VerdictLanguage

/// Reads the resource documents of inventories: files (a JSON array, newline-delimited
/// JSON, or documents one after another), directories searched recursively for `.json`,
/// `.ndjson` and `.jsonl` files (in any letter case, read in path order), and standard
/// input as `-`. Documents come out one at a time in inventory order, numbered from 0.
public final class InventoryReader {
    public enum Item: Sendable {
        case document(ResourceDocument)
        case problem(InventoryProblem)
    }

    private var pendingFiles: [(path: String, name: String)]
    private var current: InventoryFileReader?
    private var sequence = 0
    /// The files to read, in reading order, named as the documents' locations name them:
    /// a file inside a directory is the directory as given followed by its relative path,
    /// and standard input is `-`. A file named twice is listed (and read) twice.
    public let files: [String]

    /// Prepares to read `paths`; fails when a path does not exist.
    public init(paths: [String]) throws(InventoryOpenError) {
        var files: [(String, String)] = []
        for path in paths {
            files.append(contentsOf: try InventoryReader.files(at: path))
        }
        pendingFiles = files
        self.files = files.map { $0.0 == "-" ? "-" : $0.1 }
    }

    /// The extensions of the files read from directories, compared ignoring case.
    public static let fileExtensions = ["json", "ndjson", "jsonl"]

    /// The inventory files a path stands for; a directory without any is an error.
    static func files(at path: String) throws(InventoryOpenError) -> [(String, String)] {
        if path == "-" { return [("-", "<stdin>")] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InventoryOpenError(path: path, message: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [(path, path)] }
        let root = URL(fileURLWithPath: path)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw InventoryOpenError(path: path, message: "cannot list the directory")
        }
        var found: [String] = []
        for case let url as URL in enumerator where fileExtensions.contains(url.pathExtension.lowercased()) && !url.hasDirectoryPath {
            found.append(url.path)
        }
        if found.isEmpty {
            let listed = fileExtensions.map { ".\($0)" }.joined(separator: ", ")
            throw InventoryOpenError(path: path, message: "no inventory file (\(listed)) found in the directory")
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let shown = path.hasSuffix("/") ? path : path + "/"
        return found.sorted().map { ($0, $0.hasPrefix(prefix) ? shown + $0.dropFirst(prefix.count) : $0) }
    }

    /// The next document, parsed and checked, or problem; nil when every inventory has
    /// been read.
    public func next() -> Item? {
        while let item = nextRaw() {
            switch item {
            case .problem(let problem):
                return .problem(problem)
            case .document(let raw):
                switch raw.parse() {
                case .success(let document):
                    return .document(document)
                case .failure(let problem):
                    return .problem(problem)
                }
            }
        }
        return nil
    }

    /// A document's text or a problem, in inventory order.
    public enum RawItem: Sendable {
        case document(RawDocument)
        case problem(InventoryProblem)
    }

    /// The next document's text, numbered, or a problem reading the files; nil when every
    /// inventory has been read. The text is not parsed yet.
    public func nextRaw() -> RawItem? {
        while true {
            if current == nil {
                guard !pendingFiles.isEmpty else { return nil }
                let file = pendingFiles.removeFirst()
                do throws(InputError) {
                    current = try InventoryFileReader(path: file.path, name: file.name)
                } catch {
                    return .problem(InventoryProblem(location: InventoryLocation(file: file.name, line: 1, column: 1),
                                                     message: "cannot open the file: \(error.reason)"))
                }
            }
            let item: InventoryFileReader.Item?
            do throws(InputError) {
                item = try current!.next()
            } catch {
                let name = current!.name
                current = nil
                return .problem(InventoryProblem(location: InventoryLocation(file: name, line: 1, column: 1),
                                                 message: "reading the file failed: \(error.reason)"))
            }
            switch item {
            case nil:
                current = nil
            case .problem(let problem):
                return .problem(problem)
            case .document(var raw):
                raw.sequence = sequence
                sequence += 1
                return .document(raw)
            }
        }
    }

    /// Up to `limit` items in inventory order, for processing in parallel.
    public func nextBatch(limit: Int) -> [RawItem] {
        var batch: [RawItem] = []
        batch.reserveCapacity(limit)
        while batch.count < limit, let item = nextRaw() { batch.append(item) }
        return batch
    }
}

/// An inventory path that does not exist or cannot be listed.
public struct InventoryOpenError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public var description: String { "\(path): \(message)" }
}
