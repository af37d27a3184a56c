public import Ontology

/// The global constants of the likelihood model. None is per disease or per case.
///
/// The model's form comes from LIRICAL (Robinson et al., AJHG 2020) and the HPO release. These
/// constants were then set one at a time by coarse grid search on the 1,671 development cases of
/// `shared/bench/dev-phenopackets.jsonl` (`ossify evaluate --param NAME=VALUE`), phenotype only,
/// for top-1 and MRR; the search only ever changed these numbers:
///
/// | constant | value | searched | note |
/// |---|---|---|---|
/// | noise | 0.1 | 0.01-0.2 | flat between 0.05 and 0.1 |
/// | defaultFrequency | 0.3 | 0.15-0.95 | 0.8 cost 5 points of top-1 |
/// | ratioPseudocount | 10 | 0-15 | |
/// | ratioPrior | 0.05 | 0-0.7 | shrinking cohort ratios towards a low frequency: +1 point of top-3 |
/// | specificityExponent | 2 | 0.5-3 | |
/// | commonAncestorExponent | 5 | 2-8 | LIRICAL-like soft credit (0.5) cost 20 points |
/// | excludedAscertainment | 8 | 1-100 | 1 (no ascertainment) cost 10 points; 8 keeps an absent obligate feature a penalty |
/// | completenessExponent | 1.5 | 0-2 | +1 point of top-10 |
/// | independentTerms | 2.5 | 2-30 | does not change phenotype-only ranking; set with `--use-genotype` |
/// | geneSiblingFactor | 0.05 | 0-0.3 | borrowing from same-gene diseases: top-10 0.797 to 0.816, top-3 0.744 to 0.753; flat from 0.03 to 0.2 |
///
/// Model changes measured on the same cases that moved no figure by more than half a point, and so
/// were not kept: borrowing from the phenotypically nearest diseases (IC-weighted cosine), from the
/// same OMIM series (name without its number) or with a larger weight for a one-to-one OMIM/Orphanet
/// pair; a floor on P(q|D) for diseases annotated in q's organ system; a constant factor on
/// common-ancestor credit; damping several patient terms of one branch, or many excluded terms;
/// noise that grows or shrinks with the term's background frequency; a penalty for frequent disease
/// features the patient was not reported to have.
///
/// Not fitted: geneLR (LIRICAL's value), inheritanceMismatchLR, onset ratios, excludedWeight (1, the
/// model at face value), generalShare (a speed setting).
public struct ScoringParameters: Sendable, Codable, Equatable {
    /// Probability that an observed patient feature is unrelated to the disease (noise, comorbidity,
    /// over-calling). It bounds the penalty of one unexplained feature: LR >= noise.
    public var noise: Double
    /// Frequency assumed for an annotation that states none. LIRICAL assumes 1.0.
    public var defaultFrequency: Double
    /// Exponent of the specificity factor (p(q)/p(c))^specificityExponent for a patient term q that
    /// matches the disease only through a more general term c: partial credit that follows
    /// information content, instead of LIRICAL's fixed 10x decay per level.
    public var specificityExponent: Double
    /// The same for a match through a common ancestor that the disease is not itself annotated with.
    public var commonAncestorExponent: Double
    /// Weight of each excluded feature's log likelihood ratio (excluded features are often listed
    /// by the dozen in case reports; 1.0 takes them at face value).
    public var excludedWeight: Double
    /// How much likelier a feature is to be checked (and reported absent) when the disease has it
    /// than when it does not: see `LikelihoodEngine.excludedLR`.
    public var excludedAscertainment: Double
    /// Likelihood ratio for a patient onset in the disease's annotated onset class, and the penalty
    /// for an onset two or more classes away (one class away is neutral).
    public var onsetMatchLR: Double
    public var onsetMismatchLR: Double
    /// Pseudo-count that shrinks an n/m frequency towards `ratioPrior`:
    /// f = (n + k * ratioPrior) / (m + k). A "1/1" from a single case report is weaker evidence
    /// than "146/224" from a cohort.
    public var ratioPseudocount: Double
    /// The frequency an n/m ratio is shrunk towards (see `ratioPseudocount`).
    public var ratioPrior: Double
    /// Likelihood ratio for a disease associated with a gene in which the patient has a reported
    /// (likely) causal variant. LIRICAL uses 1000 for a ClinVar-pathogenic allele.
    public var geneLR: Double
    /// A speed setting, not a model constant: ancestors annotated in more than this share of the
    /// diseases are "general", and partial credit through them is computed from each disease's best
    /// frequency rather than row by row. With the common-ancestor exponent in use the credit through
    /// such terms is negligible either way (1.0 walks every row).
    public var generalShare: Double
    /// How much the noise share grows for sparsely annotated diseases (see `DiagnosisIndex.noise`);
    /// 0 gives every disease the same noise share.
    public var completenessExponent: Double
    /// How many patient terms' worth of evidence the phenotype counts as at most (see
    /// `LikelihoodEngine.phenotypeScale`).
    public var independentTerms: Double
    /// Factor on `geneLR` when the patient's affected alleles cannot fit the disease's inheritance.
    public var inheritanceMismatchLR: Double
    /// Factor on the frequencies of the annotations a disease borrows from the other diseases of its
    /// gene (see `BorrowedAnnotations`); 0 borrows nothing.
    public var geneSiblingFactor: Double

    public init(noise: Double = 0.1, defaultFrequency: Double = 0.3, specificityExponent: Double = 2,
                commonAncestorExponent: Double = 5, excludedWeight: Double = 1, excludedAscertainment: Double = 8,
                onsetMatchLR: Double = 1.5, onsetMismatchLR: Double = 0.4, ratioPseudocount: Double = 10, ratioPrior: Double = 0.05,
                geneLR: Double = 1000, generalShare: Double = 0.15, completenessExponent: Double = 1.5,
                independentTerms: Double = 2.5, inheritanceMismatchLR: Double = 0.05, geneSiblingFactor: Double = 0.05) {
        self.noise = noise
        self.defaultFrequency = defaultFrequency
        self.specificityExponent = specificityExponent
        self.commonAncestorExponent = commonAncestorExponent
        self.excludedWeight = excludedWeight
        self.excludedAscertainment = excludedAscertainment
        self.onsetMatchLR = onsetMatchLR
        self.onsetMismatchLR = onsetMismatchLR
        self.ratioPseudocount = ratioPseudocount
        self.ratioPrior = ratioPrior
        self.geneLR = geneLR
        self.generalShare = generalShare
        self.completenessExponent = completenessExponent
        self.independentTerms = independentTerms
        self.inheritanceMismatchLR = inheritanceMismatchLR
        self.geneSiblingFactor = geneSiblingFactor
    }

    /// The probability an annotation's frequency stands for, under these constants.
    public func frequency(_ f: AnnotationFrequency?) -> Double {
        switch f {
        case nil: return defaultFrequency
        case .ratio(let n, let m)?: return (Double(n) + ratioPseudocount * ratioPrior) / (Double(m) + ratioPseudocount)
        case let other?: return other.value ?? defaultFrequency
        }
    }

    public static let standard = ScoringParameters()
}
