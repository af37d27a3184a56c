/// An ontology identifier such as `HP:0034282`, `OMIM:166350` or `ORPHA:2762`: a prefix and a local id.
///
/// HPO term ids are always `HP:` followed by seven digits; ``TermID/hpo(_:)`` builds one from its number.
public struct TermID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let prefix: String
    public let local: String

    /// Parses `PREFIX:LOCAL`. Returns nil when there is no colon or either side is empty or contains
    /// white space.
    public init?(_ text: some StringProtocol) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let p = text[..<colon], l = text[text.index(after: colon)...]
        guard !p.isEmpty, !l.isEmpty,
              !p.contains(where: \.isWhitespace), !l.contains(where: \.isWhitespace) else { return nil }
        prefix = String(p)
        local = String(l)
    }

    public init(prefix: String, local: String) {
        self.prefix = prefix
        self.local = local
    }

    /// `HP:` id from its number: `TermID.hpo(34282)` is `HP:0034282`.
    public static func hpo(_ number: Int) -> TermID {
        let digits = String(number)
        return TermID(prefix: "HP", local: String(repeating: "0", count: max(0, 7 - digits.count)) + digits)
    }

    /// The number of an `HP:` id, or nil for other prefixes or non-numeric locals.
    public var hpoNumber: Int? { prefix == "HP" ? Int(local) : nil }

    public var description: String { prefix + ":" + local }

    public static func < (a: TermID, b: TermID) -> Bool {
        (a.prefix, a.local) < (b.prefix, b.local)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = TermID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not an ontology id of the form PREFIX:ID"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
