import VerdictLanguage
import VerdictPolicy

/// Which resource types of an inventory the rules evaluate, to catch documents that fall
/// out of every rule's scope because their type is misspelled: `ACS::ECS::disk` or
/// `"ACS::ECS::Disk "` is not `ACS::ECS::Disk`, so no rule sees those disks, and a run
/// over them would otherwise pass in silence.
public enum ResourceTypeCoverage {
    /// Documents of a type that no rule evaluates, which looks like a type that is known.
    public struct Misspelling: Sendable, Equatable {
        /// The type as the documents write it.
        public let type: String
        public let documentCount: Int
        /// The known type it resembles.
        public let suggestion: String
    }

    /// The types rules evaluate, sorted; account-scoped rules evaluate `ACS::::Account`.
    public static func evaluatedTypes(_ policies: [Policy]) -> [String] {
        var types = Set<String>()
        for policy in policies {
            switch policy.scope {
            case .resourceTypes(let scoped): types.formUnion(scoped)
            case .account: types.insert(AccountScope.accountType)
            }
        }
        return types.sorted()
    }

    /// The document types that no rule in `evaluated` covers and nothing in `known`
    /// names, but that resemble a known type; by type. `known` contains the types the
    /// policies and resource schemas name (the account type is always known).
    public static func misspellings(documentTypes: [String: Int], evaluated: Set<String>, known: Set<String>) -> [Misspelling] {
        let candidates = known.union([AccountScope.accountType]).sorted()
        let knownSet = Set(candidates)
        return documentTypes.keys.sorted().compactMap { type in
            guard !evaluated.contains(type), !knownSet.contains(type), let suggestion = suggestion(for: type, among: candidates) else { return nil }
            return Misspelling(type: type, documentCount: documentTypes[type]!, suggestion: suggestion)
        }
    }

    /// The known type that `type` most likely means, or nil: one that differs only in
    /// letter case or white space, else one within a small edit distance
    /// (`Suggestions.closest`). Type codes of different products often differ by a
    /// letter (`ACS::SLB::LoadBalancer`, `ACS::ALB::LoadBalancer`), so the edit distance
    /// is counted only against types of the same product, whose resource part is then
    /// the misspelled one.
    public static func suggestion(for type: String, among known: [String]) -> String? {
        let squeezed = String(type.unicodeScalars.filter { !$0.properties.isWhitespace })
        let lowered = squeezed.lowercased()
        if let match = known.first(where: { $0.lowercased() == lowered }) { return match }
        let parts = lowered.components(separatedBy: "::")
        let sameProduct: [String]
        if parts.count == 3 {
            sameProduct = known.filter { candidate in
                let candidateParts = candidate.lowercased().components(separatedBy: "::")
                return candidateParts.count == 3 && candidateParts[0] == parts[0] && candidateParts[1] == parts[1]
            }
        } else {
            // Not shaped as a type code (`ACS:ECS::Disk`): any known type may be meant.
            sameProduct = known
        }
        return Suggestions.closest(to: squeezed, in: sameProduct, limit: 1).first
    }
}
