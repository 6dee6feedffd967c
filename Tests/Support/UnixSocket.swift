import Glibc

/// A Unix domain socket bound at a path, for tests of how file writers treat a path
/// that is not a regular file. The descriptor closes when the value is dropped.
public final class UnixSocket {
    public let path: String
    private let descriptor: Int32

    /// Binds a socket at `path`; nil when the system refuses, for example because the
    /// path is longer than a socket address holds.
    public init?(path: String) {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let fits = withUnsafeMutableBytes(of: &address.sun_path) { raw -> Bool in
            guard path.utf8.count < raw.count else { return false }
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
            return true
        }
        let bound = fits && withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
        guard bound else {
            close(descriptor)
            return nil
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
