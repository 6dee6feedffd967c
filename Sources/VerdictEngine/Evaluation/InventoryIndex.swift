import Foundation
import VerdictLanguage
import VerdictPolicy

/// The related resources that rules look up, by account and type. Filled while the
/// inventory is read, then only read, from several threads at once; indexes by field are
/// built on first use under a lock.
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

    private var documents: [TypeKey: [Value]] = [:]
    private var byID: [TypeKey: [String: Value]] = [:]
    /// The first document of each type and account whose Configuration is unusable, and why.
    private var problems: [TypeKey: (id: String, problem: String)] = [:]
    /// The same, for every document id.
    private var problemsByID: [TypeKey: [String: String]] = [:]
    private var fieldIndexes: [FieldKey: [MapKey: [Value]]] = [:]
    private let lock = NSLock()

    /// The number of documents kept.
    private(set) var count = 0

    func add(_ document: ResourceDocument) {
        let key = TypeKey(account: document.accountID, type: document.type)
        documents[key, default: []].append(document.value)
        if byID[key]?[document.id] == nil {
            byID[key, default: [:]][document.id] = document.value
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
        return documents[key] ?? []
    }

    func resource(ofType type: String, account: String, id: String) throws(EvaluationError) -> Value? {
        let key = TypeKey(account: account, type: type)
        if let problem = problemsByID[key]?[id] { throw InventoryIndex.unusable(type, id, problem) }
        return byID[key]?[id]
    }

    private static func unusable(_ type: String, _ id: String, _ problem: String) -> EvaluationError {
        EvaluationError(.host, "related resource \(type) '\(id)' cannot be used: \(problem); fix it in the inventory")
    }

    func resources(ofType type: String, account: String, fieldPath path: [String], equalTo value: Value) throws(EvaluationError) -> [Value] {
        let candidates = try resources(ofType: type, account: account)
        guard let key = MapKey(value) else {
            // Lists, maps and fractional numbers are not indexed; compare one by one.
            return candidates.filter { InventoryIndex.field(path, of: $0).map { Value.celEqual($0, value) } ?? false }
        }
        let fieldKey = FieldKey(account: account, type: type, path: path)
        lock.lock()
        defer { lock.unlock() }
        if let index = fieldIndexes[fieldKey] { return index[key] ?? [] }
        var index: [MapKey: [Value]] = [:]
        for document in candidates {
            if let fieldValue = InventoryIndex.field(path, of: document), let fieldKey = MapKey(fieldValue) {
                index[fieldKey, default: []].append(document)
            }
        }
        fieldIndexes[fieldKey] = index
        return index[key] ?? []
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
