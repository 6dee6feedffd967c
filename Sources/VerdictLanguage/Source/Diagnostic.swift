/// A message about a place in a source: a syntax error, a type error, a lint finding.
public struct Diagnostic: Sendable, Error {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: return 2
            case .warning: return 1
            case .note: return 0
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable identifier of the kind of problem, such as `syntax-error`.
    public var id: String
    public var message: String
    public var span: SourceSpan
    public var source: Source

    public init(severity: Severity = .error, id: String, message: String, span: SourceSpan, source: Source) {
        self.severity = severity
        self.id = id
        self.message = message
        self.span = span
        self.source = source
    }

    /// The 1-based position where the problem starts.
    public var location: SourceLocation { source.location(of: span.start) }

    /// The diagnostic as `NAME:LINE:COLUMN: SEVERITY: message [id]`, the source line and a
    /// caret under the position.
    public func rendered(showsSourceLine: Bool = true) -> String {
        let location = self.location
        var text = "\(source.name):\(location.line):\(location.column): \(severity.rawValue): \(message) [\(id)]"
        guard showsSourceLine else { return text }
        let line = source.lineText(location.line)
        if line.isEmpty && location.column == 1 { return text }
        text += "\n" + line + "\n" + Diagnostic.caretLine(under: line, column: location.column)
        return text
    }

    /// Spaces up to the column, keeping tabs and double width for wide characters so the
    /// caret lands under the character on a terminal.
    static func caretLine(under line: String, column: Int) -> String {
        var prefix = ""
        for (index, scalar) in line.unicodeScalars.enumerated() where index < column - 1 {
            if scalar == "\t" {
                prefix += "\t"
            } else if isWide(scalar) {
                prefix += "  "
            } else {
                prefix += " "
            }
        }
        return prefix + "^"
    }

    /// East Asian wide and fullwidth ranges, which terminals draw two cells wide.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension Diagnostic: CustomStringConvertible {
    public var description: String { rendered() }
}

/// Collects diagnostics up to a limit, counting those left out so the report can say so.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []
    public private(set) var omittedCount = 0
    public let limit: Int

    public init(limit: Int = 100) {
        self.limit = limit
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        if items.count < limit {
            items.append(diagnostic)
        } else {
            omittedCount += 1
        }
    }

    public mutating func append(contentsOf other: DiagnosticList) {
        for item in other.items { append(item) }
        omittedCount += other.omittedCount
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } || omittedCount > 0 }
    public var isEmpty: Bool { items.isEmpty && omittedCount == 0 }
}
