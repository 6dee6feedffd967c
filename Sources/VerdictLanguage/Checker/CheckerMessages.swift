/// The checker's messages and diagnostic ids, in one place so they read in one voice.
enum CheckerMessage {
    /// A type with its indefinite article: "an int", "a list(string)".
    static func article(_ type: StaticType) -> String {
        let name = type.description
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }

    static func undeclaredReference(_ name: String, candidates: [String]) -> (String, String) {
        ("undeclared-reference", "undeclared reference to '\(name)'" + Suggestions.phrase(for: name, in: candidates))
    }

    static func unknownField(_ field: String, in schema: ObjectSchema) -> (String, String) {
        let suggestion = Suggestions.phrase(for: field, in: schema.fieldOrder)
        let known = suggestion.isEmpty && schema.fieldOrder.count <= 12 && !schema.fieldOrder.isEmpty
            ? "; its fields are " + schema.fieldOrder.joined(separator: ", ") : ""
        return ("unknown-field", "'\(field)' is not a field of \(schema.name)\(suggestion)\(known)")
    }

    static func noFields(_ field: String, on type: StaticType) -> (String, String) {
        ("no-fields", "\(article(type)) has no fields, so '.\(field)' cannot be selected")
    }

    static func undeclaredFunction(_ name: String, candidates: [String]) -> (String, String) {
        ("unknown-function", "undeclared function '\(name)'" + Suggestions.phrase(for: name, in: candidates))
    }

    static func isMethod(_ name: String) -> (String, String) {
        ("wrong-call-style", "'\(name)' is a method: write value.\(name)(...)")
    }

    static func isFunction(_ name: String) -> (String, String) {
        ("wrong-call-style", "'\(name)' is a function, not a method: write \(name)(...)")
    }

    static func argumentCount(_ name: String, expected: [Int], given: Int) -> (String, String) {
        let counts = expected.sorted().map(String.init)
        let listed = counts.count == 1 ? counts[0] : counts.dropLast().joined(separator: ", ") + " or " + counts.last!
        return ("wrong-argument-count", "'\(Operator.displayName(name))' takes \(listed) argument\(expected == [1] ? "" : "s") but is given \(given)")
    }

    static func noOverload(_ name: String, _ types: [StaticType]) -> (String, String) {
        ("no-matching-overload", "no overload of '\(Operator.displayName(name))' takes (\(types.map(\.description).joined(separator: ", ")))")
    }

    static func incompatibleComparison(_ symbol: String, _ left: StaticType, _ right: StaticType) -> (String, String) {
        let outcome = symbol == "!=" ? "always true" : "always false"
        return ("incompatible-comparison", "'\(symbol)' compares \(article(left)) with \(article(right)), which is \(outcome); check the field's type")
    }

    static func incompatibleMembership(_ element: StaticType, _ container: StaticType) -> (String, String) {
        ("incompatible-comparison", "'in' looks for \(article(element)) in \(article(container)), where it can never be found; check the field's type")
    }

    static func incompatibleFieldValue(_ function: String, path: String, field: StaticType, value: StaticType) -> (String, String) {
        ("incompatible-comparison",
         "\(function)() looks for \(article(value)) in field '\(path)', which is \(article(field)), so it never finds one; check the field's type")
    }

    static func notBool(_ what: String, _ type: StaticType) -> (String, String) {
        ("not-a-bool", "\(what) must be a bool but is \(article(type))")
    }

    static func notIterable(_ macro: String, _ type: StaticType) -> (String, String) {
        ("not-iterable", "\(macro)() applies to a list or map, not to \(article(type))")
    }
}
