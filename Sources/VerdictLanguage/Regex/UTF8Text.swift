/// Reading Unicode scalars out of the UTF-8 bytes of a Swift `String`.
///
/// The functions trust their input to be valid UTF-8, which every `String` is, and do
/// no validation of their own.
enum UTF8Text {
    /// Decodes the scalar that starts at `index`. Returns its value and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
            return (lead, 1)
        }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | continuation(bytes, index + 1), 2)
        }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | continuation(bytes, index + 1) << 6 | continuation(bytes, index + 2), 3)
        }
        let value = (lead & 0x07) << 18 | continuation(bytes, index + 1) << 12
            | continuation(bytes, index + 2) << 6 | continuation(bytes, index + 3)
        return (value, 4)
    }

    /// Decodes the scalar that ends just before `index`, or returns nil at offset 0.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> UInt32? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 {
            start -= 1
        }
        return scalar(in: bytes, at: start).value
    }

    /// Returns the offset of the first occurrence of `needle` at or after `start`, or nil.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        let lastStart = bytes.count - needle.count
        var candidate = start
        while candidate <= lastStart {
            if bytes[candidate] == first {
                var matched = 1
                while matched < needle.count, bytes[candidate + matched] == needle[matched] {
                    matched += 1
                }
                if matched == needle.count { return candidate }
            }
            candidate += 1
        }
        return nil
    }

    @inline(__always)
    private static func continuation(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        UInt32(bytes[index] & 0x3F)
    }
}
