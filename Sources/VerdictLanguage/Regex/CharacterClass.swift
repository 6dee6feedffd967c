/// A set of Unicode scalar values, stored as sorted, disjoint, non-adjacent ranges.
///
/// Every value is built through `init(ranges:)`, which normalizes the ranges, so the
/// stored form is canonical and `contains` can use a binary search.
struct CharacterClass: Sendable, Hashable {
    static let maximumScalar: UInt32 = 0x10FFFF

    /// The members, sorted by lower bound, with no two ranges overlapping or touching.
    let ranges: [ClosedRange<UInt32>]

    /// Bit `n` set when scalar `n` (below 64) is a member: a fast path for ASCII text.
    private let lowASCIIBits: UInt64

    /// Bit `n - 64` set when scalar `n` (64 to 127) is a member.
    private let highASCIIBits: UInt64

    static let empty = CharacterClass(ranges: [])
    static let all = CharacterClass(ranges: [0...maximumScalar])

    /// Creates the class of the given ranges, which may overlap and come in any order.
    init(ranges unsortedRanges: [ClosedRange<UInt32>]) {
        let sorted = unsortedRanges.sorted { $0.lowerBound < $1.lowerBound }

        // Merge ranges that overlap or touch, so each member lies in exactly one range.
        var merged: [ClosedRange<UInt32>] = []
        merged.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged

        var low: UInt64 = 0
        var high: UInt64 = 0
        for range in merged where range.lowerBound < 128 {
            for scalar in range.lowerBound...min(range.upperBound, 127) {
                if scalar < 64 {
                    low |= 1 << UInt64(scalar)
                } else {
                    high |= 1 << UInt64(scalar - 64)
                }
            }
        }
        lowASCIIBits = low
        highASCIIBits = high
    }

    init(scalars: [UInt32]) {
        self.init(ranges: scalars.map { $0...$0 })
    }

    var isEmpty: Bool { ranges.isEmpty }

    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return lowASCIIBits & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return highASCIIBits & (1 << UInt64(scalar - 64)) != 0 }

        var lower = 0
        var upper = ranges.count
        while lower < upper {
            let middle = (lower + upper) / 2
            let range = ranges[middle]
            if scalar < range.lowerBound {
                upper = middle
            } else if scalar > range.upperBound {
                lower = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    func union(_ other: CharacterClass) -> CharacterClass {
        CharacterClass(ranges: ranges + other.ranges)
    }

    /// Returns the class of every scalar value from 0 to 10FFFF that is not a member.
    func inverted() -> CharacterClass {
        var gaps: [ClosedRange<UInt32>] = []
        var nextStart: UInt32 = 0
        for range in ranges {
            if range.lowerBound > nextStart {
                gaps.append(nextStart...(range.lowerBound - 1))
            }
            nextStart = range.upperBound &+ 1
        }
        if let last = ranges.last, last.upperBound >= Self.maximumScalar {
            return CharacterClass(ranges: gaps)
        }
        gaps.append(nextStart...Self.maximumScalar)
        return CharacterClass(ranges: gaps)
    }

    /// Returns the class extended with every scalar that equals a member under simple
    /// case folding, so `[a-z]` becomes `[A-Za-z\x{17F}\x{212A}]`.
    func addingCaseFoldEquivalents() -> CharacterClass {
        var added: [ClosedRange<UInt32>] = []
        for scalar in CaseFolding.foldableScalars(in: self) {
            for equivalent in CaseFolding.equivalents(of: scalar) {
                added.append(equivalent...equivalent)
            }
        }
        if added.isEmpty { return self }
        return CharacterClass(ranges: ranges + added)
    }
}
