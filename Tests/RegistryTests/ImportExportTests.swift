import Clinical
import FoundationEssentials
import Ontology
@testable import Registry
import Testing

@Suite("Import and export of engine records")
struct ImportExportTests {
    static func record(_ n: Int) -> PatientRecord {
        PatientRecord(
            id: "case-\(n)", sex: .female,
            phenotypes: [PhenotypeObservation(term: .hpo(34282), onset: .age(Age(years: 1))),
                         PhenotypeObservation(term: .hpo(1510), excluded: true)],
            labs: [LabResult(analyte: "LOINC:2731-8", value: 40, unit: "pg/mL", referenceLow: 15, referenceHigh: 65)],
            variants: [VariantObservation(gene: "GNAS", hgvs: "NM_000516.7:c.565C>T", zygosity: "heterozygous", origin: .paternal,
                                          acmgClass: "pathogenic")],
            lesions: [Lesion(id: "L1", region: "forearm", side: .left, depth: .fascia, morphology: .plaque)])
    }

    @Test("a batch round-trips through the registry", arguments: Backend.available)
    func roundTrip(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let batch = (0..<3).map { n in
            ImportedPatient(Self.record(n), pseudonym: unique("imp"), birthDate: "2015-01-01", visitDate: "2024-07-01")
        }
        let outcomes = try await f.store.importPatients(batch, site: f.site.id, by: f.clinician)
        #expect(outcomes.allSatisfy { $0.problems.isEmpty && $0.patientID != nil })
        for (n, outcome) in outcomes.enumerated() {
            let doc = try await f.store.document(patient: try #require(outcome.patientID), by: f.clinician)
            var exported = doc.patientRecord()
            #expect(exported.age == Age(years: 9, months: 6))
            exported.id = "case-\(n)"
            exported.age = nil
            exported.labs = exported.labs.map { var l = $0; l.ageAtMeasurement = nil; return l }
            exported.lesions = exported.lesions.map { var l = $0; l.age = nil; return l }
            #expect(exported == Self.record(n))
        }
        await f.close()
    }

    @Test("one bad record refuses the whole batch and names its fields", arguments: Backend.available)
    func atomicRefusal(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        var bad = Self.record(9)
        bad.lesions[0].region = "wing"
        let batch = [ImportedPatient(Self.record(1), pseudonym: unique("ok"), birthDate: nil, visitDate: "2024-07-01"),
                     ImportedPatient(bad, pseudonym: unique("bad"), birthDate: nil, visitDate: "2024-07-01")]
        let outcomes = try await f.store.importPatients(batch, site: f.site.id, by: f.clinician)
        #expect(outcomes[0].problems.isEmpty && outcomes[0].patientID == nil)
        #expect(outcomes[1].problems.map(\.field) == ["visits[0].lesions[0].region"])
        #expect(try await f.store.listPatients(PatientFilter(), page: Page(), by: f.clinician).total == 0)
        await f.close()
    }
}
