import Glibc

/// Reads a file (or standard input) in large chunks into one reusable buffer, keeping
/// only the bytes not yet consumed, so that memory stays bounded by the largest document
/// rather than the file, and reading allocates nothing per chunk.
final class ChunkedInput {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let chunkSize: Int
    /// Raw memory holding `count` read bytes; those before `position` are consumed and
    /// dropped at the next fill.
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 0
    /// The index of the first byte not yet consumed.
    private(set) var position = 0
    /// The file offset of the first buffered byte.
    private(set) var bufferStart = 0
    private(set) var atEndOfFile = false

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
        capacity = chunkSize * 2
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads one more chunk; returns false at the end of the file.
    func fill() throws(InputError) -> Bool {
        guard !atEndOfFile else { return false }
        // Drop consumed bytes once per chunk rather than once per document.
        if position > 0 {
            memmove(storage, storage + position, count - position)
            count -= position
            bufferStart += position
            position = 0
        }
        if capacity - count < chunkSize {
            // A document longer than the buffer: grow it.
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            grown.copyMemory(from: storage, byteCount: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        var result = 0
        repeat {
            result = read(descriptor, storage + count, chunkSize)
        } while result < 0 && errno == EINTR
        if result < 0 { throw InputError(path: nil, code: errno) }
        if result == 0 {
            atEndOfFile = true
            return false
        }
        count += result
        return true
    }

    /// The buffered bytes; indexes are buffer indexes, as `position`.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Calls `body` with the buffered bytes.
    @inline(__always)
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(bytes)
    }

    /// The index of the first `byte` at or after `start`, or nil when the buffer has none.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let found = memchr(storage + start, Int32(byte), count - start) else { return nil }
        return storage.distance(to: found)
    }

    /// Marks `count` more bytes as consumed.
    func consume(_ count: Int) {
        position += count
    }

    /// The bytes not yet consumed.
    var unconsumedCount: Int { count - position }
}

/// A file that could not be opened or read.
struct InputError: Error {
    let path: String?
    let code: Int32

    var reason: String {
        String(cString: strerror(code))
    }
}
