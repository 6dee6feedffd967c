import Foundation
import VerdictLanguage
import VerdictEngine

/// Writes a synthetic inventory of N resource documents as newline-delimited JSON. It
/// copies the documents of a template inventory (the example inventory by default) and
/// renames every resource id per copy, so that related resources still find each other
/// and the mix of verdicts stays that of the template.
enum InventoryGenerator {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(resources: Int, template: String, output: String?) throws {
        let templates = try loadTemplates(template)
        guard !templates.isEmpty else { throw Failure(description: "the template inventory \(template) has no documents") }
        let ids = Set(templates.compactMap { document -> String? in
            guard case .map(let map) = document, case .string(let id)? = map.value(forKey: "ResourceId") else { return nil }
            // Account documents keep their id: account rules look accounts up by AccountId.
            if case .string("ACS::::Account")? = map.value(forKey: "ResourceType") { return nil }
            return id
        })

        // A file output is written atomically, so a failed run never leaves half an inventory.
        let file = try output.map { path in
            do throws(OutputError) { return try AtomicFileWriter(path: path) } catch { throw Failure(description: error.description) }
        }
        func emit(_ bytes: [UInt8]) throws {
            guard let file else { return FileHandle.standardOutput.write(Data(bytes)) }
            do throws(OutputError) { try file.write(bytes) } catch { throw Failure(description: error.description) }
        }

        var buffer: [UInt8] = []
        buffer.reserveCapacity(8 << 20)
        var written = 0
        var copy = 0
        while written < resources {
            for document in templates where written < resources {
                // The first copy keeps the template's ids, so its account documents come first.
                let renamed = copy == 0 ? document : rename(document, ids: ids, suffix: "-g\(copy)")
                JSONWriter.write(renamed, pretty: false, sortedKeys: false, into: &buffer)
                buffer.append(0x0A)
                written += 1
                if buffer.count > 4 << 20 {
                    try emit(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            copy += 1
        }
        try emit(buffer)
        do throws(OutputError) { try file?.commit() } catch { throw Failure(description: error.description) }
    }

    private static func loadTemplates(_ path: String) throws -> [Value] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(description: "no template inventory at \(path)")
        }
        let files = isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".ndjson") }.sorted().map { path + "/" + $0 }
            : [path]
        var documents: [Value] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                documents.append(try JSONReader.parse(String(line)))
            }
        }
        return documents
    }

    /// Renames every string equal to a template resource id, also inside a Configuration
    /// held as a JSON string, and inside JSON strings within it (ACK's `meta_data`).
    private static func rename(_ value: Value, ids: Set<String>, suffix: String) -> Value {
        switch value {
        case .string(let text):
            if ids.contains(text) { return .string(text + suffix) }
            if text.hasPrefix("{") || text.hasPrefix("["), let parsed = try? JSONReader.parse(text) {
                return .string(JSONWriter.string(rename(parsed, ids: ids, suffix: suffix)))
            }
            return value
        case .list(let elements):
            return .list(elements.map { rename($0, ids: ids, suffix: suffix) })
        case .map(let map):
            return .object(zip(map.keys, map.values).map { key, element in
                (JSONWriterKey.text(key), rename(element, ids: ids, suffix: suffix))
            })
        default:
            return value
        }
    }
}

private enum JSONWriterKey {
    static func text(_ key: Value) -> String {
        if case .string(let text) = key { return text }
        return ValueFormatter.literal(key)
    }
}
