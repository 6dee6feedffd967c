import Foundation
import VerdictLanguage

/// Nanoseconds per evaluation of conditions like those of the shipped rules, over one
/// OSS bucket document.
enum ExpressionBenchmark {
    static let document = """
        {"Name": "example-bucket", "CreationDate": "2024-06-29T10:05:12.000Z", "DataRedundancyType": "ZRS",
         "AccessControlList": {"Grant": "private"}, "ServerSideEncryptionRule": {"SSEAlgorithm": "KMS"},
         "HttpsConfiguration": {"TLS": {"Enable": "true", "TLSVersion": ["TLSv1.2", "TLSv1.3"]}},
         "Policy": "{\\"Version\\":\\"1\\",\\"Statement\\":[{\\"Effect\\":\\"Deny\\",\\"Condition\\":{\\"Bool\\":{\\"acs:SecureTransport\\":[\\"false\\"]}}}]}",
         "ReplicationConfiguration": {"Rule": [{"ID": "r1", "Destination": {"Bucket": "b", "Location": "oss-cn-beijing"}},
                                               {"ID": "r2", "Destination": {"Bucket": "c", "Location": "oss-cn-shanghai"}}]}}
        """

    static let expressions: [(String, String)] = [
        ("field path and comparison", #"config.AccessControlList.Grant != "public-read-write""#),
        ("bool or string, list macro", #"config.HttpsConfiguration.TLS.Enable in [true, "true"] && config.HttpsConfiguration.TLS.TLSVersion.all(v, v in params.tlsVersions)"#),
        ("JSON in a string", #"parseJSON(config.Policy).Statement.exists(s, s.Effect == "Deny")"#),
        ("time arithmetic", #"now - timestamp(config.CreationDate) < duration("365d")"#),
        ("regular expression", #"config.Name.matches("^example-[a-z]+$")"#),
        ("map, distinct, count", #"count(config.ReplicationConfiguration.Rule.map(r, r.Destination.Location).distinct()) >= 2"#),
    ]

    static func run(iterations: Int) -> String {
        let config = try! JSONReader.parse(document)
        let params = Value.object([("tlsVersions", .list([.string("TLSv1.2"), .string("TLSv1.3")]))])
        let now = Value.timestamp(Timestamp(rfc3339: "2025-03-10T00:00:00Z")!)
        let environment = Environment(variables: [
            VariableDeclaration("config", .dyn), VariableDeclaration("params", .dyn), VariableDeclaration("now", .timestamp),
        ])
        var lines = ["expression                        ns/evaluation  result", String(repeating: "-", count: 60)]
        for (name, text) in expressions {
            let program = try! environment.compile(text)
            let values: [Value?] = [config, params, now]
            var result = program.evaluate(values)
            let seconds = Measurement.seconds {
                for _ in 0..<iterations { result = program.evaluate(values) }
            }
            let outcome = (try? result.get()).map(ValueFormatter.literal) ?? "error"
            let nanoseconds = seconds / Double(iterations) * 1e9
            lines.append(name.padding(toLength: 34, withPad: " ", startingAt: 0)
                         + Measurement.format(nanoseconds, decimals: 0).leftPadded(9) + "      " + outcome)
        }
        lines.append("")
        lines.append("\(iterations) evaluations each; one thread; peak memory \(Measurement.format(Measurement.peakMemoryMiB())) MiB")
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
