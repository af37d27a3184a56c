public import Registry

/// Sites and accounts, as the API, the admin pages and `ossify user add` / `ossify site add` create
/// them: one set of checks, one password hasher.
public struct AccountService: Sendable {
    public let store: RegistryStore
    public let hasher: PasswordHasher

    public init(store: RegistryStore, hasher: PasswordHasher) {
        self.store = store
        self.hasher = hasher
    }

    /// Creates an account, every field checked (`RegistryError.invalid` naming each): the role must
    /// be known, the password long enough, the site (when given) an existing site's code; a
    /// clinician needs a site. A missing site is never created here.
    public func createUser(username: String, password: String, role roleText: String?, siteCode: String?,
                           by who: Principal) async throws -> User {
        var problems: [FieldProblem] = []
        let role = roleText.flatMap(Role.init)
        if role == nil { problems.append(FieldProblem("role", "must be one of: admin, clinician, researcher")) }
        problems += PasswordPolicy.problems(password)
        var siteID: Int64?
        if let code = siteCode {
            guard let site = try await store.site(code: code) else {
                throw RegistryError.invalid(problems + [FieldProblem("site", "is not the code of a site")])
            }
            siteID = site.id
        }
        guard problems.isEmpty, let role else { throw RegistryError.invalid(problems) }
        let hash = try await hasher.hash(password)
        return try await store.createUser(username: username, passwordHash: hash, role: role, siteID: siteID, by: who)
    }

    /// Creates a site (code and name checked by the store).
    public func createSite(code: String, name: String, by who: Principal) async throws(RegistryError) -> Site {
        try await store.createSite(code: code, name: name, by: who)
    }
}
