import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// The sign-in, sign-out and password pages, the static files and the headers of every response.
@Suite("Pages: sign-in and foundation")
struct PageSignInTests {
    @Test func theLoginPageIsAFormWithTheSecurityHeaders() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let page = try await PageBrowser(c).get("/login")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.body.contains(#"<form method="post" action="/login""#))
            #expect(page.body.contains(#"name="username""#) && page.body.contains(#"name="password""#))
            #expect(page.body.contains(#"<link rel="stylesheet" href="/static/ossify.css">"#))
            PageChecks.securityHeaders(page, "/login")
            PageChecks.noInlineCode(page, "/login")
            // The API's answers carry the headers too.
            let health = try await c.call(.get, "/api/v1/health")
            #expect(health.headers[HTTPFields.Element.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test func pagesSendBrowsersWithoutASessionToTheLoginPage() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let browser = PageBrowser(c)
            for uri in ["/", "/patients/new", "/patients/1", "/visits/1", "/account/password"] {
                let page = try await browser.get(uri)
                #expect(page.status == .seeOther, "\(uri)")
                #expect(page.location == "/login", "\(uri)")
            }
        }
    }

    @Test func signingInSetsTheSessionCookiesAndShowsTheUserAndTheExpiry() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Signed in as <strong>clin-a</strong> (clinician)"))
            #expect(home.body.contains(#"id="session-expiry""#) && home.body.contains(" UTC</time>"))
            #expect(home.body.contains(#"action="/logout""#))
            #expect(home.body.contains(#"<input type="hidden" name="csrf" value="\#(browser.csrf ?? "")">"#))
            // Signed in, the login page sends the browser on.
            #expect(try await browser.get("/login").location == "/")
        }
    }

    @Test func aRefusedSignInDoesNotTellWhetherTheUsernameExists() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let browser = PageBrowser(c)
            let wrong = try await browser.post("/login", [("username", "clin-a"), ("password", "not the password")])
            let unknown = try await browser.post("/login", [("username", "nobody-here"), ("password", "not the password")])
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.body.contains("Unknown username or wrong password."))
            #expect(unknown.body.replacing("nobody-here", with: "clin-a") == wrong.body)
            #expect(wrong.body.contains(#"value="clin-a""#), "the username is kept")
            #expect(!wrong.body.contains("not the password"), "the password is never echoed")
            #expect(wrong.headers[.setCookie] == nil)
            let crossSite = try await browser.post("/login", [("username", "clin-a"), ("password", TestEnvironment.password)],
                                                   origin: "https://evil.example")
            #expect(crossSite.status == .forbidden && crossSite.headers[.setCookie] == nil, "login CSRF")
            #expect(try await browser.post("/login", [("username", "clin-a"), ("password", TestEnvironment.password)],
                                           origin: "http://localhost").status == .seeOther)
            let empty = try await browser.post("/login", [("username", ""), ("password", "")])
            #expect(empty.status == .unprocessableContent)
        }
    }

    @Test func theLoginThrottleAppliesToTheForm() async throws {
        let policy = LoginThrottle.Policy(freePerPair: 1, freePerAddress: 100, freePerUsername: 100, maxDelay: 60, baseDelay: 30)
        let env = try await TestEnvironment.make(settings: ServerSettings(bcryptCost: 4, logLevel: .error, loginThrottle: policy))
        try await env.test { c in
            let browser = PageBrowser(c)
            _ = try await browser.post("/login", [("username", "clin-a"), ("password", "wrong password 1")])
            _ = try await browser.post("/login", [("username", "clin-a"), ("password", "wrong password 2")])
            let throttled = try await browser.post("/login", [("username", "clin-a"), ("password", TestEnvironment.password)])
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.body.contains("Too many failed sign-ins"))
            #expect(throttled.headers[.retryAfter] != nil)
        }
    }

    @Test func signingOutNeedsTheTokenAndEndsTheSession() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "researcher")
            #expect(try await browser.post("/logout", [], csrf: .none).status == .forbidden)
            #expect(try await browser.post("/logout", [], csrf: .value(String(repeating: "0", count: 64))).status == .forbidden)
            #expect(try await browser.post("/logout", [], origin: "https://evil.example").status == .forbidden)
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther)
            #expect(out.location == "/login?signed-out=1")
            #expect(out.headers[values: .setCookie].allSatisfy { $0.contains("Max-Age=0") })
            #expect(try await browser.get("/").location == "/login", "the session is revoked")
        }
    }

    @Test func usersChangeTheirOwnPassword() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let form = try await browser.get("/account/password")
            #expect(form.status == .ok)
            for name in ["current", "new", "confirm"] { #expect(form.body.contains(#"name="\#(name)""#)) }
            #expect(try await browser.post("/account/password", [("current", TestEnvironment.password), ("new", "a new long password"),
                                                                  ("confirm", "a new long password")], csrf: .none).status == .forbidden)
            let wrong = try await browser.post("/account/password", [("current", "not it"), ("new", "a new long password"),
                                                                      ("confirm", "a new long password")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("is not your password"))
            let short = try await browser.post("/account/password", [("current", TestEnvironment.password), ("new", "short"), ("confirm", "other")])
            #expect(short.body.contains("must be at least 12 characters") && short.body.contains("does not match the new password"))
            let done = try await browser.post("/account/password", [("current", TestEnvironment.password), ("new", "a new long password"),
                                                                     ("confirm", "a new long password")])
            #expect(done.status == .ok)
            #expect(done.body.contains(#"id="password-changed""#))
            #expect(try await browser.get("/").status == .ok, "the current session stays")
            _ = try await PageBrowser.signIn(c, "clin-a", password: "a new long password")
        }
    }

    @Test func staticFilesAreServedWithCachingHeaders() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let browser = PageBrowser(c)
            let css = try await browser.get("/static/ossify.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=86400")
            let etag = try #require(css.headers[.eTag])
            #expect(css.body.contains(":focus"))
            let js = try await browser.get("/static/hpo-autocomplete.js")
            #expect(js.status == .ok && js.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(!js.body.contains("innerHTML"), "server texts are set as text only")
            let again = try await c.client.execute(uri: "/static/ossify.css", method: .get, headers: [.ifNoneMatch: etag], body: nil) { $0.status }
            #expect(again == .notModified)
            #expect(try await browser.get("/static/nothing.js").status == .notFound)
            let head = try await c.client.execute(uri: "/static/ossify.css", method: .head, headers: [:], body: nil) { $0 }
            #expect(head.status == .ok && head.headers[.eTag] == etag && head.body.readableBytes == 0)
        }
    }

    @Test func everyTemplateCompiles() throws {
        let renderer = try PageRenderer()
        for name in PageTemplates.all.keys { #expect(renderer.library.getTemplate(named: name) != nil, "\(name)") }
    }
}
