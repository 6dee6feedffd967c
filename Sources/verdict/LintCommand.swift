import Foundation
import VerdictEngine
import VerdictPolicy

/// `verdict lint`: checks policy and pack files for mistakes before they run.
enum LintCommand {
    static func run(_ arguments: [String]) -> ExitCode {
        // TODO: the full lint with the type checker and resource schemas.
        let paths = arguments.isEmpty ? [ShippedFiles.locate(ShippedFiles.policiesDirectory) ?? "policies"] : arguments
        let catalog = PolicyCatalog.load(paths: paths)
        Diagnostics.print(catalog.diagnostics)
        return catalog.hasErrors ? .violations : .success
    }
}
