import Hummingbird
import HummingbirdAuth
import Registry

/// Reads `Authorization: Bearer <token>` and, for a live session, puts the principal in the
/// context. Requests without one go on unauthenticated; routes decide with `context.require`.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext
    let store: RegistryStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let bearer = request.headers.bearer {
            let hash = Tokens.hash(bearer.token)
            guard let principal = try await store.principal(tokenHash: hash) else { throw Problem.unauthenticated }
            context.principal = principal
            context.tokenHash = hash
        }
        return try await next(request, context)
    }
}
