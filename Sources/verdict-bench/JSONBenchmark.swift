import Foundation
import VerdictLanguage

/// Throughput of Verdict's JSON reader against Foundation's JSONSerialization, on
/// newline-delimited cloud resource documents built in memory.
enum JSONBenchmark {
    static func run(megabytes: Int) -> String {
        let lines = corpus(bytes: megabytes << 20)
        let totalBytes = lines.reduce(0) { $0 + $1.count }
        var parsed = 0
        let verdictSeconds = Measurement.seconds {
            for line in lines where (try? JSONReader.parse(line)) != nil { parsed += 1 }
        }
        var foundationParsed = 0
        let foundationSeconds = Measurement.seconds {
            for line in lines where (try? JSONSerialization.jsonObject(with: Data(line))) != nil { foundationParsed += 1 }
        }
        let megabytesTotal = Double(totalBytes) / 1_048_576
        return """
            documents: \(lines.count), \(Measurement.format(megabytesTotal)) MiB
            JSONReader (Verdict)        \(Measurement.format(megabytesTotal / verdictSeconds)) MiB/s  (\(parsed) parsed)
            JSONSerialization (Foundation) \(Measurement.format(megabytesTotal / foundationSeconds)) MiB/s  (\(foundationParsed) parsed)
            """
    }

    /// Documents shaped like Cloud Config records with 20 to 60 short keys.
    static func corpus(bytes: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var total = 0
        var index = 0
        while total < bytes {
            let line = Array(document(index).utf8)
            total += line.count
            lines.append(line)
            index += 1
        }
        return lines
    }

    static func document(_ index: Int) -> String {
        var fields: [String] = []
        for field in 0..<(20 + index % 40) {
            switch field % 5 {
            case 0: fields.append("\"Field\(field)\": \"value-\(index)-\(field)\"")
            case 1: fields.append("\"Count\(field)\": \(index * field)")
            case 2: fields.append("\"Enabled\(field)\": \(index % 2 == 0)")
            case 3: fields.append("\"Ratio\(field)\": \(Double(index) / 7.0)")
            default: fields.append("\"Tags\(field)\": [{\"TagKey\": \"env\", \"TagValue\": \"prod\"}, {\"TagKey\": \"team\", \"TagValue\": \"ai\"}]")
            }
        }
        return "{\"AccountId\": \"1234567890120000\", \"Region\": \"cn-hangzhou\", \"ResourceType\": \"ACS::OSS::Bucket\", \"ResourceId\": \"bucket-\(index)\", \"Configuration\": {\(fields.joined(separator: ", "))}}"
    }
}
