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
    /// The start of the document in the inventory; nil for an account without an account document.
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

/// The verdict of one rule on one resource, with the message that explains it.
public struct Finding: Sendable {
    public let ruleID: String
    /// The rule's position in the evaluated rule list, which orders results.
    public let ruleIndex: Int
    public let resource: ResourceReference
    public let verdict: Verdict
    public let message: String
    /// The position of the resource in the inventory; orders results within a rule.
    public let sequence: Int
    /// The reasons for the verdict, for NON_COMPLIANT and ERROR results when explanations
    /// are requested.
    public var explanation: Explanation?
}

/// The reasons for a verdict: the values of the sub-expressions that decided it and the
/// resource fields they read. A class, so that a finding stays small and cheap to copy
/// whether or not it carries an explanation.
public final class Explanation: Sendable {
    /// The condition that decided (`appliesWhen` or `compliantWhen`) and where it is.
    public let conditionKey: String
    public let file: String
    public let line: Int
    public let column: Int
    public let steps: [ExplanationStep]

    init(conditionKey: String, file: String, line: Int, column: Int, steps: [ExplanationStep]) {
        self.conditionKey = conditionKey
        self.file = file
        self.line = line
        self.column = column
        self.steps = steps
    }
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
