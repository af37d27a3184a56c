import Composition
import Hummingbird
import Registry

/// `/admin` (admins): users (create, activate or deactivate, reset password), sites (create) and
/// `/admin/audit`, the audit log with filters. The same checks as the admin API.
struct AdminPages {
    let store: RegistryStore
    let hasher: PasswordHasher
    let renderer: PageRenderer

    static let auditPageSize = 50

    func register(_ pages: PageRouter) {
        pages.get("/admin", roles: [.admin]) { request, context, session -> Response in
            let notice: String? = switch request.uri.queryParameters.get("done") {
            case "user": "The user was created."
            case "site": "The site was created."
            case "active": "The account was updated (a deactivated account's sessions are ended)."
            case "password": "The password was reset and the user's sessions were ended."
            default: nil
            }
            return try await home(session, AdminHomeView(users: try await store.users(), sites: try await store.sites(), notice: notice))
        }
        pages.post("/admin/users", roles: [.admin]) { request, context, session -> Response in
            let who = session.principal
            let form = try await FormBody.read(request)
            let values = ["username": form.text("username") ?? "", "role": form.text("role") ?? "", "site": form.text("site") ?? ""]
            do {
                _ = try await AccountService(store: store, hasher: hasher)
                    .createUser(username: form.text("username") ?? "", password: form["password"] ?? "",
                                role: form.text("role"), siteCode: form.text("site"), by: who)
                return PageRenderer.redirect("/admin?done=user")
            } catch {
                guard let errors = FieldErrors(refusal: error, conflictField: "username") else { throw error }
                return try await home(session, AdminHomeView(users: try await store.users(), sites: try await store.sites(), userValues: values,
                                                             userErrors: errors), status: .unprocessableContent)
            }
        }
        pages.post("/admin/users/:id/active", roles: [.admin]) { request, context, session -> Response in
            let who = session.principal
            let form = try await FormBody.read(request)
            guard let active = form["active"].flatMap({ $0 == "true" ? true : $0 == "false" ? false : nil }) else {
                throw Problem.badRequest("invalid form", [FieldProblem("active", "must be true or false")])
            }
            _ = try await store.setUserActive(try Paths.id(context), active: active, by: who)
            return PageRenderer.redirect("/admin?done=active")
        }
        pages.post("/admin/users/:id/password", roles: [.admin]) { request, context, session -> Response in
            let who = session.principal
            let id = try Paths.id(context)
            let password = try await FormBody.read(request)["password"] ?? ""
            let problems = PasswordPolicy.problems(password)
            guard problems.isEmpty else { throw Problem.invalid(problems) }
            try await store.setPassword(userID: id, passwordHash: try await hasher.hash(password), keeping: nil, by: who)
            return PageRenderer.redirect("/admin?done=password")
        }
        pages.post("/admin/sites", roles: [.admin]) { request, context, session -> Response in
            let who = session.principal
            let form = try await FormBody.read(request)
            let values = ["code": form.text("code") ?? "", "name": form.text("name") ?? ""]
            do {
                _ = try await AccountService(store: store, hasher: hasher).createSite(code: values["code"] ?? "", name: values["name"] ?? "", by: who)
                return PageRenderer.redirect("/admin?done=site")
            } catch {
                guard let errors = FieldErrors(refusal: error, conflictField: "code") else { throw error }
                return try await home(session, AdminHomeView(users: try await store.users(), sites: try await store.sites(), siteValues: values,
                                                             siteErrors: errors), status: .unprocessableContent)
            }
        }
        pages.get("/admin/audit", roles: [.admin]) { request, context, session -> Response in
            return try await audit(request, session)
        }
    }

    func home(_ session: PageSession, _ view: AdminHomeView, status: HTTPResponse.Status = .ok) async throws -> Response {
        renderer.response("admin-home", view, chrome: session.chrome("Administration", current: "/admin"), status: status)
    }

    func audit(_ request: Request, _ session: PageSession) async throws -> Response {
        let who = session.principal
        let params = request.uri.queryParameters
        var values: [String: String] = [:]
        for name in ["user", "patient", "entity", "action", "page"] {
            if let v = params.get(name), !v.isEmpty { values[name] = String(v) }
        }
        var problems: [FieldProblem] = []
        var filter = AuditFilter()
        if let u = values["user"] { if let id = Canonical.positiveID(u) { filter.userID = id } else { problems.append(FieldProblem("user", "must be a user")) } }
        if let p = values["patient"] {
            if let id = Canonical.positiveID(p) { filter.patientID = id } else { problems.append(FieldProblem("patient", "must be a record id")) }
        }
        filter.entity = PatientListQuery.enumValue("entity", EntityKind.self, values, &problems)
        filter.action = PatientListQuery.enumValue("action", AuditAction.self, values, &problems)
        var page = Page(limit: Self.auditPageSize)
        if let p = values["page"] {
            if let n = Canonical.positiveID(p), n <= 1_000_000 { page.offset = Int(n - 1) * Self.auditPageSize }
            else { problems.append(FieldProblem("page", "must be a page number from 1")) }
        }
        var entries: [AuditLogView.Entry] = []
        var total = 0
        if problems.isEmpty {
            let listing = try await AdminRoutes.readAudit(filter, page: page, store: store, by: who)
            total = listing.total
            entries = listing.items.map { e in
                AuditLogView.Entry(id: String(e.id), at: PageSession.readable(e.at), username: e.username ?? "-", action: e.action.rawValue,
                                   entity: e.entity.rawValue, record: e.recordID ?? "-", patient: e.patientID.map(String.init) ?? "-")
            }
        }
        let users = try await store.users()
        let errors = FieldErrors(problems).byField
        func select(_ name: String, _ label: String, _ choices: [(value: String, label: String)]) -> FormFieldView {
            FormFieldView(name: name, label: label, control: .select([(value: "", label: "any")] + choices), value: values[name] ?? "",
                          error: errors[name], formID: "audit")
        }
        let filters = [
            select("user", "User", users.map { (value: String($0.id), label: $0.username) }),
            FormFieldView(name: "patient", label: "Patient record id", control: .input(type: "text", inputMode: "numeric"),
                          value: values["patient"] ?? "", error: errors["patient"], formID: "audit"),
            select("entity", "Entity", EntityKind.allCases.map { (value: $0.rawValue, label: $0.rawValue) }),
            select("action", "Action", AuditAction.allCases.map { (value: $0.rawValue, label: $0.rawValue) }),
        ]
        let number = page.offset / Self.auditPageSize + 1
        func href(_ n: Int) -> String {
            var query = values.filter { $0.key != "page" }.sorted { $0.key < $1.key }.map { "\($0.key)=\(PatientListQuery.escape($0.value))" }
            if n > 1 { query.append("page=\(n)") }
            return "/admin/audit" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }
        let view = AuditLogView(filters: filters, entries: entries,
                                summary: "\(total) entr\(total == 1 ? "y" : "ies")" + (entries.isEmpty ? "" : ", showing \(page.offset + 1) to \(page.offset + entries.count)"),
                                previous: number > 1 ? href(number - 1) : nil, next: page.offset + entries.count < total ? href(number + 1) : nil,
                                problems: problems.map { "\($0.field): \($0.reason)" }, hasProblems: !problems.isEmpty)
        return renderer.response("audit-log", view, chrome: session.chrome("Audit log", current: "/admin/audit"),
                                 status: problems.isEmpty ? .ok : .badRequest)
    }
}
