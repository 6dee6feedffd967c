import VerdictLanguage
import VerdictPolicy

/// Loading one policy text the way the loader tests look at it.
enum PolicyLoading {
    /// Loads `text` as the file `p.yaml`.
    static func load(_ text: String) -> PolicyCatalog {
        var catalog = PolicyCatalog()
        catalog.loadText(text, name: "p.yaml")
        return catalog
    }

    /// Returns the diagnostics of loading `text`, each as `LINE:COLUMN id: message`.
    static func problems(_ text: String) -> [String] {
        load(text).diagnostics.map { "\($0.location.line):\($0.location.column) \($0.id): \($0.message)" }
    }
}
