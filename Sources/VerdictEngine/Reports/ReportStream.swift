/// Where a report goes, written in pieces so that a report of many results is never
/// held in memory whole.
public final class ReportStream {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) throws -> Void
    private var failure: Error?
    private static let flushThreshold = 1 << 20

    /// `sink` receives the bytes in order, in pieces of about a megabyte.
    public init(sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink
        buffer.reserveCapacity(ReportStream.flushThreshold + 4096)
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        flushIfFull()
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    /// Appends a JSON string literal for `text`.
    func writeJSONString(_ text: String) {
        JSONWriter.appendString(text, to: &buffer)
        flushIfFull()
    }

    /// Appends the JSON text of a value (compact).
    func writeJSON(_ value: Value) {
        JSONWriter.write(value, pretty: false, sortedKeys: false, into: &buffer)
        flushIfFull()
    }

    private func flushIfFull() {
        if buffer.count >= ReportStream.flushThreshold { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        do {
            try sink(buffer)
        } catch {
            failure = error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered; throws the first error the sink raised.
    public func finish() throws {
        flush()
        if let failure { throw failure }
    }

    /// A stream that collects the whole report, for tests and small outputs.
    public static func collecting() -> (ReportStream, () -> String) {
        final class Collector: @unchecked Sendable {
            var bytes: [UInt8] = []
        }
        let collector = Collector()
        let stream = ReportStream { collector.bytes.append(contentsOf: $0) }
        return (stream, {
            try? stream.finish()
            return String(decoding: collector.bytes, as: UTF8.self)
        })
    }
}

import VerdictLanguage
