import Hummingbird
import Registry
@testable import Server
import Testing

@Suite("Auth routes")
struct AuthRouteTests {
    @Test(arguments: ServerBackend.available)
    func loginGivesABearerTokenThatLogoutRevokes(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let token = try await c.login("clin-a")
            #expect(try await c.call(.get, "/api/v1/patients", token: token).status == .ok)
            #expect(try await c.call(.post, "/api/v1/auth/logout", token: token).status == .noContent)
            #expect(try await c.call(.get, "/api/v1/patients", token: token).status == .unauthorized)
        }
    }

    @Test(arguments: ServerBackend.available)
    func badLoginsAreRefusedAndSlowed(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let store = env.store
        try await env.test { c in
            let wrong: JSONValue = .object(["username": "clin-a", "password": "wrong password!"])
            #expect(try await c.call(.post, "/api/v1/auth/login", body: wrong).status == .unauthorized)
            #expect(try await c.call(.post, "/api/v1/auth/login", body: .object(["username": "nobody", "password": "x"])).status == .unauthorized)
            let missing = try await c.call(.post, "/api/v1/auth/login", body: .object([:]))
            #expect(missing.status == .unprocessableContent)
            #expect(missing.invalidFields == ["username", "password"])
            #expect(try await c.call(.post, "/api/v1/auth/login", raw: "{not json").status == .badRequest)
            // Three failures are free; the fourth blocks the next attempt, even with the right password.
            for _ in 0..<3 { try await c.call(.post, "/api/v1/auth/login", body: wrong) }
            let blocked = try await c.call(.post, "/api/v1/auth/login",
                                           body: .object(["username": "clin-a", "password": .string(TestEnvironment.password)]))
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter] != nil)
            let failed = try await store.auditLog(AuditFilter(action: .loginFailed), page: Page())
            #expect(failed.total == 5)
            // A username with no account (perhaps a password typed in the wrong field) is not written down.
            #expect(!failed.items.contains { $0.username == "nobody" })
            #expect(failed.items.contains { $0.username == "(unknown username)" })
            #expect(failed.items.contains { $0.username == "clin-a" })
        }
    }

    @Test(arguments: ServerBackend.available)
    func missingOrUnknownTokensAre401(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let none = try await c.call(.get, "/api/v1/patients")
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            #expect(try await c.call(.get, "/api/v1/patients", token: "forged").status == .unauthorized)
        }
    }

    @Test func throttleStateMachine() {
        var t = LoginThrottle(.init(freePerPair: 2, freePerAddress: 100, freePerUsername: 100, maxDelay: 8))
        #expect(t.attempt("u", from: "a", now: 0) == .proceed)
        t.failed("u", from: "a", now: 0)
        t.failed("u", from: "a", now: 0)
        #expect(t.attempt("u", from: "a", now: 0) == .proceed)
        t.failed("u", from: "a", now: 0)
        #expect(t.attempt("u", from: "a", now: 0.5) == .reject(retryAfter: 1))
        // Only the pair is slowed: the same user elsewhere, and others here, are not.
        #expect(t.attempt("u", from: "b", now: 0.5) == .proceed)
        #expect(t.attempt("v", from: "a", now: 0.5) == .proceed)
        #expect(t.attempt("u", from: "a", now: 1.5) == .proceed)
        t.failed("u", from: "a", now: 2)
        #expect(t.attempt("u", from: "a", now: 2) == .reject(retryAfter: 2))
        for _ in 0..<10 { t.failed("u", from: "a", now: 10) }
        #expect(t.attempt("u", from: "a", now: 10) == .reject(retryAfter: 8))
        t.succeeded("u", from: "a", now: 10)
        #expect(t.attempt("u", from: "a", now: 10) == .proceed)
        // Forgotten a window after the last failure.
        for _ in 0..<10 { t.failed("w", from: "a", now: 20) }
        #expect(t.attempt("w", from: "a", now: 21) != .proceed)
        #expect(t.attempt("w", from: "a", now: 20 + t.policy.window + 1) == .proceed)
    }

    @Test func aFloodFromOneAddressIsSlowedButItsKnownUsersGetIn() {
        var t = LoginThrottle(.init(freePerPair: 3, freePerAddress: 10, freePerUsername: 10, maxDelay: 60))
        t.succeeded("alice", from: "10.0.0.1", now: 0)
        for i in 0..<11 { t.failed("invented-\(i)", from: "10.0.0.1", now: 1) }
        #expect(t.attempt("invented-99", from: "10.0.0.1", now: 1) != .proceed)
        #expect(t.attempt("bob", from: "10.0.0.1", now: 1) != .proceed)
        // alice has signed in from here before: the address's back-off does not apply to her.
        #expect(t.attempt("alice", from: "10.0.0.1", now: 1) == .proceed)
        #expect(t.attempt("invented-99", from: "10.0.0.2", now: 1) == .proceed)
        // An attacker with an account cannot reset the address's back-off by signing in.
        t.succeeded("mallory", from: "10.0.0.1", now: 1)
        #expect(t.attempt("bob", from: "10.0.0.1", now: 1) != .proceed)
    }

    @Test func guessingOneAccountFromManyAddressesCannotLockItsOwner() {
        var t = LoginThrottle(.init(freePerPair: 3, freePerAddress: 10, freePerUsername: 10, maxDelay: 60))
        t.succeeded("alice", from: "home", now: 0)
        for i in 0..<50 { t.failed("alice", from: "bot-\(i)", now: 1) }
        // New addresses are slowed for alice...
        #expect(t.attempt("alice", from: "bot-99", now: 1) != .proceed)
        #expect(t.attempt("alice", from: "cafe", now: 1) != .proceed)
        // ...but never where she signs in from.
        #expect(t.attempt("alice", from: "home", now: 1) == .proceed)
        // Her sign-in clears the username's count.
        t.succeeded("alice", from: "home", now: 2)
        #expect(t.attempt("alice", from: "cafe", now: 2) == .proceed)
    }

    @Test(arguments: ServerBackend.available)
    func aFloodOfInventedUsernamesDoesNotKeepKnownUsersOut(_ backend: ServerBackend) async throws {
        // A long first back-off, so that the check does not race the clock on a loaded machine.
        let settings = ServerSettings(bcryptCost: 4, logLevel: .error, loginThrottle: .init(maxDelay: 60, baseDelay: 60))
        let env = try await TestEnvironment.make(backend, settings: settings)
        try await env.test { c in
            _ = try await c.login("clin-a")
            var statuses: [HTTPResponse.Status] = []
            for i in 0..<12 {
                let body: JSONValue = .object(["username": .string("invented-\(i)"), "password": "guess guess guess"])
                statuses.append(try await c.call(.post, "/api/v1/auth/login", body: body).status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unauthorized })
            #expect(statuses.last == .tooManyRequests)
            // clin-a signed in from this address before: still gets in. clin-b never did: slowed with the address.
            _ = try await c.login("clin-a")
            let other = try await c.call(.post, "/api/v1/auth/login",
                                         body: .object(["username": "clin-b", "password": .string(TestEnvironment.password)]))
            #expect(other.status == .tooManyRequests)
        }
    }

    @Test func passwordChecksAreBoundedWithAPriorityLane() async throws {
        let queue = PasswordCheckQueue(width: 1, depth: 1)
        let gate = AsyncStream<Void>.makeStream()
        let order = OrderLog()
        async let first: Int? = queue.run(priority: false) {
            for await _ in gate.stream { break }
            await order.add("first")
            return 1
        }
        while await queue.load.running < 1 { await Task.yield() }
        async let waiting: Int? = queue.run(priority: false) { await order.add("waiting"); return 2 }
        while await queue.load.waiting < 1 { await Task.yield() }
        async let known: Int? = queue.run(priority: true) { await order.add("known"); return 3 }
        while await queue.load.waiting < 2 { await Task.yield() }
        // The ordinary lane is full: refused at once.
        #expect(try await queue.run(priority: false) { 4 } == nil)
        gate.continuation.yield()
        gate.continuation.finish()
        #expect(try await first == 1)
        #expect(try await known == 3)
        #expect(try await waiting == 2)
        #expect(await order.entries == ["first", "known", "waiting"])
    }
}

actor OrderLog {
    private(set) var entries: [String] = []
    func add(_ entry: String) { entries.append(entry) }
}
