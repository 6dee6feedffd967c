/// An immutable map that keeps its keys in insertion order, so that iteration and
/// printing are deterministic. JSON objects keep the order of their document.
///
/// Keys are `int`, `uint`, `bool` or `string`. An `int` and a `uint` with the same
/// numeric value are the same key, as CEL's heterogeneous equality requires, and a
/// `double` with an integral value finds them too.
public final class MapValue: Sendable {
    public let keys: [Value]
    public let values: [Value]
    /// The hash of each string key (see `KeyHash`), which lookups compare first.
    private let keyHashes: [KeyHash]
    /// Index from key to position, only for maps too large to scan.
    private let index: [MapKey: Int]?

    /// Maps up to this size are searched by scanning their key hashes, which costs less
    /// than building and probing a dictionary for the small objects of typical documents.
    private static let indexThreshold = 64

    /// Creates a map; fails with the first duplicate or unsupported key.
    public init(keys: [Value], values: [Value]) throws(MapKeyError) {
        precondition(keys.count == values.count)
        var index: [MapKey: Int] = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            if case .double = key { throw .unsupportedKey(.double) }
            guard let mapKey = MapKey(key) else { throw .unsupportedKey(key.type) }
            if index.updateValue(position, forKey: mapKey) != nil { throw .duplicateKey(key) }
        }
        self.keys = keys
        self.values = values
        self.keyHashes = keys.map(MapValue.hash)
        self.index = keys.count > MapValue.indexThreshold ? index : nil
    }

    /// Creates a map with string keys. A repeated key keeps its last value, as JSON
    /// readers commonly do; the JSON reader rejects duplicates before this point.
    public init(stringKeyed entries: [(String, Value)]) {
        var keys: [Value] = []
        var values: [Value] = []
        var hashes: [KeyHash] = []
        keys.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        hashes.reserveCapacity(entries.count)
        for (key, value) in entries {
            let hash = KeyHash(key)
            if let existing = MapValue.position(of: key, hash: hash, keys: keys, hashes: hashes) {
                values[existing] = value
                continue
            }
            keys.append(.string(key))
            values.append(value)
            hashes.append(hash)
        }
        self.keys = keys
        self.values = values
        self.keyHashes = hashes
        self.index = MapValue.makeIndex(keys)
    }

    /// Creates a map whose string keys the caller has already checked to be unique, with
    /// their hashes, as the JSON reader computes them while parsing.
    init(uniqueStringKeys keys: [Value], values: [Value], hashes: [KeyHash]) {
        self.keys = keys
        self.values = values
        self.keyHashes = hashes
        self.index = MapValue.makeIndex(keys)
    }

    private static func makeIndex(_ keys: [Value]) -> [MapKey: Int]? {
        guard keys.count > indexThreshold else { return nil }
        var index: [MapKey: Int] = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            if let mapKey = MapKey(key) { index[mapKey] = position }
        }
        return index
    }

    private static func hash(_ key: Value) -> KeyHash {
        if case .string(let text) = key { return KeyHash(text) }
        return .nonString
    }

    private static func position(of key: String, hash: KeyHash, keys: [Value], hashes: [KeyHash]) -> Int? {
        for position in 0..<hashes.count where hashes[position] == hash {
            if case .string(let candidate) = keys[position], TextComparison.equal(candidate, key) { return position }
        }
        return nil
    }

    public static let empty = MapValue(stringKeyed: [])

    public var count: Int { keys.count }

    /// The value for a string key, without building a `Value` for the key.
    public func value(forKey key: String) -> Value? {
        value(forKey: key, hash: KeyHash(key))
    }

    /// The value for a string key whose hash the caller computed once, such as a field
    /// name in an expression.
    @inline(__always)
    public func value(forKey key: String, hash: KeyHash) -> Value? {
        if let index {
            return index[.string(ExactString(text: key))].map { values[$0] }
        }
        return keyHashes.withUnsafeBufferPointer { hashes -> Value? in
            for position in 0..<hashes.count where hashes[position] == hash {
                if case .string(let candidate) = keys[position], TextComparison.equal(candidate, key) { return values[position] }
            }
            return nil
        }
    }

    /// The value for any key, with numeric keys compared by value. Returns nil when the
    /// key is absent or cannot be a map key.
    public func value(for key: Value) -> Value? {
        if case .string(let text) = key { return value(forKey: text) }
        guard let mapKey = MapKey(key) else { return nil }
        if let index {
            return index[mapKey].map { values[$0] }
        }
        for position in 0..<keys.count where MapKey(keys[position]) == mapKey {
            return values[position]
        }
        return nil
    }

    public func contains(_ key: Value) -> Bool { value(for: key) != nil }

    /// The entries in insertion order.
    public var entries: Zip2Sequence<[Value], [Value]> { zip(keys, values) }
}

/// Why a map could not be built.
public enum MapKeyError: Error, Sendable {
    case unsupportedKey(ValueType)
    case duplicateKey(Value)
}

/// A hashable form of a map key in which numerically equal int, uint and double keys
/// coincide, and strings compare by code point. Also used to index values by equality.
public enum MapKey: Hashable, Sendable {
    case bool(Bool)
    case signed(Int64)
    case unsigned(UInt64)
    case string(ExactString)

    /// The key for a bool, int, uint, integral double or string; nil for other values.
    public init?(_ value: Value) {
        switch value {
        case .bool(let flag):
            self = .bool(flag)
        case .string(let text):
            self = .string(ExactString(text: text))
        case .int(let number):
            self = .signed(number)
        case .uint(let number):
            // Values that fit in an Int64 share the signed form so that 1 and 1u are one key.
            if let signed = Int64(exactly: number) { self = .signed(signed) } else { self = .unsigned(number) }
        case .double(let number):
            // A double finds an integer key of the same value; it is never a key itself
            // (MapValue.init rejects it before it gets here).
            if let signed = Int64(exactly: number) {
                self = .signed(signed)
            } else if let unsigned = UInt64(exactly: number) {
                self = .unsigned(unsigned)
            } else {
                return nil
            }
        default:
            return nil
        }
    }
}
