/// A source that curated facts cite by key (`S1` ... `S27`): the full citation as the domain brief
/// gives it, with PubMed ids where it gives them.
public struct MonographSource: Sendable, Hashable, Codable {
    public var key: String
    public var citation: String
    public var pmids: [String]

    public init(key: String, citation: String, pmids: [String] = []) {
        self.key = key
        self.citation = citation
        self.pmids = pmids
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case key, citation, pmids }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        citation = try c.decode(String.self, forKey: .citation)
        pmids = try c.decodeIfPresent([String].self, forKey: .pmids) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(citation, forKey: .citation)
        if !pmids.isEmpty { try c.encode(pmids, forKey: .pmids) }
    }
}

/// The shared source list, `Knowledge/monographs/sources.json`.
public struct MonographSourceList: Sendable, Hashable, Codable {
    public var description: String
    public var sources: [MonographSource]

    public init(description: String, sources: [MonographSource]) {
        self.description = description
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case description, sources }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        description = try c.decode(String.self, forKey: .description)
        sources = try c.decode([MonographSource].self, forKey: .sources)
    }

    public subscript(key: String) -> MonographSource? { sources.first { $0.key == key } }
}
