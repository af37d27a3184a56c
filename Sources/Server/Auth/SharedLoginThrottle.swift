import Crypto
import FoundationEssentials
import Registry

/// The login throttle with its state in the registry's database, so that every server on one
/// database counts the same failures: a client cannot multiply its attempts by spreading them over
/// the servers behind a load balancer. Each call loads the counters of one username and address
/// (`LoginThrottle.Slice`), runs the pure state machine of `LoginThrottle` on them, and writes
/// back what changed, in one transaction (rows locked on PostgreSQL). Usernames and addresses are
/// stored as HMAC-SHA-256 under the installation's throttle key, never as typed. Time is the wall
/// clock, which the servers share.
struct SharedLoginThrottle: Sendable {
    let store: RegistryStore
    let policy: LoginThrottle.Policy
    let key: SymmetricKey
    let now: @Sendable () -> Double

    init(store: RegistryStore, policy: LoginThrottle.Policy, key: SymmetricKey,
         now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.store = store
        self.policy = policy
        self.key = key
        self.now = now
    }

    /// The hashed username and address, and the row keys of their slice: pair, address, username,
    /// known (the pair's keys take half of each hash, to stay within the column's 80 characters).
    struct Keys {
        let username: String
        let address: String
        let rows: [String]

        init(username: String, address: String) {
            self.username = username
            self.address = address
            let pair = username.prefix(24) + address.prefix(24)
            rows = ["p:" + pair, "a:" + address, "u:" + username, "k:" + pair]
        }
    }

    func keys(_ username: String, _ address: String) -> Keys {
        func mac(_ kind: String, _ value: String) -> String {
            HMAC<SHA256>.authenticationCode(for: Data((kind + "\u{0}" + value).utf8), using: key).prefix(24)
                .map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        }
        return Keys(username: mac("username", username), address: mac("address", address))
    }

    static func slice(_ rows: [String: ThrottleRow], _ k: Keys) -> LoginThrottle.Slice {
        func entry(_ key: String) -> LoginThrottle.Entry? {
            rows[key].map { LoginThrottle.Entry(failures: $0.failures, lastFailure: $0.lastAt, blockedUntil: $0.blockedUntil) }
        }
        let keys = k.rows
        return LoginThrottle.Slice(pair: entry(keys[0]), address: entry(keys[1]), username: entry(keys[2]), known: rows[keys[3]]?.lastAt)
    }

    static func rows(_ slice: LoginThrottle.Slice, _ k: Keys) -> [String: ThrottleRow?] {
        func row(_ e: LoginThrottle.Entry?) -> ThrottleRow? {
            e.map { ThrottleRow(failures: $0.failures, lastAt: $0.lastFailure, blockedUntil: $0.blockedUntil) }
        }
        let keys = k.rows
        return [keys[0]: row(slice.pair), keys[1]: row(slice.address), keys[2]: row(slice.username),
                keys[3]: slice.known.map { ThrottleRow(failures: 0, lastAt: $0, blockedUntil: 0) }]
    }

    private func loaded(_ k: Keys) async throws -> LoginThrottle {
        var throttle = LoginThrottle(policy)
        throttle.load(Self.slice(try await store.throttleRows(k.rows), k), k.username, k.address)
        return throttle
    }

    func attempt(_ username: String, from address: String) async throws -> LoginThrottle.Action {
        let k = keys(username, address)
        return try await loaded(k).attempt(k.username, from: k.address, now: now())
    }

    func isKnown(_ username: String, at address: String) async throws -> Bool {
        let k = keys(username, address)
        return try await loaded(k).isKnown(k.username, at: k.address, now: now())
    }

    func failed(_ username: String, from address: String) async throws {
        try await change(username, address) { $0.failed($1.username, from: $1.address, now: $2) }
    }

    func succeeded(_ username: String, from address: String) async throws {
        try await change(username, address) { $0.succeeded($1.username, from: $1.address, now: $2) }
    }

    /// Stale counters are removed on about one change in 64.
    private func change(_ username: String, _ address: String,
                        _ apply: @escaping @Sendable (inout LoginThrottle, Keys, Double) -> Void) async throws {
        let k = keys(username, address), at = now(), policy = policy
        let prune = Int.random(in: 0..<64) == 0 ? (window: policy.window, knownFor: policy.knownFor) : nil
        try await store.updateThrottle(k.rows, now: at, prune: prune) { rows in
            var throttle = LoginThrottle(policy)
            throttle.load(Self.slice(rows, k), k.username, k.address)
            apply(&throttle, k, at)
            return Self.rows(throttle.slice(k.username, k.address), k)
        }
    }
}
