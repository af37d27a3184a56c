import Composition
import Hummingbird
import Registry

/// Sites, users and the audit log: admins only.
struct AdminRoutes {
    let store: RegistryStore
    let accounts: AccountService

    func register(_ api: APIRoutes) {
        api.add(.get, "/api/v1/sites", "List sites", tag: "admin", roles: [.admin], response: "SiteList") { _, context, _ in
            return try JSONIO.response(encoding: ["items": try await store.sites()])
        }
        api.add(.post, "/api/v1/sites", "Create a site", tag: "admin", roles: [.admin], request: "NewSite",
                response: "Site", status: 201) { request, context, who in
            let body = try await JSONIO.object(request, context: context)
            let site = try await accounts.createSite(code: body["code"]?.stringValue ?? "", name: body["name"]?.stringValue ?? "", by: who)
            return try JSONIO.response(encoding: site, status: .created)
        }
        api.add(.get, "/api/v1/users", "List users", tag: "admin", roles: [.admin], response: "UserList") { _, context, _ in
            return try JSONIO.response(encoding: ["items": try await store.users()])
        }
        api.add(.post, "/api/v1/users", "Create a user", tag: "admin", roles: [.admin], request: "NewUser",
                response: "User", status: 201) { request, context, who in
            return try await createUser(request, context, who)
        }
        api.add(.patch, "/api/v1/users/{id}", "Activate or deactivate a user (deactivation revokes sessions)", tag: "admin",
                roles: [.admin], request: "UserActive", response: "User") { request, context, who in
            let id = try Paths.id(context)
            let body = try await JSONIO.object(request, context: context)
            guard case .bool(let active)? = body["active"] else {
                throw Problem.invalid([FieldProblem("active", "is required: true or false")])
            }
            return try JSONIO.response(encoding: try await store.setUserActive(id, active: active, by: who))
        }
        api.add(.get, "/api/v1/audit", "Read the audit log, newest first", tag: "admin", roles: [.admin], response: "AuditList",
                query: [.integer("userId"), .integer("patientId"), .enumeration("entity", EntityKind.self),
                        .enumeration("action", AuditAction.self)] + QueryParameter.page) { request, context, who in
            let q = Query(request: request)
            var problems: [FieldProblem] = []
            let filter = AuditFilter(userID: q.int("userId", problems: &problems).map(Int64.init),
                                     patientID: q.int("patientId", problems: &problems).map(Int64.init),
                                     entity: q.enumValue("entity", EntityKind.self, problems: &problems),
                                     action: q.enumValue("action", AuditAction.self, problems: &problems))
            let page = q.page(problems: &problems)
            problems += page.problems()
            guard problems.isEmpty else { throw Problem.badRequest("invalid query parameters", problems) }
            let listing = try await Self.readAudit(filter, page: page, store: store, by: who)
            return JSONIO.response(listing.json { (try? JSONValue(encoding: $0)) ?? .null })
        }
    }

    func createUser(_ request: Request, _ context: RegistryRequestContext, _ who: Principal) async throws -> Response {
        let body = try await JSONIO.object(request, context: context)
        let user = try await accounts.createUser(username: body["username"]?.stringValue ?? "", password: body["password"]?.stringValue ?? "",
                                                 role: body["role"]?.stringValue, siteCode: body["site"]?.stringValue, by: who)
        return try JSONIO.response(encoding: user, status: .created)
    }

    /// A page of the audit log, its reading audited too (the log holds before and after images of
    /// patient records).
    static func readAudit(_ filter: AuditFilter, page: Page, store: RegistryStore, by who: Principal) async throws -> Listing<AuditEntry> {
        let listing = try await store.auditLog(filter, page: page)
        try await store.recordAudit(who, .read, .audit, record: nil, patient: filter.patientID,
                                    after: .object(["ids": .array(listing.items.map { .number(Double($0.id)) })]))
        return listing
    }
}
