/// A position in a YAML file.
public struct YAMLMark: Sendable, Equatable, CustomStringConvertible {
    /// The UTF-8 byte offset from the start of the file.
    public let offset: Int
    /// The 1-based line. LF, CR and CR LF end a line, as in `Source`.
    public let line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    public let column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
