/// Slows repeated failed logins without letting anyone lock another person out: a pure state
/// machine (no clock, no I/O) in the style of PostgresNIO's, driven by `SharedLoginThrottle`.
///
/// Three counters of failures, each with the same back-off: the first `free` failures cost
/// nothing, each further one doubles the wait before the next attempt is heard (`baseDelay`, 1 s by
/// default, then 2 s, 4 s, ... up to `maxDelay`); a counter is forgotten `window` seconds after its last failure.
/// - **username at address**: always applies. Only someone at the same address can slow a user.
/// - **address**: every username tried from one address (a flood of invented usernames). Skipped
///   for a username that has signed in from this address before (a colleague's typos behind the
///   same hospital NAT do not block a user who works there).
/// - **username**: failures from every address (guessing spread over many addresses). Applies
///   only at addresses the user has never signed in from: a third party can slow new addresses,
///   never the places the user signs in from, so the account cannot be locked.
///
/// A success clears the pair's and the username's counters, never the address's (an attacker with
/// an account of their own cannot reset their back-off by signing in), and marks the address
/// known for the username for `knownFor` seconds.
public struct LoginThrottle: Sendable {
    public enum Action: Equatable, Sendable {
        case proceed
        /// Refuse without checking the password; try again after this many seconds.
        case reject(retryAfter: Int)
    }

    public struct Policy: Sendable, Equatable {
        public var freePerPair: Int
        public var freePerAddress: Int
        public var freePerUsername: Int
        public var maxDelay: Double
        /// The wait after the first failure beyond the free ones, in seconds.
        public var baseDelay: Double
        /// Seconds after its last failure that a counter is forgotten.
        public var window: Double
        /// Seconds an address stays known for a username after a sign-in from it.
        public var knownFor: Double

        public init(freePerPair: Int = 3, freePerAddress: Int = 10, freePerUsername: Int = 10, maxDelay: Double = 60,
                    baseDelay: Double = 1, window: Double = 900, knownFor: Double = 30 * 86_400) {
            self.freePerPair = freePerPair
            self.freePerAddress = freePerAddress
            self.freePerUsername = freePerUsername
            self.maxDelay = maxDelay
            self.baseDelay = baseDelay
            self.window = window
            self.knownFor = knownFor
        }
    }

    struct Entry: Sendable, Equatable {
        var failures: Int
        var lastFailure: Double
        var blockedUntil: Double
    }

    /// Entries kept per table before the stale ones are dropped.
    static let pruneAt = 100_000

    public let policy: Policy
    private var pairs: [String: Entry] = [:]
    private var addresses: [String: Entry] = [:]
    private var usernames: [String: Entry] = [:]
    /// "username address" -> time of the last sign-in from there.
    private var known: [String: Double] = [:]

    public init(_ policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Whether an attempt for `username` from `address` at time `now` (seconds) may check the password.
    public func attempt(_ username: String, from address: String, now: Double) -> Action {
        let pair = Self.pairKey(username, address)
        var until = Self.blocked(pairs[pair], now: now, window: policy.window)
        if !isKnown(pair, now: now) {
            until = max(until, Self.blocked(addresses[address], now: now, window: policy.window),
                        Self.blocked(usernames[username], now: now, window: policy.window))
        }
        guard until > now else { return .proceed }
        return .reject(retryAfter: max(1, Int((until - now).rounded(.up))))
    }

    public mutating func failed(_ username: String, from address: String, now: Double) {
        Self.count(&pairs, Self.pairKey(username, address), free: policy.freePerPair, now: now, policy: policy)
        Self.count(&addresses, address, free: policy.freePerAddress, now: now, policy: policy)
        Self.count(&usernames, username, free: policy.freePerUsername, now: now, policy: policy)
    }

    public mutating func succeeded(_ username: String, from address: String, now: Double) {
        let pair = Self.pairKey(username, address)
        pairs[pair] = nil
        usernames[username] = nil
        known[pair] = now
        if known.count > Self.pruneAt { known = known.filter { now - $0.value < policy.knownFor } }
    }

    /// The state that one attempt of `username` from `address` reads and changes: what a store
    /// shared by several servers loads before and saves after (`SharedLoginThrottle`).
    struct Slice: Sendable, Equatable {
        var pair: Entry?
        var address: Entry?
        var username: Entry?
        /// The time of the last sign-in of the username from the address.
        var known: Double?
    }

    func slice(_ username: String, _ address: String) -> Slice {
        let pair = Self.pairKey(username, address)
        return Slice(pair: pairs[pair], address: addresses[address], username: usernames[username], known: known[pair])
    }

    mutating func load(_ slice: Slice, _ username: String, _ address: String) {
        let pair = Self.pairKey(username, address)
        pairs[pair] = slice.pair
        addresses[address] = slice.address
        usernames[username] = slice.username
        known[pair] = slice.known
    }

    /// Whether `username` has signed in from `address` within `knownFor`.
    public func isKnown(_ username: String, at address: String, now: Double) -> Bool {
        isKnown(Self.pairKey(username, address), now: now)
    }

    private func isKnown(_ pair: String, now: Double) -> Bool {
        guard let at = known[pair] else { return false }
        return now - at < policy.knownFor
    }

    private static func pairKey(_ username: String, _ address: String) -> String { username + "\u{0}" + address }

    private static func blocked(_ entry: Entry?, now: Double, window: Double) -> Double {
        guard let entry, now - entry.lastFailure < window else { return 0 }
        return entry.blockedUntil
    }

    private static func count(_ table: inout [String: Entry], _ key: String, free: Int, now: Double, policy: Policy) {
        var entry = table[key].flatMap { now - $0.lastFailure < policy.window ? $0 : nil } ?? Entry(failures: 0, lastFailure: now, blockedUntil: 0)
        entry.failures += 1
        entry.lastFailure = now
        let excess = entry.failures - free
        if excess > 0 {
            entry.blockedUntil = now + min(policy.maxDelay, policy.baseDelay * Double(1 << min(excess - 1, 16)))
        }
        table[key] = entry
        if table.count > pruneAt { table = table.filter { now - $0.value.lastFailure < policy.window } }
    }
}
