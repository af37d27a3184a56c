import Hummingbird
import HummingbirdAuth
import Registry

/// Reads the session token - `Authorization: Bearer <token>` (API clients) or else the
/// `ossify_session` cookie (the pages) - and, for a live session, puts the principal in the
/// context. Both name the same session store, with the same expiry and revocation.
///
/// A bearer token that names no live session is answered 401 at once; a cookie that names none is
/// ignored (the request goes on unauthenticated, so a stale cookie cannot block signing in again).
/// A change authenticated by the cookie must also pass `CSRFCheck`, or it is answered 403 before
/// any route runs (a page's form may send the token in its `csrf` field). Requests without either go on unauthenticated; routes decide with
/// `context.require`.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext
    let store: RegistryStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let bearer = request.headers.bearer {
            let hash = Tokens.hash(bearer.token)
            guard let principal = try await store.principal(tokenHash: hash) else { throw Problem.unauthenticated }
            context.principal = principal
            context.tokenHash = hash
        } else if let token = request.cookies[SessionCookies.session]?.value, !token.isEmpty {
            let hash = Tokens.hash(token)
            if let principal = try await store.principal(tokenHash: hash) {
                if CSRFCheck.needed(request.method) {
                    // A page's form carries the token in a field: the body is read here once and
                    // stays readable for the route.
                    var formToken: String?
                    if CSRFCheck.acceptsFormToken(request) {
                        let buffer = try await request.collectBody(upTo: FormBody.maxSize)
                        formToken = FormBody(String(buffer: buffer))[FormBody.csrfField] ?? ""
                    }
                    if let refusal = CSRFCheck.refusal(request, sessionToken: token, formToken: formToken) { throw refusal }
                }
                context.principal = principal
                context.tokenHash = hash
            }
        }
        return try await next(request, context)
    }
}
