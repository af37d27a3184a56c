public import Ontology

/// The chance that a child inherits the family's GNAS variant.
/// JSON: `{"kind": "probability", "value": 0.5}` or `{"kind": "low but not zero"}`.
public enum InheritanceChance: Hashable, Sendable, Codable {
    case probability(Double)
    /// Parents tested negative: germline mosaicism remains possible.
    case lowButNotZero
    /// Cannot be given until someone is tested.
    case unknownUntilTested
    /// Not above the general population.
    case populationLevel

    private enum CodingKeys: String, CodingKey { case kind, value }

    private var kind: String {
        switch self {
        case .probability: "probability"
        case .lowButNotZero: "low but not zero"
        case .unknownUntilTested: "unknown until tested"
        case .populationLevel: "population level"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        if case .probability(let p) = self { try c.encode(p, forKey: .value) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "probability": self = .probability(try c.decode(Double.self, forKey: .value))
        case "low but not zero": self = .lowButNotZero
        case "unknown until tested": self = .unknownUntilTested
        case "population level": self = .populationLevel
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown kind of chance")
        }
    }
}

/// The risk for one child or future child.
public struct RiskEntry: Hashable, Sendable, Codable {
    /// The individual's id, or nil for a future child.
    public var individual: String?
    /// Who this is: "child of I-1", "future child of I-1 and I-2".
    public var relation: String
    public var chance: InheritanceChance
    /// The chance in words: "50%", "low but not zero (germline mosaicism)".
    public var chanceText: String
    /// The parent the variant would come from.
    public var transmittingParent: ParentOfOrigin?
    public var expectedPhenotypes: [String]
    public var phenotypeText: String?
    public var inheritanceTerm: TermID?
    public var explanation: String
    public var sources: [String]
}

/// Recurrence risks in a family, with the tests that would sharpen them.
public struct FamilyRisk: Hashable, Sendable, Codable {
    public var proband: String?
    /// How the proband got the variant, as far as the pedigree tells: paternal, maternal, de novo or unknown.
    public var probandOrigin: ParentOfOrigin?
    public var entries: [RiskEntry]
    public var nextSteps: [String]
    public var knowledgeVersion: String
}

/// Which parent `ossify risk --parent` speaks of.
public enum ParentRole: String, Sendable, Codable, CaseIterable {
    case father, mother

    public var origin: ParentOfOrigin { self == .father ? .paternal : .maternal }
}
