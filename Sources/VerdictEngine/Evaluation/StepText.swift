/// The source text of a sub-expression as an explanation step shows it, in every report
/// format: on one line, with runs of white space outside string literals collapsed to
/// one space, and elided in the middle when long. Eliding the middle keeps the start,
/// which names what is read, and the end, which usually contains the comparison that
/// decided, so two long steps that share a start still read differently.
enum StepText {
    /// The maximum length, in characters, of a text shown whole.
    static let maxLength = 100
    /// How many characters of the start and of the end a long text keeps.
    static let keptAtEachEnd = 45

    static func shortened(_ source: String) -> String {
        let text = balancingParentheses(collapsingWhiteSpace(source))
        guard text.count > maxLength else { return text }
        let start = text.prefix(keptAtEachEnd).trimmingTrailingSpaces()
        let end = text.suffix(keptAtEachEnd).drop { $0 == " " }
        return start + " … " + end
    }

    /// Collapses each run of white space to one space, except inside string literals,
    /// whose spaces are part of the value. Leading and trailing white space goes.
    static func collapsingWhiteSpace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var literals = StringLiteralTracker()
        var pendingSpace = false
        for character in text {
            let inLiteral = literals.isInLiteral(character)
            if !inLiteral && character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(character)
        }
        return result
    }

    /// Adds the parentheses that a node's source span leaves out. The span of an operator
    /// runs from the start of its left operand to the end of its right one, so in
    /// `(a || b) && c` the `&&` node's text is `a || b) && c`. The missing `(` belongs at
    /// the start and a missing `)` at the end.
    static func balancingParentheses(_ text: String) -> String {
        var unopened = 0
        var unclosed = 0
        var literals = StringLiteralTracker()
        for character in text where !literals.isInLiteral(character) {
            if character == "(" {
                unclosed += 1
            } else if character == ")" {
                if unclosed > 0 { unclosed -= 1 } else { unopened += 1 }
            }
        }
        guard unopened > 0 || unclosed > 0 else { return text }
        return String(repeating: "(", count: unopened) + text + String(repeating: ")", count: unclosed)
    }
}

/// Tells, character by character, whether a CEL source text is inside a string literal
/// quoted with `"` or `'`. A triple-quoted literal reads as three literals in a row, so
/// its content also counts as inside.
private struct StringLiteralTracker {
    private var quote: Character?
    private var escaped = false

    /// Returns whether `character` belongs to a string literal, its quotes included.
    mutating func isInLiteral(_ character: Character) -> Bool {
        if let open = quote {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == open {
                quote = nil
            }
            return true
        }
        guard character == "\"" || character == "'" else { return false }
        quote = character
        return true
    }
}

private extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
