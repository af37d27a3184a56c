/// Who is acting: a signed-in user, or the operator at the command line.
public struct Principal: Sendable, Equatable {
    public var userID: Int64?
    public var username: String
    public var role: Role
    public var siteID: Int64?

    public init(userID: Int64?, username: String, role: Role, siteID: Int64?) {
        self.userID = userID
        self.username = username
        self.role = role
        self.siteID = siteID
    }

    /// The command-line operator (`ossify user add`, `ossify db seed`): an admin with no account.
    public static let operatorConsole = Principal(userID: nil, username: "ossify-cli", role: .admin, siteID: nil)

    /// Whether this principal may change patient data: a clinician (of their own site, by `scope`)
    /// and the operator at the command line (seed, import, erase). Researchers read only; an admin
    /// account manages users and sites and never touches patient data.
    public var mayWritePatientData: Bool { role == .clinician || self == .operatorConsole }

    /// Whether this principal may create sites and users or (de)activate users.
    public var mayManageAccounts: Bool { role == .admin }

    /// The patients this principal may see: a clinician's own site, everything for the others
    /// (what a role may do at all is decided at the edge).
    public var scope: Scope {
        if role == .clinician { return .site(siteID ?? -1) }
        return .all
    }
}

/// Which patients a query may touch.
public enum Scope: Sendable, Equatable {
    case all
    case site(Int64)
}

/// Paging of a list: at most `limit` items from `offset`.
public struct Page: Sendable, Equatable {
    public var limit: Int
    public var offset: Int

    public static let maxLimit = 500

    public init(limit: Int = 50, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    public func problems() -> [FieldProblem] {
        var p: [FieldProblem] = []
        if !(1...Page.maxLimit).contains(limit) { p.append(.init("limit", "must be between 1 and \(Page.maxLimit)")) }
        if offset < 0 { p.append(.init("offset", "must not be negative")) }
        return p
    }
}

/// One page of a list, with the number of items in all pages.
public struct Listing<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    public var page: Page
}

extension RegistryStore {
    /// The store's own check that `who` may change patient data, whatever route or command called:
    /// the edge refuses first, this holds if an edge forgets.
    static func requirePatientWriter(_ who: Principal) throws(RegistryError) {
        guard who.mayWritePatientData else {
            throw .forbidden("the role \(who.role.rawValue) may not change patient data")
        }
    }

    /// As `requirePatientWriter`, for sites and users.
    static func requireAccountManager(_ who: Principal) throws(RegistryError) {
        guard who.mayManageAccounts else {
            throw .forbidden("the role \(who.role.rawValue) may not manage sites or users")
        }
    }
}
