public import FoundationEssentials

/// Sites, users and sessions.
extension RegistryStore {
    public func createSite(code: String, name: String, by who: Principal) async throws(RegistryError) -> Site {
        try Self.requireAccountManager(who)
        let values = ["code": JSONValue.string(code), "name": .string(name)]
        let problems = Site.newSiteColumns.flatMap { $0.problems(of: values[$0.key] ?? .null) }
        guard problems.isEmpty else { throw .invalid(problems) }
        return try await RegistryError.wrap(.site) {
            try await database.transaction { tx in
                let rows = try await tx.query("INSERT INTO sites (code, name, created_at) VALUES (?, ?, ?) RETURNING id",
                                              [.text(code), .text(name), .text(timestamp())])
                guard let id = rows.first?["id"].int64 else { throw RegistryError.internalFailure("no id returned") }
                let site = Site(id: id, code: code, name: name)
                try await audit(tx, who, .create, .site, record: String(id), patient: nil, after: try JSONValue(encoding: site))
                return site
            }
        }
    }

    public func sites() async throws(RegistryError) -> [Site] {
        try await RegistryError.wrap(.site) {
            try await database.read("SELECT id, code, name FROM sites ORDER BY code").compactMap { row in
                guard let id = row["id"].int64, let code = row["code"].string, let name = row["name"].string else { return nil }
                return Site(id: id, code: code, name: name)
            }
        }
    }

    public func site(code: String) async throws(RegistryError) -> Site? {
        try await sites().first { $0.code == code }
    }

    /// Creates an account. `passwordHash` is a bcrypt hash; the password itself never reaches the store.
    public func createUser(username: String, passwordHash: String, role: Role, siteID: Int64?,
                           by who: Principal) async throws(RegistryError) -> User {
        try Self.requireAccountManager(who)
        var problems = User.usernameColumn.problems(of: .string(username))
        if role == .clinician, siteID == nil { problems.append(.init("site", "is required for a clinician")) }
        guard problems.isEmpty else { throw .invalid(problems) }
        return try await RegistryError.wrap(.user) {
            try await database.transaction { tx in
                let rows = try await tx.query(
                    "INSERT INTO users (username, password_hash, role, site_id, active, created_at) VALUES (?, ?, ?, ?, 1, ?) RETURNING id",
                    [.text(username), .text(passwordHash), .text(role.rawValue), SQLValue(siteID), .text(timestamp())])
                guard let id = rows.first?["id"].int64 else { throw RegistryError.internalFailure("no id returned") }
                let user = User(id: id, username: username, role: role, siteID: siteID, active: true)
                try await audit(tx, who, .create, .user, record: String(id), patient: nil, after: try JSONValue(encoding: user))
                return user
            }
        }
    }

    static func user(_ row: SQLRow) -> User? {
        guard let id = row["id"].int64, let name = row["username"].string,
              let role = row["role"].string.flatMap(Role.init) else { return nil }
        return User(id: id, username: name, role: role, siteID: row["site_id"].int64, active: row["active"].bool ?? false)
    }

    public func users() async throws(RegistryError) -> [User] {
        try await RegistryError.wrap(.user) {
            try await database.read("SELECT id, username, role, site_id, active FROM users ORDER BY username").compactMap(Self.user)
        }
    }

    /// The account and its password hash, for login.
    public func credentials(username: String) async throws(RegistryError) -> (user: User, passwordHash: String)? {
        // A name no account can have (a NUL, which PostgreSQL cannot even compare) is unknown.
        guard User.usernameColumn.problems(of: .string(username)).isEmpty else { return nil }
        return try await RegistryError.wrap(.user) {
            let rows = try await database.read("SELECT * FROM users WHERE username = ?", [.text(username)])
            guard let row = rows.first, let user = Self.user(row), let hash = row["password_hash"].string else { return nil }
            return (user, hash)
        }
    }

    /// Activates or deactivates an account; deactivation revokes its sessions.
    public func setUserActive(_ id: Int64, active: Bool, by who: Principal) async throws(RegistryError) -> User {
        try Self.requireAccountManager(who)
        return try await RegistryError.wrap(.user) {
            try await database.transaction { tx in
                let rows = try await tx.query("SELECT id, username, role, site_id, active FROM users WHERE id = ?", [.integer(id)])
                guard let before = rows.first.flatMap(Self.user) else { throw RegistryError.notFound(.user) }
                try await tx.query("UPDATE users SET active = ? WHERE id = ?", [SQLValue(active), .integer(id)])
                if !active {
                    try await tx.query("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                                       [.text(timestamp()), .integer(id)])
                }
                var after = before
                after.active = active
                try await audit(tx, who, .update, .user, record: String(id), patient: nil,
                                before: try JSONValue(encoding: before), after: try JSONValue(encoding: after))
                return after
            }
        }
    }

    /// Stores a new session for a token (only its hash is stored) and audits the login.
    public func createSession(tokenHash: String, user: User, lifetime: Duration) async throws(RegistryError) -> Date {
        let expires = now().addingTimeInterval(TimeInterval(lifetime.components.seconds))
        try await RegistryError.wrap(.session) {
            try await database.transaction { tx in
                try await tx.query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                                   [.text(tokenHash), .integer(user.id), .text(timestamp()), .text(Clock.timestamp(expires))])
                try await audit(tx, user.principal, .login, .session, record: nil, patient: nil)
            }
        }
        return expires
    }

    /// The signed-in user of a live session: not expired, not revoked, account active.
    public func principal(tokenHash: String) async throws(RegistryError) -> Principal? {
        try await RegistryError.wrap(.session) {
            let rows = try await database.read(Self.principalQuery(tokenHash: tokenHash, now: timestamp()))
            return rows.first.flatMap(Self.user)?.principal
        }
    }

    static func principalQuery(tokenHash: String, now: String) -> SQLQuery {
        SQLQuery(
            """
            SELECT u.id, u.username, u.role, u.site_id, u.active FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.active = 1
            """, [.text(tokenHash), .text(now)], prepared: .principal)
    }

    public func revokeSession(tokenHash: String, by who: Principal) async throws(RegistryError) {
        try await RegistryError.wrap(.session) {
            try await database.transaction { tx in
                try await tx.query("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                                   [.text(timestamp()), .text(tokenHash)])
                try await audit(tx, who, .logout, .session, record: nil, patient: nil)
            }
        }
    }

    /// When a live session ends (the `expires_at` timestamp), nil when it is not live.
    public func sessionExpiry(tokenHash: String) async throws(RegistryError) -> String? {
        try await RegistryError.wrap(.session) {
            try await database.read("SELECT expires_at FROM sessions WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?",
                                    [.text(tokenHash), .text(timestamp())]).first?["expires_at"].string
        }
    }

    /// Replaces a user's password hash and revokes their other sessions (`keeping` the current
    /// one); audited without the hash.
    public func setPassword(userID: Int64, passwordHash: String, keeping tokenHash: String?, by who: Principal) async throws(RegistryError) {
        try await RegistryError.wrap(.user) {
            try await database.transaction { tx in
                let rows = try await tx.query("UPDATE users SET password_hash = ? WHERE id = ? RETURNING id",
                                              [.text(passwordHash), .integer(userID)])
                guard !rows.isEmpty else { throw RegistryError.notFound(.user) }
                try await tx.query("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?",
                                   [.text(timestamp()), .integer(userID), .text(tokenHash ?? "")])
                try await audit(tx, who, .update, .user, record: String(userID), patient: nil,
                                after: .object(["password": .string("changed")]))
            }
        }
    }
}
