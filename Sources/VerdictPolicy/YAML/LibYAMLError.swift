/// An error that libyaml reported, with its own wording and positions.
struct LibYAMLError: Error {
    /// True for errors of the reader (bad encoding, control characters), whose position
    /// is a byte offset rather than a mark.
    var isReaderError: Bool
    /// libyaml's description of the problem, such as "found character that cannot start
    /// any token".
    var problem: String
    /// The character index of the problem, for scanner and parser errors.
    var problemIndex: Int
    /// The byte offset of the problem, for reader errors.
    var readerByteOffset: Int
    /// The offending character of a reader error, or -1.
    var readerValue: Int
    /// The construct libyaml was reading, such as "while scanning a simple key", or nil.
    var context: String?
    /// The character index where the context started.
    var contextIndex: Int

    static let outOfMemory = LibYAMLError(
        isReaderError: false, problem: "libyaml ran out of memory", problemIndex: 0,
        readerByteOffset: 0, readerValue: -1, context: nil, contextIndex: 0
    )
}
