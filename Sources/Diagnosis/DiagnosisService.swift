public import Foundation
public import Ontology
public import Clinical

/// Everything a diagnosis needs besides the patient: the HPO knowledge base, the lab intervals and
/// genotype rules of Knowledge/, and the monographs' curated annotations. The one place the CLI and
/// the registry server run the engine from.
public struct DiagnosisService: Sendable {
    /// Names the engine and its constants in stored results, so that old results can be reproduced.
    public static let engineVersion = "ossify-diagnosis 1.0 (likelihood ratios; ScoringParameters.standard)"

    public let kb: KnowledgeBase
    public let builder: QueryBuilder
    public let curated: [TermID: [Annotation]]
    /// Entries of the databases that name one disease, merged under `--database all`.
    public let equivalence: DiseaseEquivalence
    private let engines = EngineCache()

    public init(kb: KnowledgeBase, builder: QueryBuilder, curated: [TermID: [Annotation]], equivalence: DiseaseEquivalence? = nil) {
        self.kb = kb
        self.equivalence = equivalence ?? DiseaseEquivalence(kb: kb, catalog: nil)
        self.builder = builder
        self.curated = curated
    }

    /// Loads Knowledge/ (labs.json, genotype-evidence.json, monographs/) for a knowledge base.
    public static func load(kb: KnowledgeBase, knowledgeDirectory dir: URL) throws -> DiagnosisService {
        let labs = try LabKnowledge.load(from: dir.appendingPathComponent(LabKnowledge.fileName))
        let rules = try GenotypeEvidenceRules.load(from: dir.appendingPathComponent(GenotypeEvidenceRules.fileName))
        let catalog = try MonographCatalog.load(from: dir.appendingPathComponent("monographs"))
        return DiagnosisService(kb: kb, builder: QueryBuilder(kb: kb, labs: labs, genotypeRules: rules),
                                curated: CuratedAnnotations.from(catalog, labs: labs),
                                equivalence: DiseaseEquivalence(kb: kb, catalog: catalog))
    }

    /// Builds the engines of a corpus for every patient sex now rather than on first use (a server
    /// does this at start, so that no request waits for an index).
    public func warmUp(corpus: Corpus = .omim) {
        for sex in [nil, AnnotationSex.female, .male] { _ = engine(corpus: corpus, sex: sex) }
    }

    /// The engine for one corpus and patient sex, built on first use and then shared (engines with
    /// other constants than the standard ones, for `evaluate --param`, are built each time).
    public func engine(corpus: Corpus = .omim, sex: AnnotationSex? = nil, parameters: ScoringParameters = .standard) -> LikelihoodEngine {
        let build = {
            LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: corpus, sex: sex, parameters: parameters, curated: curated))
        }
        guard parameters == .standard else { return build() }
        return engines.engine(.init(corpus: corpus, sex: sex), build: build)
    }

    /// Ranks every disease of the corpus for a patient and explains the top candidates.
    public func diagnose(_ record: PatientRecord, corpus: Corpus = .omim, top: Int = 10,
                         parameters: ScoringParameters = .standard) throws(QueryError) -> DiagnosisResult {
        let built = try builder.build(record)
        guard !built.query.observed.isEmpty || !built.query.excluded.isEmpty || !built.query.genes.isEmpty else {
            throw QueryError(field: "patient", message: "no usable finding: give at least one observed HPO term, excluded term, lab value or gene")
        }
        let engine = engine(corpus: corpus, sex: built.query.sex, parameters: parameters)
        // Merging entries of one disease (`all`) needs the whole ranking; otherwise the first `top`.
        var ranked = engine.rank(built.query, limit: corpus == .all ? nil : max(1, top))
        if corpus == .all { ranked = equivalence.merge(ranked) }
        let candidates = engine.explain(ranked.prefix(max(1, top)), query: built.query).map { explained in
            var e = explained
            if corpus == .all { e.equivalents = equivalence.equivalents(of: e.disease) }
            // Labs are shown once per patient (`labs`); a lab term is repeated for a candidate only
            // when it changes that candidate's score (by more than 1%).
            e.evidence.removeAll { $0.source != "phenotype" && abs(log($0.likelihoodRatio)) < 0.01 }
            return e
        }
        return DiagnosisResult(release: kb.release.hpoVersion, engineVersion: Self.engineVersion, database: corpus.rawValue,
                               warnings: built.warnings, labs: built.labs, phenotypeWeight: engine.phenotypeScale(built.query),
                               candidates: candidates)
    }
}

/// A differential diagnosis as the CLI prints it in JSON and the registry stores it.
public struct DiagnosisResult: Sendable, Codable, Equatable {
    public var release: String
    public var engineVersion: String
    public var database: String
    public var warnings: [String]
    /// The patient's lab values read against their reference intervals (once, not per candidate).
    public var labs: [LabInterpretation]
    /// The phenotype log LR is scaled by this factor (at most `independentTerms` terms' worth).
    public var phenotypeWeight: Double
    public var candidates: [DiseaseExplanation]
}
