import FoundationEssentials
@testable import Registry
import Testing

/// The storage suite: the same tests on every available store.
@Suite("Storage")
struct StorageSuiteTests {
    @Test("migrations apply once", arguments: Backend.available)
    func migrations(_ backend: Backend) async throws {
        let (store, path) = try await backend.makeStoreAndPath()
        #expect(try await store.migrate().isEmpty)
        await store.close()
        if let path { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    }

    @Test("create, read, update, list a patient", arguments: Backend.available)
    func patientLifecycle(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let created = try await f.patient()
        #expect(created.version == 1)
        #expect(created.privacy?.researchID.count == 20)
        let read = try await f.store.get(PatientFields.self, id: created.id, by: f.clinician)
        #expect(read.fields == created.fields)
        var changed = read.fields
        changed.status = .lostToFollowUp
        let updated = try await f.store.update(changed, id: created.id, version: 1, by: f.clinician)
        #expect(updated.version == 2)
        #expect(updated.fields.status == .lostToFollowUp)
        await #expect(throws: RegistryError.self) {
            try await f.store.update(changed, id: created.id, version: 1, by: f.clinician)
        }
        _ = try await f.patient()
        let all = try await f.store.listPatients(PatientFilter(), page: Page(limit: 1), by: f.clinician)
        #expect(all.total == 2)
        #expect(all.items.count == 1)
        let lost = try await f.store.listPatients(PatientFilter(status: .lostToFollowUp), page: Page(), by: f.clinician)
        #expect(lost.items.map(\.id) == [created.id])
        await f.close()
    }

    @Test("the list searches the pseudonym, filters by birth dates and GNAS result, sorts", arguments: Backend.available)
    func patientSearchAndSort(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        // Pseudonyms are unique in the registry (the PostgreSQL database is shared by runs): a hex suffix.
        let u = String(UUID().uuidString.prefix(8))
        let a = try await f.patient("Zeta_50%-" + u, birth: "2001-01-01")
        var fields = PatientFields(pseudonym: "alpha-7-" + u, birthDate: "2019-06-01", sex: .male)
        fields.gnasSequencing = .variant
        let b = try await f.store.create(fields, parent: f.site.id, by: f.clinician)
        let c = try await f.patient("Mid-" + u, birth: nil)
        func ids(_ filter: PatientFilter) async throws -> [Int64] {
            try await f.store.listPatients(filter, page: Page(), by: f.clinician).items.map(\.id)
        }
        #expect(try await ids(PatientFilter(search: "ALPHA")) == [b.id], "case-insensitive part of the pseudonym")
        #expect(try await ids(PatientFilter(search: "_50%")) == [a.id], "LIKE's own characters are literal")
        #expect(try await ids(PatientFilter(search: "%")) == [a.id])
        #expect(try await ids(PatientFilter(search: String(c.id))).contains(c.id), "the record id")
        #expect(try await ids(PatientFilter(bornAfter: "2010-01-01", bornOnOrBefore: "2020-01-01")) == [b.id])
        #expect(try await ids(PatientFilter(gnasSequencing: .variant)) == [b.id])
        let research = try #require(b.privacy?.researchID)
        #expect(try await ids(PatientFilter(researchID: research)) == [b.id])
        let byName = try await f.store.listPatients(PatientFilter(sort: PatientSort(.pseudonym)), page: Page(), by: f.clinician)
        #expect(byName.items.map(\.fields.pseudonym) == ["alpha-7-" + u, "Mid-" + u, "Zeta_50%-" + u], "case-insensitive order on both databases")
        #expect(try await ids(PatientFilter(sort: PatientSort(.birthDate))) == [a.id, b.id, c.id], "oldest first, no birth date last")
        #expect(try await ids(PatientFilter(sort: PatientSort(.birthDate, descending: true))) == [b.id, a.id, c.id])
        #expect(try await ids(PatientFilter(sort: PatientSort(.id, descending: true))) == [c.id, b.id, a.id])
        await f.close()
    }

