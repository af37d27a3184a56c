public import Ontology

/// A curated disease monograph, with the structure of the entries of the taxonomy of rare genetic
/// metabolic bone disorders (Masi et al. 2015): name, identifiers, description, treatment, gene and
/// locus, main clinical features, main biochemical alterations, references; and what the GNAS
/// spectrum needs besides: parent of origin, inheritance, hormone resistance, how the disease is told
/// apart from its neighbours, diagnostic criteria, classification, natural history, assessment.
///
/// Every fact is ``Sourced``. A field the domain brief has no fact for is absent (nil or empty),
/// never filled in. Only `key`, `name` and `description` are required.
public struct Monograph: Sendable, Hashable, Codable {
    /// The file's stable key (its file name without `.json`), e.g. `poh`, `osteoma-cutis`.
    public var key: String
    public var name: Sourced<String>
    public var alternativeNames: [Sourced<String>]
    /// The disease's own ids: OMIM phenotype, ORPHA, MONDO.
    public var identifiers: [Sourced<TermID>]
    /// For a disease without an OMIM entry of its own: the OMIM entry it is an alternative title of.
    public var alternativeTitleOf: Sourced<TermID>?
    public var description: [Sourced<String>]
    public var treatment: [Sourced<String>]
    public var gene: Sourced<GeneLocus>?
    /// The molecular cause: variant class and mechanism.
    public var cause: [Sourced<String>]
    public var parentOfOrigin: Sourced<TransmittingParent>?
    public var inheritance: [Sourced<InheritanceStatement>]
    public var hormoneResistance: Sourced<String>?
    public var ahoFeatures: Sourced<String>?
    public var heterotopicOssification: Sourced<String>?
    public var clinicalFeatures: [Sourced<ClinicalFeature>]
    public var biochemistry: [Sourced<BiochemicalFinding>]
    public var differentials: [Sourced<Differential>]
    public var diagnosticCriteria: [Sourced<String>]
    public var classifications: [Sourced<Classification>]
    public var naturalHistory: [Sourced<String>]
    public var prevalence: Sourced<String>?
    public var assessment: [Sourced<String>]
    /// Management: follow-up screens, when surgery helps.
    public var management: [Sourced<String>]
    /// What to avoid (e.g. the FOP precautions).
    public var safety: [Sourced<String>]
    public var references: [Sourced<LiteratureReference>]

