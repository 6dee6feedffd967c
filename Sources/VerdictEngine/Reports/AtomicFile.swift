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
///
/// What is at the path decides how it is written:
/// - nothing: a new file, created with the permissions `umask` allows (as by a shell's `>`);
/// - a regular file: replaced as above, keeping its permission bits, and its owner and
///   group where the process may set them;
/// - a symbolic link: followed (through any chain of links, even to a file that does not
///   exist yet), and the file it points to is written as above, in that file's directory,
///   so the link stays;
/// - a FIFO or a character device (a terminal, `/dev/null`): opened and written directly,
///   the only way such a file can be written, so a reader may see part of the output;
/// - a directory, socket or block device: refused.
public final class AtomicFileWriter {
    private let path: String
    /// The file written: `path` with symbolic links followed.
    private let target: String
    /// The temporary file, or nil when writing to `target` directly.
    private let temporary: String?
    private var descriptor: Int32
    private var committed = false

    public init(path: String) throws(OutputError) {
        self.path = path
        // stat follows symbolic links, including the /proc/self/fd links behind
        // /dev/stdout, which name pipes and terminals that no path reaches.
        var status = stat()
        let target: String
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                target = AtomicFile.canonicalPath(path) ?? path
            case S_IFIFO, S_IFCHR:
                self.target = path
                temporary = nil
                // No O_TRUNC: a FIFO or device has nothing to truncate, and opening a FIFO
                // waits for its reader, as a shell's redirection does.
                descriptor = AtomicFileWriter.openRetrying(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard descriptor >= 0 else { throw OutputError(path: path, code: errno) }
                return
            case S_IFDIR:
                throw OutputError(path: path, message: "it is a directory; name a file to write the report to")
            case S_IFSOCK:
                throw OutputError(path: path, message: "it is a socket, which cannot be written as a file; name a file, a FIFO or a terminal")
            default:
                throw OutputError(path: path, message: "it is a block device or another special file that is not replaced; name a regular file, a FIFO or a terminal")
            }
        } else if errno == ENOENT {
            // A new file, or a symbolic link to a file that does not exist yet.
            target = try AtomicFileWriter.followLinks(path)
        } else {
            throw OutputError(path: path, code: errno)
        }
        self.target = target

        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let baseName = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let temporary = directory + ".\(baseName).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        self.temporary = temporary
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputError(path: path, code: errno) }
        if status.st_mode & S_IFMT == S_IFREG {
            keepOwnerAndMode(of: status)
        }
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            if let temporary { unlink(temporary) }
        }
    }

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        if let code = FileDescriptorOutput.writeAll(bytes, to: descriptor) {
            throw OutputError(path: path, code: code)
        }
    }

    /// Flushes the file to disk and moves it into place; for a FIFO or device, closes it.
    public func commit() throws(OutputError) {
        let descriptor = self.descriptor
        self.descriptor = -1
        guard let temporary else {
            committed = true
            if close(descriptor) != 0, errno != EINTR { throw OutputError(path: path, code: errno) }
            return
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            throw OutputError(path: path, code: code)
        }
        if close(descriptor) != 0 { throw OutputError(path: path, code: errno) }
        if rename(temporary, target) != 0 { throw OutputError(path: path, code: errno) }
        committed = true
    }

    /// Gives the temporary file the owner, group and permission bits of the file it
    /// replaces, as far as the process may: setting another owner needs privileges, and a
    /// group needs membership. Set-id bits are kept only with the owner and group.
    private func keepOwnerAndMode(of original: stat) {
        var mode = original.st_mode & 0o7777
        if original.st_uid != geteuid() || original.st_gid != getegid() {
            if fchown(descriptor, original.st_uid, original.st_gid) != 0 {
                mode &= 0o777
                _ = fchown(descriptor, uid_t.max, original.st_gid)
            }
        }
        _ = fchmod(descriptor, mode)
    }

    /// `path` with symbolic links followed, to a path that is not a link (and may not exist).
    private static func followLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw OutputError(path: path, code: errno) }
            let destination = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if destination.hasPrefix("/") {
                current = destination
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + destination
            } else {
                current = destination
            }
        }
        throw OutputError(path: path, code: ELOOP)
    }

    private static func openRetrying(_ path: String, _ flags: Int32) -> Int32 {
        while true {
            let descriptor = open(path, flags)
            if descriptor >= 0 || errno != EINTR { return descriptor }
        }
    }
}

/// A report that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let code: Int32
    /// Why, when it is not an errno value's description.
    public let message: String?

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
        message = nil
    }

    public init(path: String, message: String) {
        self.path = path
        code = 0
        self.message = message
    }

    public var description: String {
        "cannot write \(path): \(message ?? String(cString: strerror(code)))"
    }
}

/// Writing to a file descriptor, for report files and for standard output.
public enum FileDescriptorOutput {
    /// Writes all of `bytes`, retrying after short writes and interruptions; returns the
    /// errno of a failed write, or nil.
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += result
        }
        return nil
    }
}