    @Test("a clinician of another site sees nothing", arguments: Backend.available)
    func siteScoping(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        let other = try await f.store.createSite(code: unique("other"), name: "Other", by: .operatorConsole)
        let stranger = try await f.store.createUser(username: unique("c2"), passwordHash: "x", role: .clinician,
                                                    siteID: other.id, by: .operatorConsole).principal
        await #expect(throws: RegistryError.notFound(.patient)) {
            try await f.store.get(PatientFields.self, id: p.id, by: stranger)
        }
        await #expect(throws: RegistryError.notFound(.patient)) {
            try await f.store.create(VisitFields(date: "2024-01-01"), parent: p.id, by: stranger)
        }
        #expect(try await f.store.listPatients(PatientFilter(), page: Page(), by: stranger).total == 0)
        await f.close()
    }

    @Test("visits and their parts, the full record and the researcher's view", arguments: Backend.available)
    func document(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient(birth: "2015-03-10")
        let v = try await f.store.create(VisitFields(date: "2024-06-20", kind: "baseline", notes: "seen with mother"), parent: p.id, by: f.clinician)
        #expect(v.computed["ageAtVisit"] == .string("P9Y3M"))
        _ = try await f.store.create(LesionFields(lesionId: "L1", region: "forearm", side: .left, surface: .anterior,
                                                  percentOfRegion: 10, depth: .fascia, morphology: .plaque, imaging: .radiograph),
                                     parent: v.id, by: f.clinician)
        _ = try await f.store.create(PhenotypicFeatureFields(hpoId: "HP:0034282", onset: "P1Y"), parent: v.id, by: f.clinician)
        _ = try await f.store.create(MeasurementFields(loinc: "8302-2", value: 131.5, unit: "cm"), parent: v.id, by: f.clinician)
        _ = try await f.store.create(JointInvolvementFields(joint: .elbow, side: .left, score: 1), parent: v.id, by: f.clinician)
        _ = try await f.store.create(ProcedureFields(kind: .excision, date: "2024-06-21", lesionId: "L1", recurrence: true,
                                                     recurrenceDate: "2025-01-02"), parent: v.id, by: f.clinician)
        _ = try await f.store.create(VariantFields(gene: "GNAS", hgvs: "NM_000516.7:c.565C>T", zygosity: .heterozygous,
                                                   parentOfOrigin: .paternal, acmgClass: .pathogenic), parent: v.id, by: f.clinician)
        _ = try await f.store.create(DiagnosisFields(code: "ORPHA:2762", status: .confirmed), parent: v.id, by: f.clinician)

        let doc = try await f.store.document(patient: p.id, by: f.clinician)
        #expect(doc.visits.count == 1)
        let visit = try #require(doc.visits.first)
        #expect(visit.lesions.count == 1 && visit.phenotypicFeatures.count == 1 && visit.measurements.count == 1)
        #expect(visit.jointInvolvements.count == 1 && visit.procedures.count == 1 && visit.variants.count == 1)
        #expect(visit.diagnoses.count == 1)

        let identified = doc.json(.identified)
        #expect(identified["patient"]?["birthDate"] == .string("2015-03-10"))

        let researcherDoc = try await f.store.document(patient: p.id, by: f.researcher)
        let pseudo = researcherDoc.json(.pseudonymised)
        let patient = try #require(pseudo["patient"])
        #expect(patient["birthDate"] == nil)
        #expect(patient["pseudonym"] == nil)
        #expect(patient["notes"] == nil)
        #expect(patient["id"] == .string(p.privacy?.researchID ?? "?"))
        #expect(patient["ageYears"] != nil)
        guard case .array(let visits)? = pseudo["visits"], let pv = visits.first else { Issue.record("no visits"); return }
        #expect(pv["notes"] == nil)
        #expect(pv["ageAtVisit"] == .string("P9Y3M"))
        let shift = try #require(p.privacy?.dateShiftDays)
        #expect(shift != 0)
        #expect(pv["date"] == .string(CivilDate("2024-06-20")?.adding(days: shift)?.description ?? ""))
        #expect(pv["id"]?.stringValue?.count == 20)
        guard case .array(let procedures)? = pv["procedures"], let proc = procedures.first else { Issue.record("no procedure"); return }
        #expect(proc["outcome"] == nil)
        #expect(proc["date"] == .string(CivilDate("2024-06-21")?.adding(days: shift)?.description ?? ""))
        #expect(!pseudo.jsonText.contains("seen with mother"))
        #expect(!pseudo.jsonText.contains("2015-03-10"))
        await f.close()
    }

    @Test("invalid fields are refused, each named", arguments: Backend.available)
    func validation(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        let v = try await f.store.create(VisitFields(date: "2024-01-01"), parent: p.id, by: f.clinician)
        let error = await #expect(throws: RegistryError.self) {
            try await f.store.create(LesionFields(lesionId: "", region: "tail", percentOfRegion: 140), parent: v.id, by: f.clinician)
        }
        guard case .invalid(let problems)? = error else { Issue.record("not a validation error"); return }
        #expect(Set(problems.map(\.field)) == ["lesionId", "region", "percentOfRegion"])
        await f.close()
    }

    @Test("the schema refuses what the API would: checks and foreign keys", arguments: Backend.available)
    func schemaInvariants(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        await #expect(throws: SQLFailure.checkViolation) {
            try await f.store.database.transaction { tx in
                try await tx.query("UPDATE patients SET sex = 'dragon' WHERE id = ?", [.integer(p.id)])
            }
        }
        await #expect(throws: SQLFailure.foreignKeyViolation) {
            try await f.store.database.transaction { tx in
                try await tx.query("INSERT INTO visits (patient_id, date, version, created_at, updated_at) VALUES (?, '2024-01-01', 1, 'x', 'x')",
                                   [.integer(987_654_321)])
            }
        }
        await #expect(throws: SQLFailure.checkViolation) {
            try await f.store.database.transaction { tx in
                try await tx.query("UPDATE patients SET pseudonym = NULL WHERE id = ?", [.integer(p.id)])
            }
        }
        await f.close()
    }

    @Test("a failed transaction leaves nothing behind", arguments: Backend.available)
    func rollback(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await f.store.database.transaction { tx in
                try await tx.query("INSERT INTO visits (patient_id, date, version, created_at, updated_at) VALUES (?, '2024-01-01', 1, 'x', 'x')",
                                   [.integer(p.id)])
                throw Boom()
            }
        }
        #expect(try await f.store.list(VisitFields.self, parent: p.id, page: Page(), by: f.clinician).total == 0)
        await f.close()
    }

    @Test("erasing a patient deletes the record and leaves no value of it in the audit log", arguments: Backend.available)
    func erasure(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let pseudonym = unique("erase")
        let p = try await f.patient(pseudonym)
        let v = try await f.store.create(VisitFields(date: "2024-05-06", notes: "seen with her mother"), parent: p.id, by: f.clinician)
        _ = try await f.store.create(LesionFields(lesionId: "L7", region: "thigh", side: .left), parent: v.id, by: f.clinician)
        try await f.store.erasePatient(p.id, by: .operatorConsole)
        await #expect(throws: RegistryError.self) { _ = try await f.store.document(patient: p.id, by: f.clinician) }
        let entries = try await f.store.auditLog(AuditFilter(patientID: p.id), page: Page()).items
        #expect(entries.first?.action == .delete && entries.first?.after?["erased"] == .bool(true))
        for entry in entries {
            let text = (entry.before?.jsonText ?? "") + (entry.after?.jsonText ?? "")
            #expect(!text.contains(pseudonym) && !text.contains("mother") && !text.contains("2015-03-10") && !text.contains("thigh"))
        }
        await #expect(throws: RegistryError.self) { try await f.store.erasePatient(p.id, by: .operatorConsole) }
        await f.close()
    }

    @Test("migration 0004 removes the record values that older audit entries kept", arguments: Backend.available)
    func auditValuesRemoved(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        let marker = unique("old-value")
        try await f.store.database.transaction { tx in
            try await tx.query(
                "INSERT INTO audit_log (at, username, action, entity, record_id, patient_id, after_json) VALUES ('x', 'x', 'update', 'patient', ?, ?, ?)",
                [.text(String(p.id)), .integer(p.id), .text(#"{"notes":""# + marker + #""}"#)])
        }
        // The migration's statements run again (on the shared PostgreSQL test database, without
        // touching schema_migrations, which other tests read).
        let dialect = f.store.database.dialect
        try await f.store.database.transaction { tx in
            for statement in Schema.auditWithoutValues(dialect) { try await tx.query(statement) }
        }
        let entries = try await f.store.auditLog(AuditFilter(patientID: p.id), page: Page()).items
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { !(($0.after?.jsonText ?? "") + ($0.before?.jsonText ?? "")).contains(marker) })
        await #expect(throws: SQLFailure.refusedByTrigger) {
            try await f.store.database.transaction { tx in try await tx.query("UPDATE audit_log SET username = 'x'") }
        }
        await f.close()
    }

    @Test("the audit log records every change and read and refuses edits", arguments: Backend.available)
    func auditLog(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        // A clock one millisecond further at every reading: the log is listed by time, and a read's
        // entry (spooled on SQLite) must come between the changes around it.
        let clock = TickingClock()
        let store = RegistryStore(database: f.store.database, now: clock.now)
        let v = try await store.create(VisitFields(date: "2024-01-01"), parent: p.id, by: f.clinician)
        _ = try await store.update(VisitFields(date: "2024-01-02"), id: v.id, version: 1, by: f.clinician)
        _ = try await store.get(VisitFields.self, id: v.id, by: f.clinician)
        _ = try await store.create(LesionFields(lesionId: "L9", region: "neck", side: .midline), parent: v.id, by: f.clinician)
        try await store.delete(VisitFields.self, id: v.id, version: 2, by: f.clinician)
        let entries = try await store.auditLog(AuditFilter(patientID: p.id), page: Page()).items
        await store.auditTrail.close()
        let actions = entries.reversed().map { "\($0.action.rawValue) \($0.entity.rawValue)" }
        #expect(actions == ["create patient", "create visit", "update visit", "read visit", "create lesion", "delete visit"])
        // Which fields changed and keyed hashes are kept, never the values.
        func fields(_ image: JSONValue?) -> [String] {
            guard case .array(let items)? = image?["fields"] else { return [] }
            return items.compactMap(\.stringValue)
        }
        let deletion = try #require(entries.first { $0.action == .delete })
        #expect(fields(deletion.before).contains("lesions") && fields(deletion.before).contains("date"))
        let update = try #require(entries.first { $0.action == .update })
        #expect(fields(update.before).contains("date") && !fields(update.before).contains("kind"))
        #expect(update.after?["fields"] == update.before?["fields"])
        #expect(update.before?["hmac"] != update.after?["hmac"])
        for entry in entries {
            let text = (entry.before?.jsonText ?? "") + (entry.after?.jsonText ?? "")
            #expect(!text.contains("2024-01-0") && !text.contains("L9") && !text.contains("neck"), "\(entry.action) \(entry.entity)")
        }
        #expect(update.username == f.clinician.username)
        await #expect(throws: SQLFailure.refusedByTrigger) {
            try await f.store.database.transaction { tx in try await tx.query("UPDATE audit_log SET username = 'x'") }
        }
        await #expect(throws: SQLFailure.refusedByTrigger) {
            try await f.store.database.transaction { tx in try await tx.query("DELETE FROM audit_log") }
        }
        await f.close()
    }

    @Test("sessions expire and can be revoked", arguments: Backend.available)
    func sessions(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let user = try #require(try await f.store.credentials(username: f.clinician.username)?.user)
        let live = unique("token"), short = unique("token")
        _ = try await f.store.createSession(tokenHash: live, user: user, lifetime: .seconds(3600))
        _ = try await f.store.createSession(tokenHash: short, user: user, lifetime: .seconds(-1))
        #expect(try await f.store.principal(tokenHash: live) == f.clinician)
        #expect(try await f.store.principal(tokenHash: short) == nil)
        try await f.store.revokeSession(tokenHash: live, by: f.clinician)
        #expect(try await f.store.principal(tokenHash: live) == nil)
        await f.close()
    }

    @Test("many simultaneous writers lose no update", arguments: Backend.available)
    func concurrentWriters(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        let v = try await f.store.create(VisitFields(date: "2024-01-01"), parent: p.id, by: f.clinician)
        let m = try await f.store.create(MeasurementFields(loinc: "8302-2", value: 0, unit: "cm"), parent: v.id, by: f.clinician)
        let writers = 24
        let store = f.store, who = f.clinician
        var conflicts = 0
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<writers {
                group.addTask {
                    var retries = 0
                    while true {
                        let current = try await store.get(MeasurementFields.self, id: m.id, by: who)
                        var next = current.fields
                        next.value += 1
                        do {
                            _ = try await store.update(next, id: m.id, version: current.version, by: who)
                            return retries
                        } catch let error as RegistryError {
                            guard case .conflict = error else { throw error }
                            retries += 1
                        }
                    }
                }
            }
            for try await r in group { conflicts += r }
        }
        let final = try await f.store.get(MeasurementFields.self, id: m.id, by: f.clinician)
        #expect(final.fields.value == Double(writers))
        #expect(final.version == writers + 1)
        print("concurrent writers (\(backend.rawValue)): \(writers) increments, \(conflicts) conflicts retried")
        await f.close()
    }

    @Test("assessments are stored with data release and engine version", arguments: Backend.available)
    func assessments(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        let a = try await f.store.storeAssessment(patient: p.id, kind: .diagnosis, dataRelease: "hpo-2025-01-16",
                                                  engineVersion: "0.1.0", result: .object(["top": .string("ORPHA:2762")]),
                                                  by: f.clinician)
        let doc = try await f.store.document(patient: p.id, by: f.clinician)
        #expect(doc.assessments == [a])
        await f.close()
    }
}

@Suite("SQLite backup")
struct BackupTests {
    @Test("an online backup taken during writes is a consistent registry")
    func onlineBackup() async throws {
        let f = try await Fixture.make(.sqlite)
        let p = try await f.patient()
        let db = try #require(f.store.database as? SQLiteDatabase)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ossify-backup-\(UUID().uuidString).sqlite").path
        let store = f.store, who = f.clinician
        async let writes: Void = {
            for day in 1...20 { _ = try await store.create(VisitFields(date: "2024-01-\(day < 10 ? "0" : "")\(day)"), parent: p.id, by: who) }
        }()
        try await db.backup(to: path)
        try await writes
        let copy = RegistryStore(database: try SQLiteDatabase(path: path))
        #expect(try await copy.migrate().isEmpty)
        let visits = try await copy.database.read("SELECT COUNT(*) AS n FROM visits")
        let audited = try await copy.database.read("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'visit'")
        // Each visit and its audit row are written in one transaction: the copy has as many of each.
        #expect(visits.first?["n"].int == audited.first?["n"].int)
        try? FileManager.default.removeItem(atPath: path)
        await copy.close()
        await f.close()
    }
}
