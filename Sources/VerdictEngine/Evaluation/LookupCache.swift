import VerdictLanguage
import VerdictPolicy

/// Remembers the related documents fetched while evaluating one resource or account, so
/// that several rules reading the same related resources parse them once. It lives for
/// one resource on one thread, so it needs no lock and holds memory only briefly.
final class LookupCache: RelatedResourceLookup, @unchecked Sendable {
    private let index: InventoryIndex
    private var single: [String: Value?] = [:]
    private var lists: [String: [Value]] = [:]

    init(_ index: InventoryIndex) {
        self.index = index
    }

    func resources(ofType type: String, account: String) throws(EvaluationError) -> [Value] {
        let key = account + "\u{0}" + type
        if let cached = lists[key] { return cached }
        let documents = try index.resources(ofType: type, account: account)
        lists[key] = documents
        return documents
    }

    func resources(ofType type: String, account: String, fieldPath path: [String], equalTo value: Value) throws(EvaluationError) -> [Value] {
        try index.resources(ofType: type, account: account, fieldPath: path, equalTo: value)
    }

    func resource(ofType type: String, account: String, id: String) throws(EvaluationError) -> Value? {
        let key = account + "\u{0}" + type + "\u{0}" + id
        if let cached = single[key] { return cached }
        let document = try index.resource(ofType: type, account: account, id: id)
        single[key] = document
        return document
    }
}
