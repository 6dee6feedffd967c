import Glibc

/// Reads a file (or standard input) in large chunks, keeping only the bytes not yet
/// consumed, so that memory stays bounded by the largest document rather than the file.
final class ChunkedInput {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Bytes read; those before `position` are consumed and dropped at the next fill.
    private(set) var buffer: [UInt8] = []
    /// The index in `buffer` of the first byte not yet consumed.
    private(set) var position = 0
    /// The file offset of `buffer[0]`.
    private(set) var bufferStart = 0
    private(set) var atEndOfFile = false
    private let chunkSize: Int

    /// Opens a file; `-` is standard input.
    init(path: String, chunkSize: Int = 4 << 20) throws(InputError) {
        self.chunkSize = chunkSize
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw InputError(path: path, code: errno) }
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads one more chunk into the buffer; returns false at the end of the file.
    func fill() throws(InputError) -> Bool {
        guard !atEndOfFile else { return false }
        // Drop consumed bytes once per chunk rather than once per document.
        if position > 0 {
            buffer.removeSubrange(0..<position)
            bufferStart += position
            position = 0
        }
        var code: Int32 = 0
        // Read into uninitialized memory: zero-filling megabytes per chunk would cost more
        // than the read.
        let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { bytes, initialized in
            var result = 0
            repeat {
                result = read(descriptor, bytes.baseAddress!, chunkSize)
            } while result < 0 && errno == EINTR
            code = result < 0 ? errno : 0
            initialized = max(result, 0)
        }
        if code != 0 { throw InputError(path: nil, code: code) }
        if chunk.isEmpty {
            atEndOfFile = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// Calls `body` with the buffered bytes; indexes are buffer indexes, as `position`.
    @inline(__always)
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try buffer.withUnsafeBufferPointer(body)
    }

    /// The index of the first `byte` at or after `start`, or nil when the buffer has none.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            guard start < bytes.count, let base = bytes.baseAddress else { return nil }
            guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Marks `count` more bytes as consumed.
    func consume(_ count: Int) {
        position += count
    }

    /// The bytes not yet consumed.
    var unconsumedCount: Int { buffer.count - position }
}

/// A file that could not be opened or read.
struct InputError: Error {
    let path: String?
    let code: Int32

    var reason: String {
        String(cString: strerror(code))
    }
}
