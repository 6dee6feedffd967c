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
        let oldCount = buffer.count
        buffer.reserveCapacity(oldCount + chunkSize)
        var readCount = 0
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        repeat {
            readCount = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + oldCount, chunkSize)
            }
        } while readCount < 0 && errno == EINTR
        if readCount < 0 {
            buffer.removeLast(chunkSize)
            throw InputError(path: nil, code: errno)
        }
        buffer.removeLast(chunkSize - readCount)
        if readCount == 0 { atEndOfFile = true }
        return readCount > 0
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
