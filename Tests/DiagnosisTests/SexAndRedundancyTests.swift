import Foundation
import Testing
import Clinical
@testable import Diagnosis
import Ontology
import TestSupport

/// The patient's sex against the disease's inheritance, and terms of one patient that imply each other.
@Suite struct SexAndRedundancyTests {
    // MARK: Sex and inheritance, on the pinned HPO release

    static let duchenne = TermID("OMIM:310200")!  // X-linked recessive only
    static let rett = TermID("OMIM:312750")!  // X-linked dominant
    static let peyronie = TermID("OMIM:171000")!  // autosomal dominant, male-limited expression

    func sexRatio(_ disease: TermID, sex: AnnotationSex?, parameters: ScoringParameters = .standard) throws -> Double {
        let service = try ClinicalInvariantTests.shared.get()
        let kb = service.kb
        let d = try #require(kb.diseases.firstIndex { $0.id == disease })
        let terms = kb.annotations[d].filter { $0.aspect == .inheritance && !$0.negated }.compactMap { kb.index(of: $0.term) }
        return DiagnosisIndex.sexLikelihoodRatio(inheritance: terms, sex: sex, kb: kb, parameters: parameters)
    }

    @Test func anXLinkedRecessiveOrMaleLimitedDiseaseIsUncommonInAFemale() throws {
        let factor = ScoringParameters.standard.femaleXRecessiveLR
        #expect(factor < 1 && factor > 0)
        #expect(try sexRatio(Self.duchenne, sex: .female) == factor)
        #expect(try sexRatio(Self.peyronie, sex: .female) == factor)
        // A male, or a patient of unknown sex: no factor.
        #expect(try sexRatio(Self.duchenne, sex: .male) == 1)
        #expect(try sexRatio(Self.duchenne, sex: nil) == 1)
        // X-linked dominant diseases affect females.
        #expect(try sexRatio(Self.rett, sex: .female) == 1)
        // The factor is the global constant, whatever its value.
        #expect(try sexRatio(Self.duchenne, sex: .female, parameters: ScoringParameters(femaleXRecessiveLR: 0.5)) == 0.5)
    }

    /// The factor reaches the ranking and is shown in the explanation: the same findings rank
    /// Duchenne muscular dystrophy lower for a girl than for a boy.
    @Test func theFactorIsScoredAndExplained() throws {
        let service = try ClinicalInvariantTests.shared.get()
        // Calf muscle pseudohypertrophy, elevated creatine kinase, Gowers sign.
        let phenotypes: [PhenotypeObservation] = [3707, 3236, 3391].map { .init(term: .hpo($0)) }
        func candidate(_ sex: Sex) throws -> DiseaseExplanation {
            let result = try service.diagnose(PatientRecord(sex: sex, phenotypes: phenotypes), top: 100)
            return try #require(result.candidates.first { $0.disease == Self.duchenne })
        }
        let girl = try candidate(.female), boy = try candidate(.male)
        #expect(girl.sexLikelihoodRatio == ScoringParameters.standard.femaleXRecessiveLR)
        #expect(boy.sexLikelihoodRatio == nil)
        // The two sexes' indexes leave out the other sex's annotations, which moves the backgrounds
        // of the terms a little: the difference is the factor's to within 1%.
        #expect(abs((boy.logLikelihoodRatio - girl.logLikelihoodRatio) - -log(ScoringParameters.standard.femaleXRecessiveLR)) < 0.01)
        #expect(girl.rank >= boy.rank)
    }

    // MARK: Redundant terms, on the fixture (A > B > C, A > D, E > F)

    func query(_ phenotypes: [PhenotypeObservation]) throws -> (observed: [TermID], excluded: [TermID]) {
        let kb = try Fixture.knowledgeBase()
        return try QueryBuilder(kb: kb).build(PatientRecord(phenotypes: phenotypes)).query.named(kb)
    }

    @Test func anObservedTermImpliedByAMoreSpecificOneIsDropped() throws {
        let q = try query([.init(term: .hpo(100)), .init(term: .hpo(300)), .init(term: .hpo(400))])
        #expect(q.observed == [.hpo(300), .hpo(400)])
    }

    @Test func anExcludedTermImpliedByAMoreGeneralExcludedOneIsDropped() throws {
        let q = try query([.init(term: .hpo(600), excluded: true), .init(term: .hpo(500), excluded: true),
                           .init(term: .hpo(400), excluded: true)])
        #expect(q.excluded == [.hpo(500), .hpo(400)])
    }

    /// Observed and excluded terms do not drop each other: a general finding present and a
    /// specific one absent are two statements.
    @Test func observedAndExcludedTermsAreKeptTogether() throws {
        let q = try query([.init(term: .hpo(200)), .init(term: .hpo(300), excluded: true), .init(term: .hpo(600))])
        #expect(q.observed == [.hpo(200), .hpo(600)])
        #expect(q.excluded == [.hpo(300)])
    }
}

private extension DiagnosisQuery {
    /// The observed and excluded term ids.
    func named(_ kb: KnowledgeBase) -> (observed: [TermID], excluded: [TermID]) {
        (observed.map { kb.term(at: $0.term).id }, excluded.map { kb.term(at: $0.term).id })
    }
}
