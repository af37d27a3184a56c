public import Logging
import NIOSSL
import PostgresNIO

/// The PostgreSQL store's database: a PostgresNIO `PostgresClient` (a connection pool) run in a
/// task of its own. Reads of several queries run in one read-only REPEATABLE READ transaction so
/// they see one snapshot; writes run in `withTransaction`.
public final class PostgresDatabase: SQLDatabase {
    public let dialect = SQLDialect.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let running = Gate()

    /// - Parameters:
    ///   - schema: a schema to put first on the search path (tests give each run its own).
    ///   - maxConnections: the size of the connection pool.
    ///   - minConnections: connections the pool opens at once and keeps open (a server keeps its
    ///     whole pool, so that a burst of requests never waits for new PostgreSQL backends to start;
    ///     a CLI command opens them as needed).
    public init(url: PostgresURL, schema: String? = nil, maxConnections: Int = 20, minConnections: Int = 0,
                logger: Logger = Logger(label: "ossify.postgres")) {
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password,
            database: url.database, tls: Self.tls(url))
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        configuration.options.maximumConnections = max(1, maxConnections)
        configuration.options.minimumConnections = min(max(0, minConnections), configuration.options.maximumConnections)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        let gate = running
        runner = Task {
            await gate.open()
            await client.run()
        }
    }

    /// The TLS setting for libpq's `sslmode` (see `PostgresURL.SSLMode`). A root certificate file
    /// that cannot be read makes the connection fail (no silent fallback to an unchecked one).
    static func tls(_ url: PostgresURL) -> PostgresClient.Configuration.TLS {
        guard let configuration = tlsConfiguration(url) else { return .disable }
        return url.sslMode == .prefer ? .prefer(configuration) : .require(configuration)
    }

    /// The TLS settings of `sslmode`, nil for disable; the pool and the probe share them.
    static func tlsConfiguration(_ url: PostgresURL) -> TLSConfiguration? {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = url.sslRootCert { tls.trustRoots = .file(ca) }
        switch url.sslMode {
        case .disable: return nil
        case .prefer: tls.certificateVerification = .none
        // As libpq: with a root certificate given, require checks the chain.
        case .require: tls.certificateVerification = url.sslRootCert == nil ? .none : .noHostnameVerification
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        return tls
    }

    /// Opens one connection with the pool's settings and closes it: a server that cannot be
    /// reached, refuses the credentials or cannot give the TLS that `sslmode` asks for is reported
    /// at once, instead of the pool retrying for ever. The reason names no secret.
    public static func probe(_ url: PostgresURL, logger: Logger = Logger(label: "ossify.postgres")) async throws(SQLFailure) {
        do {
            let tls: PostgresConnection.Configuration.TLS
            if let configuration = tlsConfiguration(url) {
                let context = try NIOSSLContext(configuration: configuration)
                tls = url.sslMode == .prefer ? .prefer(context) : .require(context)
            } else {
                tls = .disable
            }
            var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.username,
                                                                 password: url.password, database: url.database, tls: tls)
            configuration.options.connectTimeout = .seconds(10)
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError {
            throw .other("could not connect to PostgreSQL at \(url.host):\(url.port) with sslmode=\(url.sslMode.rawValue): \(error.code)")
        } catch {
            throw .other("could not connect to PostgreSQL at \(url.host):\(url.port) with sslmode=\(url.sslMode.rawValue) (TLS settings or certificate file)")
        }
    }

    /// Returns once the client's run loop has started, so the first query does not race it.
    public func waitUntilRunning() async {
        await running.wait()
        await Task.yield()
    }

    public func read(_ queries: [SQLQuery]) async throws(SQLFailure) -> [[SQLRow]] {
        do {
            if queries.count == 1, let only = queries.first {
                if let rows = try await PreparedStatements.rows(for: only, using: client, logger: logger) { return [rows] }
                return [try await Self.rows(try await client.query(Self.postgresQuery(only), logger: logger))]
            }
            // One statement, so one snapshot and one round trip: each query becomes a JSON array of
            // its rows.
            var combined = Self.combined(queries)
            combined.prepared = queries.first?.prepared
            let rows: [SQLRow]
            if let prepared = try await PreparedStatements.rows(for: combined, using: client, logger: logger) {
                rows = prepared
            } else {
                rows = try await Self.rows(try await client.query(Self.postgresQuery(combined), logger: logger))
            }
            guard let row = rows.first else { throw SQLFailure.other("the combined read returned no row") }
            return try (0..<queries.count).map { i in try Self.jsonRows(row["r\(i)"]) }
        } catch {
            throw Self.failure(error)
        }
    }

    public func transaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) async throws -> T
    ) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(PostgresTransaction(connection: connection, logger: logger))
            }
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError ?? error.commitError ?? error.beginError { throw Self.mapped(inner) }
            throw Self.failure(error)
        } catch {
            throw Self.mapped(error)
        }
    }

    public func write(_ queries: [SQLQuery]) async throws(SQLFailure) {
        do {
            if queries.count == 1, let only = queries.first {
                // A single statement is its own transaction.
                if try await PreparedStatements.rows(for: only, using: client, logger: logger) == nil {
                    try await client.query(Self.postgresQuery(only), logger: logger)
                }
                return
            }
            try await transaction { tx in
                for query in queries { try await tx.query(query) }
            }
        } catch {
            throw Self.failure(error)
        }
    }

    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// `SELECT (SELECT json_agg(q) FROM (query0) q) AS r0, ...`: the queries' placeholders stay in
    /// order, so their binds are concatenated.
    static func combined(_ queries: [SQLQuery]) -> SQLQuery {
        let parts = queries.enumerated().map { i, q in "(SELECT json_agg(q) FROM (\(q.sql)) q)::text AS r\(i)" }
        return SQLQuery("SELECT " + parts.joined(separator: ", "), queries.flatMap(\.binds))
    }

    /// Rows from a `json_agg` array of row objects.
    static func jsonRows(_ value: SQLValue) throws -> [SQLRow] {
        guard case .text(let text) = value else { return [] }
        guard case .array(let items)? = JSONValue(parsing: text.utf8) else { throw SQLFailure.other("unreadable aggregated rows") }
        return SQLRow.rows(items.lazy.map { item in
            (item.objectValue ?? [:]).map { key, v -> (String, SQLValue) in
                switch v {
                case .null: (key, .null)
                case .bool(let b): (key, .integer(b ? 1 : 0))
                case .number(let n): (key, Int64(exactly: n).map(SQLValue.integer) ?? .real(n))
                case .string(let s): (key, .text(s))
                case .array, .object: (key, .text(v.jsonText))
                }
            }
        })
    }

    static func mapped(_ error: any Error) -> any Error {
        if error is PSQLError { return failure(error) }
        return error
    }

    static func postgresQuery(_ query: SQLQuery) -> PostgresQuery {
        var binds = PostgresBindings(capacity: query.binds.count)
        for value in query.binds {
            switch value {
            case .null: binds.appendNull()
            case .integer(let v): binds.append(v)
            case .real(let v): binds.append(v)
            case .text(let v): binds.append(v)
            }
        }
        return PostgresQuery(unsafeSQL: query.numberedPlaceholders, binds: binds)
    }

    static func rows(_ sequence: PostgresRowSequence) async throws -> [SQLRow] {
        var result: [[(String, SQLValue)]] = []
        for try await row in sequence {
            result.append(try row.map { cell in (cell.columnName.lowercased(), try value(of: cell)) })
        }
        return SQLRow.rows(result)
    }

    static func value(of cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }

    static func failure(_ error: any Error) -> SQLFailure {
        if let failure = error as? SQLFailure { return failure }
        guard let error = error as? PSQLError else { return .other(String(describing: type(of: error))) }
        // SQLSTATE classes: https://www.postgresql.org/docs/current/errcodes-appendix.html
        switch error.serverInfo?[.sqlState] {
        case "23505": return .uniqueViolation
        case "23503": return .foreignKeyViolation
        case "23514", "23502": return .checkViolation
        case "P0001": return .refusedByTrigger
        case "40001", "40P01": return .conflict
        case let state?: return .other("PostgreSQL error \(state)")
        case nil: return .other("PostgreSQL client error \(error.code)")
        }
    }
}

/// Statements on the connection that `PostgresClient.withTransaction` lent.
struct PostgresTransaction: SQLTransaction {
    let connection: PostgresConnection
    let logger: Logger

    func query(_ query: SQLQuery) async throws(SQLFailure) -> [SQLRow] {
        do {
            return try await PostgresDatabase.rows(
                try await connection.query(PostgresDatabase.postgresQuery(query), logger: logger))
        } catch {
            throw PostgresDatabase.failure(error)
        }
    }
}

/// Opens once; waiters resume when it does.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters = []
    }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
