import ArgumentParser
import Composition
import Hummingbird
import Logging
import Registry
import Server

/// `ossify serve`: the registry server on SQLite or PostgreSQL; migrations run at start. Settings
/// come from the flags, then the configuration file of `--config`, then the defaults; the keys of
/// the file are the flags' names (`ServeOptions`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the registry server (REST API under /api/v1, OpenAPI at /api/v1/openapi.json).",
        discussion: """
            Every setting may also be given in a configuration file (--config FILE, YAML, one `key: value` \
            per line, the keys being the flags' names without '--'); a flag overrides the file. The database \
            password is never a flag: the file named by `database-password-file` in the configuration, or \
            OSSIFY_DATABASE_PASSWORD.
            """)

    @Option(help: "Configuration file (YAML); flags override its settings.")
    var config: String?

    @Option(help: "Address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (default 8080).")
    var port: Int?

    @Option(help: "SQLite file path (default ./ossify.sqlite), or postgres://user@host[:port]/database[?sslmode=MODE&sslrootcert=CA-FILE]; no password here.")
    var database: String?

    @Option(help: "Log level: trace, debug, info (default), notice, warning, error, critical.")
    var logLevel: String?

    @Option(help: "Hours a bearer token (and the session cookie) stays valid (default 8).")
    var sessionHours: Int?

    @Flag(inversion: .prefixedNo,
          help: "Mark the session cookies Secure (HTTPS only): use when the server is reached through HTTPS, e.g. behind a TLS proxy (default off).")
    var secureCookies: Bool?

    @Option(help: "Seconds a new connection has to send its first request head; then it is closed (default 10).")
    var headerTimeout: Int?

    @Option(help: "Seconds a request body has to arrive in full, counted from its head; then the connection is closed (default 60).")
    var bodyTimeout: Int?

    @Option(help: "Seconds a kept-alive connection may wait for its next request; then it is closed (default 30).")
    var idleTimeout: Int?

    @Option(help: "Open connections at most; further ones are answered 503 (Retry-After) and closed. Keep it below the open-file limit (default 8192).")
    var maxConnections: Int?

    @Option(help: "Connections queued before they are accepted, capped by net.core.somaxconn (default 4096).")
    var acceptBacklog: Int?

    @Option(help: "Password checks (bcrypt) run at once (default: half the cores, at least 1).")
    var loginChecks: Int?

    @Option(help: "Sign-ins that may wait for a password check, per lane; further ones are answered 503 (Retry-After) (default 16).")
    var loginQueue: Int?

    @Option(help: "PostgreSQL connections the server opens at start and keeps open (default 20); SQLite ignores it.")
    var databasePool: Int?

    /// The settings given as flags.
    var flags: ServeOptions {
        var o = ServeOptions()
        o.host = host
        o.port = port
        o.database = database
        o.logLevel = logLevel.flatMap(Logger.Level.init(rawValue:))
        o.sessionHours = sessionHours
        o.secureCookies = secureCookies
        o.headerTimeout = headerTimeout
        o.bodyTimeout = bodyTimeout
        o.idleTimeout = idleTimeout
        o.maxConnections = maxConnections
        o.acceptBacklog = acceptBacklog
        o.loginChecks = loginChecks
        o.loginQueue = loginQueue
        o.databasePool = databasePool
        return o
    }

    func validate() throws {
        let given = flags
        for key in ServeOptions.integerKeys {
            if let value = given[keyPath: key.path], let problem = ServeOptions.problem(value, of: key) {
                throw ValidationError("--\(key.name) \(problem)")
            }
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level is not a log level") }
        if let database, let problem = ServeOptions.databaseProblem(database) { throw ValidationError("--database \(problem)") }
        if let host, host.isEmpty { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        let options: ServeOptions
        let password: String?
        do throws(ConfigurationError) {
            var file = ServeOptions()
            if let config { file = try ServeOptions.read(file: config) }
            options = flags.overriding(file)
            password = try options.databasePassword(environmentPassword: Root.databasePassword)
        } catch {
            throw CLIFailure("configuration: \(error.description)")
        }
        typealias D = ServeOptions.Defaults
        let database = options.database ?? D.database
        let isPostgres = database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
        // Held while the server runs, so that `db restore` refuses to replace the file under it.
        var lock: ServerLock?
        if !isPostgres {
            lock = ServerLock.acquire(for: database)
            if lock == nil { throw CLIFailure("another ossify server is using \(database)") }
        }
        defer { withExtendedLifetime(lock) {} }
        let root = try Root.composition()
        let engines: Engines
        do {
            engines = try root.engines()
            // The scoring indices (one per patient sex) are built before the first request.
            engines.diagnosis.warmUp()
        } catch {
            throw CLIFailure("the engines could not be loaded: \(error)")
        }
        let store: RegistryStore
        do {
            let opened = try await root.openStore(database, password: password,
                                                  postgresPool: options.databasePool ?? D.databasePool)
            store = opened.store
            if !opened.applied.isEmpty { print("applied migrations: \(opened.applied.joined(separator: ", "))") }
        } catch {
            throw RegistryExit.report(error)
        }
        let host = options.host ?? D.host, port = options.port ?? D.port
        let limits = ConnectionLimits(headerTimeout: .seconds(options.headerTimeout ?? D.headerTimeout),
                                      bodyTimeout: .seconds(options.bodyTimeout ?? D.bodyTimeout),
                                      idleTimeout: .seconds(options.idleTimeout ?? D.idleTimeout),
                                      maxConnections: options.maxConnections ?? D.maxConnections,
                                      acceptBacklog: options.acceptBacklog ?? D.acceptBacklog)
        let settings = ServerSettings(host: host, port: port, sessionLifetime: .seconds((options.sessionHours ?? D.sessionHours) * 3600),
                                      bcryptCost: root.bcryptCost, logLevel: options.logLevel ?? D.logLevel,
                                      secureCookies: options.secureCookies ?? D.secureCookies, limits: limits,
                                      loginChecks: options.loginChecks, loginQueue: options.loginQueue ?? D.loginQueue)
        let app = try await buildApplication(store: store, settings: settings, engines: engines)
        print("ossify registry on http://\(host):\(port)/api/v1 (\(isPostgres ? "PostgreSQL" : "SQLite"))")
        try await app.runService()
        await store.close()
    }
}
