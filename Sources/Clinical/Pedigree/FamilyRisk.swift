public import Ontology

/// The chance that a child inherits the family's GNAS variant.
public enum InheritanceChance: Hashable, Sendable, Codable {
    case probability(Double)
    /// Parents tested negative: germline mosaicism remains possible.
    case lowButNotZero
    /// Cannot be given until someone is tested.
    case unknownUntilTested
    /// Not above the general population.
    case populationLevel
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
