/// An immutable map that keeps its keys in insertion order, so that iteration and
/// printing are deterministic. JSON objects keep the order of their document.
///
/// Keys are `int`, `uint`, `bool` or `string`. An `int` and a `uint` with the same
/// numeric value are the same key, as CEL's heterogeneous equality requires, and a
/// `double` with an integral value finds them too.
public final class MapValue: Sendable {
    /// The entries in insertion order, each with its key's hash, in one allocation.
    private let storage: ContiguousArray<MapSlot>
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
        storage = ContiguousArray(zip(keys, values).map { MapSlot(key: $0, value: $1, hash: MapValue.hash($0)) })
        self.index = keys.count > MapValue.indexThreshold ? index : nil
    }

    /// Creates a map with string keys. A repeated key keeps its last value, as JSON
    /// readers commonly do; the JSON reader rejects duplicates before this point.
    public init(stringKeyed entries: [(String, Value)]) {
        var storage = ContiguousArray<MapSlot>()
        storage.reserveCapacity(entries.count)
        for (key, value) in entries {
            let hash = KeyHash(key)
            if let existing = MapValue.position(of: key, hash: hash, in: storage) {
                storage[existing] = MapSlot(key: .string(key), value: value, hash: hash)
                continue
            }
            storage.append(MapSlot(key: .string(key), value: value, hash: hash))
        }
        self.storage = storage
        self.index = MapValue.makeIndex(storage)
    }

    /// Creates a map from entries whose string keys the caller has already checked to be
    /// unique, with their hashes, as the JSON reader does while parsing.
    init(uniqueEntries: ContiguousArray<MapSlot>) {
        storage = uniqueEntries
        index = MapValue.makeIndex(uniqueEntries)
    }

    private static func makeIndex(_ entries: ContiguousArray<MapSlot>) -> [MapKey: Int]? {
        guard entries.count > indexThreshold else { return nil }
        var index: [MapKey: Int] = [:]
        index.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            if let mapKey = MapKey(entry.key) { index[mapKey] = position }
        }
        return index
    }

    private static func hash(_ key: Value) -> KeyHash {
        if case .string(let text) = key { return KeyHash(text) }
        return .nonString
    }

    private static func position(of key: String, hash: KeyHash, in entries: ContiguousArray<MapSlot>) -> Int? {
        for position in 0..<entries.count where entries[position].hash == hash {
            if case .string(let candidate) = entries[position].key, TextComparison.equal(candidate, key) { return position }
        }
        return nil
    }

    public static let empty = MapValue(stringKeyed: [])

    public var count: Int { storage.count }

    /// The keys in insertion order.
    public var keys: [Value] { storage.map(\.key) }

    /// The values in the order of their keys.
    public var values: [Value] { storage.map(\.value) }

    /// The entries in insertion order.
    public var entries: [(key: Value, value: Value)] { storage.map { ($0.key, $0.value) } }

    public func key(at position: Int) -> Value { storage[position].key }
    public func value(at position: Int) -> Value { storage[position].value }

    /// The value for a string key, without building a `Value` for the key.
    public func value(forKey key: String) -> Value? {
        value(forKey: key, hash: KeyHash(key))
    }

    /// The value for a string key whose hash the caller computed once, such as a field
    /// name in an expression.
    @inline(__always)
    public func value(forKey key: String, hash: KeyHash) -> Value? {
        if let index {
            return index[.string(ExactString(text: key))].map { storage[$0].value }
        }
        return storage.withUnsafeBufferPointer { entries -> Value? in
            for entry in entries where entry.hash == hash {
                if case .string(let candidate) = entry.key, TextComparison.equal(candidate, key) { return entry.value }
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
            return index[mapKey].map { storage[$0].value }
        }
        for entry in storage where MapKey(entry.key) == mapKey {
            return entry.value
        }
        return nil
    }

    public func contains(_ key: Value) -> Bool { value(for: key) != nil }
}

/// One key and value of a map, with the key's hash.
struct MapSlot: Sendable {
    let key: Value
    let value: Value
    let hash: KeyHash
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
