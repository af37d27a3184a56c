/// A curated fact with its provenance: the value, the keys of the sources that state it (into the
/// shared source list), and, when domain knowledge could not be checked against a primary source,
/// the `unconfirmed` mark with a note saying what is unconfirmed.
///
/// In JSON: `{"value": ..., "sources": ["S1", "S4"], "unconfirmed": true, "note": "..."}`; `unconfirmed`
/// and `note` are optional, `sources` is required and must not be empty.
public struct Sourced<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var value: Value
    public var sources: [String]
    /// True when the fact is marked UNCONFIRMED in the domain brief: show it to the user as such.
    public var unconfirmed: Bool
    /// A curator's note: what is unconfirmed, or how the value was mapped.
    public var note: String?

    public init(_ value: Value, sources: [String], unconfirmed: Bool = false, note: String? = nil) {
        self.value = value
        self.sources = sources
        self.unconfirmed = unconfirmed
        self.note = note
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case value, sources, unconfirmed, note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        value = try c.decode(Value.self, forKey: .value)
        sources = try c.decode([String].self, forKey: .sources)
        unconfirmed = try c.decodeIfPresent(Bool.self, forKey: .unconfirmed) ?? false
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(sources, forKey: .sources)
        if unconfirmed { try c.encode(true, forKey: .unconfirmed) }
        try c.encodeIfPresent(note, forKey: .note)
    }

    /// The provenance alone, for walks over every fact of a monograph.
    public var provenance: Provenance {
        Provenance(sources: sources, unconfirmed: unconfirmed, note: note)
    }
}

/// Where a fact comes from and whether it is confirmed.
public struct Provenance: Sendable, Hashable {
    public var sources: [String]
    public var unconfirmed: Bool
    public var note: String?
}
