import Foundation
import Testing
import Clinical
@testable import Diagnosis
import Ontology

/// Synthetic patients drawn from the published descriptions of each disease of the spectrum and its
/// mimics, each with and without labs and genetics, ranked over every OMIM disease of the pinned
/// release: the accepted disease must be near the top, and the invariants of
/// ``ClinicalInvariantTests`` must hold on each patient's own evidence.
@Suite struct ClinicalSanityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Where the picture comes from.
        var source: String
        var record: PatientRecord
        var expected: String
        var within: Int
        var testDescription: String { name }
    }

    static let normalLabs = [LabResult(analyte: "calcium", value: 9.8, unit: "mg/dL"), LabResult(analyte: "PTH", value: 40, unit: "pg/mL"),
                             LabResult(analyte: "phosphate", value: 4.8, unit: "mg/dL")]
    static let resistanceLabs = [LabResult(analyte: "calcium", value: 7.6, unit: "mg/dL"), LabResult(analyte: "PTH", value: 180, unit: "pg/mL"),
                                 LabResult(analyte: "phosphate", value: 7.0, unit: "mg/dL")]
    static func p(_ n: Int, excluded: Bool = false) -> PhenotypeObservation { .init(term: .hpo(n), excluded: excluded) }
    static func gnas(_ origin: ParentOfOrigin) -> [VariantObservation] {
        [VariantObservation(gene: "GNAS", hgvs: "NM_000516.7:c.565_568del", origin: origin)]
    }

    // POH: dermal ossification in infancy progressing to subcutis and muscle, normal hormones
    // (Kaplan et al. 1994, J Bone Joint Surg Am 76:425; Shore et al. 2002, NEJM 346:99).
    static let poh = [p(34282), p(11987), p(25027)]
    // PHP1A: AHO (brachydactyly, short stature, obesity, round face), subcutaneous ossification,
    // PTH and TSH resistance (Mantovani et al. 2018, Nat Rev Endocrinol 14:476).
    static let aho = [p(1156), p(4322), p(1513), p(311), p(34282)]
    // FOP: great-toe malformation and ossification of muscle (Kaplan et al. 2008, Best Pract Res
    // Clin Rheumatol 22:191; Shore et al. 2006, Nat Genet 38:525).
    static let fop = [p(1822), p(10109), p(11987), p(3121)]
    // PHP1B: PTH resistance without AHO (Mantovani et al. 2018).
    static let php1b = [p(2901), p(3165), p(2905), p(1156, excluded: true), p(4322, excluded: true)]

    static let cases: [Case] = [
        Case(name: "POH, phenotype", source: "Kaplan 1994; Shore 2002",
             record: PatientRecord(sex: .female, age: Age(years: 6), onset: .age(Age(years: 1)), phenotypes: poh),
             expected: "OMIM:166350", within: 3),
        Case(name: "POH, normal labs and paternal GNAS", source: "Shore 2002",
             record: PatientRecord(sex: .female, age: Age(years: 6), onset: .age(Age(years: 1)), phenotypes: poh,
                                   labs: normalLabs, variants: gnas(.paternal)),
             expected: "OMIM:166350", within: 1),
        Case(name: "PHP1A, AHO only", source: "Mantovani 2018",
             record: PatientRecord(sex: .male, age: Age(years: 9), phenotypes: aho), expected: "OMIM:103580", within: 5),
        Case(name: "PHP1A, AHO with PTH resistance and maternal GNAS", source: "Mantovani 2018",
             record: PatientRecord(sex: .male, age: Age(years: 9), phenotypes: aho, labs: resistanceLabs, variants: gnas(.maternal)),
             expected: "OMIM:103580", within: 2),
        Case(name: "PPHP, AHO with normal labs and paternal GNAS", source: "Mantovani 2018",
             record: PatientRecord(sex: .female, age: Age(years: 9), phenotypes: aho, labs: normalLabs, variants: gnas(.paternal)),
             expected: "OMIM:612463", within: 2),
        Case(name: "FOP, phenotype", source: "Kaplan 2008",
             record: PatientRecord(sex: .male, age: Age(years: 5), onset: .age(Age(years: 3)), phenotypes: fop),
             expected: "OMIM:135100", within: 3),
        Case(name: "FOP, with ACVR1", source: "Shore 2006",
             record: PatientRecord(sex: .male, age: Age(years: 5), phenotypes: fop,
                                   variants: [VariantObservation(gene: "ACVR1", hgvs: "NM_001105.5:c.617G>A")]),
             expected: "OMIM:135100", within: 1),
        Case(name: "PHP1B, PTH resistance without AHO", source: "Mantovani 2018",
             record: PatientRecord(sex: .female, age: Age(years: 12), phenotypes: php1b), expected: "OMIM:603233", within: 5),
        Case(name: "PHP1B, with labs", source: "Mantovani 2018",
             record: PatientRecord(sex: .female, age: Age(years: 12), phenotypes: [p(1156, excluded: true), p(4322, excluded: true)],
                                   labs: resistanceLabs + [LabResult(analyte: "TSH", value: 2.0, unit: "mIU/L")]),
             expected: "OMIM:603233", within: 5),
        Case(name: "PHP1B, with labs and a GNAS methylation defect", source: "Mantovani 2018",
             record: PatientRecord(sex: .female, age: Age(years: 12), phenotypes: [p(1156, excluded: true), p(4322, excluded: true)],
                                   labs: resistanceLabs, tests: TestResults(gnasMethylation: .lossAB)),
             expected: "OMIM:603233", within: 1),
    ]

    static let shared: Result<DiagnosisService, any Error> = ClinicalInvariantTests.shared

    @Test(arguments: cases)
    func theAcceptedDiseaseRanksNearTheTop(_ c: Case) throws {
        let service = try Self.shared.get()
        let result = try service.diagnose(c.record, top: c.within)
        #expect(result.candidates.contains { $0.disease.description == c.expected },
                "\(c.name): \(result.candidates.map(\.disease.description))")
    }

    @Test func aNegativeACVR1TestLowersFOPAndSaysWhy() throws {
        let service = try Self.shared.get()
        let base = PatientRecord(sex: .male, age: Age(years: 5), phenotypes: Self.fop)
        var tested = base
        tested.tests = TestResults(acvr1: .negative)
        let fop = TermID(prefix: "OMIM", local: "135100")
        let before = try #require(try service.diagnose(base, top: 50).candidates.first { $0.disease == fop })
        let after = try #require(try service.diagnose(tested, top: 50).candidates.first { $0.disease == fop })
        #expect(abs(after.logLikelihoodRatio - (before.logLikelihoodRatio + log(0.01))) < 1e-9)
        #expect(after.posterior < before.posterior)
        #expect(after.genotype.contains { $0.reason.contains("ACVR1") && $0.source.contains("UNCONFIRMED") })
    }

    @Test(arguments: cases)
    func noExcludedTermSupportsADiseaseThatHasIt(_ c: Case) throws {
        let service = try Self.shared.get()
        let result = try service.diagnose(c.record, top: 20)
        for candidate in result.candidates {
            for e in candidate.evidence where e.excluded && e.match == .excludedButAnnotated {
                #expect(e.likelihoodRatio <= 1, "\(c.name): \(candidate.disease) \(e.patientTerm)")
            }
        }
    }
}
