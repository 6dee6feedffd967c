import Foundation

/// Finds the policies and example inventory shipped with Verdict when the user names none:
/// first in the current directory, then in the directories above the executable (where
/// they are when Verdict runs from its source tree with `swift run`).
enum ShippedFiles {
    static let policiesDirectory = "policies"
    static let schemasDirectory = "schemas"
    static let defaultPack = "genai-best-practices"
    static let exampleInventory = "examples/inventory"

    /// The shipped file or directory at a relative path, or nil when none is found.
    static func locate(_ relativePath: String) -> String? {
        let manager = FileManager.default
        if manager.fileExists(atPath: relativePath) { return relativePath }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(relativePath).path
            if manager.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
