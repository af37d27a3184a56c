import FoundationEssentials
import Hummingbird
import HummingbirdTesting
import Registry
@testable import Server
import Testing

/// A browser without scripts over the router test client: it keeps the session cookies it was
/// given and posts URL-encoded forms with the session's CSRF token in the `csrf` field.
struct PageBrowser: Sendable {
    struct Page: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String

        var location: String? { headers[.location] }

        /// The value of the hidden `version` field of the form posting to `action`.
        func version(of action: String) -> String? {
            guard let form = body.range(of: "action=\"\(action)\"") else { return nil }
            let rest = body[form.upperBound...]
            guard let field = rest.range(of: "name=\"version\" value=\"") else { return nil }
            return String(rest[field.upperBound...].prefix { $0 != "\"" })
        }
    }

    let client: any TestClientProtocol
    var token: String?
    var csrf: String?

    init(_ client: Client) {
        self.client = client.client
    }

    var cookieHeader: String? {
        guard let token else { return nil }
        return "ossify_session=\(token)" + (csrf.map { "; ossify_csrf=\($0)" } ?? "")
    }

    func get(_ uri: String) async throws -> Page {
        var headers: HTTPFields = [.accept: "text/html"]
        if let cookie = cookieHeader { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers, body: nil) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    /// Posts `fields` as a form; the session's token goes in the `csrf` field unless `csrf` says otherwise
    /// (`.none`: no field; `.value(x)`: x).
    func post(_ uri: String, _ fields: [(String, String)], csrf token: CSRFField = .session, origin: String? = nil) async throws -> Page {
        var pairs = fields
        switch token {
        case .session: if let csrf { pairs.append(("csrf", csrf)) }
        case .none: break
        case .value(let v): pairs.append(("csrf", v))
        }
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
        if let cookie = cookieHeader { headers[.cookie] = cookie }
        if let origin { headers[.origin] = origin }
        let body = pairs.map { PatientListQuery.escape($0.0) + "=" + PatientListQuery.escape($0.1) }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    enum CSRFField: Sendable {
        case session, none
        case value(String)
    }

    /// Signs in through the `/login` form and keeps the cookies it sets.
    static func signIn(_ client: Client, _ username: String, password: String = TestEnvironment.password) async throws -> PageBrowser {
        var browser = PageBrowser(client)
        let page = try await browser.post("/login", [("username", username), ("password", password)])
        try #require(page.status == .seeOther, "sign-in of \(username) answered \(page.status)")
        for header in page.headers[values: .setCookie] {
            let first = header.split(separator: ";")[0]
            let pair = first.split(separator: "=", maxSplits: 1).map(String.init)
            if pair[0] == "ossify_session" { browser.token = pair[1] }
            if pair[0] == "ossify_csrf" { browser.csrf = pair[1] }
        }
        try #require(browser.token != nil && browser.csrf != nil)
        return browser
    }
}

/// Checks shared by the page tests.
enum PageChecks {
    /// The security headers every response carries.
    static func securityHeaders(_ page: PageBrowser.Page, _ what: String) {
        #expect(page.headers[HTTPFields.Element.Name("Content-Security-Policy")!] == SecurityHeadersMiddleware<RegistryRequestContext>.contentSecurityPolicy, "\(what)")
        #expect(!(page.headers[HTTPFields.Element.Name("Content-Security-Policy")!] ?? "").contains("unsafe-inline"), "\(what)")
        #expect(page.headers[HTTPFields.Element.Name("X-Content-Type-Options")!] == "nosniff", "\(what)")
        #expect(page.headers[HTTPFields.Element.Name("Referrer-Policy")!] == "same-origin", "\(what)")
    }

    /// No inline script, handler or style attribute anywhere in the page (the CSP would block them).
    static func noInlineCode(_ page: PageBrowser.Page, _ what: String) {
        let lower = page.body.lowercased()
        #expect(!lower.contains("<script>") && !lower.contains("<script >"), "\(what): an inline script")
        #expect(!lower.contains(" style=\""), "\(what): an inline style")
        // Attribute values (quoted; a quote inside one is always escaped) are left out: an escaped
        // " onerror=" inside a value is text.
        let unquoted = lower.replacing(/"[^"]*"/, with: "\"\"")
        #expect(!unquoted.contains(/<[^>]*\son[a-z]+\s*=/), "\(what): an inline handler")
    }
}
