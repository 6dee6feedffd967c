import Glibc
import VerdictPolicy

/// The files a `verdict check` run reads (policies, packs, resource schemas, the
/// parameters file, inventories, standard input), so that `--output` never replaces one
/// of them with the report.
struct InputFiles {
    /// Inputs as messages name them, in the order they are compared.
    private var names: [String] = []
    private var readsStandardInput = false

    /// Adds inputs; `-` stands for standard input.
    mutating func add(_ inputs: [String]) {
        for input in inputs {
            if input == "-" { readsStandardInput = true } else { names.append(input) }
        }
    }

    /// The input that writing the report to `output` would replace, if any: an input that
    /// is the same file as `output` (the same device and inode, which also catches hard
    /// links) or has the same canonical path (symbolic links resolved); for an output that
    /// does not exist yet, the canonical path of its directory followed by its name.
    /// Standard input clashes when it is a regular file. A FIFO or character device is
    /// written in place, not replaced, so it clashes with nothing.
    func clash(with output: String) -> String? {
        var status = stat()
        let exists = stat(output, &status) == 0
        let outputIdentity = exists ? FileIdentity(status) : nil
        if let outputIdentity, ![S_IFREG, S_IFDIR].contains(outputIdentity.type) { return nil }
        let outputPath = exists ? FileList.canonicalPath(output) : InputFiles.canonicalLocation(ofNew: output)
        if readsStandardInput, let outputIdentity, fstat(0, &status) == 0, status.st_mode & S_IFMT == S_IFREG, FileIdentity(status) == outputIdentity {
            return "standard input"
        }
        return names.first { name in
            if let outputIdentity, stat(name, &status) == 0, FileIdentity(status) == outputIdentity { return true }
            if let outputPath, FileList.canonicalPath(name) == outputPath { return true }
            return false
        }
    }

    /// Where a file that does not exist yet would be: its directory's canonical path and
    /// its name; nil when the directory does not exist either.
    static func canonicalLocation(ofNew path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != "..", let canonical = FileList.canonicalPath(directory) else { return nil }
        return canonical == "/" ? "/" + name : canonical + "/" + name
    }

    /// The identity of a file, whatever path reaches it.
    private struct FileIdentity: Equatable {
        let device: UInt64
        let inode: UInt64
        let type: mode_t

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            type = status.st_mode & S_IFMT
        }
    }
}
