import Clinical
import FoundationEssentials
@testable import Registry
import Testing

/// Times that must agree across records (the registry issue: onset <= age at visit <= age now),
/// checked at the door by the store and the import alike.
@Suite("Time consistency")
struct TimeConsistencyTests {
    static let today = CivilDate("2026-06-01")!
    static let child = TimeConsistency.Patient(birthDate: "2015-03-10", deathDate: nil)

    @Test("a visit within the patient's life passes; before birth, in the future or older than the patient is refused")
    func visits() {
        #expect(TimeConsistency.visit(VisitFields(date: "2020-01-02"), Self.child, today: Self.today).isEmpty)
        #expect(TimeConsistency.visit(VisitFields(date: nil, age: "P11Y2M"), Self.child, today: Self.today).isEmpty)
        #expect(TimeConsistency.visit(VisitFields(date: "2015-03-09"), Self.child, today: Self.today).map(\.field) == ["date"])
        #expect(TimeConsistency.visit(VisitFields(date: "2026-06-02"), Self.child, today: Self.today).map(\.reason) == ["is in the future"])
        #expect(TimeConsistency.visit(VisitFields(date: nil, age: "P12Y"), Self.child, today: Self.today).map(\.reason)
                == ["is more than the patient's age today"])
        // Date and age both given must agree (within a month).
        #expect(TimeConsistency.visit(VisitFields(date: "2020-03-10", age: "P5Y"), Self.child, today: Self.today).isEmpty)
        #expect(TimeConsistency.visit(VisitFields(date: "2020-03-10", age: "P7Y"), Self.child, today: Self.today).map(\.field) == ["age"])
        // Without a birth date nothing is known to disagree.
        let unknown = TimeConsistency.Patient(birthDate: nil, deathDate: nil)
        #expect(TimeConsistency.visit(VisitFields(date: nil, age: "P80Y"), unknown, today: Self.today).isEmpty)
        let dead = TimeConsistency.Patient(birthDate: "2015-03-10", deathDate: "2020-01-01")
        #expect(TimeConsistency.visit(VisitFields(date: "2021-01-01"), dead, today: Self.today).map(\.reason)
                == ["is after the patient's date of death"])
    }

    @Test("an onset after the age at the visit is refused; onset terms and unknown visit ages are not judged")
    func onsets() throws {
        let visitAge = try Age(iso8601: "P5Y")
        #expect(TimeConsistency.onset("P3Y", visitAge: visitAge).isEmpty)
        #expect(TimeConsistency.onset("P5Y", visitAge: visitAge).isEmpty)
        #expect(TimeConsistency.onset("P6Y", visitAge: visitAge).map(\.field) == ["onset"])
        #expect(TimeConsistency.onset("HP:0003577", visitAge: visitAge).isEmpty)
        #expect(TimeConsistency.onset("P6Y", visitAge: nil).isEmpty)
    }

    @Test("the store refuses inconsistent times on create and update, and a birth date after a recorded visit", arguments: Backend.available)
    func store(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let patient = try await f.patient(birth: "2015-03-10")
        await #expect(throws: RegistryError.invalid([FieldProblem("date", "is before the patient's date of birth")])) {
            try await f.store.create(VisitFields(date: "2014-01-01"), parent: patient.id, by: f.clinician)
        }
        let visit = try await f.store.create(VisitFields(date: "2020-03-10"), parent: patient.id, by: f.clinician)
        await #expect(throws: RegistryError.invalid([FieldProblem("onset", "is later than the patient's age at the visit")])) {
            try await f.store.create(PhenotypicFeatureFields(hpoId: "HP:0011987", onset: "P8Y"), parent: visit.id, by: f.clinician)
        }
        _ = try await f.store.create(PhenotypicFeatureFields(hpoId: "HP:0011987", onset: "P2Y"), parent: visit.id, by: f.clinician)
        await #expect(throws: RegistryError.self) {
            try await f.store.update(VisitFields(date: "2099-01-01"), id: visit.id, version: visit.version, by: f.clinician)
        }
        var later = patient.fields
        later.birthDate = "2021-01-01"
        await #expect(throws: RegistryError.invalid([FieldProblem("birthDate", "is after the date of a visit already recorded")])) {
            try await f.store.update(later, id: patient.id, version: patient.version, by: f.clinician)
        }
        await #expect(throws: RegistryError.self) {
            try await f.store.create(ProcedureFields(kind: .excision, date: "2013-05-05"), parent: visit.id, by: f.clinician)
        }
        await f.close()
    }

    @Test("an import names the record and field whose times disagree, and writes nothing", arguments: Backend.available)
    func importRefusal(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        var visit = ImportedVisit(visit: VisitFields(date: nil, age: "P4Y"))
        visit.phenotypicFeatures = [PhenotypicFeatureFields(hpoId: "HP:0011987", onset: "P9Y")]
        let pseudonym = unique("T")
        let outcomes = try await f.store.importPatients(
            [ImportedPatient(patient: PatientFields(pseudonym: pseudonym, birthDate: "2015-03-10", sex: .male), visits: [visit])],
            site: f.site.id, by: f.clinician)
        #expect(outcomes.first?.problems == [FieldProblem("visits[0].phenotypicFeatures[0].onset", "is later than the patient's age at the visit")])
        #expect(try await f.store.listPatients(PatientFilter(pseudonym: pseudonym), page: Page(), by: f.clinician).total == 0)
        await f.close()
    }
}
