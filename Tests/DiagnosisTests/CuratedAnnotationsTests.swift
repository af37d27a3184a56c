import Foundation
import Testing
import Clinical
import Diagnosis
import Ontology

@Suite struct CuratedAnnotationsTests {
    @Test func monographsAddFeaturesAndNormalBiochemistryAsNOT() throws {
        let (_, _, curated) = try SyntheticPatientTests.shared.get()
        let poh = try #require(curated[TermID("OMIM:166350")!])
        #expect(poh.contains { $0.term == .hpo(34282) && !$0.negated })          // subcutaneous ossification
        #expect(poh.contains { $0.term == .hpo(3165) && $0.negated })            // normal PTH: NOT elevated PTH
        #expect(poh.contains { $0.term == .hpo(2901) && $0.negated })            // normal calcium: NOT hypocalcemia
        #expect(poh.allSatisfy { $0.aspect == .phenotype && $0.biocuration.contains("monographs") })
        let php1a = try #require(curated[TermID("OMIM:103580")!])
        #expect(php1a.contains { $0.term == .hpo(3165) && !$0.negated })         // high PTH
        #expect(!php1a.contains { $0.negated })
        // Osteoma cutis has no OMIM number of its own: it adds nothing.
        #expect(curated.keys.allSatisfy { $0.prefix == "OMIM" })
    }
}
