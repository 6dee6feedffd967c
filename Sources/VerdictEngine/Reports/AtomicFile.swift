import Glibc

/// Writes files so that a reader sees either the old file or the whole new one, never a
/// part: the bytes go to a temporary file in the same directory, are flushed to disk, and
/// the temporary file is renamed over the target.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let baseName = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(baseName).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, code: errno) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw OutputError(path: path, code: code)
            }
            written += result
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let code = errno
            unlink(temporary)
            throw OutputError(path: path, code: code)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw OutputError(path: path, code: code)
        }
    }

    /// The canonical path of an existing file, for telling whether two paths name one file.
    public static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A report that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let code: Int32

    public var description: String {
        "cannot write \(path): \(String(cString: strerror(code)))"
    }
}
