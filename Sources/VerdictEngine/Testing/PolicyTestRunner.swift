import VerdictLanguage
import VerdictPolicy

/// The outcome of one test case written in a policy file.
public struct PolicyTestResult: Sendable {
    public let ruleID: String
    public let testName: String
    /// Where the test case is written.
    public let location: InventoryLocation
    /// Nil when the test passed; otherwise what went wrong.
    public let failure: String?

    public var passed: Bool { failure == nil }
}

/// Runs the test cases of policies: each case's resource is evaluated in an inventory of
/// its related documents, and the verdict (and message, when the case names one) must be
/// the expected one.
public enum PolicyTestRunner {
    /// The evaluation time of test cases that give none, fixed so that results do not
    /// depend on the day the tests run.
    public static let defaultNow = Timestamp(rfc3339: "2025-03-10T00:00:00Z")!

    public static func run(_ policy: Policy) -> [PolicyTestResult] {
        policy.tests.map { run($0, of: policy) }
    }

    static func run(_ test: PolicyTestCase, of policy: Policy) -> PolicyTestResult {
        let position = policy.file.location(of: test.span.start)
        let location = InventoryLocation(file: policy.file.name, line: position.line, column: position.column)
        func result(_ failure: String?) -> PolicyTestResult {
            PolicyTestResult(ruleID: policy.id, testName: test.name, location: location, failure: failure)
        }

        let compiled: CompiledPolicy
        switch PolicyCompiler.compile(policy, overrides: test.parameters) {
        case .success(let result): compiled = result
        case .failure(let error):
            return result("the rule does not compile: " + error.diagnostics.map(\.message).joined(separator: "; "))
        }

        let index = InventoryIndex()
        for (offset, value) in test.related.enumerated() {
            let raw = RawDocument(value: value, location: location, sequence: offset + 1)
            switch raw.parse() {
            case .success(let document): index.add(document, raw: raw)
            case .failure(let problem): return result("related document \(offset + 1) is invalid: \(problem.message)")
            }
        }
        let evaluator = RuleEvaluator(policy: compiled, ruleIndex: 0, now: .timestamp(test.now ?? defaultNow), explains: false)
        let finding: Finding
        if case .account = policy.scope {
            var accountDocument: ResourceDocument?
            if let value = test.resource {
                let raw = RawDocument(value: value, location: location, sequence: 0)
                switch raw.parse() {
                case .success(let document):
                    accountDocument = document
                    index.add(document, raw: raw)
                case .failure(let problem): return result("the test's account document is invalid: \(problem.message)")
                }
            }
            let accountID = accountDocument?.accountID ?? PolicyTestRunner.testAccountID
            finding = evaluator.evaluateAccount(accountID, document: accountDocument,
                                                reference: AccountScope.reference(accountID, document: accountDocument), related: index, sequence: 0)
        } else {
            guard let value = test.resource else { return result("the test has no resource to evaluate") }
            let raw = RawDocument(value: value, location: location, sequence: 0)
            switch raw.parse() {
            case .success(let document):
                index.add(document, raw: raw)
                finding = evaluator.evaluate(document, reference: ResourceReference(document), related: index)
            case .failure(let problem):
                return result("the test's resource document is invalid: \(problem.message)")
            }
        }

        if finding.verdict != test.expected {
            return result("expected \(test.expected.rawValue) but got \(finding.verdict.rawValue): \(finding.message)")
        }
        if let expectedText = test.messageContains, !finding.message.contains(expectedText) {
            return result("the message does not contain '\(expectedText)': \(finding.message)")
        }
        return result(nil)
    }

    /// The account that test documents belong to unless they name another.
    static let testAccountID = "1234567890120000"
}
