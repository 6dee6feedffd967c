import VerdictLanguage

/// Reads the resource documents of one inventory file as a stream: a JSON array of
/// documents, newline-delimited JSON (one document a line), or one or more documents
/// one after another. A document that cannot be read is reported as a problem and the
/// reader goes on with the next one wherever the format allows it.
final class InventoryFileReader {
    enum Item {
        /// The bytes of one document, not yet parsed.
        case document(RawDocument)
        case problem(InventoryProblem)
    }

    private enum Mode {
        case undecided
        /// Just after the opening bracket of a top-level JSON array, where an element or
        /// the closing bracket of an empty array comes next.
        case arrayOpened
        /// Inside a top-level JSON array; `expectingElement` is false after an element,
        /// when a comma or the closing bracket comes next, and true after a comma.
        case array(expectingElement: Bool)
        /// One document a line.
        case lines
        /// Documents one after another, possibly spanning lines.
        case sequence
        case finished
    }

    /// The largest document accepted, so a file without structure cannot fill memory.
    static let maxDocumentBytes = 256 << 20

    let name: String
    private let input: ChunkedInput
    private var mode = Mode.undecided
    /// The 1-based line of the first unconsumed byte, and the file offset where that line starts.
    private var line = 1
    private var lineStart = 0

    init(path: String, name: String) throws(InputError) {
        self.name = name
        self.input = try ChunkedInput(path: path)
    }

    /// The next document or problem, or nil at the end of the file.
    func next() throws(InputError) -> Item? {
        while true {
            switch mode {
            case .finished:
                return nil
            case .undecided:
                if let item = try decideMode() { return item }
            case .lines:
                return try nextLine()
            case .sequence:
                return try nextInSequence()
            case .arrayOpened:
                if let item = try nextInArray(expectingElement: true, justOpened: true) { return item }
            case .array(let expectingElement):
                if let item = try nextInArray(expectingElement: expectingElement) { return item }
            }
        }
    }

    // MARK: - Bytes and positions

    private var buffer: UnsafeBufferPointer<UInt8> { input.bytes }
    private var position: Int { input.position }

    /// Makes at least `count` unconsumed bytes available; false when the file ends first.
    private func ensure(_ count: Int) throws(InputError) -> Bool {
        while input.unconsumedCount < count {
            if !(try input.fill()) { return false }
        }
        return true
    }

    private func location(atFileOffset offset: Int, line: Int, lineStart: Int) -> InventoryLocation {
        // Count Unicode scalars from the line start; the line start may already be dropped
        // from the buffer, in which case the column counts from what remains.
        let from = max(lineStart - input.bufferStart, 0)
        let to = offset - input.bufferStart
        var column = 1
        if from < to {
            for index in from..<to where buffer[index] & 0xC0 != 0x80 { column += 1 }
        }
        return InventoryLocation(file: name, line: line, column: column)
    }

    private var currentLocation: InventoryLocation {
        location(atFileOffset: input.bufferStart + position, line: line, lineStart: lineStart)
    }

    /// Consumes bytes, keeping the line count.
    private func advance(_ count: Int) {
        let end = position + count
        var search = position
        while let newline = input.firstIndex(of: 0x0A, from: search), newline < end {
            line += 1
            lineStart = input.bufferStart + newline + 1
            search = newline + 1
        }
        input.consume(count)
    }

