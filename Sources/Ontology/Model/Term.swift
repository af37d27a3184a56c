/// The scope of a synonym in OBO: how closely it matches the term's meaning.
public enum SynonymScope: String, Sendable, Codable, CaseIterable {
    case exact = "EXACT", broad = "BROAD", narrow = "NARROW", related = "RELATED"
}

public struct Synonym: Hashable, Sendable, Codable {
    public var text: String
    public var scope: SynonymScope
    /// The synonym type, e.g. `layperson` or `abbreviation`, when given.
    public var type: String?

    public init(text: String, scope: SynonymScope, type: String? = nil) {
        self.text = text
        self.scope = scope
        self.type = type
    }
}

/// One term of the ontology as the OBO file states it.
public struct Term: Hashable, Sendable, Codable {
    public var id: TermID
    public var name: String
    public var definition: String?
    public var comment: String?
    public var synonyms: [Synonym]
    public var parents: [TermID]
    public var altIDs: [TermID]
    public var isObsolete: Bool
    public var replacedBy: TermID?
    public var consider: [TermID]
    public var xrefs: [String]
    public var subsets: [String]

    public init(id: TermID, name: String = "", definition: String? = nil, comment: String? = nil,
                synonyms: [Synonym] = [], parents: [TermID] = [], altIDs: [TermID] = [],
                isObsolete: Bool = false, replacedBy: TermID? = nil, consider: [TermID] = [],
                xrefs: [String] = [], subsets: [String] = []) {
        self.id = id
        self.name = name
        self.definition = definition
        self.comment = comment
        self.synonyms = synonyms
        self.parents = parents
        self.altIDs = altIDs
        self.isObsolete = isObsolete
        self.replacedBy = replacedBy
        self.consider = consider
        self.xrefs = xrefs
        self.subsets = subsets
    }
}
