import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// `/admin` and `/admin/audit`: users, sites and the audit log through forms.
@Suite("Pages: administration")
struct PageAdminTests {
    @Test func adminsCreateUsersAndSitesDeactivateAndResetPasswords() async throws {
        let env = try await TestEnvironment.make()
        let store = env.store
        try await env.test { c in
            let admin = try await PageBrowser.signIn(c, "admin")
            let home = try await admin.get("/admin")
            for name in ["username", "password", "role", "site", "code", "name"] { #expect(home.body.contains(#"name="\#(name)""#), "\(name)") }
            PageChecks.securityHeaders(home, "/admin")
            let hostile = "<script>alert(1)</script>"
            let badSite = try await admin.post("/admin/sites", [("code", hostile), ("name", "X")])
            #expect(badSite.status == .unprocessableContent)
            #expect(badSite.body.contains(#"id="site-code-error""#) && !badSite.body.contains(hostile))
            #expect(try await admin.post("/admin/sites", [("code", "site-c"), ("name", hostile)]).location == "/admin?done=site")
            let withSite = try await admin.get("/admin?done=site")
            #expect(withSite.body.contains("site-c") && withSite.body.contains("&lt;script&gt;") && !withSite.body.contains(hostile))
            #expect(try await admin.post("/admin/sites", [("code", "site-c"), ("name", "again")]).status == .unprocessableContent)

            let badUser = try await admin.post("/admin/users", [("username", "newbie"), ("password", "short"), ("role", "clinician")])
            #expect(badUser.status == .unprocessableContent)
            #expect(badUser.body.contains(#"id="user-password-error">must be at least 12 characters"#))
            #expect(badUser.body.contains(#"value="newbie""#) && !badUser.body.contains("short\""))
            let made = try await admin.post("/admin/users", [("username", "newbie"), ("password", "a long enough password"),
                                                             ("role", "clinician"), ("site", "site-c")])
            #expect(made.location == "/admin?done=user")
            let newbie = try await PageBrowser.signIn(c, "newbie", password: "a long enough password")
            #expect(try await newbie.get("/").status == .ok)
            let users = try await store.users()
            let id = try #require(users.first { $0.username == "newbie" }?.id)
            #expect(try await admin.post("/admin/users/\(id)/password", [("password", "short")]).status == .unprocessableContent)
            #expect(try await admin.post("/admin/users/\(id)/password", [("password", "another long password")]).location == "/admin?done=password")
            #expect(try await newbie.get("/").location == "/login", "a reset ends the user's sessions")
            _ = try await PageBrowser.signIn(c, "newbie", password: "another long password")
            #expect(try await admin.post("/admin/users/\(id)/active", [("active", "false")]).location == "/admin?done=active")
            let refused = try await PageBrowser(c).post("/login", [("username", "newbie"), ("password", "another long password")])
            #expect(refused.status == .unauthorized)
            #expect(try await admin.post("/admin/users/\(id)/active", [("active", "maybe")]).status == .badRequest)
            #expect(try await admin.post("/admin/users", [("username", "x"), ("password", "a long enough password"), ("role", "admin")],
                                         csrf: .none).status == .forbidden)
        }
    }

    @Test func theAuditLogIsFilteredAndPaged() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            _ = try await PageBrowser.signIn(c, "clin-a")
            let admin = try await PageBrowser.signIn(c, "admin")
            let all = try await admin.get("/admin/audit")
            #expect(all.status == .ok)
            #expect(all.body.contains("<td>login</td>"))
            let logins = try await admin.get("/admin/audit?action=login&entity=session")
            #expect(logins.body.contains("clin-a") && !logins.body.contains("<td>create</td>"))
            let bad = try await admin.get("/admin/audit?action=burn&patient=x")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("action: must be one of") && bad.body.contains("patient: must be a record id"))
        }
    }
}
