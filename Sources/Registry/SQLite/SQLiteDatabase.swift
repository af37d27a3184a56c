import GRDB

/// The SQLite store's database: a GRDB `DatabasePool` in WAL mode with foreign keys on (GRDB's
/// default), or an in-memory `DatabaseQueue` for tests.
///
/// Reads run on GRDB's reader connections, each batch on one snapshot. A write transaction spans
/// several awaits (the store logic is shared with PostgreSQL and is async), so it is opened with
/// `BEGIN IMMEDIATE` on the single writer connection and closed by `COMMIT` or `ROLLBACK` in later
/// accesses; `writeLock` keeps every other write out in between. That is why the configuration sets
/// `allowsUnsafeTransactions`: GRDB would otherwise refuse a transaction left open between two
/// accesses. No write goes to the writer without holding `writeLock`.
public final class SQLiteDatabase: SQLDatabase {
    public let dialect = SQLDialect.sqlite
    private let writer: any DatabaseWriter
    private let writeLock = AsyncMutex()
    /// An in-memory `DatabaseQueue` has one connection: reads must wait for an open write
    /// transaction so they never see its uncommitted rows.
    private let readsTakeWriteLock: Bool
    /// `<path>.audit-spool`, the audit spool of a registry file (see `AuditSpool`).
    public let auditSpoolPath: String?

