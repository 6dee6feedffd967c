/// The Perl classes (`\d`, `\s`, `\w`) and POSIX bracket classes (`[:alpha:]`), which
/// RE2 defines over ASCII only: `\d` does not match U+0663 ARABIC-INDIC DIGIT THREE.
enum ASCIIClasses {
    static let digit = CharacterClass(ranges: [0x30...0x39])

    /// `\s`: tab, newline, form feed, carriage return and space. Unlike `[[:space:]]`,
    /// RE2's `\s` leaves out the vertical tab.
    static let perlSpace = CharacterClass(scalars: [0x09, 0x0A, 0x0C, 0x0D, 0x20])

    static let word = CharacterClass(ranges: [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F])

    /// Returns the class of a Perl escape letter: `d`, `s` or `w`, or the negated
    /// `D`, `S` or `W` as the positive class with `isNegated` set. Returns nil for other letters.
    static func perlClass(_ letter: Unicode.Scalar) -> (members: CharacterClass, isNegated: Bool)? {
        switch letter {
        case "d", "D": return (digit, letter == "D")
        case "s", "S": return (perlSpace, letter == "S")
        case "w", "W": return (word, letter == "W")
        default: return nil
        }
    }

    /// Returns the class named inside `[: :]`, such as "alpha", or nil for an unknown name.
    static func posixClass(named name: String) -> CharacterClass? {
        switch name {
        case "alnum": return CharacterClass(ranges: [0x30...0x39, 0x41...0x5A, 0x61...0x7A])
        case "alpha": return CharacterClass(ranges: [0x41...0x5A, 0x61...0x7A])
        case "ascii": return CharacterClass(ranges: [0x00...0x7F])
        case "blank": return CharacterClass(scalars: [0x09, 0x20])
        case "cntrl": return CharacterClass(ranges: [0x00...0x1F, 0x7F...0x7F])
        case "digit": return digit
        case "graph": return CharacterClass(ranges: [0x21...0x7E])
        case "lower": return CharacterClass(ranges: [0x61...0x7A])
        case "print": return CharacterClass(ranges: [0x20...0x7E])
        case "punct": return CharacterClass(ranges: [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
        case "space": return CharacterClass(ranges: [0x09...0x0D, 0x20...0x20])
        case "upper": return CharacterClass(ranges: [0x41...0x5A])
        case "word": return word
        case "xdigit": return CharacterClass(ranges: [0x30...0x39, 0x41...0x46, 0x61...0x66])
        default: return nil
        }
    }

    static func isWordCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        default: return false
        }
    }
}
