/// A malformed HGVS expression: what was expected, and where. The message never repeats the input.
public struct HGVSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Zero-based character offset of the problem in the input.
    public let offset: Int
    public let message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid HGVS at character \(offset + 1): \(message)" }

    /// A line with a caret under the offending character, to print under the input.
    public var caretLine: String { String(repeating: " ", count: offset) + "^" }
}
