import VerdictLanguage
import VerdictPolicy

/// Settings of one evaluation run.
public struct EvaluationOptions: Sendable {
    /// The time that rules see as `now`.
    public var now: Timestamp
    /// Whether NON_COMPLIANT and ERROR findings get explanations.
    public var explain = false

    public init(now: Timestamp, explain: Bool = false) {
        self.now = now
        self.explain = explain
    }
}

/// Everything an evaluation run produced, in a deterministic order: findings by rule (in
/// the order of the rule list), then by the resource's position in the inventory.
public struct EvaluationOutcome: Sendable {
    public let policies: [CompiledPolicy]
    public let findings: [Finding]
    /// Documents that could not be read.
    public let problems: [InventoryProblem]
    public let documentCount: Int
    /// The accounts found in the inventory, sorted.
    public let accounts: [String]
}

/// Evaluates compiled policies against an inventory read as a stream.
///
/// A resource is evaluated as soon as it is read unless a rule for its type reads related
/// resources; such resources wait until the whole inventory is read, because the resources
/// they point to may come later. Only the documents that rules can look up, those waiting
/// resources and account documents are kept in memory.
public final class EvaluationSession {
    let policies: [CompiledPolicy]
    let options: EvaluationOptions
    private let evaluators: [RuleEvaluator]
    private let rulesByType: [String: [Int]]
    private let accountRules: [Int]
    /// The types that lookups read, which the index keeps.
    private let keptTypes: CompiledPolicy.RelatedTypes
    /// Types with at least one rule that reads related resources.
    private let waitingTypes: Set<String>

    public init(policies: [CompiledPolicy], options: EvaluationOptions) {
        self.policies = policies
        self.options = options
        let now = Value.timestamp(options.now)
        evaluators = policies.enumerated().map { RuleEvaluator(policy: $1, ruleIndex: $0, now: now, explains: options.explain) }

        var rulesByType: [String: [Int]] = [:]
        var accountRules: [Int] = []
        var keptTypes = CompiledPolicy.RelatedTypes.types([])
        var waitingTypes = Set<String>()
        for (index, policy) in policies.enumerated() {
            keptTypes = keptTypes.union(policy.relatedTypes)
            switch policy.policy.scope {
            case .account:
                accountRules.append(index)
            case .resourceTypes(let types):
                for type in types {
                    rulesByType[type, default: []].append(index)
                    if !policy.relatedTypes.isEmpty { waitingTypes.insert(type) }
                }
            }
        }
        self.rulesByType = rulesByType
        self.accountRules = accountRules
        self.keptTypes = keptTypes
        self.waitingTypes = waitingTypes
    }

    /// Reads the whole inventory and evaluates every rule on every resource in its scope.
    /// `progress` is called with the number of documents read, now and then.
    public func run(_ reader: InventoryReader, progress: ((Int) -> Void)? = nil) -> EvaluationOutcome {
        let index = InventoryIndex()
        var findings: [Finding] = []
        var problems: [InventoryProblem] = []
        var waiting: [ResourceDocument] = []
        var accountDocuments: [String: ResourceDocument] = [:]
        var accounts = Set<String>()
        var documentCount = 0

        while let item = reader.next() {
            switch item {
            case .problem(let problem):
                problems.append(problem)
            case .document(let document):
                documentCount += 1
                if documentCount % 10_000 == 0 { progress?(documentCount) }
                accounts.insert(document.accountID)
                if document.type == AccountScope.accountType, accountDocuments[document.accountID] == nil {
                    accountDocuments[document.accountID] = document
                }
                if keeps(document.type) { index.add(document) }
                guard let rules = rulesByType[document.type] else { continue }
                if waitingTypes.contains(document.type) {
                    waiting.append(document)
                } else {
                    let reference = ResourceReference(document)
                    for rule in rules { findings.append(evaluators[rule].evaluate(document, reference: reference, related: index)) }
                }
            }
        }

        for document in waiting {
            let reference = ResourceReference(document)
            for rule in rulesByType[document.type] ?? [] {
                findings.append(evaluators[rule].evaluate(document, reference: reference, related: index))
            }
        }
        let sortedAccounts = accounts.sorted()
        let accountReferences = sortedAccounts.map { AccountScope.reference($0, document: accountDocuments[$0]) }
        for rule in accountRules {
            for (position, account) in sortedAccounts.enumerated() {
                findings.append(evaluators[rule].evaluateAccount(account, document: accountDocuments[account], reference: accountReferences[position],
                                                                 related: index, sequence: position))
            }
        }

        findings.sort { ($0.ruleIndex, $0.sequence) < ($1.ruleIndex, $1.sequence) }
        return EvaluationOutcome(policies: policies, findings: findings, problems: problems,
                                 documentCount: documentCount, accounts: sortedAccounts)
    }

    private func keeps(_ type: String) -> Bool {
        switch keptTypes {
        case .all: return true
        case .types(let types): return types.contains(type)
        }
    }
}