    /// Skips white space; returns the next byte, or nil at the end of the file.
    private func skipWhitespace() throws(InputError) -> UInt8? {
        while true {
            if input.unconsumedCount == 0, !(try input.fill()) { return nil }
            let byte = buffer[position]
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A:
                advance(1)
            case 0xEF where position == 0 && input.bufferStart == 0:
                // A UTF-8 byte order mark at the start of the file.
                if try ensure(3), buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
                    input.consume(3)
                    lineStart = 3
                } else {
                    return byte
                }
            default:
                return byte
            }
        }
    }

    private func finish(_ problem: InventoryProblem? = nil) -> Item? {
        mode = .finished
        return problem.map { .problem($0) }
    }

    // MARK: - Format detection

    private func decideMode() throws(InputError) -> Item? {
        guard let first = try skipWhitespace() else { return finish() }
        switch first {
        case UInt8(ascii: "["):
            advance(1)
            mode = .arrayOpened
        case UInt8(ascii: "{"):
            mode = try firstLineIsDocument() ? .lines : .sequence
        default:
            return finish(InventoryProblem(location: currentLocation,
                message: "expected an inventory: a JSON array of resource documents, one document per line, or a JSON object, but found '\(Character(Unicode.Scalar(first)))'"))
        }
        return nil
    }

    /// Whether the first line alone is a complete JSON value, which makes the file
    /// newline-delimited: then a broken line spoils only itself.
    private func firstLineIsDocument() throws(InputError) -> Bool {
        // Offsets are kept relative to `position` because filling the buffer moves it.
        var scanned = 0
        while true {
            if let newline = input.firstIndex(of: 0x0A, from: position + scanned) {
                scanned = newline - position
                break
            }
            scanned = input.unconsumedCount
            if scanned > InventoryFileReader.maxDocumentBytes { break }
            if !(try input.fill()) { break }
        }
        let start = position
        let lineEnd = position + scanned
        let line = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[start..<lineEnd]))
        return (try? JSONReader.parse(line)) != nil
    }

    // MARK: - Newline-delimited documents

    private func nextLine() throws(InputError) -> Item? {
        while true {
            if input.unconsumedCount == 0, !(try input.fill()) { return finish() }
            var end = position
            while true {
                if let newline = input.firstIndex(of: 0x0A, from: end) {
                    end = newline
                    break
                }
                end = buffer.count
                if input.atEndOfFile { break }
                let scanned = end - position
                if scanned > InventoryFileReader.maxDocumentBytes {
                    return finish(InventoryProblem(location: currentLocation, message: "a line is longer than \(InventoryFileReader.maxDocumentBytes >> 20) MiB"))
                }
                _ = try input.fill()
                end = position + scanned
            }
            let start = position
            let lineLocation = currentLocation
            let hasNewline = end < buffer.count
            let item: Item? = parseDocument(from: start, to: end, location: lineLocation, startLine: line)
            advance(end - start + (hasNewline ? 1 : 0))
            if let item { return item }
        }
    }

    // MARK: - Documents one after another

    private func nextInSequence() throws(InputError) -> Item? {
        guard let first = try skipWhitespace() else { return finish() }
        let startLocation = currentLocation
        let startLine = line
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            let problem = InventoryProblem(location: startLocation,
                message: "expected the next resource document (a JSON object) but found '\(Character(Unicode.Scalar(first)))'")
            try resynchronize()
            return .problem(problem)
        }
        switch try scanValue() {
        case .complete(let length):
            let item = parseDocument(from: position, to: position + length, location: startLocation, startLine: startLine)
            advance(length)
            return item
        case .truncated(let what):
            return finish(InventoryProblem(location: startLocation, message: "the file ends inside \(what) that starts here"))
        case .tooLarge:
            return finish(InventoryProblem(location: startLocation, message: "a document is larger than \(InventoryFileReader.maxDocumentBytes >> 20) MiB"))
        case .unbalanced(let offset):
            let problem = InventoryProblem(location: startLocation,
                message: "the document's brackets do not match (a '\(Character(Unicode.Scalar(buffer[position + offset])))' closes nothing that is open)")
            try resynchronize()
            return .problem(problem)
        }
    }

    /// Skips to the next line that starts with '{', after a document that cannot be read.
    private func resynchronize() throws(InputError) {
        advance(1)
        while true {
            if input.unconsumedCount == 0, !(try input.fill()) { return }
            if buffer[position] == 0x0A, try ensure(2), buffer[position + 1] == UInt8(ascii: "{") {
                advance(1)
                return
            }
            advance(1)
        }
    }

    // MARK: - A JSON array of documents

    private func nextInArray(expectingElement: Bool, justOpened: Bool = false) throws(InputError) -> Item? {
        guard let next = try skipWhitespace() else {
            return finish(InventoryProblem(location: currentLocation, message: "the file ends before the array's closing ']'"))
        }
        if !expectingElement {
            switch next {
            case UInt8(ascii: ","):
                advance(1)
                mode = .array(expectingElement: true)
                return nil
            case UInt8(ascii: "]"):
                advance(1)
                if let trailing = try skipWhitespace() {
                    return finish(InventoryProblem(location: currentLocation,
                        message: "unexpected '\(Character(Unicode.Scalar(trailing)))' after the end of the array"))
                }
                return finish()
            default:
                return finish(InventoryProblem(location: currentLocation,
                    message: "expected ',' or ']' after an array element but found '\(Character(Unicode.Scalar(next)))'"))
            }
        }
        if next == UInt8(ascii: "]") {
            // An empty array is a valid, empty inventory; a comma before the bracket is not JSON.
            guard justOpened else {
                return finish(InventoryProblem(location: currentLocation, message: "expected an array element after ',' but found ']'; remove the trailing comma"))
            }
            mode = .array(expectingElement: false)
            return try nextInArray(expectingElement: false)
        }
        let startLocation = currentLocation
        let startLine = line
        switch try scanValue() {
        case .complete(let length):
            let item = parseDocument(from: position, to: position + length, location: startLocation, startLine: startLine)
            advance(length)
            mode = .array(expectingElement: false)
            return item
        case .truncated(let what):
            return finish(InventoryProblem(location: startLocation, message: "the file ends inside \(what) that starts here"))
        case .tooLarge:
            return finish(InventoryProblem(location: startLocation, message: "a document is larger than \(InventoryFileReader.maxDocumentBytes >> 20) MiB"))
        case .unbalanced:
            return finish(InventoryProblem(location: startLocation, message: "the element's brackets do not match; the rest of the file cannot be read"))
        }
    }

    // MARK: - Scanning and parsing one value

    private enum ScanResult {
        case complete(length: Int)
        /// The file ends inside the value; names what is open ("an object", "a string").
        case truncated(String)
        case tooLarge
        /// A closing bracket at this offset from the start closes nothing.
        case unbalanced(Int)
    }

    /// Finds the end of the JSON value at the current position by its brackets and
    /// strings, reading more of the file as needed. Contents are checked by the parser.
    private func scanValue() throws(InputError) -> ScanResult {
        var state = ScanState(opener: buffer[position])
        var offset = 0
        while true {
            let start = position + offset
            let outcome = input.withBytes { bytes in state.scan(bytes, from: start) }
            switch outcome {
            case .complete(let end):
                return .complete(length: end - position)
            case .unbalanced(let index):
                return .unbalanced(index - position)
            case .needMore:
                offset = input.unconsumedCount
                if offset > InventoryFileReader.maxDocumentBytes { return .tooLarge }
                if !(try input.fill()) {
                    if state.inString { return .truncated("a string") }
                    if state.depth > 0 { return .truncated(state.opener == UInt8(ascii: "[") ? "an array" : "an object") }
                    return .complete(length: offset)
                }
            }
        }
    }

    /// The bracket and string state of a scan, kept across buffer refills.
    private struct ScanState {
        var opener: UInt8
        var depth = 0
        var inString = false
        /// A backslash ended the last scanned bytes inside a string.
        var pendingEscape = false

        enum Outcome {
            /// The value ends just before this buffer index.
            case complete(Int)
            /// A closing bracket at this buffer index closes nothing.
            case unbalanced(Int)
            case needMore
        }

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Outcome {
            var index = start
            if pendingEscape, index < bytes.count {
                pendingEscape = false
                index += 1
            }
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    if byte == UInt8(ascii: "\\") {
                        if index + 1 >= bytes.count {
                            pendingEscape = true
                            return .needMore
                        }
                        index += 2
                        continue
                    }
                    if byte == UInt8(ascii: "\"") { inString = false }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""):
                        inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        if depth == 0 { opener = byte }
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        if depth == 0 { return .unbalanced(index) }
                        depth -= 1
                        if depth == 0 { return .complete(index + 1) }
                    case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                        // A scalar at the top level ends at a separator.
                        if depth == 0 { return .complete(index) }
                    default:
                        break
                    }
                }
                index += 1
            }
            return .needMore
        }
    }

    /// Copies out the bytes of one document, without surrounding white space; parsing
    /// is left to the caller, which may do it on another thread.
    private func parseDocument(from start: Int, to end: Int, location: InventoryLocation, startLine: Int) -> Item? {
        let bytes = input.withBytes { buffer -> [UInt8]? in
            var trimmedEnd = end
            while trimmedEnd > start, [0x20, 0x09, 0x0D, 0x0A].contains(buffer[trimmedEnd - 1]) { trimmedEnd -= 1 }
            if trimmedEnd == start { return nil }
            return Array(buffer[start..<trimmedEnd])
        }
        return bytes.map { .document(RawDocument(bytes: $0, location: location, sequence: 0)) }
    }
}
