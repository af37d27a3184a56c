import Crypto
public import FoundationEssentials

/// The registry's storage: every read and write of the registry, over either database
/// (`SQLiteDatabase` or `PostgresDatabase`, the two implementations of `SQLDatabase`).
///
/// Every write is one transaction and leaves its audit entry in the same transaction; reads of
/// patient data leave one audit entry each. Updates carry the version the caller read: a stale one
/// is a conflict, never a silent overwrite.
public struct RegistryStore: Sendable {
    public let database: any SQLDatabase
    let now: @Sendable () -> Date
    /// Where the audit entries of reads and sign-ins go (group commit; SQLite: a spool off the
    /// registry's writer). Copies of the store share it.
    let auditTrail: AuditTrail
    /// Renderings of whole records, served while the record's revision is unchanged. Copies of the
    /// store share it.
    let documentCache: DocumentCache

    /// The default budget of the cache of rendered records: 64 MiB, some 4,000 records of ten
    /// visits.
    public static let defaultRecordCacheBytes = 64 << 20

    public init(database: any SQLDatabase, now: @escaping @Sendable () -> Date = { Date() },
                recordCacheBytes: Int = RegistryStore.defaultRecordCacheBytes) {
        self.database = database
        self.now = now
        auditTrail = AuditTrail(database: database)
        documentCache = DocumentCache(budget: recordCacheBytes)
    }

    /// Moves the spooled audit entries into the registry and closes it. The store is unusable
    /// afterwards.
    public func close() async {
        await auditTrail.close()
        await database.close()
    }

    /// Every audit entry acknowledged before the call is in `audit_log` when it returns (SQLite
    /// files: the spool is drained, waiting for the registry's writer if a change holds it).
    public func flushAudit() async throws(RegistryError) {
        try await RegistryError.wrap(.audit) { try await auditTrail.flush() }
    }

