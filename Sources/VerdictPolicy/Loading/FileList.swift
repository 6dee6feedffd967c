import Foundation
import VerdictLanguage
#if canImport(Glibc)
import Glibc
#endif

/// Lists of files to read, with each file read once however many ways it is named: a
/// directory and a file in it, the same path twice, or a path through a symbolic link.
public enum FileList {
    /// The canonical path of an existing file or directory (absolute, symbolic links and
    /// `.` and `..` resolved), or nil when it cannot be resolved.
    public static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `names` without those that name a file listed before them, compared by canonical
    /// path (by the name itself when it cannot be resolved). The first name is kept.
    public static func deduplicated(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert(canonicalPath($0) ?? $0).inserted }
    }

    /// Reads a file as UTF-8 text, or returns the diagnostic that says why it cannot be read.
    static func readText(_ path: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(id: "file-unreadable", message: "cannot read the file; check that it exists and is readable",
                                       span: .none, source: Source(text: "", name: path)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(id: "yaml-syntax", message: "the file is not valid UTF-8 text",
                                       span: .none, source: Source(text: "", name: path)))
        }
        return .success(text)
    }
}
