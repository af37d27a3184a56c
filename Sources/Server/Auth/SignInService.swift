import Composition
import FoundationEssentials
import Hummingbird
import Registry

/// Checks a username and password under the login throttle and the bounded bcrypt queue, and opens
/// sessions: one path for the API's `POST /auth/login` and the sign-in page. Refusals are problems
/// whose texts never say whether the username exists.
struct SignInService: Sendable {
    let store: RegistryStore
    let hasher: PasswordHasher
    let throttle: SharedLoginThrottle
    let checks: PasswordCheckQueue
    let sessionLifetime: Duration
    /// A bcrypt hash of a random string, checked for unknown usernames so they take as long.
    let decoyHash: String

    /// The wording of every refused password, whether or not the username exists.
    static let refusal = "unknown username or wrong password"

    /// The active account whose password this is; 401, 429 or 503 problems otherwise. Failures are
    /// counted and audited.
    func check(username: String, password: String, address: String) async throws -> User {
        if case .reject(let seconds) = try await throttle.attempt(username, from: address) {
            throw Problem(status: .tooManyRequests, title: "Too Many Requests",
                          detail: "too many failed sign-ins; try again later", headers: [.retryAfter: String(seconds)])
        }
        let found = try await store.credentials(username: username)
        let known = try await throttle.isKnown(username, at: address)
        let hash = found?.passwordHash ?? decoyHash
        guard let ok = try await checks.run(priority: known, { try await hasher.verify(password, hash: hash) }) else {
            throw Problem(status: .serviceUnavailable, title: "Service Unavailable",
                          detail: "too many sign-ins at once; try again shortly", headers: [.retryAfter: "1"])
        }
        guard ok, let user = found?.user, user.active else {
            try await throttle.failed(username, from: address)
            // An unknown username is not written down: it may be a password typed in the wrong field.
            try await store.recordAudit(Principal(userID: found?.user.id, username: found == nil ? "(unknown username)" : username,
                                                  role: found?.user.role ?? .researcher, siteID: nil),
                                        .loginFailed, .session, record: nil, patient: nil)
            throw Problem(status: .unauthorized, title: "Unauthorized", detail: Self.refusal,
                          headers: [.wwwAuthenticate: "Bearer"])
        }
        try await throttle.succeeded(username, from: address)
        return user
    }

    /// Checks the password and opens a session: the new token and when it expires.
    func signIn(username: String, password: String, address: String) async throws -> (token: String, expires: Date, user: User) {
        let user = try await check(username: username, password: password, address: address)
        let token = Tokens.make()
        let expires = try await store.createSession(tokenHash: Tokens.hash(token), user: user, lifetime: sessionLifetime)
        return (token, expires, user)
    }
}
