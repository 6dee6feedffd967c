/// A resource that appears more than once in an inventory: the same account, type and
/// id. Every copy is evaluated, so its results count more than once.
public struct DuplicateDocument: Sendable {
    public let accountID: String
    public let type: String
    public let id: String
    /// The first appearance of the resource.
    public let first: InventoryLocation
    /// A later appearance of the same resource.
    public let repeated: InventoryLocation
}

/// Finds resources that appear more than once while an inventory is read. It keeps a
/// 64-bit hash and a location per resource rather than the ids themselves, so its memory
/// stays small next to the documents. Two different resources with the same hash would
/// be reported as one repeated resource, which is only a warning and changes no verdict.
struct DuplicateTracker {
    private var firstLocations: [UInt64: InventoryLocation] = [:]
    private(set) var duplicates: [DuplicateDocument] = []

    mutating func record(_ facts: DocumentFacts, at location: InventoryLocation) {
        let key = DuplicateTracker.key(facts)
        if let first = firstLocations[key] {
            duplicates.append(DuplicateDocument(accountID: facts.accountID, type: facts.type, id: facts.id,
                                                first: first, repeated: location))
        } else {
            firstLocations[key] = location
        }
    }

    /// FNV-1a over the three identifiers with separators, so that results do not depend
    /// on the process's random hashing seed.
    private static func key(_ facts: DocumentFacts) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [facts.accountID, facts.type, facts.id] {
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
