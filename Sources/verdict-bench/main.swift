import Foundation

// Benchmarks of Verdict, printed as figures: the speed of expressions, of the JSON
// reader, and of a whole evaluation run; and a generator of synthetic inventories.
// Build with `swift build -c release` before measuring.

let usage = """
    usage: verdict-bench COMMAND [OPTIONS]

      expressions [--iterations N]      nanoseconds per evaluation of typical rule conditions
      json [--megabytes N]              MB/s of Verdict's JSON reader and of Foundation's JSONSerialization
      generate --resources N [--template DIR] [--output FILE]
                                        a synthetic inventory of N resources made from the example inventory
      check INVENTORY [--policies DIR] [--workers N] [--explain]
                                        evaluate the shipped pack and print time, resources per second and peak memory
    """

let allArguments = Array(CommandLine.arguments.dropFirst())
guard let command = allArguments.first else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(64)
}
let arguments = Array(allArguments.dropFirst())

@MainActor
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

switch command {
case "expressions":
    print(ExpressionBenchmark.run(iterations: Int(option("--iterations") ?? "") ?? 200_000))
case "json":
    print(JSONBenchmark.run(megabytes: Int(option("--megabytes") ?? "") ?? 50))
case "generate":
    guard let count = Int(option("--resources") ?? "") else {
        FileHandle.standardError.write(Data("verdict-bench generate: give --resources N\n".utf8))
        exit(64)
    }
    do {
        try InventoryGenerator.run(resources: count, template: option("--template") ?? "examples/inventory", output: option("--output"))
    } catch {
        FileHandle.standardError.write(Data("verdict-bench generate: \(error)\n".utf8))
        exit(65)
    }
case "check":
    guard let inventory = arguments.first(where: { !$0.hasPrefix("--") && $0 != option("--policies") && $0 != option("--workers") }) else {
        FileHandle.standardError.write(Data("verdict-bench check: name an inventory\n".utf8))
        exit(64)
    }
    print(CheckBenchmark.run(inventory: inventory, policies: option("--policies") ?? "policies", workers: Int(option("--workers") ?? ""), explain: arguments.contains("--explain")))
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(64)
}
