/// Whether a criterion holds for the patient.
public enum CriterionStatus: String, Sendable, Codable, Hashable {
    case met
    case notMet = "not met"
    case unknown
}

/// One criterion as judged for one patient.
public struct CriterionResult: Sendable, Codable, Hashable {
    public var id: CriterionID
    public var name: String
    public var status: CriterionStatus
    /// What the judgement rests on, in words.
    public var evidence: [String]
    public var source: String
    /// The rule or its threshold is marked UNCONFIRMED in the domain brief.
    public var unconfirmed: Bool
}

/// The iPPSD name of a category (Thiele 2016); the mapping is UNCONFIRMED.
public struct IPPSDName: Sendable, Codable, Hashable {
    public var name: String
    public var unconfirmed: Bool
    public var source: String
    public var note: String
}

/// The result of ``assessGNASSpectrum(_:knowledge:labs:transcript:)``.
public struct SpectrumAssessment: Sendable, Codable, Hashable {
    public var classification: SpectrumClass
    public var name: String
    public var omim: String?
    public var mondo: String?
    public var orpha: String?
    public var ippsd: IPPSDName?
    /// The call rests on missing data and may change with the next steps.
    public var provisional: Bool
    /// Why this category: the reason of the rule that matched.
    public var reason: String
    public var ruleSource: String
    public var ruleUnconfirmed: Bool
    public var criteria: [CriterionResult]
    /// The criteria the call rests on that are unknown: why it is provisional.
    public var unknowns: [String]
    /// Genetics and biochemistry that disagree, each starting with "CONFLICT:".
    public var conflicts: [String]
    /// The FOP precautions, while FOP is suspected or not yet excluded.
    public var precautions: SpectrumKnowledge.Precautions?
    /// The calcinosis look-alikes, when the lesions may be calcification.
    public var differential: SpectrumKnowledge.Precautions?
    /// Tests or examinations that would change the call, most decisive first.
    public var nextSteps: [String]
    /// The 2018 consensus follow-up screens that apply.
    public var followUp: [String]
    public var followUpSource: String
    public var followUpUnconfirmed: Bool
    /// The labs as interpreted (units, intervals, implied HPO terms).
    public var labs: [LabInterpretation]
    /// Inconsistencies and input problems; never patient values.
    public var warnings: [String]
    /// One plain-language sentence.
    public var summary: String
    public var knowledgeVersion: String

    public func criterion(_ id: CriterionID) -> CriterionResult? { criteria.first { $0.id == id } }
}
