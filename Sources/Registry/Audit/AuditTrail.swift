/// Where `RegistryStore.recordAudit` writes the audit entries that are not part of a change
/// (reads of patient data, sign-ins, exports): group-committed (`AuditBatcher`), each request
/// answered only once its entry is committed, so an acknowledged read is always audited.
///
/// - PostgreSQL, and SQLite in memory (tests): straight into `audit_log`, one multi-row INSERT per
///   batch. A PostgreSQL insert never waits for another transaction's locks (an import holds only
///   its own new rows), so reads do not wait for an import.
/// - SQLite files: into the store's `AuditSpool`, a file with a writer of its own, drained into
///   `audit_log` in the background; readers of the log (`auditLog`, `db backup`) drain it first,
///   so they see every entry.
final class AuditTrail: Sendable {
    private let batcher: AuditBatcher
    private let spool: AuditSpool?

    init(database: any SQLDatabase) {
        if let path = database.auditSpoolPath {
            let spool = AuditSpool(main: database, path: path)
            self.spool = spool
            batcher = AuditBatcher { rows in try await spool.append(rows) }
        } else {
            spool = nil
            batcher = AuditBatcher { rows in try await database.write(AuditRow.inserts(rows, into: "audit_log")) }
        }
    }

    /// Returns once `row` is committed.
    func record(_ row: AuditRow) async throws {
        try await batcher.append(row)
    }

    /// Every entry committed before the call is in `audit_log` when it returns.
    func flush() async throws {
        try await spool?.drainAll()
    }

    /// Flushes (errors are left for the next start to repair) and closes the spool.
    func close() async {
        await spool?.close()
    }
}