    /// Opens (creating when missing) the database file at `path` in WAL mode. `auditSpool: false`
    /// for a database that is itself a spool, or is only copied.
    public init(path: String, auditSpool: Bool = true) throws(SQLFailure) {
        auditSpoolPath = auditSpool ? Self.auditSpoolPath(for: path) : nil
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            writer = try DatabasePool(path: path, configuration: config)
            readsTakeWriteLock = false
        } catch {
            throw Self.failure(error)
        }
    }

    /// A private in-memory database (tests).
    public init() throws(SQLFailure) {
        auditSpoolPath = nil
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        do {
            writer = try DatabaseQueue(configuration: config)
            readsTakeWriteLock = true
        } catch {
            throw Self.failure(error)
        }
    }

    /// The audit spool of the registry file at `path`; its WAL and shared-memory files add `-wal`
    /// and `-shm`.
    public static func auditSpoolPath(for path: String) -> String { path + ".audit-spool" }

    public func read(_ queries: [SQLQuery]) async throws(SQLFailure) -> [[SQLRow]] {
        guard readsTakeWriteLock else { return try await readSnapshot(queries) }
        await writeLock.lock()
        let result: Result<[[SQLRow]], SQLFailure>
        do { result = .success(try await readSnapshot(queries)) } catch { result = .failure(error) }
        await writeLock.unlock()
        return try result.get()
    }

    private func readSnapshot(_ queries: [SQLQuery]) async throws(SQLFailure) -> [[SQLRow]] {
        do {
            // One statement sees one state of the database by itself (SQLite's autocommit): no
            // transaction around it, which saves its BEGIN and COMMIT on every point read.
            if queries.count == 1, let only = queries.first {
                return try await writer.unsafeRead { db in [try Self.run(only, in: db)] }
            }
            return try await writer.read { db in
                try queries.map { try Self.run($0, in: db) }
            }
        } catch {
            throw Self.failure(error)
        }
    }

    public func transaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) async throws -> T
    ) async throws -> T {
        await writeLock.lock()
        // Run detached from the caller's cancellation: a transaction once begun always ends with
        // COMMIT or ROLLBACK, even when the request that started it goes away.
        let result: Result<T, any Error> = await withoutCancellation {
            await self.runLocked(body)
        }
        await writeLock.unlock()
        return try result.get()
    }

    /// One access to the writer, in a transaction GRDB opens and commits (or, when the task is
    /// cancelled first, does not start).
    public func write(_ queries: [SQLQuery]) async throws(SQLFailure) {
        await writeLock.lock()
        let result: Result<Void, SQLFailure>
        do {
            try await writer.write { db in
                for query in queries { _ = try Self.run(query, in: db) }
            }
            result = .success(())
        } catch {
            result = .failure(Self.failure(error))
        }
        await writeLock.unlock()
        try result.get()
    }

    /// SQLite's procedure for a table rebuild: `PRAGMA foreign_keys` can change only outside a
    /// transaction, so it is turned off on the writer connection around the transaction, and
    /// `PRAGMA foreign_key_check` must find nothing before COMMIT.
    public func schemaTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) async throws -> T
    ) async throws -> T {
        await writeLock.lock()
        let result: Result<T, any Error> = await withoutCancellation {
            do {
                try await self.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = OFF") }
            } catch {
                return .failure(Self.failure(error))
            }
            let outcome = await self.runLocked { tx in
                let value = try await body(tx)
                guard try await tx.query("PRAGMA foreign_key_check").isEmpty else { throw SQLFailure.foreignKeyViolation }
                return value
            }
            do {
                try await self.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
            } catch {
                return .failure(Self.failure(error))
            }
            return outcome
        }
        await writeLock.unlock()
        return try result.get()
    }

    private func runLocked<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) async throws -> T
    ) async -> Result<T, any Error> {
        let tx = SQLiteTransaction(writer: writer)
        do {
            try await tx.query("BEGIN IMMEDIATE")
        } catch {
            return .failure(error)
        }
        do {
            let value = try await body(tx)
            try await tx.query("COMMIT")
            return .success(value)
        } catch {
            _ = try? await tx.query("ROLLBACK")
            return .failure(error)
        }
    }

    public func close() async {
        await writeLock.lock()
        if let pool = writer as? DatabasePool {
            try? pool.close()
        }
        await writeLock.unlock()
    }

    /// A consistent online copy of the database in a new file (`VACUUM INTO`), taken while other
    /// connections keep reading and writing.
    public func backup(to path: String) async throws(SQLFailure) {
        do {
            // Outside GRDB's read transaction: VACUUM INTO opens its own, on one snapshot.
            try await writer.unsafeRead { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        } catch {
            throw Self.failure(error)
        }
    }

    static func run(_ query: SQLQuery, in db: Database) throws -> [SQLRow] {
        let arguments = StatementArguments(query.binds.map(Self.databaseValue))
        let statement = try db.cachedStatement(sql: query.sql)
        try statement.setArguments(arguments)
        let names = statement.columnNames.map { $0.lowercased() }
        if names.isEmpty {
            try statement.execute()
            return []
        }
        var rows: [SQLRow] = []
        let columns = SQLColumns(names)
        let count = CInt(names.count)
        let cursor = try Row.fetchCursor(statement)
        // Each value straight from the statement the cursor steps (`row[i] as DatabaseValue` goes
        // through generic decoding: a tenth of a record read's time in perf).
        let raw = statement.sqliteStatement
        while try cursor.next() != nil {
            var cells: [SQLValue] = []
            cells.reserveCapacity(Int(count))
            for i in 0..<count {
                cells.append(Self.sqlValue(DatabaseValue(sqliteStatement: raw, index: i)))
            }
            rows.append(SQLRow(columns: columns, cells: cells))
        }
        return rows
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let v): v.databaseValue
        case .real(let v): v.databaseValue
        case .text(let v): v.databaseValue
        }
    }

    static func sqlValue(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let v): .integer(v)
        case .double(let v): .real(v)
        case .string(let v): .text(v)
        case .blob: .null
        }
    }

    static func failure(_ error: any Error) -> SQLFailure {
        if let failure = error as? SQLFailure { return failure }
        guard let error = error as? DatabaseError else {
            return .other(String(describing: type(of: error)))
        }
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: return .uniqueViolation
        case .SQLITE_CONSTRAINT_FOREIGNKEY: return .foreignKeyViolation
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL: return .checkViolation
        case .SQLITE_CONSTRAINT_TRIGGER: return .refusedByTrigger
        default: break
        }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: return .checkViolation
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .conflict
        // The SQLite message names the failing statement part, never a bound value.
        default: return .other("SQLite error \(error.resultCode.rawValue): \(error.message ?? "")")
        }
    }
}

/// Runs each statement as its own access to the writer connection, inside the transaction that
/// `SQLiteDatabase.transaction` opened.
struct SQLiteTransaction: SQLTransaction {
    let writer: any DatabaseWriter

    func query(_ query: SQLQuery) async throws(SQLFailure) -> [SQLRow] {
        do {
            return try await writer.writeWithoutTransaction { db in
                try SQLiteDatabase.run(query, in: db)
            }
        } catch {
            throw SQLiteDatabase.failure(error)
        }
    }
}

/// Runs `operation` in a task that the caller's cancellation does not reach.
func withoutCancellation<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T {
    await Task { await operation() }.value
}
