import Testing
@testable import Diagnosis
import Ontology
import TestSupport

@Suite struct EvaluationTests {
    @Test func summaryFiguresFromRanks() {
        let ranks = [1, 2, 4, 11].enumerated().map { i, r in
            CaseRank(id: "c\(i)", truth: TermID("OMIM:1")!, rank: r, millis: Double(i + 1))
        }
        let s = Evaluation.summarize(ranks, seconds: 1.234)
        #expect(s.cases == 4 && s.top1 == 0.25 && s.top3 == 0.5 && s.top5 == 0.75 && s.top10 == 0.75)
        let reciprocal: Double = 1.0 + 0.5 + 0.25 + 1.0 / 11.0
        let mrr: Double = (reciprocal / 4 * 10000).rounded() / 10000
        #expect(s.mrr == mrr)
        #expect(s.medianMillisPerCase == 3 && s.seconds == 1.23)
    }

    @Test func tiesCountAgainstTheTruthAndUnusableCasesAreMisses() throws {
        let kb = try Fixture.knowledgeBase()
        let engine = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: LikelihoodRatioTests.parameters))
        let b = try #require(kb.index(of: .hpo(200)))
        let cases = [
            EvaluationCase(id: "exact", truth: TermID("OMIM:1")!, query: DiagnosisQuery(observed: [.init(term: b)])),
            EvaluationCase(id: "empty", truth: TermID("OMIM:3")!, query: DiagnosisQuery()),
            EvaluationCase(id: "orpha", truth: TermID("ORPHA:9")!, query: DiagnosisQuery(observed: [.init(term: b)])),
        ]
        let ranks = Evaluation.run(cases, engines: [nil: engine])
        // OMIM:1 and OMIM:2 tie for B (0.5 each): the tie takes rank 2.
        #expect(ranks.map(\.rank) == [2, 4, 5])
        // What beats the truth: the first-ranked disease, the lower slot of a tie.
        #expect(ranks[0].first == TermID("OMIM:1") && ranks[2].first == TermID("OMIM:1"))
    }
}
