public import Crypto
import FoundationEssentials

/// One counter of the login throttle as the database keeps it, so that every server on one
/// database sees the same failures (two `ossify serve` on one PostgreSQL behave as one server).
public struct ThrottleRow: Sendable, Equatable {
    public var failures: Int
    /// Seconds since 1970 of the last failure (of the last sign-in, for a known address).
    public var lastAt: Double
    public var blockedUntil: Double

    public init(failures: Int, lastAt: Double, blockedUntil: Double) {
        self.failures = failures
        self.lastAt = lastAt
        self.blockedUntil = blockedUntil
    }
}

extension RegistryStore {
    /// The installation's secret for the throttle's keys: usernames and addresses are stored only
    /// as keyed hashes (a password typed into the username field is never written down).
    public func throttleKey() async throws(RegistryError) -> SymmetricKey {
        try await RegistryError.wrap(.session) {
            let rows = try await database.read(SQLQuery("SELECT value FROM settings WHERE name = 'throttle_key'"))
            guard let text = rows.first?["value"].string, let data = Data(base64Encoded: text) else {
                throw RegistryError.internalFailure("the throttle key is missing; run the migrations")
            }
            return SymmetricKey(data: data)
        }
    }

    /// The rows of `keys` that exist.
    public func throttleRows(_ keys: [String]) async throws(RegistryError) -> [String: ThrottleRow] {
        try await RegistryError.wrap(.session) {
            Self.throttleRows(try await database.read(Self.throttleSelect(keys, lock: false)))
        }
    }

    /// Reads the rows of `keys` (locked against other servers on PostgreSQL), applies `change` and
    /// writes back what it returns (nil deletes), in one transaction. `prune` removes counters
    /// older than their windows: failures after `window` seconds, known addresses after `knownFor`.
    public func updateThrottle(_ keys: [String], now: Double, prune: (window: Double, knownFor: Double)? = nil,
                               _ change: @escaping @Sendable ([String: ThrottleRow]) -> [String: ThrottleRow?]) async throws(RegistryError) {
        try await RegistryError.wrap(.session) {
            try await database.transaction { tx in
                let current = Self.throttleRows(try await tx.query(Self.throttleSelect(keys, lock: database.dialect == .postgres)))
                for (key, row) in change(current) {
                    if let row {
                        try await tx.query("""
                            INSERT INTO login_throttle (key, failures, last_at, blocked_until) VALUES (?, ?, ?, ?)
                            ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at,
                              blocked_until = excluded.blocked_until
                            """, [.text(key), .integer(Int64(row.failures)), .real(row.lastAt), .real(row.blockedUntil)])
                    } else {
                        try await tx.query("DELETE FROM login_throttle WHERE key = ?", [.text(key)])
                    }
                }
                if let prune {
                    try await tx.query("""
                        DELETE FROM login_throttle WHERE (key LIKE 'k:%' AND last_at < ?) OR (key NOT LIKE 'k:%' AND last_at < ?)
                        """, [.real(now - prune.knownFor), .real(now - prune.window)])
                }
            }
        }
    }

    static func throttleSelect(_ keys: [String], lock: Bool) -> SQLQuery {
        SQLQuery("SELECT key, failures, last_at, blocked_until FROM login_throttle WHERE key IN (\(placeholders(keys.count)))"
                 + (lock ? " FOR UPDATE" : ""), keys.map(SQLValue.text))
    }

    static func throttleRows(_ rows: [SQLRow]) -> [String: ThrottleRow] {
        var out: [String: ThrottleRow] = [:]
        for row in rows {
            guard let key = row["key"].string, let failures = row["failures"].int else { continue }
            out[key] = ThrottleRow(failures: failures, lastAt: row["last_at"].double ?? 0, blockedUntil: row["blocked_until"].double ?? 0)
        }
        return out
    }
}
