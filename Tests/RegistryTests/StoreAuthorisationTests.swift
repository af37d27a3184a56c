import FoundationEssentials
@testable import Registry
import Testing

/// The store refuses changes from roles that may not make them, whatever edge called it: a
/// researcher and an admin account never change patient data, only admins manage accounts.
@Suite("Store authorisation")
struct StoreAuthorisationTests {
    static let adminAccount = Principal(userID: 9_999, username: "synthetic-admin", role: .admin, siteID: nil)

    @Test("researchers and admin accounts cannot write patient data", arguments: Backend.available)
    func patientWrites(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let patient = try await f.patient()
        let visit = try await f.store.create(VisitFields(date: "2020-01-02"), parent: patient.id, by: f.clinician)
        for who in [f.researcher, Self.adminAccount] {
            await #expect(throws: RegistryError.forbidden("the role \(who.role.rawValue) may not change patient data")) {
                try await f.store.create(PatientFields(pseudonym: unique("P"), sex: .male), parent: f.site.id, by: who)
            }
            await #expect(throws: RegistryError.self) {
                try await f.store.update(patient.fields, id: patient.id, version: patient.version, by: who)
            }
            await #expect(throws: RegistryError.self) {
                try await f.store.delete(VisitFields.self, id: visit.id, version: visit.version, by: who)
            }
            await #expect(throws: RegistryError.self) {
                try await f.store.erasePatient(patient.id, by: who)
            }
            await #expect(throws: RegistryError.self) {
                try await f.store.storeAssessment(patient: patient.id, kind: .diagnosis, dataRelease: "r", engineVersion: "e",
                                                  result: .object([:]), by: who)
            }
        }
        // Nothing changed: the patient and the visit are as they were.
        #expect(try await f.store.get(PatientFields.self, id: patient.id, by: f.clinician).version == patient.version)
        #expect(try await f.store.get(VisitFields.self, id: visit.id, by: f.clinician).version == visit.version)
        await f.close()
    }

    @Test("only admins manage sites and users", arguments: Backend.available)
    func accountWrites(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        for who in [f.clinician, f.researcher] {
            await #expect(throws: RegistryError.forbidden("the role \(who.role.rawValue) may not manage sites or users")) {
                try await f.store.createSite(code: unique("site"), name: "Another centre", by: who)
            }
            await #expect(throws: RegistryError.self) {
                try await f.store.createUser(username: unique("u"), passwordHash: "x", role: .admin, siteID: nil, by: who)
            }
            await #expect(throws: RegistryError.self) {
                try await f.store.setUserActive(f.clinician.userID ?? 0, active: false, by: who)
            }
        }
        let site = try await f.store.createSite(code: unique("site"), name: "Another centre", by: Self.adminAccount)
        #expect(site.name == "Another centre")
        await f.close()
    }
}
