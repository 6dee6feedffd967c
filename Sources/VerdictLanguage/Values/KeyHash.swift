/// A 32-bit FNV-1a hash of a string's UTF-8 bytes. Maps keep one per key so that a
/// lookup compares small integers before it compares text, and field selections compute
/// the hash of their constant field name once, when planning.
public struct KeyHash: Hashable, Sendable {
    public let value: UInt32

    @inline(__always)
    public init(_ text: String) {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        value = hash
    }

    @inline(__always)
    init(bytes: UnsafeRawBufferPointer) {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        value = hash
    }

    init(value: UInt32) {
        self.value = value
    }

    /// The hash stored for keys that are not strings; a string may share it, which only
    /// costs a text comparison.
    static let nonString = KeyHash(value: 0)
}
