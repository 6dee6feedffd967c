import VerdictLanguage
import VerdictPolicy

/// Settings of one evaluation run.
public struct EvaluationOptions: Sendable {
    /// The time that rules see as `now`.
    public var now: Timestamp
    /// Whether NON_COMPLIANT and ERROR findings get explanations.
    public var explain = false
    /// How many threads parse and evaluate; results do not depend on it.
    public var workers = ParallelWork.defaultWorkers

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
    /// Resources that appear more than once, in inventory order; every copy is evaluated.
    public let duplicates: [DuplicateDocument]
    public let documentCount: Int
    /// The accounts found in the inventory, sorted.
    public let accounts: [String]
    /// How many readable documents the inventory contains of each resource type, as written
    /// in the documents, whether or not a rule evaluates the type.
    public var documentTypes: [String: Int] = [:]
}

/// Evaluates compiled policies against an inventory read as a stream.
///
/// A resource is evaluated as soon as it is read unless a rule for its type reads related
/// resources; such resources wait until the whole inventory is read, because the resources
/// they point to may come later. Only the documents that rules can look up, those waiting
/// resources and account documents are kept in memory.
public final class EvaluationSession: @unchecked Sendable {
    let policies: [CompiledPolicy]
    let options: EvaluationOptions
    private let evaluators: [RuleEvaluator]
    private let rulesByType: [String: [Int]]
    private let accountRules: [Int]
    /// The types that lookups read, which the index keeps.
    private let keptTypes: CompiledPolicy.RelatedTypes
    /// Types with at least one rule that reads related resources.
    private let waitingTypes: Set<String>
    private let workers: Int

    public init(policies: [CompiledPolicy], options: EvaluationOptions) {
        self.policies = policies
        self.options = options
        self.workers = max(1, options.workers)
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

    /// How many documents are read before they are parsed and evaluated in parallel.
    static let batchSize = 4_096

    /// Reads the whole inventory and evaluates every rule on every resource in its scope.
    /// `progress` is called with the number of documents read after each batch.
    public func run(_ reader: InventoryReader, progress: ((Int) -> Void)? = nil) -> EvaluationOutcome {
        let index = InventoryIndex()
        var findings: [Finding] = []
        var problems: [InventoryProblem] = []
        var waiting: [RawDocument] = []
        var accountDocuments: [String: ResourceDocument] = [:]
        var accounts = Set<String>()
        var duplicates = DuplicateTracker()
        var documentCount = 0
        var documentTypes: [String: Int] = [:]

        while true {
            let batch = reader.nextBatch(limit: EvaluationSession.batchSize)
            if batch.isEmpty { break }
            // Parse and evaluate in parallel; keep, in inventory order, what later phases need.
            for item in process(batch, index: index) {
                switch item {
                case .problem(let problem):
                    problems.append(problem)
                case .document(let facts, let raw, let documentFindings, let accountDocument):
                    documentCount += 1
                    documentTypes[facts.type, default: 0] += 1
                    accounts.insert(facts.accountID)
                    duplicates.record(facts, at: raw.location)
                    if let accountDocument, accountDocuments[facts.accountID] == nil {
                        accountDocuments[facts.accountID] = accountDocument
                    }
                    if keeps(facts.type) { index.add(facts, raw: raw) }
                    if waitingTypes.contains(facts.type) { waiting.append(raw) }
                    findings.append(contentsOf: documentFindings)
                }
            }
            progress?(documentCount)
        }

        findings.append(contentsOf: evaluateWaiting(waiting, index: index))
        let sortedAccounts = accounts.sorted()
        for (position, account) in sortedAccounts.enumerated() {
            let reference = AccountScope.reference(account, document: accountDocuments[account])
            let cache = LookupCache(index)
            for rule in accountRules {
                findings.append(evaluators[rule].evaluateAccount(account, document: accountDocuments[account], reference: reference,
                                                                 related: cache, sequence: position))
            }
        }

        findings.sort { ($0.ruleIndex, $0.sequence) < ($1.ruleIndex, $1.sequence) }
        return EvaluationOutcome(policies: policies, findings: findings, problems: problems, duplicates: duplicates.duplicates,
                                 documentCount: documentCount, accounts: sortedAccounts, documentTypes: documentTypes)
    }

    /// A batch item after parsing: a problem, or what the later phases need of a document:
    /// its identity, its text, the findings of the rules that did not have to wait, and the
    /// document itself when it is an account document. The parsed value is released by the
    /// worker that parsed it, so releasing runs in parallel too.
    private enum ProcessedItem {
        case problem(InventoryProblem)
        case document(DocumentFacts, RawDocument, [Finding], accountDocument: ResourceDocument?)
    }

    /// Parses a batch and evaluates the rules that need no related resources, splitting
    /// the batch into one contiguous slice per worker.
    private func process(_ batch: [InventoryReader.RawItem], index: InventoryIndex) -> [ProcessedItem] {
        let slots = WorkerSlots<[ProcessedItem]>(count: workers)
        let sliceSize = (batch.count + workers - 1) / workers
        ParallelWork.run(workers: workers) { worker in
            let start = worker * sliceSize
            let end = min(start + sliceSize, batch.count)
            guard start < end else { return slots.set(worker, []) }
            var processed: [ProcessedItem] = []
            processed.reserveCapacity(end - start)
            for item in batch[start..<end] {
                processed.append(self.process(item, index: index))
            }
            slots.set(worker, processed)
        }
        return slots.elements.flatMap { $0 ?? [] }
    }

    private func process(_ item: InventoryReader.RawItem, index: InventoryIndex) -> ProcessedItem {
        switch item {
        case .problem(let problem):
            return .problem(problem)
        case .document(let raw):
            switch raw.parse() {
            case .failure(let problem):
                return .problem(problem)
            case .success(let document):
                var findings: [Finding] = []
                if !waitingTypes.contains(document.type), let rules = rulesByType[document.type] {
                    let reference = ResourceReference(document)
                    for rule in rules { findings.append(evaluators[rule].evaluate(document, reference: reference, related: index)) }
                }
                let isAccount = document.type == AccountScope.accountType
                return .document(DocumentFacts(document), raw, findings, accountDocument: isAccount ? document : nil)
            }
        }
    }

    /// Evaluates the resources whose rules read related resources, now that the index
    /// contains the whole inventory.
    private func evaluateWaiting(_ waiting: [RawDocument], index: InventoryIndex) -> [Finding] {
        let slots = WorkerSlots<[Finding]>(count: workers)
        let sliceSize = (waiting.count + workers - 1) / workers
        ParallelWork.run(workers: workers) { worker in
            var findings: [Finding] = []
            let start = worker * sliceSize
            let end = min(start + sliceSize, waiting.count)
            if start < end {
                for raw in waiting[start..<end] {
                    guard case .success(let document) = raw.parse() else { continue }
                    let reference = ResourceReference(document)
                    let cache = LookupCache(index)
                    for rule in self.rulesByType[document.type] ?? [] {
                        findings.append(self.evaluators[rule].evaluate(document, reference: reference, related: cache))
                    }
                }
            }
            slots.set(worker, findings)
        }
        return slots.elements.flatMap { $0 ?? [] }
    }

    private func keeps(_ type: String) -> Bool {
        switch keptTypes {
        case .all: return true
        case .types(let types): return types.contains(type)
        }
    }
}
