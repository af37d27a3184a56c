import Composition
import Hummingbird
import Registry

/// `/login` (the form and the sign-in), `/logout`, `/account/password`: the session cookie and the
/// login throttle of the API, through `SignInService`.
struct SignInPages {
    let signIn: SignInService
    let cookies: SessionCookies
    let hasher: PasswordHasher
    let renderer: PageRenderer

    var store: RegistryStore { signIn.store }

    struct LoginView: Sendable {
        var username = ""
        var error: String?
        var notice: String?
    }

    struct PasswordView: Sendable {
        var fields: [FormFieldView]
        var done = false
        var problem: String?
    }

    func register(_ pages: PageRouter) {
        pages.getPublic("/login") { request, context -> Response in
            if context.principal != nil { return PageRenderer.redirect("/") }
            let notice = request.uri.queryParameters.get("signed-out") != nil ? "You have signed out." : nil
            return renderer.response("login", LoginView(notice: notice), chrome: Chrome(title: "Sign in"))
        }
        pages.postPublic("/login") { request, context -> Response in
            try await login(request, context)
        }
        pages.postPublic("/logout") { _, context -> Response in
            if let who = context.principal, let hash = context.tokenHash { try await store.revokeSession(tokenHash: hash, by: who) }
            var response = PageRenderer.redirect("/login?signed-out=1")
            for cookie in cookies.cleared() { response.setCookie(cookie) }
            return response
        }
        pages.get("/account/password", roles: [.admin, .clinician, .researcher]) { request, context, session -> Response in
            return renderer.response("password", PasswordView(fields: Self.passwordFields([:])), chrome: session.chrome("Change password"))
        }
        pages.post("/account/password", roles: [.admin, .clinician, .researcher]) { request, context, session -> Response in
            return try await changePassword(request, context, session)
        }
    }

    func login(_ request: Request, _ context: RegistryRequestContext) async throws -> Response {
        // No session yet, so no CSRF token: another site's form signing the browser in to an
        // account of its choosing is refused by its Origin.
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? request.headers[CSRFCheck.hostHeader]
            guard let host, CSRFCheck.sameHost(origin: origin, host: host) else {
                throw CSRFCheck.forbidden("the Origin header does not name this server")
            }
        }
        let form = try await FormBody.read(request)
        let username = form.text("username") ?? ""
        let password = form["password"] ?? ""
        var view = LoginView(username: username)
        guard !username.isEmpty, !password.isEmpty else {
            view.error = "Enter your username and your password."
            return renderer.response("login", view, chrome: Chrome(title: "Sign in"), status: .unprocessableContent)
        }
        do {
            let session = try await signIn.signIn(username: username, password: password, address: context.clientAddress)
            var response = PageRenderer.redirect("/")
            for cookie in cookies.issued(token: session.token) { response.setCookie(cookie) }
            return response
        } catch let problem as Problem {
            view.error = switch problem.status {
            case .unauthorized: "Unknown username or wrong password."
            case .tooManyRequests: "Too many failed sign-ins. Try again in \(problem.headers[.retryAfter] ?? "a few") seconds."
            default: "The server is busy. Try again in a moment."
            }
            var response = renderer.response("login", view, chrome: Chrome(title: "Sign in"), status: problem.status)
            if let retry = problem.headers[.retryAfter] { response.headers[.retryAfter] = retry }
            return response
        }
    }

    static func passwordFields(_ errors: [String: String]) -> [FormFieldView] {
        [("current", "Current password", "current-password"), ("new", "New password", "new-password"),
         ("confirm", "New password again", "new-password")].map { name, label, autocomplete in
            FormFieldView(name: name, label: label, control: .input(type: "password", inputMode: nil), error: errors[name],
                          hint: name == "new" ? "At least \(PasswordPolicy.minimumLength) characters." : nil,
                          required: true, formID: "password", autocomplete: autocomplete)
        }
    }

    func changePassword(_ request: Request, _ context: RegistryRequestContext, _ session: PageSession) async throws -> Response {
        let form = try await FormBody.read(request)
        let current = form["current"] ?? "", new = form["new"] ?? "", confirm = form["confirm"] ?? ""
        var problems = FieldErrors(PasswordPolicy.problems(new, field: "new"))
        if new != confirm { problems.byField["confirm"] = problems.byField["confirm"] ?? "does not match the new password" }
        if current.isEmpty { problems.byField["current"] = "is required" }
        if problems.byField.isEmpty {
            do {
                _ = try await signIn.check(username: session.principal.username, password: current, address: context.clientAddress)
            } catch let problem as Problem {
                if problem.status == .unauthorized { problems.byField["current"] = "is not your password" }
                else { problems.byField["current"] = problem.detail ?? problem.title }
            }
        }
        guard problems.byField.isEmpty, let userID = session.principal.userID else {
            let view = PasswordView(fields: Self.passwordFields(problems.byField), problem: "The password was not changed.")
            return renderer.response("password", view, chrome: session.chrome("Change password"), status: .unprocessableContent)
        }
        try await store.setPassword(userID: userID, passwordHash: try await hasher.hash(new), keeping: context.tokenHash, by: session.principal)
        return renderer.response("password", PasswordView(fields: Self.passwordFields([:]), done: true), chrome: session.chrome("Change password"))
    }
}
