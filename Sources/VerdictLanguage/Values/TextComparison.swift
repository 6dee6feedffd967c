/// String comparison by Unicode code points, as CEL defines it.
///
/// Swift's `==` and `<` on `String` use canonical equivalence, under which a precomposed
/// "é" equals "e" followed by a combining accent. CEL compares code points, and UTF-8 byte
/// order is code point order, so these helpers compare the UTF-8 bytes.
enum TextComparison {
    @inline(__always)
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        // Native strings expose their bytes; equal lengths make a byte comparison enough.
        if let result = lhs.utf8.withContiguousStorageIfAvailable({ left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                left.count == 0 || memoryEqual(left, right)
            }
        }), let result {
            return result
        }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    static func less(_ lhs: String, _ rhs: String) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Returns a negative number, zero or a positive number as `lhs` orders before, equal
    /// to or after `rhs`.
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                for index in 0..<common where left[index] != right[index] {
                    return left[index] < right[index] ? -1 : 1
                }
                return left.count - right.count
            }
        }
    }

    private static func memoryEqual(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<left.count where left[index] != right[index] {
            return false
        }
        return true
    }

    /// The UTF-8 byte offset of the first occurrence of `needle` in `haystack`, or nil.
    static func firstIndex(of needle: String, in haystack: String, from start: Int = 0) -> Int? {
        let needleBytes = Array(needle.utf8)
        var haystack = haystack
        return haystack.withUTF8 { bytes -> Int? in
            if needleBytes.isEmpty { return min(start, bytes.count) }
            guard bytes.count >= needleBytes.count, start <= bytes.count - needleBytes.count else { return nil }
            let first = needleBytes[0]
            var index = start
            while index <= bytes.count - needleBytes.count {
                if bytes[index] == first {
                    var matched = true
                    for offset in 1..<needleBytes.count where bytes[index + offset] != needleBytes[offset] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }
    }

    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.count >= prefix.utf8.count && text.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.reversed().starts(with: suffix.utf8.reversed())
    }
}

/// A string key that hashes and compares by code points (see `TextComparison`).
public struct ExactString: Hashable, Sendable {
    public let text: String

    public static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        TextComparison.equal(lhs.text, rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
