import Foundation

/// The parts of a `postgres://user[:password]@host[:port]/database` address.
public struct PostgresURL: Sendable, Equatable {
    public var username: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// libpq's `sslmode` (default prefer) and `sslrootcert` (the CA file for verify-ca and verify-full).
    public var sslMode: SSLMode = .prefer
    public var sslRootCert: String?

    /// How the connection uses TLS, as libpq's `sslmode` says it.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, else plain (libpq's `allow` is read as this).
        case prefer
        /// TLS or no connection; the certificate is not checked (libpq: unless a root certificate is given).
        case require
        /// TLS with the server's certificate checked against `sslrootcert`, not its host name.
        case verifyCA = "verify-ca"
        /// TLS with the certificate checked against `sslrootcert` (else the system's roots) and the host name.
        case verifyFull = "verify-full"
    }

    public init(username: String, password: String?, host: String, port: Int, database: String,
                sslMode: SSLMode = .prefer, sslRootCert: String? = nil) {
        self.username = username
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
    }

    /// The address without the password and query, for tools that read the password from the
    /// environment (`PGPASSWORD`) and the TLS settings from `PGSSLMODE` and `PGSSLROOTCERT`.
    public var withoutSecrets: String {
        func encoded(_ s: String) -> String {
            s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
        }
        return "postgresql://\(encoded(username))@\(host):\(port)/\(encoded(database))"
    }

    /// The environment that gives libpq tools (pg_dump, pg_restore) the password and TLS settings.
    public var libpqEnvironment: [String: String] {
        var env = ["PGSSLMODE": sslMode.rawValue]
        if let password { env["PGPASSWORD"] = password }
        if let sslRootCert { env["PGSSLROOTCERT"] = sslRootCert }
        return env
    }

    /// Parses the address; nil when it is not a PostgreSQL URL with a user, a host and a database.
    public init?(_ text: String) {
        let schemes = ["postgres://", "postgresql://"]
        guard let scheme = schemes.first(where: { text.hasPrefix($0) }) else { return nil }
        var rest = Substring(text.dropFirst(scheme.count))
        if let query = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: query)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                let value = parts.count == 2 ? Self.percentDecoded(parts[1]) : ""
                switch parts.first {
                case "sslmode":
                    guard let mode = SSLMode(rawValue: value == "allow" ? "prefer" : value) else { return nil }
                    sslMode = mode
                case "sslrootcert": sslRootCert = value.isEmpty ? nil : value
                default: return nil   // an unknown parameter is refused, not ignored
                }
            }
            rest = rest[..<query]
        }
        guard let at = rest.lastIndex(of: "@"), let slash = rest[at...].firstIndex(of: "/") else { return nil }
        let userInfo = rest[..<at]
        let hostPort = rest[rest.index(after: at)..<slash]
        let database = rest[rest.index(after: slash)...]
        if let colon = userInfo.firstIndex(of: ":") {
            username = Self.percentDecoded(userInfo[..<colon])
            password = Self.percentDecoded(userInfo[userInfo.index(after: colon)...])
        } else {
            username = Self.percentDecoded(userInfo)
            password = nil
        }
        if let colon = hostPort.lastIndex(of: ":") {
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(p) else { return nil }
            host = String(hostPort[..<colon])
            port = p
        } else {
            host = String(hostPort)
            port = 5432
        }
        self.database = Self.percentDecoded(database)
        guard !username.isEmpty, !host.isEmpty, !self.database.isEmpty else { return nil }
        if sslMode == .verifyCA && sslRootCert == nil { return nil }
    }

    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var it = Array(text.utf8).makeIterator()
        while let b = it.next() {
            if b == UInt8(ascii: "%"), let h = it.next(), let l = it.next(),
               let v = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) {
                bytes.append(v)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
