import Foundation

// NOTE: temporary stand-in until the linear-time matcher lands; it backtracks.
public struct RegularExpression: @unchecked Sendable {
    let regex: NSRegularExpression

    public init(_ pattern: String) throws(RegexSyntaxError) {
        do {
            regex = try NSRegularExpression(pattern: pattern)
        } catch {
            throw RegexSyntaxError(message: "invalid regular expression", offset: 0)
        }
    }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

public struct RegexSyntaxError: Error, Sendable, Equatable {
    public let message: String
    public let offset: Int
}
