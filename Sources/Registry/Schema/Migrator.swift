/// Applies the migrations not yet applied, each in its own transaction, recording it in
/// `schema_migrations`.
public enum Migrator {
    @discardableResult
    public static func migrate(_ database: any SQLDatabase) async throws(RegistryError) -> [String] {
        try await RegistryError.wrap(.site) {
            try await database.transaction { tx in
                try await tx.query("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            }
            let done = Set(try await database.read("SELECT id FROM schema_migrations").compactMap { $0["id"].string })
            var applied: [String] = []
            for migration in Schema.migrations where !done.contains(migration.id) {
                let statements = migration.statements(database.dialect)
                try await database.transaction { tx in
                    for statement in statements { try await tx.query(statement) }
                    try await tx.query("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)",
                                       [.text(migration.id), .text(Clock.timestamp())])
                }
                applied.append(migration.id)
            }
            return applied
        }
    }
}
