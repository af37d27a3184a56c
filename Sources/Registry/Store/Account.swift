/// A registry site (centre): clinicians see the patients of their own site only.
public struct Site: Sendable, Equatable, Codable {
    public var id: Int64
    public var code: String
    public var name: String

    /// The fields of a new site, checked by `RegistryStore.createSite` and stated in the OpenAPI document.
    public static let newSiteColumns: [ColumnSpec] = [
        ColumnSpec("code", .text, required: true,
                   limits: FieldLimits(pattern: "^[A-Za-z0-9_-]{1,32}$", patternReason: "must be 1 to 32 letters, digits, '-' or '_'"),
                   "short code, unique"),
        ColumnSpec("name", .text, required: true, limits: .nonBlank(max: 200), "name"),
    ]
}

/// A user account, without its password hash.
public struct User: Sendable, Equatable, Codable {
    public var id: Int64
    public var username: String
    public var role: Role
    public var siteID: Int64?
    public var active: Bool

    public var principal: Principal { Principal(userID: id, username: username, role: role, siteID: siteID) }

    /// A username: 1 to 64 characters, none a space. Checked by `RegistryStore.createUser` and
    /// stated in the OpenAPI document.
    public static let usernameColumn = ColumnSpec("username", .text, required: true,
                                                  limits: FieldLimits(pattern: #"^[^\s\x00]{1,64}$"#,
                                                              patternReason: "must be 1 to 64 characters without spaces"),
                                                  "sign-in name")
    /// Shortest password of a new account, in characters.
    public static let minimumPasswordLength = 12
}

/// One audit log entry.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: String
    public var userID: Int64?
    public var username: String?
    public var action: AuditAction
    public var entity: EntityKind
    public var recordID: String?
    public var patientID: Int64?
    public var before: JSONValue?
    public var after: JSONValue?
}

/// Filters of the audit log.
public struct AuditFilter: Sendable, Equatable {
    public var userID: Int64?
    public var patientID: Int64?
    public var entity: EntityKind?
    public var action: AuditAction?

    public init(userID: Int64? = nil, patientID: Int64? = nil, entity: EntityKind? = nil, action: AuditAction? = nil) {
        self.userID = userID
        self.patientID = patientID
        self.entity = entity
        self.action = action
    }
}

/// A stored engine result: a diagnosis ranking or a GNAS-spectrum assessment, with the data release
/// and engine version that produced it.
public struct StoredAssessment: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case diagnosis
        case gnasAssessment = "gnas-assessment"
    }

    public var id: Int64
    public var patientID: Int64
    public var kind: Kind
    public var dataRelease: String
    public var engineVersion: String
    public var result: JSONValue
    public var createdAt: String
}
