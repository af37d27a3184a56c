public import Logging
import Registry

/// The settings of `ossify serve`, each optional (not given). The configuration file and the
/// command line each give one `ServeOptions`; the command line's values override the file's
/// (``overriding(_:)``), and what neither gives takes the default of ``Defaults``. A setting has one
/// name in both: the file's key is the flag without `--` (`header-timeout: 10` and `--header-timeout 10`).
///
/// Secrets are never settings: the database password comes from the file named by
/// `database-password-file` or from `OSSIFY_DATABASE_PASSWORD`; a password written into the
/// `database` address is refused, in the file and on the command line.
public struct ServeOptions: Sendable, Equatable {
    public var database: String?
    public var databasePasswordFile: String?
    public var host: String?
    public var port: Int?
    public var logLevel: Logger.Level?
    public var sessionHours: Int?
    public var secureCookies: Bool?
    public var headerTimeout: Int?
    public var bodyTimeout: Int?
    public var idleTimeout: Int?
    public var maxConnections: Int?
    public var acceptBacklog: Int?
    public var loginChecks: Int?
    public var loginQueue: Int?
    public var databasePool: Int?

    public init() {}

    /// The defaults of what neither the file nor the command line gives (`login-checks` has none:
    /// the server takes half the cores).
    public enum Defaults {
        public static let database = "./ossify.sqlite"
        public static let host = "127.0.0.1"
        public static let port = 8080
        public static let logLevel = Logger.Level.info
        public static let sessionHours = 8
        public static let secureCookies = false
        public static let headerTimeout = 10
        public static let bodyTimeout = 60
        public static let idleTimeout = 30
        public static let maxConnections = 8192
        public static let acceptBacklog = 4096
        public static let loginQueue = 16
        /// PostgreSQL's own default `max_connections` is 100: two servers of 20 leave room for the CLI and backups.
        public static let databasePool = 20
    }

    /// `self`'s values where given, else `base`'s.
    public func overriding(_ base: ServeOptions) -> ServeOptions {
        var merged = base
        for key in Self.stringKeys where self[keyPath: key.path] != nil { merged[keyPath: key.path] = self[keyPath: key.path] }
        for key in Self.integerKeys where self[keyPath: key.path] != nil { merged[keyPath: key.path] = self[keyPath: key.path] }
        if let logLevel { merged.logLevel = logLevel }
        if let secureCookies { merged.secureCookies = secureCookies }
        return merged
    }

    /// A whole-number setting and its allowed range.
    public struct IntegerKey: Sendable {
        public let name: String
        public let range: ClosedRange<Int>
        public let unit: String
        public let path: any WritableKeyPath<ServeOptions, Int?> & Sendable
    }

    /// A text setting.
    public struct StringKey: Sendable {
        public let name: String
        public let path: any WritableKeyPath<ServeOptions, String?> & Sendable
    }

    /// The whole-number settings; the command line checks its flags against the same ranges.
    public static let integerKeys: [IntegerKey] = [
        IntegerKey(name: "port", range: 1...65535, unit: "", path: \.port),
        IntegerKey(name: "session-hours", range: 1...720, unit: " hours", path: \.sessionHours),
        IntegerKey(name: "header-timeout", range: 1...3600, unit: " seconds", path: \.headerTimeout),
        IntegerKey(name: "body-timeout", range: 1...3600, unit: " seconds", path: \.bodyTimeout),
        IntegerKey(name: "idle-timeout", range: 1...3600, unit: " seconds", path: \.idleTimeout),
        IntegerKey(name: "max-connections", range: 1...1_000_000, unit: "", path: \.maxConnections),
        IntegerKey(name: "accept-backlog", range: 1...65535, unit: "", path: \.acceptBacklog),
        IntegerKey(name: "login-checks", range: 1...64, unit: "", path: \.loginChecks),
        IntegerKey(name: "login-queue", range: 0...10_000, unit: "", path: \.loginQueue),
        IntegerKey(name: "database-pool", range: 1...1000, unit: " connections", path: \.databasePool),
    ]

    public static let stringKeys: [StringKey] = [
        StringKey(name: "database", path: \.database),
        StringKey(name: "database-password-file", path: \.databasePasswordFile),
        StringKey(name: "host", path: \.host),
    ]

    /// Every key of the configuration file.
    public static var keyNames: [String] {
        stringKeys.map(\.name) + integerKeys.map(\.name) + ["log-level", "secure-cookies"]
    }

    /// What is wrong with a value of an integer setting, or nil.
    public static func problem(_ value: Int, of key: IntegerKey) -> String? {
        key.range.contains(value) ? nil : "must be \(key.range.lowerBound) to \(key.range.upperBound)\(key.unit)"
    }

    /// What is wrong with a database address, or nil: a `postgres://` address must parse and carry
    /// no password (a secret does not belong in an address that flags, files and logs show).
    public static func databaseProblem(_ address: String) -> String? {
        guard address.hasPrefix("postgres://") || address.hasPrefix("postgresql://") else {
            return address.isEmpty ? "must not be empty" : nil
        }
        guard let url = PostgresURL(address) else {
            return "must be postgres://user@host[:port]/database[?sslmode=disable|prefer|require|verify-ca|verify-full&sslrootcert=CA-FILE]"
        }
        if url.password != nil {
            return "must not hold the password: give it in OSSIFY_DATABASE_PASSWORD or in the file named by database-password-file"
        }
        return nil
    }
}
