/// The SQLite store's audit spool: a second SQLite file beside the registry
/// (`<database>.audit-spool`) with a writer of its own, where the audit entries of reads and
/// sign-ins are committed, so that a read never waits for the registry's single writer (which an
/// import of a thousand phenopackets holds for seconds). A background drain moves the entries into
/// `audit_log` when that writer is free.
///
/// Each entry is moved exactly once, also across a `kill -9` and across processes (a CLI command
/// and a server on one file): the drain inserts the entries and records the last spool id it
/// moved (`settings.audit_spool_drained` = `<spool identity>:<id>`) in one transaction of the
/// registry, reading that mark inside the transaction, and deletes the moved entries from the
/// spool only afterwards. Spool ids only grow (AUTOINCREMENT) and a new spool file gets a new
/// identity, so a mark never skips an entry. After a crash the next drain (the first audited
/// request, the audit listing, `db backup`, closing the store) moves what was left.
///
/// Durability is that of the registry itself (WAL, `synchronous = NORMAL`): a committed entry
/// survives the process being killed; like the registry's own commits, not necessarily a power cut.
actor AuditSpool {
    /// How long after an entry is spooled the drain starts: entries of that time go into the
    /// registry in one transaction.
    static let drainDelay: Duration = .milliseconds(50)
    /// Entries moved per registry transaction at most, so the writer is never held for long.
    static let drainChunk = 5000
    static let mark = "audit_spool_drained"

    private struct Opened: Sendable {
        let database: SQLiteDatabase
        let identity: String
    }

    private let main: any SQLDatabase
    private let path: String
    private var opening: Task<Opened, any Error>?
    private var drainScheduled = false
    private var closed = false
    private let drainLock = AsyncMutex()

    init(main: any SQLDatabase, path: String) {
        self.main = main
        self.path = path
    }

    /// Commits `rows` to the spool, in one transaction, and schedules a drain.
    func append(_ rows: [AuditRow]) async throws {
        let spool = try await opened()
        try await spool.database.write(AuditRow.inserts(rows, into: "audit_spool"))
        scheduleDrain()
    }

    /// Moves every entry committed to the spool before the call into `audit_log`.
    func drainAll() async throws {
        let spool = try await opened()
        await drainLock.lock()
        do {
            while try await drainChunk(spool) {}
        } catch {
            await drainLock.unlock()
            throw error
        }
        await drainLock.unlock()
    }

    /// Drains what is left and closes the spool (a store that never spooled leaves the file alone);
    /// later scheduled drains do nothing.
    func close() async {
        closed = true
        guard let opening, let spool = try? await opening.value else { return }
        try? await drainAll()
        await spool.database.close()
    }

    private func opened() async throws -> Opened {
        if let opening {
            if let spool = try? await opening.value { return spool }
            self.opening = nil
        }
        let path = path
        let task = Task { try await Self.open(path) }
        opening = task
        return try await task.value
    }

    private static func open(_ path: String) async throws -> Opened {
        let database = try SQLiteDatabase(path: path, auditSpool: false)
        let identity = (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16) }.joined(separator: "-")
        try await database.write([
            SQLQuery("""
                CREATE TABLE IF NOT EXISTS audit_spool (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id INTEGER, username TEXT NOT NULL,
                  action TEXT NOT NULL, entity TEXT NOT NULL, record_id TEXT, patient_id INTEGER, before_json TEXT, after_json TEXT)
                """),
            SQLQuery("CREATE TABLE IF NOT EXISTS spool_identity (only INTEGER PRIMARY KEY CHECK (only = 1), identity TEXT NOT NULL)"),
            SQLQuery("INSERT INTO spool_identity (only, identity) VALUES (1, ?) ON CONFLICT (only) DO NOTHING", [.text(identity)]),
        ])
        guard let stored = try await database.read("SELECT identity FROM spool_identity").first?["identity"].string else {
            throw SQLFailure.other("the audit spool has no identity")
        }
        return Opened(database: database, identity: stored)
    }

    private func scheduleDrain() {
        guard !drainScheduled, !closed else { return }
        drainScheduled = true
        Task {
            try? await Task.sleep(for: Self.drainDelay)
            await self.scheduledDrain()
        }
    }

    private func scheduledDrain() async {
        drainScheduled = false
        guard !closed else { return }
        // A failed drain (the registry unreachable for a moment) is tried again later; the entries
        // stay committed in the spool meanwhile.
        do { try await drainAll() } catch { scheduleDrain() }
    }

    /// Moves the next chunk; true when more entries may be waiting.
    private func drainChunk(_ spool: Opened) async throws -> Bool {
        // Nothing to move: done without touching the registry's writer.
        let seen = Self.position(try await main.read("SELECT value FROM settings WHERE name = ?", [.text(Self.mark)]),
                                 identity: spool.identity)
        let pending = try await spool.database.read("SELECT id FROM audit_spool WHERE id > ? LIMIT 1", [.integer(seen)])
        guard !pending.isEmpty else { return false }
        let (last, more) = try await main.transaction { tx -> (Int64, Bool) in
            let after = Self.position(try await tx.query("SELECT value FROM settings WHERE name = ?", [.text(Self.mark)]),
                                      identity: spool.identity)
            let rows = try await spool.database.read("SELECT * FROM audit_spool WHERE id > ? ORDER BY id LIMIT ?",
                                                     [.integer(after), .integer(Int64(Self.drainChunk))])
            guard let last = rows.last?["id"].int64 else { return (after, false) }
            let entries = try rows.map { row in
                guard let entry = AuditRow(row: row) else { throw SQLFailure.other("an audit spool row is not a whole entry") }
                return entry
            }
            for insert in AuditRow.inserts(entries, into: "audit_log") { try await tx.query(insert) }
            try await tx.query("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                               [.text(Self.mark), .text("\(spool.identity):\(last)")])
            return (last, rows.count == Self.drainChunk)
        }
        try await spool.database.write([SQLQuery("DELETE FROM audit_spool WHERE id <= ?", [.integer(last)])])
        return more
    }

    /// The last spool id already moved, from the mark; 0 when the mark names another spool file.
    static func position(_ rows: [SQLRow], identity: String) -> Int64 {
        guard let mark = rows.first?["value"].string, let colon = mark.lastIndex(of: ":"),
              mark[..<colon] == identity, let id = Int64(mark[mark.index(after: colon)...]) else { return 0 }
        return id
    }
}
