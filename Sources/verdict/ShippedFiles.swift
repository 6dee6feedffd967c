import Foundation

/// Finds the policies, schemas and example inventory shipped with Verdict when the user
/// names none. Each is looked up in this order: the directory named by the environment
/// variable `VERDICT_HOME`, then the directories above the executable (where they are
/// when Verdict runs from its source tree), then the current directory.
enum ShippedFiles {
    static let policiesDirectory = "policies"
    static let schemasDirectory = "schemas"
    static let defaultPack = "genai-best-practices"
    static let exampleInventory = "examples/inventory"
    static let homeVariable = "VERDICT_HOME"

    /// The shipped file or directory at a relative path, or nil when none is found.
    static func locate(_ relativePath: String) -> String? {
        let manager = FileManager.default
        for directory in searchDirectories() {
            let candidate = directory == "." ? relativePath : (directory as NSString).appendingPathComponent(relativePath)
            if manager.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The directories searched, in order.
    static func searchDirectories() -> [String] {
        var directories: [String] = []
        if let home = ProcessInfo.processInfo.environment[homeVariable], !home.isEmpty {
            directories.append(home)
        }
        var directory = URL(fileURLWithPath: executablePath()).deletingLastPathComponent()
        for _ in 0..<6 {
            directories.append(directory.path)
            guard directory.path != "/" else { break }
            directory.deleteLastPathComponent()
        }
        directories.append(".")
        return directories
    }

    /// The schemas to type-check conditions against: those named with `--schemas`, else
    /// the shipped ones. When neither exists, warns (unless `quiet`) that field names go
    /// unchecked and says how to fix it.
    static func schemaPaths(given: [String], quiet: Bool) -> [String] {
        if !given.isEmpty { return given }
        if let shipped = locate(schemasDirectory) { return [shipped] }
        if !quiet {
            Console.warn("no schemas/ directory found (looked in \(searchedPlaces())), so field names in conditions cannot be checked; "
                + "set \(homeVariable) to the directory that contains Verdict's policies/ and schemas/, or pass --schemas PATH")
        }
        return []
    }

    /// Where the lookup went, for messages.
    static func searchedPlaces() -> String {
        var places: [String] = []
        if let home = ProcessInfo.processInfo.environment[homeVariable], !home.isEmpty {
            places.append("\(homeVariable)=\(home)")
        } else {
            places.append("\(homeVariable), which is not set")
        }
        places.append("the directories above \(executablePath())")
        places.append("the current directory")
        return places.joined(separator: ", ")
    }

    /// The running executable, symbolic links resolved: /proc/self/exe on Linux, whatever
    /// directory the command was found in through PATH.
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }
}
