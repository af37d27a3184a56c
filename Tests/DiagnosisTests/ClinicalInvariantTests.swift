import Foundation
import Testing
import Clinical
@testable import Diagnosis
import Ontology

/// Rules a clinician must be able to defend, checked on the pinned HPO release and the curated
/// Knowledge/ files with the standard constants, over every disease of the corpus.
@Suite struct ClinicalInvariantTests {
    static let shared: Result<DiagnosisService, any Error> = Result {
        let (kb, _) = try KnowledgeBaseLoader.load(try ReleaseStore.standard())
        return try DiagnosisService.load(kb: kb, knowledgeDirectory: try KnowledgeDirectory.locate())
    }

    /// Every `step`-th term under Phenotypic abnormality: a deterministic sample of the whole ontology.
    static func sample(_ kb: KnowledgeBase, step: Int) -> [Int32] {
        (0..<Int32(kb.terms.count)).filter { Int($0) % step == 0 && kb.isUnder($0, HPO.phenotypicAbnormality) && !kb.term(at: $0).isObsolete }
    }

    // MARK: 1. Absence never supports a disease that has the feature

    @Test(arguments: [Corpus.omim, .orpha])
    func anExcludedFeatureNeverRaisesADiseaseAnnotatedWithIt(corpus: Corpus) throws {
        let service = try Self.shared.get()
        let engine = service.engine(corpus: corpus)
        let kb = service.kb
        var p = [Double](repeating: 0, count: engine.index.count)
        var checked = 0, violations: [String] = []
        for e in Self.sample(kb, step: 7) {
            let bg = engine.presenceProbabilities(e, into: &p)
            for slot in 0..<engine.index.count where p[slot] > 0 {
                checked += 1
                let lr = engine.excludedLR(presence: p[slot], background: bg)
                if lr > 1 + 1e-12 { violations.append("\(kb.term(at: e).id) \(engine.index.disease(slot: Int32(slot)).id) LR \(lr)") }
            }
        }
        #expect(checked > 10_000)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }

    @Test func excludedElevatedPTHDoesNotSupportPHP1A() throws {
        let service = try Self.shared.get()
        let record = PatientRecord(phenotypes: [.init(term: .hpo(34282)), .init(term: .hpo(11987)), .init(term: .hpo(3165), excluded: true)])
        let result = try service.diagnose(record, top: 200)
        let php1a = try #require(result.candidates.first { $0.disease == TermID("OMIM:103580") })
        let pth = try #require(php1a.evidence.first { $0.patientTerm == .hpo(3165) })
        #expect(pth.likelihoodRatio <= 1)
        #expect(pth.match == .excludedButAnnotated)
    }

    @Test func excludingTheAHOFeaturesNeverLiftsPPHP() throws {
        let service = try Self.shared.get()
        let observed: [PhenotypeObservation] = [.init(term: .hpo(34282)), .init(term: .hpo(11987))]
        // Brachydactyly, short stature, obesity, round face, cognitive impairment.
        let aho: [PhenotypeObservation] = [1156, 4322, 1513, 311, 100543].map { .init(term: .hpo($0), excluded: true) }
        let engine = service.engine()
        func score(_ r: PatientRecord) throws -> Double {
            let q = try service.builder.build(r).query
            var scratch = LikelihoodEngine.Scratch(count: engine.index.count)
            let slot = try #require(engine.index.slotOf[TermID("OMIM:612463")!])
            return engine.score(q, scratch: &scratch)[Int(slot)]
        }
        let without = try score(PatientRecord(phenotypes: observed))
        let with = try score(PatientRecord(phenotypes: observed + aho))
        #expect(with <= without)
    }

    @Test func curatedExclusionsAreNamedAsSuchNotAsHPOAnnotations() throws {
        let service = try Self.shared.get()
        // POH's monograph states normal calcium: a curated NOT annotation of hypocalcaemia.
        let record = PatientRecord(phenotypes: [.init(term: .hpo(34282)), .init(term: .hpo(2901), excluded: true)])
        let result = try service.diagnose(record, top: 50)
        let poh = try #require(result.candidates.first { $0.disease == TermID("OMIM:166350") })
        let e = try #require(poh.evidence.first { $0.patientTerm == .hpo(2901) })
        #expect(e.match == .excludedCuratedExclusion)
        #expect(e.likelihoodRatio >= 1)
    }

    // MARK: 2. Specificity never turns support into evidence against

    @Test(arguments: [Corpus.omim, .orpha])
    func aMoreSpecificTermKeepsAtLeastTheSupportOfTheAnnotation(corpus: Corpus) throws {
        let service = try Self.shared.get()
        let engine = service.engine(corpus: corpus)
        let kb = service.kb
        let n = engine.index.count
        var scratch = LikelihoodEngine.Scratch(count: n)
        var ancestorLR: [Int32: [Double]] = [:]
        var checked = 0, violations: [String] = []
        for q in Self.sample(kb, step: 23) {
            engine.observedLikelihoodRatios(q, scratch: &scratch)
            let lrQ = scratch.lr
            let negated = Set(kb.ancestors[Int(q)].flatMap { engine.index.negatedBy[$0] ?? [] })
            for t in kb.ancestors[Int(q)] where t != q {
                let row = engine.index.ownDirectRow(t)
                guard !row.isEmpty else { continue }
                if ancestorLR[t] == nil {
                    var s = LikelihoodEngine.Scratch(count: n)
                    engine.observedLikelihoodRatios(t, scratch: &s)
                    ancestorLR[t] = s.lr
                }
                let lrT = ancestorLR[t] ?? []
                for k in row {
                    let slot = engine.index.ownDirectDisease[k]
                    guard !negated.contains(slot) else { continue }
                    checked += 1
                    if lrQ[Int(slot)] < min(1, lrT[Int(slot)]) - 1e-9 {
                        violations.append("\(kb.term(at: q).id) below \(kb.term(at: t).id) for \(engine.index.disease(slot: slot).id)")
                    }
                }
            }
        }
        #expect(checked > 1_000)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }

    @Test func mildIntellectualDisabilityIsNoEvidenceAgainstPHP1A() throws {
        let service = try Self.shared.get()
        let mild = try service.diagnose(PatientRecord(phenotypes: [.init(term: .hpo(1256))]), top: 20_000)
        let any = try service.diagnose(PatientRecord(phenotypes: [.init(term: .hpo(1249))]), top: 20_000)
        let lrMild = try #require(mild.candidates.first { $0.disease == TermID("OMIM:103580") }?.evidence.first?.likelihoodRatio)
        let lrAny = try #require(any.candidates.first { $0.disease == TermID("OMIM:103580") }?.evidence.first?.likelihoodRatio)
        #expect(lrMild >= min(1, lrAny))
    }

    // MARK: 3. No lending across mechanisms

    @Test func aPOHLikePatientHasNoSomaticGNASDiseaseInTheTopTen() throws {
        let service = try Self.shared.get()
        let result = try service.diagnose(PatientRecord(phenotypes: [.init(term: .hpo(34282)), .init(term: .hpo(11987))]), top: 10)
        let somatic = ["OMIM:174800", "OMIM:219080", "OMIM:617686"].compactMap { TermID($0) }
        #expect(result.candidates.allSatisfy { !somatic.contains($0.disease) }, "\(result.candidates.map(\.disease))")
        for c in result.candidates {
            for e in c.evidence where e.match == .sameGeneDisease {
                #expect(!(e.frequency ?? "").contains("McCune"))
            }
        }
    }

    @Test func somaticDiseasesNeitherLendNorBorrow() throws {
        let service = try Self.shared.get()
        let engine = service.engine()
        let kb = service.kb
        let mas = try #require(kb.diseases.firstIndex { $0.id == TermID("OMIM:174800") })
        let poh = try #require(engine.index.slotOf[TermID("OMIM:166350")!])
        let masSlot = try #require(engine.index.slotOf[TermID("OMIM:174800")!])
        #expect(!engine.index.siblings[Int(poh)].contains(Int32(mas)))
        #expect(engine.index.siblings[Int(masSlot)].isEmpty)
        // The germline GNAS diseases still lend to each other (all autosomal dominant).
        let php1a = try #require(kb.diseases.firstIndex { $0.id == TermID("OMIM:103580") })
        #expect(engine.index.siblings[Int(poh)].contains(Int32(php1a)))
    }
}
