import Testing
import Clinical
@testable import Diagnosis
import Ontology

/// `--database all`: the entries of one disease in OMIM and Orphanet are one candidate.
@Suite struct DatabaseAllTests {
    @Test func php1aIsOneCandidateWithBothIds() throws {
        let service = try ClinicalInvariantTests.shared.get()
        // Brachydactyly, short stature, obesity, round face, subcutaneous ossification, elevated PTH.
        let record = PatientRecord(phenotypes: [1156, 4322, 1513, 311, 34282, 3165].map { PhenotypeObservation(term: .hpo($0)) })
        let result = try service.diagnose(record, corpus: .all, top: 30)
        let omim = TermID(prefix: "OMIM", local: "103580"), orpha = TermID(prefix: "ORPHA", local: "79443")
        let php1a = result.candidates.filter { $0.disease == omim || $0.disease == orpha }
        #expect(php1a.count == 1)
        let shown = try #require(php1a.first)
        #expect(Set([shown.disease] + shown.equivalents).isSuperset(of: [omim, orpha]))
        // Probabilities are over diseases, not entries: they still sum to at most 1 over the list.
        #expect(result.candidates.map(\.posterior).reduce(0, +) <= 1 + 1e-9)
        // Ranks stay ordered.
        #expect(result.candidates.map(\.rank) == result.candidates.map(\.rank).sorted())
    }
}
