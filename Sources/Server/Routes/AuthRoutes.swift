import Hummingbird
import Registry
import FoundationEssentials

/// POST /auth/login and /auth/logout. Login answers the bearer token and also sets the session
/// cookies of the pages (`SessionCookies`); logout revokes the token and clears them.
struct AuthRoutes {
    let store: RegistryStore
    let hasher: PasswordHasher
    let throttle: LoginThrottleActor
    let checks: PasswordCheckQueue
    let sessionLifetime: Duration
    let cookies: SessionCookies
    /// A bcrypt hash of a random string, checked for unknown usernames so they take as long.
    let decoyHash: String

    func register(_ api: APIRoutes) {
        api.add(.post, "/api/v1/auth/login", "Sign in; answers a bearer token and sets the session cookies ossify_session and ossify_csrf", tag: "auth", roles: nil,
                request: "Login", response: "Token") { request, context in
            try await login(request, context)
        }
        api.add(.post, "/api/v1/auth/logout", "Revoke the session token and clear the session cookies", tag: "auth", roles: Role.allCases,
                status: 204) { _, context in
            let who = try context.require(.admin, .clinician, .researcher)
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

        let address = context.clientAddress
        if case .reject(let seconds) = await throttle.attempt(username, from: address) {
            throw Problem(status: .tooManyRequests, title: "Too Many Requests",
                          detail: "too many failed sign-ins; try again later", headers: [.retryAfter: String(seconds)])
        }
        let found = try await store.credentials(username: username)
        let known = await throttle.isKnown(username, at: address)
        let hash = found?.passwordHash ?? decoyHash
        guard let ok = try await checks.run(priority: known, { try await hasher.verify(password, hash: hash) }) else {
            throw Problem(status: .serviceUnavailable, title: "Service Unavailable",
                          detail: "too many sign-ins at once; try again shortly", headers: [.retryAfter: "1"])
        }
        guard ok, let user = found?.user, user.active else {
            await throttle.failed(username, from: address)
            // An unknown username is not written down: it may be a password typed in the wrong field.
            try await store.recordAudit(Principal(userID: found?.user.id, username: found == nil ? "(unknown username)" : username,
                                                  role: found?.user.role ?? .researcher, siteID: nil),
                                        .loginFailed, .session, record: nil, patient: nil)
            throw Problem(status: .unauthorized, title: "Unauthorized", detail: "unknown username or wrong password",
                          headers: [.wwwAuthenticate: "Bearer"])
        }
        await throttle.succeeded(username, from: address)
        let token = Tokens.make()
        let expires = try await store.createSession(tokenHash: Tokens.hash(token), user: user, lifetime: sessionLifetime)
        var response = JSONIO.response(.object([
            "token": .string(token),
            "expiresAt": .string(expires.formatted(.iso8601)),
            "role": .string(user.role.rawValue),
        ]))
        for cookie in cookies.issued(token: token) { response.setCookie(cookie) }
        return response
    }
}
