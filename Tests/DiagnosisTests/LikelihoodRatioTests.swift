import Foundation
import Testing
@testable import Diagnosis
import Ontology
import TestSupport

/// Every rule of the likelihood model on the hand-made fixture (see TestSupport/Fixtures.swift),
/// with the arithmetic written out.
@Suite struct LikelihoodRatioTests {
    static let parameters = ScoringParameters(
        noise: 0.1, defaultFrequency: 0.5, specificityExponent: 1, commonAncestorExponent: 2,
        excludedWeight: 1, onsetMatchLR: 1, onsetMismatchLR: 1,
        ratioPseudocount: 0, geneLR: 1000, generalShare: 1, completenessExponent: 0,
        independentTerms: 100, inheritanceMismatchLR: 0.05, geneSiblingFactor: 0)

    let kb: KnowledgeBase
    let engine: LikelihoodEngine

    init() throws {
        kb = try Fixture.knowledgeBase()
        engine = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: Self.parameters))
    }

    func term(_ n: Int) throws -> Int32 { try #require(kb.index(of: .hpo(n))) }

    /// The evidence of each OMIM disease (1...4) for a query.
    func evidence(_ query: DiagnosisQuery) -> [String: DiseaseExplanation] {
        var out: [String: DiseaseExplanation] = [:]
        for r in engine.rank(query) { out[r.disease.id.description] = engine.explain(r, query: query) }
        return out
    }

    /// Frequencies are stored as Float in the index: agreement to 1e-6 relative.
    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-6 * max(1, abs(b)) } ?? false }

    @Test func observedTermEveryMatchType() throws {
        let e = evidence(DiagnosisQuery(observed: [.init(term: try term(200))]))
        // P(B|D): OMIM:1 annotated B 1/2 -> 0.5 (exact); OMIM:2 annotated C (no frequency: 0.5)
        // below B -> 0.5 (patient more general); OMIM:3 annotated D, common ancestor A (share 3/4,
        // B's share 2/4) -> 0.5 * (0.5/0.75)^2; OMIM:4 annotated F, common ancestor Phenotypic
        // abnormality (share 1) -> 0.545 * (0.5/1)^2.
        let p = [0.5, 0.5, 0.5 * (0.5 / 0.75) * (0.5 / 0.75), 0.545 * 0.25]
        let bg = p.reduce(0, +) / 4
        let lr = p.map { (0.9 * $0 + 0.1 * bg) / bg }
        #expect(close(e["OMIM:1"]?.evidence[0].likelihoodRatio, lr[0]))
        #expect(e["OMIM:1"]?.evidence[0].match == .exact)
        #expect(close(e["OMIM:2"]?.evidence[0].likelihoodRatio, lr[1]))
        #expect(e["OMIM:2"]?.evidence[0].match == .patientMoreGeneral)
        #expect(close(e["OMIM:3"]?.evidence[0].likelihoodRatio, lr[2]))
        #expect(e["OMIM:3"]?.evidence[0].match == .commonAncestor)
        #expect(e["OMIM:3"]?.evidence[0].diseaseTerm == .hpo(100))
        #expect(close(e["OMIM:4"]?.evidence[0].likelihoodRatio, lr[3]))
    }

    @Test func patientTermMoreSpecificFollowsInformationContent() throws {
        let e = evidence(DiagnosisQuery(observed: [.init(term: try term(300))]))
        // C's share is 1/4. OMIM:1 is annotated exactly at B (share 2/4): 0.5 * (0.25/0.5)^1.
        let p = [0.5 * 0.5, 0.5, 0.5 * (0.25 / 0.75) * (0.25 / 0.75), 0.545 * 0.25 * 0.25]
        let bg = p.reduce(0, +) / 4
        #expect(e["OMIM:1"]?.evidence[0].match == .patientMoreSpecific)
        #expect(close(e["OMIM:1"]?.evidence[0].likelihoodRatio, (0.9 * p[0] + 0.1 * bg) / bg))
        #expect(e["OMIM:2"]?.evidence[0].match == .exact)
        #expect(close(e["OMIM:3"]?.evidence[0].likelihoodRatio, (0.9 * p[2] + 0.1 * bg) / bg))
    }

    @Test func notAnnotationLeavesOnlyTheNoiseFloor() throws {
        let e = evidence(DiagnosisQuery(observed: [.init(term: try term(600))]))
        // F: OMIM:4 exact 0.545; OMIM:1 annotated E (0.895) exactly, F's share 1/4, E's 2/4;
        // OMIM:2 has NOT F: 0; OMIM:3 through Phenotypic abnormality: 0.5 * (0.25)^2.
        let p = [0.895 * 0.5, 0.0, 0.5 * 0.0625, 0.545]
        let bg = p.reduce(0, +) / 4
        #expect(e["OMIM:2"]?.evidence[0].match == .notAnnotation)
        #expect(close(e["OMIM:2"]?.evidence[0].likelihoodRatio, 0.1))
        #expect(close(e["OMIM:1"]?.evidence[0].likelihoodRatio, (0.9 * p[0] + 0.1 * bg) / bg))
        #expect(close(e["OMIM:4"]?.evidence[0].likelihoodRatio, (0.9 * p[3] + 0.1 * bg) / bg))
    }

    @Test func diseasesOfDifferentInheritanceDoNotLend() throws {
        var parameters = Self.parameters
        parameters.geneSiblingFactor = 0.5
        // OMIM:1 is autosomal dominant, OMIM:2 recessive: one gene, two mechanisms, no lending.
        let engine = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: parameters))
        let query = DiagnosisQuery(observed: [.init(term: try term(500))])
        let two = engine.rank(query).first { $0.disease.id.description == "OMIM:2" }.map { engine.explain($0, query: query) }
        #expect(two?.evidence[0].match == .noMatch)
        #expect(engine.index.siblings.allSatisfy { $0.isEmpty })
    }

    @Test func sameGeneDiseaseLendsWeightedAnnotations() throws {
        var parameters = Self.parameters
        parameters.geneSiblingFactor = 0.5
        // Both diseases of G1 autosomal dominant here: one mechanism, so they lend to each other.
        let kb = try Fixture.knowledgeBase(hpoa: Fixture.hpoa.replacingOccurrences(
            of: "OMIM:2\tDisease two\t\tHP:0000007", with: "OMIM:2\tDisease two\t\tHP:0000006"))
        let evidence = { (q: DiagnosisQuery) -> [String: DiseaseExplanation] in
            let plain = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: Self.parameters))
            var out: [String: DiseaseExplanation] = [:]
            for r in plain.rank(q) { out[r.disease.id.description] = plain.explain(r, query: q) }
            return out
        }
        func term(_ n: Int) throws -> Int32 { try #require(kb.index(of: .hpo(n))) }
        let lending = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: parameters))
        let query = DiagnosisQuery(observed: [.init(term: try term(500))])
        var e: [String: DiseaseExplanation] = [:]
        for r in lending.rank(query) { e[r.disease.id.description] = lending.explain(r, query: query) }
        // Observed E. OMIM:2 (gene G1) lacks E; its sibling OMIM:1 has E very frequent (0.895), lent
        // at half weight: 0.4475, more than OMIM:2's own credit through Phenotypic abnormality,
        // 0.5 * (2/4 / 4/4)^2 = 0.125. Shares count own annotations only: E's is 2/4.
        // OMIM:1 exact 0.895; OMIM:3 through Phenotypic abnormality 0.125; OMIM:4 F below E 0.545.
        let p = [0.895, 0.895 * 0.5, 0.125, 0.545]
        let bg = p.reduce(0, +) / 4
        #expect(e["OMIM:2"]?.evidence[0].match == .sameGeneDisease)
        #expect(e["OMIM:2"]?.evidence[0].diseaseTerm == .hpo(500))
        #expect(e["OMIM:2"]?.evidence[0].frequency?.contains("OMIM:1") == true)
        #expect(close(e["OMIM:2"]?.evidence[0].likelihoodRatio, (0.9 * p[1] + 0.1 * bg) / bg))
        #expect(close(e["OMIM:3"]?.evidence[0].likelihoodRatio, (0.9 * p[2] + 0.1 * bg) / bg))
        // Without lending, OMIM:2 relates to E only through Phenotypic abnormality: no match.
        #expect(evidence(query)["OMIM:2"]?.evidence[0].match == .noMatch)
        // Lent at a tenth (0.0895), E is below OMIM:2's own credit (0.125): the ranking used its own
        // credit, and the explanation says so.
        parameters.geneSiblingFactor = 0.1
        let weak = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: parameters))
        let weakTwo = weak.rank(query).first { $0.disease.id.description == "OMIM:2" }.map { weak.explain($0, query: query) }
        #expect(weakTwo?.evidence[0].match == .noMatch)
        // A lent annotation never counts as the disease's own for an excluded term: excluded E gives
        // OMIM:2 the same ratio with and without lending, that of a disease without E.
        let excluded = DiagnosisQuery(excluded: [.init(term: try term(500))])
        let lent = lending.rank(excluded).first { $0.disease.id.description == "OMIM:2" }.map { lending.explain($0, query: excluded) }
        let plain = evidence(excluded)["OMIM:2"]
        #expect(lent?.evidence[0].match == .excludedAbsent)
        #expect(close(lent?.evidence[0].likelihoodRatio, plain?.evidence[0].likelihoodRatio ?? -1))
    }

    @Test func excludedTermsNeverSupportADiseaseThatHasThem() throws {
        let e = evidence(DiagnosisQuery(excluded: [.init(term: try term(200)), .init(term: try term(600))]))
        // Excluded B: presence 0.5 (OMIM:1), 0.5 (OMIM:2), 0, 0; background 0.25.
        let bgB = 0.25
        let annotatedB = (1 - (0.9 * 0.5 + 0.1 * bgB)) / (1 - bgB)
        let absentB = (1 - 0.1 * bgB) / (1 - bgB)
        #expect(close(e["OMIM:1"]?.evidence[0].likelihoodRatio, annotatedB))
        #expect(e["OMIM:1"]?.evidence[0].match == .excludedButAnnotated)
        #expect(close(e["OMIM:3"]?.evidence[0].likelihoodRatio, absentB))
        #expect(e["OMIM:3"]?.evidence[0].match == .excludedAbsent)
        // Excluded F: OMIM:4 shows it (0.545); OMIM:2 has an HPO NOT F: consistent, it may gain.
        let bgF = 0.545 / 4
        #expect(close(e["OMIM:2"]?.evidence[1].likelihoodRatio, (1 - 0.1 * bgF) / (1 - bgF)))
        #expect(e["OMIM:2"]?.evidence[1].match == .excludedNotAnnotation)
        #expect(close(e["OMIM:4"]?.evidence[1].likelihoodRatio, (1 - (0.9 * 0.545 + 0.1 * bgF)) / (1 - bgF)))
        #expect(close(e["OMIM:1"]?.evidence[1].likelihoodRatio, (1 - 0.1 * bgF) / (1 - bgF)))
        // A rare feature absent is no evidence for the disease that has it: capped at 1.
        let engine = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: Self.parameters))
        #expect(engine.excludedLR(presence: 0.01, background: 0.3) == 1)
        #expect(engine.excludedLR(presence: 0, background: 0.3) > 1)
    }

    @Test func geneEvidenceChecksInheritance() throws {
        let g = try #require(kb.geneIndex["G1"])
        let one = evidence(DiagnosisQuery(genes: [GeneFinding(gene: g, alleles: 1)]))
        #expect(one["OMIM:1"]?.genotype.first?.likelihoodRatio == 1000)   // dominant: one allele fits
        #expect(one["OMIM:2"]?.genotype.first?.likelihoodRatio == 50)     // recessive: needs two
        #expect(one["OMIM:3"]?.genotype.isEmpty == true)
        let two = evidence(DiagnosisQuery(genes: [GeneFinding(gene: g, alleles: 2)]))
        #expect(two["OMIM:2"]?.genotype.first?.likelihoodRatio == 1000)
        #expect(two["OMIM:1"]?.genotype.first?.likelihoodRatio == 50)
    }

    @Test func scoresAreTheSumOfTheLogRatiosAndRankCountsTies() throws {
        let query = DiagnosisQuery(observed: [.init(term: try term(200))], excluded: [.init(term: try term(600))])
        let ranked = engine.rank(query)
        for r in ranked {
            let e = engine.explain(r, query: query)
            let sum = e.evidence.map { log($0.likelihoodRatio) }.reduce(0, +)
            #expect(abs(sum - r.logLikelihoodRatio) < 1e-9)
        }
        #expect(abs(ranked.map(\.posterior).reduce(0, +) - 1) < 1e-9)
        // A query that matches nothing specific leaves ties, and a tie takes the worse rank.
        let flat = engine.rank(DiagnosisQuery())
        #expect(flat.allSatisfy { $0.rank == 4 })
    }

    @Test func manyTermsCountAsAtMostIndependentTerms() throws {
        var p = Self.parameters
        p.independentTerms = 2
        let capped = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: p))
        let terms = try [200, 300, 400, 600].map { DiagnosisQuery.Feature(term: try term($0)) }
        let query = DiagnosisQuery(observed: terms)
        #expect(capped.phenotypeScale(query) == 0.5)
        var a = LikelihoodEngine.Scratch(count: 4), b = LikelihoodEngine.Scratch(count: 4)
        let full = engine.score(query, scratch: &a), scaled = capped.score(query, scratch: &b)
        for i in 0..<4 { #expect(abs(scaled[i] - full[i] / 2) < 1e-9) }
    }
}
