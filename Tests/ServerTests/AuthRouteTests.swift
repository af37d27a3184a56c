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
            let failed = try await store.auditLog(AuditFilter(action: .loginFailed), page: Page()).total
            #expect(failed == 5)
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
        var t = LoginThrottle(freeFailures: 2, maxDelay: 8)
        #expect(t.attempt("u", now: 0) == .proceed)
        t.failed("u", now: 0)
        t.failed("u", now: 0)
        #expect(t.attempt("u", now: 0) == .proceed)
        t.failed("u", now: 0)
        #expect(t.attempt("u", now: 0.5) == .reject(retryAfter: 1))
        #expect(t.attempt("u", now: 1.5) == .proceed)
        t.failed("u", now: 2)
        #expect(t.attempt("u", now: 2) == .reject(retryAfter: 2))
        for _ in 0..<10 { t.failed("u", now: 10) }
        #expect(t.attempt("u", now: 10) == .reject(retryAfter: 8))
        #expect(t.attempt("other", now: 10) == .proceed)
        t.succeeded("u")
        #expect(t.attempt("u", now: 10) == .proceed)
    }
}
