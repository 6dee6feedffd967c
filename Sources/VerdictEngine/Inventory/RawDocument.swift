import VerdictLanguage

/// The JSON text of one inventory document, as read, with where it starts. Parsing it
/// can happen later and on another thread; documents kept for lookups stay in this form
/// because the text takes a fraction of the memory of the parsed value.
public struct RawDocument: Sendable {
    public let bytes: [UInt8]
    public let location: InventoryLocation
    /// The position of the document in the inventory, counting from 0.
    public internal(set) var sequence: Int

    /// Parses and checks the document; a JSON error is reported at its place in the file.
    public func parse() -> Result<ResourceDocument, InventoryProblem> {
        let result = bytes.withUnsafeBytes { JSONReader.parseResult($0) }
        switch result {
        case .success(let value):
            return DocumentNormalizer.normalize(value, location: location, sequence: sequence)
        case .failure(let error):
            let line = location.line + error.line - 1
            let column = error.line == 1 ? location.column + error.column - 1 : error.column
            return .failure(InventoryProblem(location: InventoryLocation(file: location.file, line: line, column: column),
                                             message: "invalid JSON: \(error.message)"))
        }
    }
}

extension RawDocument {
    /// The text of a document given as a value, such as a policy test case's.
    init(value: Value, location: InventoryLocation, sequence: Int) {
        var bytes: [UInt8] = []
        JSONWriter.write(value, pretty: false, sortedKeys: false, into: &bytes)
        self.init(bytes: bytes, location: location, sequence: sequence)
    }
}
