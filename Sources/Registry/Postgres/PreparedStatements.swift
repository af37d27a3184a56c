import PostgresNIO

/// The hot statements as PostgresNIO prepared statements: PostgresClient prepares each once per
/// connection and then only binds and executes, so PostgreSQL plans them once. Their text is built
/// by the same functions the store uses, so it cannot drift from what the store means.
enum PreparedStatements {
    static func rows(for query: SQLQuery, using client: PostgresClient, logger: Logger) async throws -> [SQLRow]? {
        switch query.prepared {
        case .document?:
            return try await collect(client.execute(DocumentStatement(binds: query.binds), logger: logger))
        case .principal?:
            return try await collect(client.execute(PrincipalStatement(binds: query.binds), logger: logger))
        case .audit?:
            return try await collect(client.execute(AuditStatement(binds: query.binds), logger: logger))
        case .revision?:
            return try await collect(client.execute(RevisionStatement(binds: query.binds), logger: logger))
        case nil:
            return nil
        }
    }

    static func collect(_ sequence: some AsyncSequence<PostgresRow, any Error>) async throws -> [SQLRow] {
        var result: [[(String, SQLValue)]] = []
        for try await row in sequence {
            result.append(try row.map { cell in (cell.columnName.lowercased(), try PostgresDatabase.value(of: cell)) })
        }
        return SQLRow.rows(result)
    }

    static func bindings(_ binds: [SQLValue]) -> PostgresBindings {
        PostgresDatabase.postgresQuery(SQLQuery("", binds)).binds
    }
}

struct DocumentStatement: PostgresPreparedStatement {
    static let name = "ossify_document_v1"
    static let sql = PostgresDatabase.combined(RegistryStore.documentQueries(patient: 0)).numberedPlaceholders
    let binds: [SQLValue]

    func makeBindings() throws -> PostgresBindings { PreparedStatements.bindings(binds) }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

struct PrincipalStatement: PostgresPreparedStatement {
    static let name = "ossify_principal_v1"
    static let sql = RegistryStore.principalQuery(tokenHash: "", now: "").numberedPlaceholders
    let binds: [SQLValue]

    func makeBindings() throws -> PostgresBindings { PreparedStatements.bindings(binds) }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

struct RevisionStatement: PostgresPreparedStatement {
    static let name = "ossify_revision_v1"
    static let sql = RegistryStore.revisionQuery(patient: 0).numberedPlaceholders
    let binds: [SQLValue]

    func makeBindings() throws -> PostgresBindings { PreparedStatements.bindings(binds) }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

struct AuditStatement: PostgresPreparedStatement {
    static let name = "ossify_audit_v1"
    static let sql = RegistryStore.auditSQL.replacingPlaceholders()
    let binds: [SQLValue]

    func makeBindings() throws -> PostgresBindings { PreparedStatements.bindings(binds) }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension String {
    func replacingPlaceholders() -> String { SQLQuery(self).numberedPlaceholders }
}
