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

    public init(kb: KnowledgeBase, builder: QueryBuilder, curated: [TermID: [Annotation]]) {
        self.kb = kb
        self.builder = builder
        self.curated = curated
    }

    /// Loads Knowledge/ (labs.json, genotype-evidence.json, monographs/) for a knowledge base.
    public static func load(kb: KnowledgeBase, knowledgeDirectory dir: URL) throws -> DiagnosisService {
        let labs = try LabKnowledge.load(from: dir.appendingPathComponent(LabKnowledge.fileName))
        let rules = try GenotypeEvidenceRules.load(from: dir.appendingPathComponent(GenotypeEvidenceRules.fileName))
        let catalog = try MonographCatalog.load(from: dir.appendingPathComponent("monographs"))
        return DiagnosisService(kb: kb, builder: QueryBuilder(kb: kb, labs: labs, genotypeRules: rules),
                                curated: CuratedAnnotations.from(catalog, labs: labs))
    }

    /// The engine for one corpus and patient sex.
    public func engine(corpus: Corpus = .omim, sex: AnnotationSex? = nil, parameters: ScoringParameters = .standard) -> LikelihoodEngine {
        LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: corpus, sex: sex, parameters: parameters, curated: curated))
    }

    /// Ranks every disease of the corpus for a patient and explains the top candidates.
    public func diagnose(_ record: PatientRecord, corpus: Corpus = .omim, top: Int = 10,
                         parameters: ScoringParameters = .standard) throws(QueryError) -> DiagnosisResult {
        let built = try builder.build(record)
        guard !built.query.observed.isEmpty || !built.query.excluded.isEmpty || !built.query.genes.isEmpty else {
            throw QueryError(field: "patient", message: "no usable finding: give at least one observed HPO term, excluded term, lab value or gene")
        }
        let engine = engine(corpus: corpus, sex: built.query.sex, parameters: parameters)
        let candidates = engine.rank(built.query).prefix(max(1, top)).map { engine.explain($0, query: built.query) }
        return DiagnosisResult(release: kb.release.hpoVersion, engineVersion: Self.engineVersion, database: corpus.rawValue,
                               warnings: built.warnings, phenotypeWeight: engine.phenotypeScale(built.query),
                               candidates: candidates)
    }
}

/// A differential diagnosis as the CLI prints it in JSON and the registry stores it.
public struct DiagnosisResult: Sendable, Codable, Equatable {
    public var release: String
    public var engineVersion: String
    public var database: String
    public var warnings: [String]
    /// The phenotype log LR is scaled by this factor (at most `independentTerms` terms' worth).
    public var phenotypeWeight: Double
    public var candidates: [DiseaseExplanation]
}
