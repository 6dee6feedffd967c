/// Simple Unicode case folding: which scalars are equal when case is ignored.
///
/// Swift's standard library exposes case mappings but no case-folding table, so the
/// table is derived from the mappings once, on first use. Two scalars are equivalent
/// when one maps to the other through a single-scalar lowercase or uppercase mapping,
/// which gives classes such as {k, K, U+212A KELVIN SIGN} and {s, S, U+017F LONG S}.
/// Scalars that full case folding leaves alone (`changesWhenCaseFolded` is false),
/// such as U+0131 DOTLESS I, contribute no mapping of their own, as in CaseFolding.txt.
/// A short list adds the few folds that the mappings miss.
enum CaseFolding {
    /// The fold classes, built on first use. A static `let` is initialized once, thread-safely.
    private static let table = FoldTable()

    /// Returns the scalars equal to `scalar` under simple case folding, itself included, sorted.
    static func equivalents(of scalar: UInt32) -> [UInt32] {
        guard let orbit = table.orbitIndex[scalar] else { return [scalar] }
        return table.orbits[orbit]
    }

    /// Returns the members of `characterClass` that have case-fold equivalents.
    static func foldableScalars(in characterClass: CharacterClass) -> [UInt32] {
        let scalars = table.foldableScalars
        var found: [UInt32] = []
        for range in characterClass.ranges {
            var index = firstIndex(in: scalars, notBelow: range.lowerBound)
            while index < scalars.count, scalars[index] <= range.upperBound {
                found.append(scalars[index])
                index += 1
            }
        }
        return found
    }

    private static func firstIndex(in sorted: [UInt32], notBelow value: UInt32) -> Int {
        var lower = 0
        var upper = sorted.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if sorted[middle] < value {
                lower = middle + 1
            } else {
                upper = middle
            }
        }
        return lower
    }
}

/// The equivalence classes ("orbits") of simple case folding, built by a union-find
/// over the case mappings of every scalar below U+20000. No cased character lies
/// above U+1FFFF as of Unicode 16.
private struct FoldTable: Sendable {
    let orbits: [[UInt32]]
    let orbitIndex: [UInt32: Int]
    let foldableScalars: [UInt32]

    init() {
        var parent: [UInt32: UInt32] = [:]

        func root(of scalar: UInt32) -> UInt32 {
            var current = scalar
            while let next = parent[current], next != current {
                current = next
            }
            return current
        }

        func join(_ first: UInt32, _ second: UInt32) {
            if parent[first] == nil { parent[first] = first }
            if parent[second] == nil { parent[second] = second }
            let firstRoot = root(of: first)
            let secondRoot = root(of: second)
            if firstRoot != secondRoot {
                parent[max(firstRoot, secondRoot)] = min(firstRoot, secondRoot)
            }
        }

        for value in UInt32(0)..<0x20000 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseFolded else { continue }
            if let target = Self.foldTarget(of: scalar) {
                join(value, target)
            }
        }
        for (first, second) in Self.foldsMissingFromMappings {
            join(first, second)
        }

        var members: [UInt32: [UInt32]] = [:]
        for scalar in parent.keys {
            members[root(of: scalar), default: []].append(scalar)
        }
        var orbits: [[UInt32]] = []
        var orbitIndex: [UInt32: Int] = [:]
        for orbit in members.values {
            let sorted = orbit.sorted()
            for scalar in sorted {
                orbitIndex[scalar] = orbits.count
            }
            orbits.append(sorted)
        }
        self.orbits = orbits
        self.orbitIndex = orbitIndex
        self.foldableScalars = orbitIndex.keys.sorted()
    }

    /// Simple case folds that the case mappings do not imply, because the two scalars
    /// are canonically equivalent rather than case variants. The list is what remained
    /// after comparing every orbit below U+20000 with google-re2 1.1.20251105.
    private static let foldsMissingFromMappings: [(UInt32, UInt32)] = [
        (0x1FBE, 0x03B9),  // GREEK PROSGEGRAMMENI, GREEK SMALL LETTER IOTA
        (0x1FD3, 0x0390),  // two spellings of GREEK SMALL LETTER IOTA WITH DIALYTIKA AND TONOS
        (0x1FE3, 0x03B0),  // two spellings of GREEK SMALL LETTER UPSILON WITH DIALYTIKA AND TONOS
        (0xFB05, 0xFB06),  // LATIN SMALL LIGATURE LONG S T, LATIN SMALL LIGATURE ST
    ]

    /// Returns the scalar that `scalar` folds to, approximated from the case mappings:
    /// its lowercase form, else the lowercase of its uppercase (U+017F LONG S to s),
    /// else its uppercase (Cherokee small letters fold to the capitals).
    private static func foldTarget(of scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        if let lower = singleScalar(scalar.properties.lowercaseMapping), lower.value != value {
            return lower.value
        }
        guard let upper = singleScalar(scalar.properties.uppercaseMapping), upper.value != value else {
            return nil
        }
        if let lowerOfUpper = singleScalar(upper.properties.lowercaseMapping), lowerOfUpper.value != value {
            return lowerOfUpper.value
        }
        return upper.value
    }

    private static func singleScalar(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard scalars.count == 1 else { return nil }
        return scalars.first
    }
}
