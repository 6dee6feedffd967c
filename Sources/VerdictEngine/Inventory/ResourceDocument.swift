import VerdictLanguage

/// Where a document starts in an inventory file.
public struct InventoryLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// 1-based.
    public let line: Int
    /// 1-based, in Unicode scalars.
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One resource document of an inventory, in Cloud Config's discovered-resource shape,
/// with its Configuration parsed when the inventory holds it as a JSON string.
public struct ResourceDocument: Sendable {
    public let accountID: String
    public let region: String?
    /// The Cloud Config type code, such as `ACS::OSS::Bucket`.
    public let type: String
    public let id: String
    public let name: String?
    /// The whole document as rules see it through `resource`.
    public let value: Value
    /// The Configuration object, or nil when it is missing or unusable.
    public let configuration: Value?
    /// Why the Configuration cannot be used, when it cannot; every rule on the resource is
    /// then an ERROR with this reason.
    public let configurationProblem: String?
    public let location: InventoryLocation
    /// The position of the document in the inventory, counting from 0.
    public let sequence: Int
}

/// What identifies a document, without its content.
struct DocumentFacts: Sendable {
    let accountID: String
    let type: String
    let id: String
    let configurationProblem: String?

    init(_ document: ResourceDocument) {
        accountID = document.accountID
        type = document.type
        id = document.id
        configurationProblem = document.configurationProblem
    }
}

/// A document that could not be read, reported with its position; the rest of the
/// inventory is still evaluated.
public struct InventoryProblem: Sendable, Error, CustomStringConvertible {
    public let location: InventoryLocation
    public let message: String

    public var description: String { "\(location): error: \(message)" }
}
