/// The SQL dialect of a store: the few places where SQLite and PostgreSQL text differs.
public enum SQLDialect: String, Sendable {
    case sqlite, postgres
}

/// What a constraint violation or other database failure means for the caller. Carries no bound
/// values and no SQL text with data in it.
public enum SQLFailure: Error, Sendable, Equatable {
    /// A UNIQUE or PRIMARY KEY constraint refused the write.
    case uniqueViolation
    /// A FOREIGN KEY constraint refused the write.
    case foreignKeyViolation
    /// A CHECK or NOT NULL constraint refused the write.
    case checkViolation
    /// A trigger refused the write (the audit log is append-only).
    case refusedByTrigger
    /// Another transaction conflicted (PostgreSQL serialization failure, SQLite busy).
    case conflict
    /// Anything else: a bug or an outage; the message is for the log only and holds no data.
    case other(String)
}

/// Statements run inside one transaction.
public protocol SQLTransaction: Sendable {
    @discardableResult
    func query(_ query: SQLQuery) async throws(SQLFailure) -> [SQLRow]
}

extension SQLTransaction {
    @discardableResult
    public func query(_ sql: String, _ binds: [SQLValue] = []) async throws(SQLFailure) -> [SQLRow] {
        try await query(SQLQuery(sql, binds))
    }
}

/// A database both stores present: snapshot reads and serialised write transactions.
/// Implemented with GRDB for SQLite and with PostgresNIO for PostgreSQL.
public protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }

    /// Runs the queries on one consistent snapshot and returns each one's rows.
    func read(_ queries: [SQLQuery]) async throws(SQLFailure) -> [[SQLRow]]

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    @discardableResult
    func transaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) async throws -> T
    ) async throws -> T

    /// Runs statements that need no results in one transaction: the one-step path for audit
    /// entries of reads.
    func write(_ queries: [SQLQuery]) async throws(SQLFailure)

    /// Closes connections. The database is unusable afterwards.
    func close() async

    /// The file of the audit spool (`AuditSpool`) when audit entries written outside a change must
    /// not take this database's writer (SQLite files: a single writer); nil when they can go straight
    /// into `audit_log` without waiting for other transactions (PostgreSQL, SQLite in memory).
    var auditSpoolPath: String? { get }

    /// A transaction for migrations that rebuild tables: on SQLite with foreign-key enforcement
    /// off while it runs (so that dropping a rebuilt table does not cascade) and every foreign key
    /// checked before it commits; elsewhere an ordinary transaction.
    func schemaTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) async throws -> T
    ) async throws -> T
}

extension SQLDatabase {
    public var auditSpoolPath: String? { nil }

    public func schemaTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) async throws -> T
    ) async throws -> T {
        try await transaction(body)
    }

    public func read(_ query: SQLQuery) async throws(SQLFailure) -> [SQLRow] {
        try await read([query]).first ?? []
    }

    public func read(_ sql: String, _ binds: [SQLValue] = []) async throws(SQLFailure) -> [SQLRow] {
        try await read(SQLQuery(sql, binds))
    }
}
