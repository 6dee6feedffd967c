import VerdictLanguage
import VerdictPolicy

/// The resource (or account) a finding is about. One instance is shared by every
/// finding about the same resource, which also identifies the resource in summaries.
public final class ResourceReference: Sendable {
    public let accountID: String
    public let type: String
    public let id: String
    public let name: String?
    public let region: String?
    /// Where the document starts in the inventory; nil for an account without an account document.
    public let location: InventoryLocation?

    public init(accountID: String, type: String, id: String, name: String?, region: String?, location: InventoryLocation?) {
        self.accountID = accountID
        self.type = type
        self.id = id
        self.name = name
        self.region = region
        self.location = location
    }

    convenience init(_ document: ResourceDocument) {
        self.init(accountID: document.accountID, type: document.type, id: document.id,
                  name: document.name, region: document.region, location: document.location)
    }
}

/// The verdict of one rule on one resource, with the message that says why.
public struct Finding: Sendable {
    public let ruleID: String
    /// The rule's position in the evaluated rule list, which orders results.
    public let ruleIndex: Int
    public let resource: ResourceReference
    public let verdict: Verdict
    public let message: String
    /// The position of the resource in the inventory; orders results within a rule.
    public let sequence: Int
    /// Why the verdict came out as it did, for NON_COMPLIANT and ERROR results when
    /// explanations are requested.
    public var explanation: Explanation?
}

/// What decided a verdict: the values of the sub-expressions that mattered and the
/// resource fields they read.
public struct Explanation: Sendable {
    /// The condition that decided (`appliesWhen` or `compliantWhen`) and where it is.
    public let conditionKey: String
    public let file: String
    public let line: Int
    public let column: Int
    public let steps: [ExplanationStep]
}

/// One sub-expression and its value (or error), with the resource field path it read
/// when it read one.
public struct ExplanationStep: Sendable {
    public let expression: String
    public let value: String
    /// A JSON path in the resource document, such as `Configuration.TLS.TLSVersion[0]`.
    public let fieldPath: String?
    public let line: Int
    public let column: Int
}
