import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// The session cookie of the pages: set at login, accepted like the bearer token, changes guarded
/// against cross-site request forgery, cleared at logout.
@Suite("Session cookie")
struct SessionCookieTests {
    /// A Set-Cookie header taken apart: name, value and attributes (names lowercased).
    struct SetCookie {
        var name: String
        var value: String
        var attributes: [String: String]

        init?(_ header: String) {
            let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = parts.first, let eq = first.firstIndex(of: "=") else { return nil }
            name = String(first[..<eq])
            value = String(first[first.index(after: eq)...])
            attributes = [:]
            for part in parts.dropFirst() {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                attributes[pair[0].lowercased()] = pair.count > 1 ? pair[1] : ""
            }
        }
    }

    struct Session {
        var token: String
        var csrf: String
        var cookies: [String: SetCookie]
    }

    static func login(_ c: Client, _ username: String = "clin-a", headers: HTTPFields = [:]) async throws -> Session {
        let reply = try await c.call(.post, "/api/v1/auth/login", body: .object(["username": .string(username),
                                                                               "password": .string(TestEnvironment.password)]),
                                     headers: headers)
        try #require(reply.status == .ok)
        let cookies = Dictionary(reply.headers[values: .setCookie].compactMap(SetCookie.init).map { ($0.name, $0) },
                                 uniquingKeysWith: { a, _ in a })
        return Session(token: try #require(reply["token"]?.stringValue), csrf: try #require(cookies["ossify_csrf"]?.value),
                       cookies: cookies)
    }

    /// The headers a browser page sends: both cookies, and optionally the CSRF header and an Origin.
    static func browser(_ s: Session, csrfHeader: String? = nil, origin: String? = nil, csrfCookie: Bool = true) -> HTTPFields {
        var headers: HTTPFields = [:]
        headers[.cookie] = "ossify_session=\(s.token)" + (csrfCookie ? "; ossify_csrf=\(s.csrf)" : "")
        if let csrfHeader { headers[CSRFCheck.header] = csrfHeader }
        if let origin { headers[.origin] = origin }
        return headers
    }

    static let newPatient: JSONValue = .object(["pseudonym": "C-1", "sex": "female", "status": "alive"])

