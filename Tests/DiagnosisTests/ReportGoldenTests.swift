import Testing
import Diagnosis
import Ontology
import TestSupport

/// The plain-text differential (what `ossify diagnose` prints), compared with a golden text.
@Suite struct ReportGoldenTests {
    @Test func tableAndEvidenceMatchTheGolden() throws {
        let kb = try Fixture.knowledgeBase()
        let engine = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, parameters: LikelihoodRatioTests.parameters))
        let query = DiagnosisQuery(observed: [.init(term: try #require(kb.index(of: .hpo(300))))],
                                   excluded: [.init(term: try #require(kb.index(of: .hpo(600))), source: "lab test")])
        let explanations = engine.rank(query).prefix(3).map { engine.explain($0, query: query) }
        let text = DiagnosisReport.text(Array(explanations), warnings: ["example warning"], release: kb.release.hpoVersion,
                                        database: .omim, phenotypeWeight: engine.phenotypeScale(query))
        if text != Self.golden {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let b = Self.golden.split(separator: "\n", omittingEmptySubsequences: false)
            for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : "") != (i < b.count ? b[i] : "") {
                print("line \(i + 1):\n  got:      \(i < a.count ? a[i] : "")\n  expected: \(i < b.count ? b[i] : "")")
            }
        }
        #expect(text == Self.golden)
    }

    static let golden = """
    Warning: example warning
    Differential diagnosis over OMIM diseases (HPO hp/releases/fixture); post-test probability with a uniform pre-test probability

    rank  probability  log10 LR  disease
    1     57.9%        0.41      OMIM:2  Disease two
    2     30.2%        0.13      OMIM:1  Disease one
    3     8.7%         -0.41     OMIM:3  Disease three

    1. OMIM:2 Disease two  (57.9%)
       LR 2.244     HP:0000300 Subcutaneous bony thing C - exact: HP:0000300 Subcutaneous bony thing C [frequency not stated]
       LR 1.142     NOT HP:0000600 F (from lab test) - excluded, as the disease's HPO NOT annotation says: HP:0000600 F

    2. OMIM:1 Disease one  (30.2%)
       LR 1.172     HP:0000300 Subcutaneous bony thing C - patient term more specific: HP:0000200 Bony thing B [1/2]
       LR 1.142     NOT HP:0000600 F (from lab test) - excluded and absent in disease

    3. OMIM:3 Disease three  (8.7%)
       LR 0.338     HP:0000300 Subcutaneous bony thing C - common ancestor: HP:0000100 Abnormality A [50%]
       LR 1.142     NOT HP:0000600 F (from lab test) - excluded and absent in disease
       Look for: D (HP:0000400, 50%)
    """
}
