import Foundation
import VerdictLanguage
import VerdictPolicy

/// The related resources that rules look up, by account and type. Filled while the
/// inventory is read, then only read, from several threads at once; indexes by field are
/// built on first use under a lock.
///
/// Documents are kept as their JSON text and parsed again on each lookup: the text takes
/// a fraction of the memory of a parsed document, and lookups are few next to the
/// documents an inventory holds.
final class InventoryIndex: RelatedResourceLookup, @unchecked Sendable {
    private struct TypeKey: Hashable {
        let account: String
        let type: String
    }

    private struct FieldKey: Hashable {
        let account: String
        let type: String
        let path: [String]
    }

    private var documents: [TypeKey: [RawDocument]] = [:]
    private var byID: [TypeKey: [String: RawDocument]] = [:]
    /// The first document of each type and account whose Configuration is unusable, and why.
    private var problems: [TypeKey: (id: String, problem: String)] = [:]
    /// The same, for every document id.
    private var problemsByID: [TypeKey: [String: String]] = [:]
    /// For each searched field, the positions (in `documents`) of the documents by value.
    private var fieldIndexes: [FieldKey: [MapKey: [Int]]] = [:]
    private let lock = NSLock()

    /// The number of documents kept.
    private(set) var count = 0

    /// Keeps a document for lookups; `raw` is its text, which lookups parse.
    func add(_ document: ResourceDocument, raw: RawDocument) {
        add(DocumentFacts(document), raw: raw)
    }

    func add(_ document: DocumentFacts, raw: RawDocument) {
        let key = TypeKey(account: document.accountID, type: document.type)
        documents[key, default: []].append(raw)
        if byID[key]?[document.id] == nil {
            byID[key, default: [:]][document.id] = raw
        }
        if let problem = document.configurationProblem {
            if problems[key] == nil { problems[key] = (document.id, problem) }
            problemsByID[key, default: [:]][document.id] = problem
        }
        count += 1
    }

    func resources(ofType type: String, account: String) throws(EvaluationError) -> [Value] {
        let key = TypeKey(account: account, type: type)
        if let (id, problem) = problems[key] { throw InventoryIndex.unusable(type, id, problem) }
        return (documents[key] ?? []).map(InventoryIndex.value)
    }

    func resource(ofType type: String, account: String, id: String) throws(EvaluationError) -> Value? {
        let key = TypeKey(account: account, type: type)
        if let problem = problemsByID[key]?[id] { throw InventoryIndex.unusable(type, id, problem) }
        return byID[key]?[id].map(InventoryIndex.value)
    }

    private static func unusable(_ type: String, _ id: String, _ problem: String) -> EvaluationError {
        EvaluationError(.host, "related resource \(type) '\(id)' cannot be used: \(problem); fix it in the inventory")
    }

    /// A kept document as rules see it. Its text parsed once already, so it parses again.
    private static func value(_ raw: RawDocument) -> Value {
        switch raw.parse() {
        case .success(let document): return document.value
        case .failure: return .null
        }
    }

    func resources(ofType type: String, account: String, fieldPath path: [String], equalTo value: Value) throws(EvaluationError) -> [Value] {
        let typeKey = TypeKey(account: account, type: type)
        if let (id, problem) = problems[typeKey] { throw InventoryIndex.unusable(type, id, problem) }
        let candidates = documents[typeKey] ?? []
        guard let key = MapKey(value) else {
            // Lists, maps and fractional numbers are not indexed; compare one by one.
            return candidates.map(InventoryIndex.value).filter {
                InventoryIndex.field(path, of: $0).map { Value.celEqual($0, value) } ?? false
            }
        }
        let fieldKey = FieldKey(account: account, type: type, path: path)
        let positions: [Int] = lock.withLock {
            if let index = fieldIndexes[fieldKey] { return index[key] ?? [] }
            var index: [MapKey: [Int]] = [:]
            for (position, raw) in candidates.enumerated() {
                if let fieldValue = InventoryIndex.field(path, of: InventoryIndex.value(raw)), let valueKey = MapKey(fieldValue) {
                    index[valueKey, default: []].append(position)
                }
            }
            fieldIndexes[fieldKey] = index
            return index[key] ?? []
        }
        return positions.map { InventoryIndex.value(candidates[$0]) }
    }

    /// The value at a path inside a document's Configuration.
    private static func field(_ path: [String], of document: Value) -> Value? {
        guard case .map(let map) = document, var current = map.value(forKey: "Configuration") else { return nil }
        for component in path {
            guard case .map(let inner) = current, let next = inner.value(forKey: component) else { return nil }
            current = next
        }
        return current
    }
}
