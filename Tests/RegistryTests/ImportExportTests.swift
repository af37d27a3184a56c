import Clinical
import FoundationEssentials
import Ontology
@testable import Registry
import Testing

@Suite("Import and export of engine records")
struct ImportExportTests {
    static func record(_ n: Int) -> PatientRecord {
        PatientRecord(
            id: "case-\(n)", sex: .female, age: Age(years: 9, months: 6),
            phenotypes: [PhenotypeObservation(term: .hpo(34282), onset: .age(Age(years: 1))),
                         PhenotypeObservation(term: .hpo(1510), excluded: true)],
            labs: [LabResult(analyte: "LOINC:2731-8", value: 40, unit: "pg/mL", referenceLow: 15, referenceHigh: 65,
                             ageAtMeasurement: Age(years: 8))],
            variants: [VariantObservation(gene: "GNAS", hgvs: "NM_000516.7:c.565C>T", zygosity: "heterozygous", origin: .paternal,
                                          acmgClass: "pathogenic")],
            lesions: [Lesion(id: "L1", region: "forearm", side: .left, depth: .fascia, morphology: .plaque, percentOfRegion: 35,
                             age: Age(years: 9, months: 6))])
    }

    @Test("a batch round-trips through the registry, its times included", arguments: Backend.available)
    func roundTrip(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let batch = (0..<3).map { n in
            ImportedPatient(Self.record(n), pseudonym: unique("imp"), birthDate: nil)
        }
        let outcomes = try await f.store.importPatients(batch, site: f.site.id, by: f.clinician)
        #expect(outcomes.allSatisfy { $0.problems.isEmpty && $0.patientID != nil })
        for (n, outcome) in outcomes.enumerated() {
            let doc = try await f.store.document(patient: try #require(outcome.patientID), by: f.clinician)
            // One visit per time the record gives (the lab at 8 years, the encounter at 9 years 6
            // months), known by age, never dated the day of import.
            #expect(doc.visits.map(\.visit.fields.age) == ["P8Y", "P9Y6M"])
            #expect(doc.visits.allSatisfy { $0.visit.fields.date == nil })
            var exported = doc.patientRecord()
            exported.id = "case-\(n)"
            #expect(exported == Self.record(n))
        }
        await f.close()
    }

    @Test("a record that gives no time makes one visit of unknown time, and exports none", arguments: Backend.available)
    func unknownTime(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        var record = Self.record(7)
        record.age = nil
        record.labs[0].ageAtMeasurement = nil
        record.lesions[0].age = nil
        let outcomes = try await f.store.importPatients([ImportedPatient(record, pseudonym: unique("nt"), birthDate: nil)],
                                                         site: f.site.id, by: f.clinician)
        let doc = try await f.store.document(patient: try #require(outcomes.first?.patientID), by: f.clinician)
        #expect(doc.visits.count == 1)
        #expect(doc.visits.first?.visit.fields.date == nil && doc.visits.first?.visit.fields.age == nil)
        var exported = doc.patientRecord()
        exported.id = "case-7"
        #expect(exported == record)
        await f.close()
    }

    @Test("test results (GNAS methylation, ACVR1, imaging) are stored and read back", arguments: Backend.available)
    func testResultsRoundTrip(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        var record = Self.record(5)
        record.tests = TestResults(gnasSequencing: .negative, gnasMethylation: .lossAB, acvr1: .negative,
                                   gsAlphaActivity: .normal, lesionImaging: .bone, flareUps: false)
        let outcomes = try await f.store.importPatients(
            [ImportedPatient(record, pseudonym: unique("tst"), birthDate: "2015-01-01")],
            site: f.site.id, by: f.clinician)
        let id = try #require(outcomes.first?.patientID)
        let doc = try await f.store.document(patient: id, by: f.clinician)
        #expect(doc.patientRecord().tests == record.tests)
        // Without results the record says nothing, not "all unknown" values.
        let plain = try await f.store.importPatients(
            [ImportedPatient(Self.record(6), pseudonym: unique("tst"), birthDate: "2015-01-01")],
            site: f.site.id, by: f.clinician)
        let plainDoc = try await f.store.document(patient: try #require(plain.first?.patientID), by: f.clinician)
        #expect(plainDoc.patientRecord().tests == nil)
        await f.close()
    }

    @Test("one bad record refuses the whole batch and names its fields", arguments: Backend.available)
    func atomicRefusal(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        var bad = Self.record(9)
        bad.lesions[0].region = "wing"
        let batch = [ImportedPatient(Self.record(1), pseudonym: unique("ok"), birthDate: nil),
                     ImportedPatient(bad, pseudonym: unique("bad"), birthDate: nil)]
        let outcomes = try await f.store.importPatients(batch, site: f.site.id, by: f.clinician)
        #expect(outcomes[0].problems.isEmpty && outcomes[0].patientID == nil)
        #expect(outcomes[1].problems.map(\.field) == ["visits[1].lesions[0].region"])
        #expect(try await f.store.listPatients(PatientFilter(), page: Page(), by: f.clinician).total == 0)
        await f.close()
    }

    @Test("an extent outside 0 to 100 percent is refused with the lesion's field", arguments: Backend.available)
    func extentOutOfRange(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        var bad = Self.record(3)
        bad.lesions[0].percentOfRegion = 140
        let outcomes = try await f.store.importPatients([ImportedPatient(bad, pseudonym: unique("ext"), birthDate: nil)],
                                                         site: f.site.id, by: f.clinician)
        #expect(outcomes[0].problems.map(\.field) == ["visits[1].lesions[0].percentOfRegion"])
        #expect(try await f.store.listPatients(PatientFilter(), page: Page(), by: f.clinician).total == 0)
        await f.close()
    }

    @Test("the pseudonymised record hashes lesion ids as the record's JSON view does", arguments: Backend.available)
    func pseudonymisedLesionIDs(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let outcomes = try await f.store.importPatients([ImportedPatient(Self.record(4), pseudonym: unique("ps"), birthDate: "2015-01-01")], site: f.site.id, by: f.clinician)
        let id = try #require(outcomes.first?.patientID)
        let clinicianView = try await f.store.document(patient: id, by: f.clinician).patientRecord()
        #expect(clinicianView.lesions.map(\.id) == ["L1"])
        #expect(clinicianView.lesions.map(\.percentOfRegion) == [35])
        let document = try await f.store.document(patient: id, by: f.researcher)
        let researcherView = document.patientRecord(view: .pseudonymised)
        guard case .array(let visits)? = document.json(.pseudonymised)["visits"], case .array(let lesions)? = visits.last?["lesions"] else {
            Issue.record("no lesions in the pseudonymised record"); return
        }
        let hashed = lesions.first?["lesionId"]?.stringValue
        #expect(hashed != nil && hashed != "L1")
        #expect(researcherView.lesions.map(\.id) == [hashed])
        #expect(researcherView.lesions.map(\.percentOfRegion) == [35])
        #expect(researcherView.id == document.patient.privacy?.researchID)
        await f.close()
    }
}
