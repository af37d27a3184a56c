import Foundation
import Testing
import Clinical
@testable import Diagnosis
import Ontology

/// A sparsely annotated OMIM entry borrows from the Orphanet entry of the same disease with
/// `sameDiseaseFactor`, on the pinned HPO release: Dubin-Johnson syndrome (OMIM:237500, three
/// phenotype annotations) and ORPHA:234, the only OMIM and Orphanet entries of ABCC2.
@Suite struct SameDiseaseLendingTests {
    static let omim = TermID("OMIM:237500")!
    static let orpha = TermID("ORPHA:234")!
    /// Abnormal urinary color: annotated (very frequent) to ORPHA:234 only.
    static let urine = TermID.hpo(12086)

    @Test func theOrphanetEntryOfTheSameDiseaseLendsWithTheStrongerFactor() throws {
        let service = try ClinicalInvariantTests.shared.get()
        let kb = service.kb
        let d = try #require(kb.diseaseIndex[Self.omim]), o = try #require(kb.diseaseIndex[Self.orpha])
        #expect(BorrowedAnnotations.isSameDisease(d, o, in: kb))
        #expect(!BorrowedAnnotations.isSameDisease(o, d, in: kb))
        let engine = service.engine()
        let slot = try #require(engine.index.slotOf[Self.omim])
        let lenders = Dictionary(uniqueKeysWithValues: zip(engine.index.siblings[Int(slot)], engine.index.siblingFactors[Int(slot)]))
        #expect(lenders[o] == ScoringParameters.standard.sameDiseaseFactor)
        #expect(ScoringParameters.standard.sameDiseaseFactor > ScoringParameters.standard.geneSiblingFactor)
    }

    /// The borrowed feature raises the disease more than a sibling's would, and the explanation
    /// names the lender and the factor.
    @Test func aFeatureOfTheOrphanetEntryCountsAndIsExplained() throws {
        let service = try ClinicalInvariantTests.shared.get()
        let kb = service.kb
        let q = DiagnosisQuery(observed: [.init(term: try #require(kb.index(of: Self.urine)))])
        func lr(_ parameters: ScoringParameters) throws -> Double {
            let engine = service.engine(parameters: parameters)
            var scratch = LikelihoodEngine.Scratch(count: engine.index.count)
            return exp(engine.score(q, scratch: &scratch)[Int(try #require(engine.index.slotOf[Self.omim]))])
        }
        var asSibling = ScoringParameters.standard
        asSibling.sameDiseaseFactor = 0
        #expect(try lr(.standard) > 2 * lr(asSibling))
        let result = try service.diagnose(PatientRecord(phenotypes: [.init(term: Self.urine)]), top: 500)
        let candidate = try #require(result.candidates.first { $0.disease == Self.omim })
        let e = try #require(candidate.evidence.first)
        #expect(e.match == .sameGeneDisease)
        #expect(e.frequency?.contains("ORPHA:234") == true)
        #expect(e.frequency?.contains("weighted \(ScoringParameters.standard.sameDiseaseFactor)") == true)
    }
}
