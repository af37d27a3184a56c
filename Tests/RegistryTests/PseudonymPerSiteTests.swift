import FoundationEssentials
@testable import Registry
import Testing

/// A pseudonym is unique within its site only: another site's pseudonyms are never a reason for a
/// refusal (which would tell a clinician what that site holds), and the migration that made it so
/// keeps every patient and visit of an existing registry.
@Suite("Pseudonyms are unique per site")
struct PseudonymPerSiteTests {
    @Test("the same pseudonym at two sites; twice at one site is refused, naming the record", arguments: Backend.available)
    func perSite(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let other = try await f.store.createSite(code: unique("site"), name: "Other centre", by: .operatorConsole)
        let colleague = try await f.store.createUser(username: unique("clin"), passwordHash: "x", role: .clinician,
                                                     siteID: other.id, by: .operatorConsole).principal
        let pseudonym = unique("SHARED")
        _ = try await f.patient(pseudonym)
        let there = try await f.store.create(PatientFields(pseudonym: pseudonym, sex: .male), parent: other.id, by: colleague)
        #expect(there.fields.pseudonym == pseudonym)
        await #expect(throws: RegistryError.conflict("a patient with the same unique value exists")) {
            try await f.store.create(PatientFields(pseudonym: pseudonym, sex: .male), parent: f.site.id, by: f.clinician)
        }
        let fresh = unique("NEW")
        let outcomes = try await f.store.importPatients(
            [ImportedPatient(patient: PatientFields(pseudonym: fresh, sex: .female), visits: []),
             ImportedPatient(patient: PatientFields(pseudonym: pseudonym, sex: .female), visits: [])],
            site: f.site.id, by: f.clinician)
        #expect(outcomes.map(\.problems) == [[], [FieldProblem("pseudonym", "is already registered at your site")]])
        #expect(try await f.store.listPatients(PatientFilter(pseudonym: fresh), page: Page(), by: f.clinician).total == 0)
        // The colleague's site imports it: the other site's patient is no reason to refuse.
        let theirs = try await f.store.importPatients(
            [ImportedPatient(patient: PatientFields(pseudonym: fresh, sex: .female), visits: [])], site: other.id, by: colleague)
        #expect(theirs.first?.problems == [])
        await f.close()
    }

    @Test("the SQLite rebuild keeps patients, visits, ids and the id counter")
    func sqliteRebuildKeepsData() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ossify-test-\(UUID().uuidString).sqlite").path
        let old = try SQLiteDatabase(path: file)
        _ = try await Migrator.migrate(old, through: "0004-audit-without-values")
        let before = RegistryStore(database: old)
        _ = try await old.transaction { tx in
            try await tx.query("INSERT INTO settings (name, value) VALUES ('research_key', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')")
        }
        let site = try await before.createSite(code: "S1", name: "Centre", by: .operatorConsole)
        let site2 = try await before.createSite(code: "S2", name: "Centre 2", by: .operatorConsole)
        let clinician = try await before.createUser(username: "synthetic-clinician", passwordHash: "x", role: .clinician,
                                                    siteID: site.id, by: .operatorConsole).principal
        var ids: [Int64] = []
        for n in 0..<3 {
            let p = try await before.create(PatientFields(pseudonym: "P\(n)", sex: .female), parent: site.id, by: clinician)
            _ = try await before.create(VisitFields(date: "2020-01-0\(n + 1)"), parent: p.id, by: clinician)
            ids.append(p.id)
        }
        // The last patient is erased: its id must never be given again.
        try await before.erasePatient(ids[2], by: .operatorConsole)
        #expect(try await Migrator.migrate(old, through: nil).contains("0005-pseudonym-per-site"))
        let visits = try await old.read("SELECT COUNT(*) AS n FROM visits")
        #expect(visits.first?["n"].int == 2)
        #expect(try await old.read("SELECT id FROM patients ORDER BY id").compactMap { $0["id"].int64 } == Array(ids.prefix(2)))
        let colleague = try await before.createUser(username: "synthetic-colleague", passwordHash: "x", role: .clinician,
                                                    siteID: site2.id, by: .operatorConsole).principal
        let next = try await before.create(PatientFields(pseudonym: "P0", sex: .male), parent: site2.id, by: colleague)
        #expect(next.id > ids[2])
        // Foreign keys are enforced again: deleting a patient still takes its visits.
        try await before.erasePatient(ids[0], by: .operatorConsole)
        #expect(try await old.read("SELECT COUNT(*) AS n FROM visits").first?["n"].int == 1)
        await old.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
}
