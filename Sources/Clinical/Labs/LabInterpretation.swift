public import Ontology

/// Where a result falls against its reference interval.
public enum LabFlag: String, Sendable, Codable, Hashable {
    case low, normal, high
    /// No interval applies (e.g. no default for this age and sex, and none given by the laboratory),
    /// or the patient's age or sex is unknown and the value lies inside some intervals and outside others.
    case unknown
}

/// A value with its unit.
public struct LabQuantity: Sendable, Codable, Hashable {
    public var value: Double
    public var unit: String

    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }
}

/// One lab result read against the curated knowledge: converted, compared, translated into HPO.
public struct LabInterpretation: Sendable, Codable, Hashable {
    public var analyteID: String
    public var analyteName: String
    public var loinc: LabKnowledge.LOINCCode
    /// As entered.
    public var entered: LabQuantity
    public var conventional: LabQuantity
    public var si: LabQuantity
    /// The interval used, in the conventional unit; nil when none applies.
    public var interval: ReferenceInterval?
    public var flag: LabFlag
    /// The HPO term observed because of this result (low or high), if any.
    public var impliedTerm: TermID?
    public var impliedTermLabel: String?
    /// HPO terms a normal result lets one exclude.
    public var excludedTerms: [TermID]
    /// Why the flag is unknown, or how the interval was chosen.
    public var note: String?
}
