public import Ontology

/// An ontology term as curated knowledge uses it: the id, its label, and the source of the mapping.
public struct SourcedTerm: Hashable, Sendable, Codable {
    public var id: TermID
    public var label: String
    public var source: String

    public init(id: TermID, label: String, source: String) {
        self.id = id
        self.label = label
        self.source = source
    }
}
