/// A curated knowledge file could not be found, read or decoded, or holds an inconsistent fact.
public struct KnowledgeError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file (or setting) concerned, e.g. `labs.json`.
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "knowledge file \(file): \(reason)" }
}
