/// One invalid field of a request: its JSON name and why, never its value.
public struct FieldProblem: Sendable, Hashable, Codable {
    public var field: String
    public var reason: String

    public init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }
}
