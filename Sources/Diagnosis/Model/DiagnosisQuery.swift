public import Ontology

/// A validated patient description in the engine's terms: term indices of the knowledge base,
/// an onset class, sex and genes.
public struct DiagnosisQuery: Sendable, Equatable {
    public struct Feature: Sendable, Equatable {
        public var term: Int32
        /// Where the feature came from: "phenotype" or the lab result that implied it.
        public var source: String
        public init(term: Int32, source: String = "phenotype") {
            self.term = term
            self.source = source
        }
    }

    public var observed: [Feature]
    public var excluded: [Feature]
    public var onset: OnsetClass?
    public var sex: AnnotationSex?
    /// Knowledge-base gene indices with a reported causal variant.
    public var genes: [Int32]
    /// Disease ids whose likelihood ratio a genotype rule changes (e.g. parent of origin of a GNAS
    /// variant), with the ratio and the rule's source.
    public var genotypeAdjustments: [GenotypeAdjustment]

    public init(observed: [Feature] = [], excluded: [Feature] = [], onset: OnsetClass? = nil,
                sex: AnnotationSex? = nil, genes: [Int32] = [], genotypeAdjustments: [GenotypeAdjustment] = []) {
        self.observed = observed
        self.excluded = excluded
        self.onset = onset
        self.sex = sex
        self.genes = genes
        self.genotypeAdjustments = genotypeAdjustments
    }
}

/// A likelihood ratio applied to some diseases by a genotype rule.
public struct GenotypeAdjustment: Sendable, Equatable, Codable {
    public var diseases: [TermID]
    public var likelihoodRatio: Double
    public var reason: String
    public var source: String

    public init(diseases: [TermID], likelihoodRatio: Double, reason: String, source: String) {
        self.diseases = diseases
        self.likelihoodRatio = likelihoodRatio
        self.reason = reason
        self.source = source
    }
}
