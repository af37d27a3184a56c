/// Slows repeated failed logins, per username: a pure state machine (no clock, no I/O) in the
/// style of PostgresNIO's, driven by `LoginThrottleActor`.
///
/// The first `freeFailures` failures cost nothing; each further failure doubles the wait before the
/// next attempt is heard (1 s, 2 s, 4 s, ... up to `maxDelay`). A success clears the count.
public struct LoginThrottle: Sendable {
    public enum Action: Equatable, Sendable {
        case proceed
        /// Refuse without checking the password; try again after this many seconds.
        case reject(retryAfter: Int)
    }

    struct Entry: Sendable {
        var failures: Int
        var blockedUntil: Double
    }

    public let freeFailures: Int
    public let maxDelay: Double
    private var entries: [String: Entry] = [:]

    public init(freeFailures: Int = 3, maxDelay: Double = 60) {
        self.freeFailures = freeFailures
        self.maxDelay = maxDelay
    }

    /// Whether an attempt for `username` at time `now` (seconds) may check the password.
    public func attempt(_ username: String, now: Double) -> Action {
        guard let entry = entries[username], entry.blockedUntil > now else { return .proceed }
        return .reject(retryAfter: Int((entry.blockedUntil - now).rounded(.up)))
    }

    public mutating func failed(_ username: String, now: Double) {
        var entry = entries[username] ?? Entry(failures: 0, blockedUntil: 0)
        entry.failures += 1
        let excess = entry.failures - freeFailures
        if excess > 0 {
            let delay = min(maxDelay, Double(1 << min(excess - 1, 16)))
            entry.blockedUntil = now + delay
        }
        entries[username] = entry
        if entries.count > 100_000 { entries = entries.filter { $0.value.blockedUntil > now } }
    }

    public mutating func succeeded(_ username: String) {
        entries[username] = nil
    }
}

/// Holds the throttle state for the server.
actor LoginThrottleActor {
    private var throttle: LoginThrottle
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    init(_ throttle: LoginThrottle = LoginThrottle()) {
        self.throttle = throttle
        start = clock.now
    }

    private var now: Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func attempt(_ username: String) -> LoginThrottle.Action { throttle.attempt(username, now: now) }
    func failed(_ username: String) { throttle.failed(username, now: now) }
    func succeeded(_ username: String) { throttle.succeeded(username) }
}