    public init(key: String, name: Sourced<String>, description: [Sourced<String>]) {
        self.key = key
        self.name = name
        self.description = description
        alternativeNames = []
        identifiers = []
        treatment = []
        cause = []
        inheritance = []
        clinicalFeatures = []
        biochemistry = []
        differentials = []
        diagnosticCriteria = []
        classifications = []
        naturalHistory = []
        assessment = []
        management = []
        safety = []
        references = []
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, name, alternativeNames, identifiers, alternativeTitleOf, description, treatment, gene, cause
        case parentOfOrigin, inheritance, hormoneResistance, ahoFeatures, heterotopicOssification
        case clinicalFeatures, biochemistry, differentials, diagnosticCriteria, classifications
        case naturalHistory, prevalence, assessment, management, safety, references
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        name = try c.decode(Sourced<String>.self, forKey: .name)
        alternativeNames = try c.decodeIfPresent([Sourced<String>].self, forKey: .alternativeNames) ?? []
        identifiers = try c.decodeIfPresent([Sourced<TermID>].self, forKey: .identifiers) ?? []
        alternativeTitleOf = try c.decodeIfPresent(Sourced<TermID>.self, forKey: .alternativeTitleOf)
        description = try c.decode([Sourced<String>].self, forKey: .description)
        treatment = try c.decodeIfPresent([Sourced<String>].self, forKey: .treatment) ?? []
        gene = try c.decodeIfPresent(Sourced<GeneLocus>.self, forKey: .gene)
        cause = try c.decodeIfPresent([Sourced<String>].self, forKey: .cause) ?? []
        parentOfOrigin = try c.decodeIfPresent(Sourced<TransmittingParent>.self, forKey: .parentOfOrigin)
        inheritance = try c.decodeIfPresent([Sourced<InheritanceStatement>].self, forKey: .inheritance) ?? []
        hormoneResistance = try c.decodeIfPresent(Sourced<String>.self, forKey: .hormoneResistance)
        ahoFeatures = try c.decodeIfPresent(Sourced<String>.self, forKey: .ahoFeatures)
        heterotopicOssification = try c.decodeIfPresent(Sourced<String>.self, forKey: .heterotopicOssification)
        clinicalFeatures = try c.decodeIfPresent([Sourced<ClinicalFeature>].self, forKey: .clinicalFeatures) ?? []
        biochemistry = try c.decodeIfPresent([Sourced<BiochemicalFinding>].self, forKey: .biochemistry) ?? []
        differentials = try c.decodeIfPresent([Sourced<Differential>].self, forKey: .differentials) ?? []
        diagnosticCriteria = try c.decodeIfPresent([Sourced<String>].self, forKey: .diagnosticCriteria) ?? []
        classifications = try c.decodeIfPresent([Sourced<Classification>].self, forKey: .classifications) ?? []
        naturalHistory = try c.decodeIfPresent([Sourced<String>].self, forKey: .naturalHistory) ?? []
        prevalence = try c.decodeIfPresent(Sourced<String>.self, forKey: .prevalence)
        assessment = try c.decodeIfPresent([Sourced<String>].self, forKey: .assessment) ?? []
        management = try c.decodeIfPresent([Sourced<String>].self, forKey: .management) ?? []
        safety = try c.decodeIfPresent([Sourced<String>].self, forKey: .safety) ?? []
        references = try c.decodeIfPresent([Sourced<LiteratureReference>].self, forKey: .references) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(name, forKey: .name)
        try encodeList(alternativeNames, .alternativeNames, &c)
        try encodeList(identifiers, .identifiers, &c)
        try c.encodeIfPresent(alternativeTitleOf, forKey: .alternativeTitleOf)
        try c.encode(description, forKey: .description)
        try encodeList(treatment, .treatment, &c)
        try c.encodeIfPresent(gene, forKey: .gene)
        try encodeList(cause, .cause, &c)
        try c.encodeIfPresent(parentOfOrigin, forKey: .parentOfOrigin)
        try encodeList(inheritance, .inheritance, &c)
        try c.encodeIfPresent(hormoneResistance, forKey: .hormoneResistance)
        try c.encodeIfPresent(ahoFeatures, forKey: .ahoFeatures)
        try c.encodeIfPresent(heterotopicOssification, forKey: .heterotopicOssification)
        try encodeList(clinicalFeatures, .clinicalFeatures, &c)
        try encodeList(biochemistry, .biochemistry, &c)
        try encodeList(differentials, .differentials, &c)
        try encodeList(diagnosticCriteria, .diagnosticCriteria, &c)
        try encodeList(classifications, .classifications, &c)
        try encodeList(naturalHistory, .naturalHistory, &c)
        try c.encodeIfPresent(prevalence, forKey: .prevalence)
        try encodeList(assessment, .assessment, &c)
        try encodeList(management, .management, &c)
        try encodeList(safety, .safety, &c)
        try encodeList(references, .references, &c)
    }

    private func encodeList<T: Encodable>(_ list: [T], _ key: CodingKeys,
                                          _ c: inout KeyedEncodingContainer<CodingKeys>) throws {
        if !list.isEmpty { try c.encode(list, forKey: key) }
    }

    /// The OMIM phenotype id among the identifiers, if the disease has one.
    public var omimID: TermID? { identifiers.first { $0.value.prefix == "OMIM" }?.value }

    /// The id to show first: the OMIM id, else any own id, else the key.
    public var displayID: String { (omimID ?? identifiers.first?.value)?.description ?? key }
}
