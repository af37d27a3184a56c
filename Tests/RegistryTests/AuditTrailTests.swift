import FoundationEssentials
@testable import Registry
import Synchronization
import Testing

/// Audit entries outside changes: group commit on both stores, and on SQLite the spool that keeps
/// reads from waiting for the registry's writer.
@Suite("Audit trail")
struct AuditTrailTests {
    @Test("concurrent reads are each audited once", arguments: Backend.available)
    func concurrentReads(_ backend: Backend) async throws {
        let f = try await Fixture.make(backend)
        let p = try await f.patient()
        let store = f.store, who = f.clinician
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 { group.addTask { _ = try await store.document(patient: p.id, by: who) } }
            try await group.waitForAll()
        }
        let reads = try await store.auditLog(AuditFilter(patientID: p.id, entity: .patient, action: .read), page: Page(limit: 1))
        #expect(reads.total == 200)
        await f.close()
    }

    @Test("a read on SQLite is answered and audited while a change holds the writer")
    func readDuringWrite() async throws {
        let f = try await Fixture.make(.sqlite)
        let p = try await f.patient()
        let store = f.store, who = f.clinician
        let read = Signal()
        // The transaction (as an import's) holds the writer until the read has been answered; a
        // read that waited for the writer would never be, and the wait ends the test with a failure.
        let answered = try await store.database.transaction { tx -> Bool in
            try await tx.query("UPDATE patients SET notes = 'held' WHERE id = ?", [.integer(p.id)])
            Task {
                _ = try await store.document(patient: p.id, by: who)
                read.fire()
            }
            return await read.wait(upTo: .seconds(30))
        }
        #expect(answered)
        let reads = try await store.auditLog(AuditFilter(patientID: p.id, entity: .patient, action: .read), page: Page(limit: 1))
        #expect(reads.total == 1)
        await f.close()
    }

    @Test("entries a killed process left in the spool are moved into the log once")
    func leftovers() async throws {
        let f = try await Fixture.make(.sqlite)
        let p = try await f.patient()
        let path = try #require(f.path)
        // Two reads spooled and drained; then the spool holds one entry already moved (a crash
        // between the drain's commit and the spool's clean-up) and one never moved.
        _ = try await f.store.document(patient: p.id, by: f.clinician)
        _ = try await f.store.document(patient: p.id, by: f.clinician)
        try await f.store.flushAudit()
        let spool = try SQLiteDatabase(path: SQLiteDatabase.auditSpoolPath(for: path), auditSpool: false)
        let mark = try #require(try await f.store.database.read("SELECT value FROM settings WHERE name = ?", [.text(AuditSpool.mark)]).first)
        let moved = AuditSpool.position([mark], identity: try #require(try await spool.read("SELECT identity FROM spool_identity").first?["identity"].string))
        #expect(moved >= 2)
        let insert = "INSERT INTO audit_spool (id, at, username, action, entity, record_id, patient_id) VALUES (?, ?, 'x', 'read', 'patient', ?, ?)"
        try await spool.write([
            SQLQuery(insert, [.integer(moved), .text("2030-01-01T00:00:00.000Z"), .text(String(p.id)), .integer(p.id)]),
            SQLQuery(insert, [.integer(moved + 1), .text("2030-01-01T00:00:00.001Z"), .text(String(p.id)), .integer(p.id)]),
        ])
        await spool.close()
        await f.store.auditTrail.close()
        // A new store on the file, as a restarted server: its listing drains first.
        let restarted = RegistryStore(database: f.store.database)
        let reads = try await restarted.auditLog(AuditFilter(patientID: p.id, entity: .patient, action: .read), page: Page())
        #expect(reads.total == 3)
        #expect(reads.items.filter { $0.at.hasPrefix("2030") }.count == 1)
        await restarted.auditTrail.close()
        await f.close()
    }

    @Test("the drain's mark belongs to one spool file")
    func markPosition() {
        #expect(AuditSpool.position([SQLRow(["value": .text("a-b:42")])], identity: "a-b") == 42)
        #expect(AuditSpool.position([SQLRow(["value": .text("a-c:42")])], identity: "a-b") == 0)
        #expect(AuditSpool.position([], identity: "a-b") == 0)
        #expect(AuditSpool.position([SQLRow(["value": .text("a-b:x")])], identity: "a-b") == 0)
    }

    @Test("a batch is written as multi-row inserts of at most 200 rows")
    func inserts() {
        let row = AuditRow(at: "t", userID: 1, username: "u", action: .read, entity: .patient, recordID: "1", patientID: 1,
                           before: nil, after: nil)
        let queries = AuditRow.inserts(Array(repeating: row, count: 401), into: "audit_log")
        #expect(queries.map { $0.binds.count } == [1800, 1800, 9])
        #expect(queries.last?.prepared == .audit && queries.first?.prepared == nil)
    }
}

/// A clock that moves on one millisecond at every reading.
final class TickingClock: Sendable {
    private let start = Date()
    private let ticks = Mutex(0)

    func now() -> Date {
        let n = ticks.withLock { value in
            value += 1
            return value
        }
        return start.addingTimeInterval(Double(n) / 1000)
    }
}

/// Fired once; `wait` returns whether it was fired within the time given.
final class Signal: Sendable {
    private let fired = Mutex(false)

    func fire() { fired.withLock { $0 = true } }

    func wait(upTo limit: Duration) async -> Bool {
        let clock = ContinuousClock(), deadline = clock.now + limit
        while clock.now < deadline {
            if fired.withLock({ $0 }) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }
}
