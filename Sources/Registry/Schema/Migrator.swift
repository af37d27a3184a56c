/// Applies the migrations not yet applied, in one transaction, recording each in
/// `schema_migrations`. On PostgreSQL an advisory lock keeps two servers (or test runs) from
/// migrating at once; SQLite's `BEGIN IMMEDIATE` already excludes other writers.
public enum Migrator {
    /// Key of the PostgreSQL advisory lock held while migrating ("ossify" in ASCII).
    static let lockKey: Int64 = 0x6F7373_6966_79

    @discardableResult
    public static func migrate(_ database: any SQLDatabase) async throws(RegistryError) -> [String] {
        try await migrate(database, through: nil)
    }

    /// The migrations up to and including `last` (all when nil): tests of a migration on data.
    static func migrate(_ database: any SQLDatabase, through last: String?) async throws(RegistryError) -> [String] {
        let wanted = last.flatMap { id in Schema.migrations.firstIndex { $0.id == id } }.map { Array(Schema.migrations[...$0]) }
            ?? Schema.migrations
        return try await RegistryError.wrap(.site) {
            try await database.schemaTransaction { tx in
                if database.dialect == .postgres {
                    try await tx.query("SELECT pg_advisory_xact_lock(?)", [.integer(lockKey)])
                }
                try await tx.query("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
                let done = Set(try await tx.query("SELECT id FROM schema_migrations").compactMap { $0["id"].string })
                var applied: [String] = []
                for migration in wanted where !done.contains(migration.id) {
                    for statement in migration.statements(database.dialect) { try await tx.query(statement) }
                    try await tx.query("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)",
                                       [.text(migration.id), .text(Clock.timestamp())])
                    applied.append(migration.id)
                }
                return applied
            }
        }
    }
}
