import Composition
import Registry

/// `/admin`: users with their actions, sites, the two create forms.
struct AdminHomeView: Sendable {
    struct UserRow: Sendable {
        let id: String
        let username: String
        let role: String
        let site: String
        let active: String
        /// What the activate/deactivate button sets, and its label.
        let setActive: String
        let activeLabel: String
    }

    let users: [UserRow]
    let sites: [Site]
    let userFields: [FormFieldView]
    let userErrors: Bool
    let siteFields: [FormFieldView]
    let siteErrors: Bool
    let notice: String?

    init(users: [User], sites: [Site], userValues: [String: String] = [:], userErrors: FieldErrors = FieldErrors([]),
         siteValues: [String: String] = [:], siteErrors: FieldErrors = FieldErrors([]), notice: String? = nil) {
        let codes = Dictionary(uniqueKeysWithValues: sites.map { ($0.id, $0.code) })
        self.users = users.map { u in
            UserRow(id: String(u.id), username: u.username, role: u.role.rawValue, site: u.siteID.flatMap { codes[$0] } ?? "-",
                    active: u.active ? "yes" : "no", setActive: u.active ? "false" : "true",
                    activeLabel: u.active ? "Deactivate" : "Activate")
        }
        self.sites = sites
        let e = userErrors.byField
        userFields = [
            FormFieldView(name: "username", label: "Username", control: .input(type: "text", inputMode: nil),
                          value: userValues["username"] ?? "", error: e["username"], required: true, formID: "user", autocomplete: "off"),
            FormFieldView(name: "password", label: "Password", control: .input(type: "password", inputMode: nil), error: e["password"],
                          hint: "At least \(PasswordPolicy.minimumLength) characters.", required: true, formID: "user",
                          autocomplete: "new-password"),
            FormFieldView(name: "role", label: "Role", control: .select([(value: "", label: "-")] + Role.allCases.map { (value: $0.rawValue, label: $0.rawValue) }),
                          value: userValues["role"] ?? "", error: e["role"], required: true, formID: "user"),
            FormFieldView(name: "site", label: "Site (required for clinicians)",
                          control: .select([(value: "", label: "-")] + sites.map { (value: $0.code, label: "\($0.code): \($0.name)") }),
                          value: userValues["site"] ?? "", error: e["site"], formID: "user"),
        ]
        self.userErrors = !e.isEmpty
        let s = siteErrors.byField
        siteFields = [
            FormFieldView(name: "code", label: "Code", control: .input(type: "text", inputMode: nil), value: siteValues["code"] ?? "",
                          error: s["code"], hint: "Letters, digits, - and _.", required: true, formID: "site"),
            FormFieldView(name: "name", label: "Name", control: .input(type: "text", inputMode: nil), value: siteValues["name"] ?? "",
                          error: s["name"], required: true, formID: "site"),
        ]
        self.siteErrors = !s.isEmpty
        self.notice = notice
    }
}

/// `/admin/audit`: one page of the log.
struct AuditLogView: Sendable {
    struct Entry: Sendable {
        let id: String
        let at: String
        let username: String
        let action: String
        let entity: String
        let record: String
        let patient: String
    }

    let filters: [FormFieldView]
    let entries: [Entry]
    let summary: String
    let previous: String?
    let next: String?
    let problems: [String]
    let hasProblems: Bool
}
