/// The JSON path in the resource document that a value was read from, such as
/// `Configuration.Rules[2].Zone`, and the paths of its elements when it is a list.
///
/// A list made from a field of every element of another list has `[*]` for the index:
/// `config.Rules.map(r, r.Zone)` reads `Configuration.Rules[*].Zone`, and its element 2 is
/// `Configuration.Rules[2].Zone`. After `filter` or `distinct` the indexes no longer match
/// the document, so every element has the `[*]` path.
struct FieldPath {
    /// The path as a step shows it.
    let text: String
    private let elements: Elements

    private enum Elements {
        /// Element `i` is at `base[i]` followed by `suffix`.
        case indexed(base: String, suffix: String)
        /// The document index of an element is unknown, so every element has this path.
        case unindexed(String)
    }

    /// Creates the path of a value read as it is from the document.
    init(_ text: String) {
        self.text = text
        elements = .indexed(base: text, suffix: "")
    }

    private init(text: String, elements: Elements) {
        self.text = text
        self.elements = elements
    }

    /// Returns the path of the member `name`; the empty path is the document itself.
    func field(_ name: String) -> FieldPath {
        FieldPath(text.isEmpty ? name : "\(text).\(name)")
    }

    /// Returns the path of a map value read with a constant key, such as `Tags["env"]`.
    func key(_ quotedKey: String) -> FieldPath {
        FieldPath("\(text)[\(quotedKey)]")
    }

    /// Returns the path of the list element at `index`.
    func element(_ index: Int) -> FieldPath {
        switch elements {
        case .indexed(let base, let suffix): return FieldPath("\(base)[\(index)]\(suffix)")
        case .unindexed(let path): return FieldPath(path)
        }
    }

    /// Returns the path with `note` appended, such as ` (JSON)` for text parsed as JSON.
    func annotated(_ note: String) -> FieldPath {
        FieldPath(text + note)
    }

    /// Returns the path of the list that `map` makes by reading `suffix` from each element.
    /// A map with a filter drops elements, so its indexes no longer match this list's.
    func mapped(_ suffix: String, keepsEveryElement: Bool) -> FieldPath {
        let text = anyElement + suffix
        switch elements {
        case .indexed(let base, let elementSuffix) where keepsEveryElement:
            return FieldPath(text: text, elements: .indexed(base: base, suffix: elementSuffix + suffix))
        default:
            return FieldPath(text: text, elements: .unindexed(text))
        }
    }

    /// Returns the path of a list that keeps some of this list's elements, in any order,
    /// as `filter`, `distinct` and `sort` make.
    func subset() -> FieldPath {
        FieldPath(text: text, elements: .unindexed(anyElement))
    }

    /// The path that stands for every element: `Rules[*]`.
    private var anyElement: String {
        switch elements {
        case .indexed(let base, let suffix): return "\(base)[*]\(suffix)"
        case .unindexed(let path): return path
        }
    }
}