    /// Opens a store from a `--database` argument: a `postgres://` URL or a SQLite file path.
    /// `password`, when given, is the PostgreSQL password (kept out of the address, which may be shown or logged).
    /// `postgresPool`, when given, is the number of PostgreSQL connections opened at once and kept
    /// open (a server's setting); otherwise up to 20 are opened as needed. SQLite ignores it.
    public static func open(_ location: String, password: String? = nil,
                            postgresPool: Int? = nil) async throws(RegistryError) -> RegistryStore {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            guard var url = PostgresURL(location) else {
                throw .invalid([FieldProblem("database", "must be postgres://user[:password]@host[:port]/database"
                                             + "[?sslmode=disable|prefer|require|verify-ca|verify-full&sslrootcert=CA-FILE] "
                                             + "(verify-ca needs sslrootcert)")])
            }
            if let password { url.password = password }
            do {
                try await PostgresDatabase.probe(url)
            } catch {
                throw RegistryError(error, entity: .site)
            }
            let database = postgresPool.map { PostgresDatabase(url: url, maxConnections: $0, minConnections: $0) }
                ?? PostgresDatabase(url: url)
            await database.waitUntilRunning()
            return RegistryStore(database: database)
        }
        do {
            return RegistryStore(database: try SQLiteDatabase(path: location))
        } catch {
            throw .internalFailure("cannot open the SQLite database")
        }
    }

    /// Applies pending migrations and makes sure the installation's research key exists.
    @discardableResult
    public func migrate() async throws(RegistryError) -> [String] {
        let applied = try await Migrator.migrate(database)
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
        let throttleKey = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
        try await RegistryError.wrap(.site) {
            try await database.transaction { tx in
                try await tx.query("INSERT INTO settings (name, value) VALUES ('research_key', ?) ON CONFLICT (name) DO NOTHING",
                                   [.text(key)])
                try await tx.query("INSERT INTO settings (name, value) VALUES ('throttle_key', ?) ON CONFLICT (name) DO NOTHING",
                                   [.text(throttleKey)])
            }
        }
        return applied
    }

    func timestamp() -> String { Clock.timestamp(now()) }

    /// The installation's secret for hashing ids in pseudonymised views.
    func researchKey(_ tx: any SQLTransaction) async throws -> SymmetricKey {
        let rows = try await tx.query("SELECT value FROM settings WHERE name = 'research_key'")
        guard let text = rows.first?["value"].string, let data = Data(base64Encoded: text) else {
            throw RegistryError.internalFailure("the research key is missing; run the migrations")
        }
        return SymmetricKey(data: data)
    }

    static func hashedID(_ kind: String, _ id: Int64, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(kind):\(id)".utf8), using: key)
        return mac.prefix(10).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }

    // MARK: Audit

    func audit(_ tx: any SQLTransaction, _ who: Principal, _ action: AuditAction, _ entity: EntityKind,
               record: String?, patient: Int64?, before: JSONValue? = nil, after: JSONValue? = nil) async throws {
        try await tx.query(auditQuery(who, action, entity, record: record, patient: patient, before: before, after: after))
    }

    static let auditSQL = AuditRow.insertSQL(rows: 1, into: "audit_log")

    func auditRow(_ who: Principal, _ action: AuditAction, _ entity: EntityKind,
                  record: String?, patient: Int64?, before: JSONValue? = nil, after: JSONValue? = nil) -> AuditRow {
        AuditRow(at: timestamp(), userID: who.userID, username: who.username, action: action, entity: entity,
                 recordID: record, patientID: patient, before: before?.jsonText, after: after?.jsonText)
    }

    func auditQuery(_ who: Principal, _ action: AuditAction, _ entity: EntityKind,
                    record: String?, patient: Int64?, before: JSONValue? = nil, after: JSONValue? = nil) -> SQLQuery {
        SQLQuery(Self.auditSQL, auditRow(who, action, entity, record: record, patient: patient, before: before, after: after).binds,
                 prepared: .audit)
    }

    /// Writes one audit entry outside a change (reads, sign-ins, exports): group-committed with
    /// the entries of concurrent requests (`AuditTrail`); returns once it is committed.
    public func recordAudit(_ who: Principal, _ action: AuditAction, _ entity: EntityKind, record: String?,
                            patient: Int64?, after: JSONValue? = nil) async throws(RegistryError) {
        let row = auditRow(who, action, entity, record: record, patient: patient, after: after)
        try await RegistryError.wrap(.audit) { try await auditTrail.record(row) }
    }

    /// The audit log, newest first (by `at`, then by id within a millisecond). The SQLite spool is
    /// drained first, so every acknowledged entry is listed; an entry that waited in the spool gets
    /// its id when it is moved, its `at` stays the time of the read.
    public func auditLog(_ filter: AuditFilter, page: Page) async throws(RegistryError) -> Listing<AuditEntry> {
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if let u = filter.userID { conditions.append("user_id = ?"); binds.append(.integer(u)) }
        if let p = filter.patientID { conditions.append("patient_id = ?"); binds.append(.integer(p)) }
        if let e = filter.entity { conditions.append("entity = ?"); binds.append(.text(e.rawValue)) }
        if let a = filter.action { conditions.append("action = ?"); binds.append(.text(a.rawValue)) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        try await flushAudit()
        return try await RegistryError.wrap(.audit) {
            let results = try await database.read([
                SQLQuery("SELECT * FROM audit_log\(whereClause) ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                         binds + [.integer(Int64(page.limit)), .integer(Int64(page.offset))]),
                SQLQuery("SELECT COUNT(*) AS n FROM audit_log\(whereClause)", binds),
            ])
            let items = try results[0].map { row throws(RegistryError) -> AuditEntry in
                guard let id = row["id"].int64, let action = row["action"].string.flatMap(AuditAction.init),
                      let entity = row["entity"].string.flatMap(EntityKind.init) else {
                    throw .internalFailure("an audit row without id, action or entity")
                }
                return AuditEntry(id: id, at: row["at"].string ?? "", userID: row["user_id"].int64,
                                  username: row["username"].string, action: action, entity: entity,
                                  recordID: row["record_id"].string, patientID: row["patient_id"].int64,
                                  before: row["before_json"].string.flatMap { JSONValue(jsonText: $0) },
                                  after: row["after_json"].string.flatMap { JSONValue(jsonText: $0) })
            }
            return Listing(items: items, total: results[1].first?["n"].int ?? 0, page: page)
        }
    }
}
