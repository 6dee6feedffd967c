/// An invalid regular expression pattern: what is wrong and where it starts.
public struct RegexSyntaxError: Error, Sendable, Equatable {
    /// A lowercase sentence that names the problem and, when useful, what to write instead.
    public let message: String

    /// The UTF-8 byte offset in the pattern where the problem starts.
    public let offset: Int

    init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}
