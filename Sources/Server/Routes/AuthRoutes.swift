import Hummingbird
import Registry
import FoundationEssentials

/// POST /auth/login and /auth/logout. Login answers the bearer token and also sets the session
/// cookies of the pages (`SessionCookies`); logout revokes the token and clears them.
struct AuthRoutes {
    let signIn: SignInService
    let cookies: SessionCookies

    var store: RegistryStore { signIn.store }

    func register(_ api: APIRoutes) {
        api.addPublic(.post, "/api/v1/auth/login", "Sign in; answers a bearer token and sets the session cookies ossify_session and ossify_csrf", tag: "auth",
                request: "Login", response: "Token") { request, context in
            try await login(request, context)
        }
        api.add(.post, "/api/v1/auth/logout", "Revoke the session token and clear the session cookies", tag: "auth", roles: Role.allCases,
                status: 204) { _, context, who in
            if let hash = context.tokenHash { try await store.revokeSession(tokenHash: hash, by: who) }
            var response = Response(status: .noContent)
            for cookie in cookies.cleared() { response.setCookie(cookie) }
            return response
        }
    }

    func login(_ request: Request, _ context: RegistryRequestContext) async throws -> Response {
        let body = try await JSONIO.object(request, context: context)
        var problems: [FieldProblem] = []
        let username = body["username"]?.stringValue
        let password = body["password"]?.stringValue
        if username?.isEmpty ?? true { problems.append(FieldProblem("username", "is required")) }
        if password?.isEmpty ?? true { problems.append(FieldProblem("password", "is required")) }
        guard problems.isEmpty, let username, let password else { throw Problem.invalid(problems) }
        let session = try await signIn.signIn(username: username, password: password, address: context.clientAddress)
        var response = JSONIO.response(.object([
            "token": .string(session.token),
            "expiresAt": .string(session.expires.formatted(.iso8601)),
            "role": .string(session.user.role.rawValue),
        ]))
        for cookie in cookies.issued(token: session.token) { response.setCookie(cookie) }
        return response
    }
}
