import FoundationEssentials
@testable import Registry
import Testing

/// The cache of rendered records (`DocumentCache`) never serves a record older than the committed
/// one: every kind of change moves the patient's revision (database triggers, migration 0009), and
/// after each change the served bytes equal a fresh rendering; the site check and the audit entry
/// happen on every read, cached or not.
@Suite("Record cache")
struct RecordCacheTests {
    static func revision(_ store: RegistryStore, _ patient: Int64) async throws -> Int64 {
        try #require(try await store.database.read([RegistryStore.revisionQuery(patient: patient)])[0].first?["revision"].int64)
    }

    /// A fresh rendering, and a served one, as JSON values (object keys have no fixed order).
    static func fresh(_ store: RegistryStore, _ patient: Int64, _ who: Principal) async throws -> JSONValue {
        try await store.document(patient: patient, by: who).json(View(role: who.role))
    }

    static func parsed(_ bytes: [UInt8]) -> JSONValue? { JSONValue(parsing: bytes) }

    @Test("every change moves the revision and the next read shows it", arguments: Backend.available)
    func everyChangeIsSeen(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let store = f.store, who = f.clinician
        let p = try await f.patient()
        var last = try await Self.revision(store, p.id)
        var step = 0
        // After each change: a new revision, a served record equal to a fresh rendering, and a
        // second read served from the cache.
        func changed(_ what: String) async throws {
            step += 1
            let now = try await Self.revision(store, p.id)
            #expect(now > last, "step \(step) (\(what)) left the revision at \(now)")
            last = now
            let served = try await store.recordJSON(patient: p.id, by: who)
            #expect(Self.parsed(served) == (try await Self.fresh(store, p.id, who)), "step \(step) (\(what)) served a stale record")
            let hits = store.recordCacheStatistics.hits
            #expect(try await store.recordJSON(patient: p.id, by: who) == served)
            #expect(store.recordCacheStatistics.hits == hits + 1, "step \(step): the unchanged record was not reused")
        }
        _ = try await store.recordJSON(patient: p.id, by: who)
        var fields = p.fields
        fields.notes = "changed notes"
        let p2 = try await store.update(fields, id: p.id, version: p.version, by: who)
        try await changed("patient update")
        let v = try await store.create(VisitFields(date: "2024-06-20"), parent: p.id, by: who)
        try await changed("visit create")
        let v2 = try await store.update(VisitFields(date: "2024-06-21", kind: "follow-up"), id: v.id, version: v.version, by: who)
        try await changed("visit update")
        let lesion = try await store.create(LesionFields(lesionId: "L1", region: "forearm", side: .left, depth: .dermis), parent: v.id, by: who)
        try await changed("lesion create")
        _ = try await store.update(LesionFields(lesionId: "L1", region: "forearm", side: .left, depth: .muscle),
                                   id: lesion.id, version: lesion.version, by: who)
        try await changed("lesion update")
        let feature = try await store.create(PhenotypicFeatureFields(hpoId: "HP:0034282", onset: "P1Y"), parent: v.id, by: who)
        try await changed("feature create")
        try await store.delete(PhenotypicFeatureFields.self, id: feature.id, version: feature.version, by: who)
        try await changed("feature delete")
        _ = try await store.create(MeasurementFields(loinc: "8302-2", value: 131.5, unit: "cm"), parent: v.id, by: who)
        try await changed("measurement create")
        _ = try await store.create(JointInvolvementFields(joint: .elbow, side: .left, score: 1), parent: v.id, by: who)
        try await changed("joint create")
        _ = try await store.create(ProcedureFields(kind: .excision, date: "2024-06-22", lesionId: "L1"), parent: v.id, by: who)
        try await changed("procedure create")
        _ = try await store.create(VariantFields(gene: "GNAS", hgvs: "NM_000516.7:c.565C>T", parentOfOrigin: .paternal), parent: v.id, by: who)
        try await changed("variant create")
        _ = try await store.create(DiagnosisFields(code: "ORPHA:2762", status: .suspected), parent: v.id, by: who)
        try await changed("diagnosis create")
        _ = try await store.storeAssessment(patient: p.id, kind: .diagnosis, dataRelease: "r", engineVersion: "e",
                                           result: .object(["top": .string("POH")]), by: who)
        try await changed("assessment stored")
        try await store.delete(VisitFields.self, id: v.id, version: v2.version, by: who)
        try await changed("visit delete with its parts")
        #expect(p2.version == 2)
        await f.close()
    }

    @Test("the site check and the audit entry happen on every cached read", arguments: Backend.available)
    func cachedReadsAreCheckedAndAudited(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let store = f.store
        let p = try await f.patient()
        _ = try await store.create(VisitFields(date: "2024-06-20"), parent: p.id, by: f.clinician)
        let identified = try await store.recordJSON(patient: p.id, by: f.clinician)
        let audited = { () async throws -> Int in
            try await store.flushAudit()
            let rows = try await store.database.read([SQLQuery("SELECT COUNT(*) AS n FROM audit_log WHERE patient_id = ? AND action = 'read'",
                                                               [.integer(p.id)])])
            return Int(rows[0].first?["n"].int64 ?? -1)
        }
        let before = try await audited()
        for _ in 0..<3 { #expect(try await store.recordJSON(patient: p.id, by: f.clinician) == identified) }
        #expect(try await audited() == before + 3)
        // Another site's clinician is refused though the record is cached.
        let other = try await store.createSite(code: unique("site"), name: "Other centre", by: .operatorConsole)
        let stranger = try await store.createUser(username: unique("clin"), passwordHash: "x", role: .clinician,
                                                  siteID: other.id, by: .operatorConsole).principal
        await #expect(throws: RegistryError.notFound(.patient)) { try await store.recordJSON(patient: p.id, by: stranger) }
        // The researcher gets the pseudonymised rendering, never the cached identified one.
        let pseudonymised = try await store.recordJSON(patient: p.id, by: f.researcher)
        #expect(pseudonymised != identified)
        #expect(Self.parsed(pseudonymised) == (try await Self.fresh(store, p.id, f.researcher)))
        #expect(!String(decoding: pseudonymised, as: UTF8.self).contains(p.fields.pseudonym))
        await f.close()
    }

    @Test func evictsTheLeastRecentlyUsedOverBudget() {
        let cache = DocumentCache(budget: 8_000)
        let bytes = [UInt8](repeating: 65, count: 1_000)
        for i in 0..<7 { cache.store(.init(patient: Int64(i), view: "identified"), revision: 1, bytes: bytes) }
        #expect(cache.bytes(.init(patient: 0, view: "identified"), revision: 1) != nil) // 0 is now recent
        for i in 7..<9 { cache.store(.init(patient: Int64(i), view: "identified"), revision: 1, bytes: bytes) }
        let stats = cache.statistics
        #expect(stats.bytes <= 8_000 && stats.entries == stats.bytes / 1_000)
        #expect(cache.bytes(.init(patient: 0, view: "identified"), revision: 1) != nil)
        #expect(cache.bytes(.init(patient: 1, view: "identified"), revision: 1) == nil)
        // A stale revision is never served, and an older rendering never replaces a newer one.
        #expect(cache.bytes(.init(patient: 8, view: "identified"), revision: 2) == nil)
        cache.store(.init(patient: 8, view: "identified"), revision: 3, bytes: [1])
        cache.store(.init(patient: 8, view: "identified"), revision: 2, bytes: [2])
        #expect(cache.bytes(.init(patient: 8, view: "identified"), revision: 3) == [1])
        #expect(DocumentCache(budget: 0).bytes(.init(patient: 8, view: "identified"), revision: 3) == nil)
    }
}