    @Test func loginSetsTheSessionAndCSRFCookiesWithTheirAttributes() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let s = try await Self.login(c)
            let session = try #require(s.cookies["ossify_session"])
            #expect(session.value == s.token)
            #expect(session.attributes["httponly"] != nil)
            #expect(session.attributes["samesite"] == "Strict")
            #expect(session.attributes["path"] == "/")
            #expect(session.attributes["max-age"] == "28800")
            #expect(session.attributes["secure"] == nil)
            let csrf = try #require(s.cookies["ossify_csrf"])
            #expect(csrf.value == SessionCookies.csrfToken(for: s.token))
            #expect(csrf.value != s.token && csrf.value.count == 64)
            #expect(csrf.attributes["httponly"] == nil, "page scripts must be able to read the CSRF cookie")
            #expect(csrf.attributes["samesite"] == "Strict")
            #expect(csrf.attributes["path"] == "/")
            #expect(csrf.attributes["max-age"] == "28800")
        }
    }

    @Test func secureCookiesAreMarkedSecureAndLiveAsLongAsTheToken() async throws {
        let settings = ServerSettings(sessionLifetime: .seconds(2 * 3600), bcryptCost: 4, logLevel: .error, secureCookies: true)
        let env = try await TestEnvironment.make(settings: settings)
        try await env.test { c in
            let s = try await Self.login(c)
            for name in ["ossify_session", "ossify_csrf"] {
                #expect(s.cookies[name]?.attributes["secure"] != nil, "\(name)")
                #expect(s.cookies[name]?.attributes["max-age"] == "7200", "\(name)")
            }
        }
    }

    @Test(arguments: ServerBackend.available)
    func theCookieAloneAuthenticatesReads(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let s = try await Self.login(c)
            let list = try await c.call(.get, "/api/v1/patients", headers: [.cookie: "ossify_session=\(s.token)"])
            #expect(list.status == .ok)
            #expect(list["total"]?.int == 0)
            #expect(try await c.call(.get, "/api/v1/patients", headers: [.cookie: "ossify_session=forged"]).status == .unauthorized)
            // The role comes with the session: a researcher's cookie does not open admin routes.
            let researcher = try await Self.login(c, "researcher")
            #expect(try await c.call(.get, "/api/v1/users", headers: [.cookie: "ossify_session=\(researcher.token)"]).status == .forbidden)
        }
    }

    @Test(arguments: ServerBackend.available)
    func changesWithTheCookieNeedTheCSRFHeaderAndTheirOwnOrigin(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let store = env.store
        try await env.test { c in
            let s = try await Self.login(c)
            let refused: [(String, HTTPFields)] = [
                ("no header", Self.browser(s)),
                ("wrong header", Self.browser(s, csrfHeader: String(repeating: "0", count: 64))),
                ("the session token as header", Self.browser(s, csrfHeader: s.token)),
                ("no CSRF cookie", Self.browser(s, csrfHeader: s.csrf, csrfCookie: false)),
                ("another origin", Self.browser(s, csrfHeader: s.csrf, origin: "https://evil.example")),
                ("an opaque origin", Self.browser(s, csrfHeader: s.csrf, origin: "null")),
            ]
            for (what, headers) in refused {
                let reply = try await c.call(.post, "/api/v1/patients", body: Self.newPatient, headers: headers)
                #expect(reply.status == .forbidden, "\(what)")
                #expect(reply.headers[.contentType] == "application/problem+json", "\(what)")
            }
            // Nothing was written by the refused requests.
            #expect(try await c.call(.get, "/api/v1/patients", headers: Self.browser(s))["total"]?.int == 0)
            #expect(try await store.auditLog(AuditFilter(entity: .patient, action: .create), page: Page()).total == 0)

            let sameOrigin = try await c.call(.post, "/api/v1/patients", body: Self.newPatient,
                                              headers: Self.browser(s, csrfHeader: s.csrf, origin: "http://localhost"))
            #expect(sameOrigin.status == .created, "\(sameOrigin.json.jsonText)")
            let noOrigin = try await c.call(.post, "/api/v1/patients", body: .object(["pseudonym": "C-2", "sex": "male", "status": "alive"]),
                                            headers: Self.browser(s, csrfHeader: s.csrf))
            #expect(noOrigin.status == .created)
            // Bearer requests are not affected.
            let bearer = try await c.call(.post, "/api/v1/patients", token: s.token,
                                          body: .object(["pseudonym": "C-3", "sex": "male", "status": "alive"]))
            #expect(bearer.status == .created)
            #expect(try await c.call(.get, "/api/v1/patients", headers: Self.browser(s))["total"]?.int == 3)
        }
    }

    @Test(arguments: ServerBackend.available)
    func logoutRevokesTheSessionAndClearsBothCookies(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let s = try await Self.login(c)
            // Logout is a change too: without the header it is refused and the session lives on.
            #expect(try await c.call(.post, "/api/v1/auth/logout", headers: Self.browser(s)).status == .forbidden)
            #expect(try await c.call(.get, "/api/v1/patients", headers: Self.browser(s)).status == .ok)

            let out = try await c.call(.post, "/api/v1/auth/logout", headers: Self.browser(s, csrfHeader: s.csrf))
            #expect(out.status == .noContent)
            let cleared = out.headers[values: .setCookie].compactMap(SetCookie.init)
            #expect(Set(cleared.map(\.name)) == ["ossify_session", "ossify_csrf"])
            for cookie in cleared {
                #expect(cookie.value.isEmpty, "\(cookie.name)")
                #expect(cookie.attributes["max-age"] == "0", "\(cookie.name)")
                #expect(cookie.attributes["path"] == "/", "\(cookie.name)")
            }
            #expect(try await c.call(.get, "/api/v1/patients", headers: Self.browser(s)).status == .unauthorized)
            #expect(try await c.call(.get, "/api/v1/patients", token: s.token).status == .unauthorized)
            // A stale cookie does not stand in the way of signing in again.
            let again = try await Self.login(c, headers: Self.browser(s))
            #expect(try await c.call(.get, "/api/v1/patients", headers: Self.browser(again)).status == .ok)
        }
    }

    @Test(arguments: ServerBackend.available)
    func expiredSessionsAreRefusedAsWithTheBearerToken(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let store = env.store
        try await env.test { c in
            let user = try #require(try await store.credentials(username: "clin-a")?.user)
            let token = Tokens.make()
            _ = try await store.createSession(tokenHash: Tokens.hash(token), user: user, lifetime: .seconds(-1))
            let expired = Session(token: token, csrf: SessionCookies.csrfToken(for: token), cookies: [:])
            #expect(try await c.call(.get, "/api/v1/patients", headers: Self.browser(expired)).status == .unauthorized)
            #expect(try await c.call(.get, "/api/v1/patients", token: token).status == .unauthorized)
            let write = try await c.call(.post, "/api/v1/patients", body: Self.newPatient,
                                         headers: Self.browser(expired, csrfHeader: expired.csrf))
            #expect(write.status == .unauthorized)
        }
    }

    @Test func originMustNameThisServer() {
        #expect(CSRFCheck.sameHost(origin: "http://localhost", host: "localhost"))
        #expect(CSRFCheck.sameHost(origin: "https://registry.example.org", host: "registry.example.org:443"))
        #expect(CSRFCheck.sameHost(origin: "http://127.0.0.1:8080", host: "127.0.0.1:8080"))
        #expect(CSRFCheck.sameHost(origin: "HTTP://LocalHost", host: "localhost:80"))
        #expect(!CSRFCheck.sameHost(origin: "http://127.0.0.1:8081", host: "127.0.0.1:8080"))
        #expect(!CSRFCheck.sameHost(origin: "https://registry.example.org.evil.example", host: "registry.example.org"))
        #expect(!CSRFCheck.sameHost(origin: "null", host: "localhost"))
        #expect(!CSRFCheck.sameHost(origin: "http://", host: ""))
    }
}
