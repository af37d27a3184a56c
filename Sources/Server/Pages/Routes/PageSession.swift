import Hummingbird
import Registry

/// The signed-in user of a page request, the session's CSRF token for its forms and when the
/// session ends: what the layout shows and the page routes check roles against.
struct PageSession: Sendable {
    let principal: Principal
    let csrf: String
    /// The session's `expires_at`, ISO 8601 UTC.
    let expiresAt: String?

    /// The session of a page request; nil without one (the route sends the browser to `/login`).
    static func of(_ request: Request, _ context: RegistryRequestContext, store: RegistryStore) async throws -> PageSession? {
        guard let principal = context.principal else { return nil }
        let csrf = request.cookies[SessionCookies.session].map { SessionCookies.csrfToken(for: $0.value) } ?? ""
        var expires: String?
        if let hash = context.tokenHash { expires = try await store.sessionExpiry(tokenHash: hash) }
        return PageSession(principal: principal, csrf: csrf, expiresAt: expires)
    }

    var role: Role { principal.role }

    /// The layout's view of this session, with the navigation of the role.
    func chrome(_ title: String, current: String? = nil, scripts: [String] = []) -> Chrome {
        var items: [(String, String)] = []
        switch principal.role {
        case .clinician: items = [("/", "Patients"), ("/patients/new", "New patient"), ("/exchange", "Exchange")]
        case .researcher: items = [("/", "Patients (pseudonymised)"), ("/exchange", "Exchange")]
        case .admin: items = [("/admin", "Administration"), ("/admin/audit", "Audit log")]
        }
        return Chrome(title: title, signedIn: true, username: principal.username, role: principal.role.rawValue,
                      expires: expiresAt.map(Self.readable), expiresISO: expiresAt, csrf: csrf,
                      nav: items.map { Chrome.NavItem(href: $0.0, label: $0.1, current: $0.0 == current) }, scripts: scripts)
    }

    /// "2026-12-06T14:00:00Z" -> "2026-12-06 14:00 UTC".
    static func readable(_ timestamp: String) -> String {
        guard timestamp.count >= 16 else { return timestamp }
        return String(timestamp.prefix(10)) + " " + String(timestamp.dropFirst(11).prefix(5)) + " UTC"
    }
}
