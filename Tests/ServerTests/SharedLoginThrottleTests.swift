import Crypto
import FoundationEssentials
import Registry
@testable import Server
import Synchronization
import Testing

/// The login throttle kept in the database: two servers on one database (two throttles on one
/// store) count the same failures, a sign-in on one clears the pair on the other, and nothing
/// typed into the username field is written down.
@Suite("Login throttle shared through the database")
struct SharedLoginThrottleTests {
    static let policy = LoginThrottle.Policy(freePerPair: 2, freePerAddress: 10, freePerUsername: 10, maxDelay: 60, baseDelay: 30)

    @Test("failures on one server hold on the other", arguments: ServerBackend.available)
    func sharedAcrossServers(_ backend: ServerBackend) async throws {
        let store = RegistryStore(database: try await backend.makeDatabase())
        try await store.migrate()
        let key = try await store.throttleKey()
        let clock = TestClock()
        let a = SharedLoginThrottle(store: store, policy: Self.policy, key: key, now: { clock.now })
        let b = SharedLoginThrottle(store: store, policy: Self.policy, key: key, now: { clock.now })
        let typed = "correct horse battery staple"  // a password typed into the username field
        for _ in 0..<3 { try await a.failed(typed, from: "192.0.2.7") }
        #expect(try await b.attempt(typed, from: "192.0.2.7") == .reject(retryAfter: 30))
        // Another address is not slowed by the pair (the username's own counter has 7 free left).
        #expect(try await b.attempt(typed, from: "198.51.100.4") == .proceed)
        clock.advance(31)
        #expect(try await a.attempt(typed, from: "192.0.2.7") == .proceed)
        try await b.succeeded(typed, from: "192.0.2.7")
        #expect(try await a.isKnown(typed, at: "192.0.2.7"))
        #expect(try await a.attempt(typed, from: "192.0.2.7") == .proceed)
        let keys = try await store.database.read("SELECT key FROM login_throttle").compactMap { $0["key"].string }
        #expect(!keys.isEmpty)
        #expect(keys.allSatisfy { !$0.contains("horse") && !$0.contains("192.0.2") })
        await store.database.close()
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let value = Mutex<Double>(1_800_000_000)
    var now: Double { value.withLock { $0 } }
    func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
}
