/// The Unicode general categories for `\p{Lu}`, `\pL` and friends, taken from the
/// standard library's `Unicode.Scalar.Properties.generalCategory`.
enum UnicodeGeneralCategories {
    /// Returns the class of a category name such as "L", "Lu" or "Any", or nil for an unknown name.
    ///
    /// As in RE2, "C" covers Cc, Cf, Co and Cs but not the unassigned Cn, which has no name of its own.
    static func characterClass(named name: String) -> CharacterClass? {
        if name == "Any" { return .all }
        if let category = categoriesByName[name] {
            return table.classes[category] ?? .empty
        }
        guard name.count == 1, let letter = name.first else { return nil }

        let members = categoriesByName.filter { $0.key.count == 2 && $0.key.first == letter }
        if members.isEmpty { return nil }
        var ranges: [ClosedRange<UInt32>] = []
        for category in members.values {
            ranges += table.classes[category]?.ranges ?? []
        }
        return CharacterClass(ranges: ranges)
    }

    private static let categoriesByName: [String: Unicode.GeneralCategory] = [
        "Lu": .uppercaseLetter, "Ll": .lowercaseLetter, "Lt": .titlecaseLetter,
        "Lm": .modifierLetter, "Lo": .otherLetter,
        "Mn": .nonspacingMark, "Mc": .spacingMark, "Me": .enclosingMark,
        "Nd": .decimalNumber, "Nl": .letterNumber, "No": .otherNumber,
        "Pc": .connectorPunctuation, "Pd": .dashPunctuation, "Ps": .openPunctuation,
        "Pe": .closePunctuation, "Pi": .initialPunctuation, "Pf": .finalPunctuation,
        "Po": .otherPunctuation,
        "Sm": .mathSymbol, "Sc": .currencySymbol, "Sk": .modifierSymbol, "So": .otherSymbol,
        "Zs": .spaceSeparator, "Zl": .lineSeparator, "Zp": .paragraphSeparator,
        "Cc": .control, "Cf": .format, "Cs": .surrogate, "Co": .privateUse,
    ]

    /// The classes of every category, built by one scan over the code space on first use.
    private static let table = CategoryTable()

    /// Planes 4 to 13 (U+40000 to U+DFFFF) hold no assigned scalar as of Unicode 16, so
    /// the scan skips them. A test checks this against the standard library's data.
    static let unassignedPlanes: ClosedRange<UInt32> = 0x40000...0xDFFFF
}

/// One class per general category, scanned from the standard library's character data.
private struct CategoryTable: Sendable {
    let classes: [Unicode.GeneralCategory: CharacterClass]

    init() {
        var ranges: [Unicode.GeneralCategory: [ClosedRange<UInt32>]] = [:]

        // Consecutive scalars of one category extend the open run; a change of
        // category closes it. This keeps the scan at one dictionary write per run.
        var runCategory: Unicode.GeneralCategory?
        var runStart: UInt32 = 0
        var runEnd: UInt32 = 0

        func closeRun() {
            if let category = runCategory {
                ranges[category, default: []].append(runStart...runEnd)
            }
            runCategory = nil
        }

        let skipped = UnicodeGeneralCategories.unassignedPlanes
        for value in UInt32(0)...CharacterClass.maximumScalar {
            if skipped.contains(value) { continue }
            guard let scalar = Unicode.Scalar(value) else { continue }

            let category = scalar.properties.generalCategory
            if category == runCategory, value == runEnd + 1 {
                runEnd = value
            } else {
                closeRun()
                runCategory = category
                runStart = value
                runEnd = value
            }
        }
        closeRun()

        // Swift strings never contain surrogates, but `\p{Cs}` should still name them.
        ranges[.surrogate, default: []].append(0xD800...0xDFFF)

        classes = ranges.mapValues { CharacterClass(ranges: $0) }
    }
}
