import Hummingbird
import Registry

/// The page routes' one authorisation point, as `APIRoutes.add` is the API's: a page declares its
/// roles once, here. Without a session the browser is sent to `/login`; with another role the
/// answer is the 403 error page; the handler runs only for a session of one of the roles.
struct PageRouter {
    let group: RouterGroup<RegistryRequestContext>
    let store: RegistryStore

    typealias Handler = @Sendable (Request, RegistryRequestContext, PageSession) async throws -> Response

    func get(_ path: RouterPath, roles: [Role], _ handler: @escaping Handler) {
        group.get(path, use: guarded(roles, handler))
    }

    func post(_ path: RouterPath, roles: [Role], _ handler: @escaping Handler) {
        group.post(path, use: guarded(roles, handler))
    }

    /// A page anyone may reach (sign-in, sign-out).
    func getPublic(_ path: RouterPath, _ handler: @escaping @Sendable (Request, RegistryRequestContext) async throws -> Response) {
        group.get(path, use: handler)
    }

    func postPublic(_ path: RouterPath, _ handler: @escaping @Sendable (Request, RegistryRequestContext) async throws -> Response) {
        group.post(path, use: handler)
    }

    private func guarded(_ roles: [Role], _ handler: @escaping Handler) -> @Sendable (Request, RegistryRequestContext) async throws -> Response {
        let store = store
        return { request, context in
            guard let session = try await PageSession.of(request, context, store: store) else { return PageRenderer.redirect("/login") }
            guard roles.contains(session.role) else {
                throw Problem(status: .forbidden, title: "Forbidden",
                              detail: "this page needs the role \(roles.map(\.rawValue).joined(separator: " or ")); you are \(session.role.rawValue)")
            }
            return try await handler(request, context, session)
        }
    }
}
