public import Ontology

/// A validated patient description in the engine's terms: term indices of the knowledge base,
/// an onset class, sex and genes.
public struct DiagnosisQuery: Sendable, Equatable {
    public struct Feature: Sendable, Equatable {
        public var term: Int32
        /// Where the feature came from: "phenotype" or the lab result that implied it.
        public var source: String
        /// A feature the clinician reported (not one derived from a measurement).
        public var isReported: Bool { source == "phenotype" }

        public init(term: Int32, source: String = "phenotype") {
            self.term = term
            self.source = source
        }
    }

    public var observed: [Feature]
    public var excluded: [Feature]
    public var onset: OnsetClass?
    public var sex: AnnotationSex?
    /// Genes with a reported (likely) causal variant.
    public var genes: [GeneFinding]
    /// Disease ids whose likelihood ratio a genotype rule changes (e.g. parent of origin of a GNAS
    /// variant), with the ratio and the rule's source.
    public var genotypeAdjustments: [GenotypeAdjustment]

    public init(observed: [Feature] = [], excluded: [Feature] = [], onset: OnsetClass? = nil,
                sex: AnnotationSex? = nil, genes: [GeneFinding] = [], genotypeAdjustments: [GenotypeAdjustment] = []) {
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

/// A gene with a reported variant and what the zygosity says about the mode of inheritance.
public struct GeneFinding: Sendable, Equatable {
    /// Knowledge-base gene index.
    public var gene: Int32
    /// Alleles affected: 1 (one heterozygous variant), 2 (homozygous, or two variants in the gene),
    /// nil when the zygosity is not known.
    public var alleles: Int?
    public var hemizygous: Bool

    public init(gene: Int32, alleles: Int? = nil, hemizygous: Bool = false) {
        self.gene = gene
        self.alleles = alleles
        self.hemizygous = hemizygous
    }
}
