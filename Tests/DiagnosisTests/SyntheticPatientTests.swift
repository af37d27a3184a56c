import Foundation
import Testing
import Clinical
import Diagnosis
import Ontology

/// Synthetic patients ranked over every OMIM disease of the pinned HPO release.
@Suite struct SyntheticPatientTests {
    /// The real knowledge base and Knowledge/ files, loaded once for the suite.
    static let shared: Result<(KnowledgeBase, QueryBuilder, [TermID: [Annotation]]), any Error> = Result {
        let (kb, _) = try KnowledgeBaseLoader.load(try ReleaseStore.standard())
        let service = try DiagnosisService.load(kb: kb, knowledgeDirectory: try KnowledgeDirectory.locate())
        return (kb, service.builder, service.curated)
    }

    func rank(_ record: PatientRecord) throws -> [String: Int] {
        let (kb, builder, curated) = try Self.shared.get()
        let built = try builder.build(record)
        let engine = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, sex: built.query.sex, curated: curated))
        var ranks: [String: Int] = [:]
        for r in engine.rank(built.query) { ranks[r.disease.id.description] = r.rank }
        return ranks
    }

    /// The example: a child with subcutaneous and muscle ossification, normal calcium,
    /// phosphate and PTH.
    static let pohLike = PatientRecord(
        sex: .female, age: Age(years: 6), onset: .age(Age(years: 1)),
        phenotypes: [.init(term: .hpo(34282)), .init(term: .hpo(11987))],
        labs: [LabResult(analyte: "calcium", value: 9.8, unit: "mg/dL"),
               LabResult(analyte: "PTH", value: 40, unit: "pg/mL"),
               LabResult(analyte: "phosphate", value: 4.5, unit: "mg/dL")])

    @Test func pohLikePatientRanksPOHFirstAndPHP1ABelow() throws {
        let ranks = try rank(Self.pohLike)
        #expect(ranks["OMIM:166350"] == 1)
        #expect((ranks["OMIM:103580"] ?? 0) > 1)
    }

    @Test func labsOfPTHResistanceFlipPOHAndPHP1A() throws {
        var record = Self.pohLike
        record.labs = [LabResult(analyte: "calcium", value: 7.6, unit: "mg/dL"),
                       LabResult(analyte: "PTH", value: 160, unit: "pg/mL"),
                       LabResult(analyte: "phosphate", value: 7.1, unit: "mg/dL")]
        let ranks = try rank(record)
        #expect(try #require(ranks["OMIM:103580"]) < (try #require(ranks["OMIM:166350"])))
    }

    @Test func maternalGNASVariantFavoursPHP1AOverPPHP() throws {
        var record = PatientRecord(sex: .male, age: Age(years: 8),
                                   phenotypes: [.init(term: .hpo(1156)), .init(term: .hpo(311)), .init(term: .hpo(4322))])
        record.variants = [VariantObservation(gene: "GNAS", hgvs: "NM_000516.7:c.565_568del", zygosity: "heterozygous", origin: .maternal)]
        let maternal = try rank(record)
        record.variants[0].origin = .paternal
        let paternal = try rank(record)
        #expect(try #require(maternal["OMIM:103580"]) < (try #require(maternal["OMIM:612463"])))
        #expect(try #require(paternal["OMIM:612463"]) < (try #require(paternal["OMIM:103580"])))
    }

    @Test func dermalOssificationWithAShortLimbIsPOH() throws {
        var record = Self.pohLike
        record.phenotypes = [.init(term: .hpo(25027)), .init(term: .hpo(11987)), .init(term: .hpo(9826))]
        #expect(try rank(record)["OMIM:166350"] == 1)
    }

    /// Without the monographs' curated annotations the HPO release alone does not put POH first for
    /// the POH-like example (POH is annotated with Osteoma cutis, not Subcutaneous ossification).
    @Test func curatedAnnotationsAreWhatPutsPOHFirst() throws {
        let (kb, builder, _) = try Self.shared.get()
        let built = try builder.build(Self.pohLike)
        let plain = LikelihoodEngine(index: DiagnosisIndex(kb: kb, corpus: .omim, sex: built.query.sex))
        #expect(plain.rank(built.query).first?.disease.id.description != "OMIM:166350")
        #expect(try rank(Self.pohLike)["OMIM:166350"] == 1)
    }

    @Test func fopRedFlagsRankFOPFirst() throws {
        let record = PatientRecord(phenotypes: [.init(term: .hpo(11987)), .init(term: .hpo(1844)), .init(term: .hpo(25027), excluded: true)])
        #expect(try rank(record)["OMIM:135100"] == 1)
    }
}

/// Input the engine must refuse, with messages that say where the problem is.
@Suite struct QueryValidationTests {
    func build(_ record: PatientRecord) throws -> QueryBuilder.Result {
        try SyntheticPatientTests.shared.get().1.build(record)
    }

    func message(_ record: PatientRecord) -> String? {
        do { _ = try build(record); return nil } catch let e as QueryError { return e.description } catch { return "\(error)" }
    }

    @Test func unknownTermSuggestsCloseIDs() {
        let m = message(PatientRecord(phenotypes: [.init(term: .hpo(1318))]))
        #expect(m?.contains("phenotypes[0]") == true)
        #expect(m?.contains("did you mean") == true)
    }

    @Test func onsetTermAsFeatureSaysWhereItBelongs() {
        #expect(message(PatientRecord(phenotypes: [.init(term: .hpo(3593))]))?.contains("give it as the onset") == true)
        #expect(message(PatientRecord(phenotypes: [.init(term: .hpo(6))]))?.contains("mode of inheritance") == true)
    }

    @Test func presentAndExcludedIsAnError() {
        let m = message(PatientRecord(phenotypes: [.init(term: .hpo(1250)), .init(term: .hpo(1250), excluded: true)]))
        #expect(m?.contains("both as present and as excluded") == true)
    }

    @Test func unknownLabUnitNamesTheUnit() {
        let m = message(PatientRecord(phenotypes: [.init(term: .hpo(1250))], labs: [LabResult(analyte: "PTH", value: 40, unit: "furlongs")]))
        #expect(m?.contains("furlongs") == true)
    }

    @Test func altAndObsoleteIDsAreReplacedWithAWarning() throws {
        let (kb, _, _) = try SyntheticPatientTests.shared.get()
        let alt = try #require(kb.altIndex.keys.first { kb.isUnder(kb.altIndex[$0] ?? 0, HPO.phenotypicAbnormality) })
        let result = try build(PatientRecord(phenotypes: [.init(term: alt)]))
        #expect(result.query.observed.map(\.term) == [kb.altIndex[alt]])
        #expect(result.warnings.contains { $0.contains("alternative id") })
    }

    @Test func onsetMustBeAnOnsetTerm() {
        #expect(message(PatientRecord(onset: .term(.hpo(1250)), phenotypes: [.init(term: .hpo(1250))]))?.contains("not an onset term") == true)
    }
}
