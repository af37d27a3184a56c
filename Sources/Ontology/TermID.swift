/// An ontology identifier such as `HP:0034282`, `OMIM:166350` or `ORPHA:2762`: a prefix and a local id.
///
/// HPO term ids are always `HP:` followed by seven digits; ``TermID/hpo(_:)`` builds one from its number.
public struct TermID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let prefix: String
    public let local: String

    /// Parses `PREFIX:LOCAL`. Returns nil when there is no colon or either side is empty or contains
    /// white space.
    public init?(_ text: some StringProtocol) {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let p = text[..<colon], l = text[text.utf8.index(after: colon)...]
        guard !p.isEmpty, !l.isEmpty, !Self.hasWhitespace(p), !Self.hasWhitespace(l) else { return nil }
        prefix = String(p)
        local = String(l)
    }

    /// White space anywhere in `s`; ASCII text (every id in practice) is checked byte by byte, which
    /// is many times faster than Character.isWhitespace (ids are parsed by the million in exports).
    static func hasWhitespace(_ s: some StringProtocol) -> Bool {
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == 0x20 || (0x09...0x0D).contains(b) { return true }
        }
        return ascii ? false : s.contains(where: \.isWhitespace)
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
