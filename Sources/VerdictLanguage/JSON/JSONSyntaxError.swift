/// Why a JSON text could not be read, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The UTF-8 byte offset of the problem.
    public let offset: Int
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in Unicode scalars.
    public let column: Int

    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(message)" }
}
