import ArgumentParser
import Hummingbird
import Logging
import Registry
import Server

/// `ossify serve`: the registry server on SQLite or PostgreSQL; migrations run at start.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the registry server (REST API under /api/v1, OpenAPI at /api/v1/openapi.json).")

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @OptionGroup var db: DatabaseOptions

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(help: "Hours a bearer token (and the session cookie) stays valid.")
    var sessionHours: Int = 8

    @Flag(help: "Mark the session cookies Secure (HTTPS only): use when the server is reached through HTTPS, e.g. behind a TLS proxy.")
    var secureCookies = false

    @Option(help: "Seconds a new connection has to send its first request head; then it is closed.")
    var headerTimeout: Int = 10

    @Option(help: "Seconds a request body has to arrive in full, counted from its head; then the connection is closed.")
    var bodyTimeout: Int = 60

    @Option(help: "Seconds a kept-alive connection may wait for its next request; then it is closed.")
    var idleTimeout: Int = 30

    @Option(help: "Open connections at most; further ones are answered 503 (Retry-After) and closed. Keep it below the open-file limit.")
    var maxConnections: Int = 8192

    @Option(help: "Connections queued before they are accepted (capped by net.core.somaxconn).")
    var acceptBacklog: Int = 4096

    @Option(help: "Password checks (bcrypt) run at once (default: half the cores, at least 1).")
    var loginChecks: Int?

    @Option(help: "Sign-ins that may wait for a password check, per lane; further ones are answered 503 (Retry-After).")
    var loginQueue: Int = 16

    func validate() throws {
        if let loginChecks, !(1...64).contains(loginChecks) { throw ValidationError("--login-checks must be 1 to 64") }
        guard (0...10_000).contains(loginQueue) else { throw ValidationError("--login-queue must be 0 to 10000") }
        guard (1...3600).contains(headerTimeout) else { throw ValidationError("--header-timeout must be 1 to 3600 seconds") }
        guard (1...3600).contains(bodyTimeout) else { throw ValidationError("--body-timeout must be 1 to 3600 seconds") }
        guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be 1 to 3600 seconds") }
        guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections must be 1 to 1000000") }
        guard (1...65535).contains(acceptBacklog) else { throw ValidationError("--accept-backlog must be 1 to 65535") }
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level is not a log level") }
        guard (1...720).contains(sessionHours) else { throw ValidationError("--session-hours must be 1 to 720") }
    }

    func run() async throws {
        // Held while the server runs, so that `db restore` refuses to replace the file under it.
        var lock: ServerLock?
        if !db.isPostgres {
            lock = ServerLock.acquire(for: db.database)
            if lock == nil { throw CLIFailure("another ossify server is using \(db.database)") }
        }
        defer { withExtendedLifetime(lock) {} }
        let store: RegistryStore
        do {
            store = try await RegistryStore.open(db.database)
            let applied = try await store.migrate()
            if !applied.isEmpty { print("applied migrations: \(applied.joined(separator: ", "))") }
        } catch {
            throw RegistryExit.report(error)
        }
        let settings = ServerSettings(host: host, port: port, sessionLifetime: .seconds(sessionHours * 3600),
                                      logLevel: Logger.Level(rawValue: logLevel) ?? .info, secureCookies: secureCookies,
                                      limits: ConnectionLimits(headerTimeout: .seconds(headerTimeout), bodyTimeout: .seconds(bodyTimeout),
                                                               idleTimeout: .seconds(idleTimeout), maxConnections: maxConnections,
                                                               acceptBacklog: acceptBacklog),
                                      loginChecks: loginChecks, loginQueue: loginQueue)
        let engines: Engines
        do {
            engines = try Engines.load()
            // The scoring indices (one per patient sex) are built before the first request.
            engines.diagnosis.warmUp()
        } catch {
            throw CLIFailure("the engines could not be loaded: \(error)")
        }
        let app = try await buildApplication(store: store, settings: settings, engines: engines)
        print("ossify registry on http://\(host):\(port)/api/v1 (\(db.isPostgres ? "PostgreSQL" : "SQLite"))")
        try await app.runService()
        await store.close()
    }
}
