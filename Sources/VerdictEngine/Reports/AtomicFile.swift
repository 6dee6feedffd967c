import Glibc

/// Writes files so that a reader sees either the old file or the whole new one, never a
/// part: the bytes go to a temporary file in the same directory, are flushed to disk, and
/// the temporary file is renamed over the target.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(bytes)
        try writer.commit()
    }

    /// The canonical path of an existing file, for telling whether two paths name one file.
    public static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file written in pieces that appears at its path, whole, only when committed: the
/// pieces go to a temporary file in the same directory, which `commit` flushes to disk
/// and renames over the target. A writer dropped without a commit removes the temporary
/// file and leaves the target as it was.
public final class AtomicFileWriter {
    private let path: String
    private let temporary: String
    private var descriptor: Int32
    private var committed = false

    public init(path: String) throws(OutputError) {
        self.path = path
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let baseName = path.split(separator: "/").last.map(String.init) ?? path
        temporary = (directory.isEmpty ? "" : directory + "/") + ".\(baseName).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, code: errno) }
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
        }
    }

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, code: errno)
            }
            written += result
        }
    }

    /// Flushes the file to disk and moves it into place.
    public func commit() throws(OutputError) {
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            descriptor = -1
            throw OutputError(path: path, code: errno)
        }
        descriptor = -1
        if rename(temporary, path) != 0 { throw OutputError(path: path, code: errno) }
        committed = true
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
