import Hummingbird
import Registry
@testable import Server
import Testing

@Suite("Admin routes")
struct AdminRouteTests {
    @Test(arguments: ServerBackend.available)
    func sitesUsersAndDeactivation(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let admin = try await c.login("admin")
            #expect(try await c.call(.post, "/api/v1/sites", token: admin, body: .object(["code": "lyon", "name": "Lyon"])).status == .created)
            #expect(try await c.call(.post, "/api/v1/sites", token: admin, body: .object(["code": "lyon", "name": "Lyon"])).status == .conflict)
            #expect(try await c.call(.post, "/api/v1/sites", token: admin, body: .object(["code": "l y o n"])).invalidFields == ["code", "name"])
            guard case .array(let sites)? = try await c.call(.get, "/api/v1/sites", token: admin)["items"] else { Issue.record("no sites"); return }
            #expect(sites.count == 3)

            let newUser: JSONValue = .object(["username": "clin-l", "password": .string(TestEnvironment.password), "role": "clinician", "site": "lyon"])
            let created = try await c.call(.post, "/api/v1/users", token: admin, body: newUser)
            #expect(created.status == .created)
            let uid = try #require(created["id"]?.int)
            #expect(try await c.call(.post, "/api/v1/users", token: admin, body: newUser).status == .conflict)
            let weak = try await c.call(.post, "/api/v1/users", token: admin,
                                        body: .object(["username": "x", "password": "short", "role": "boss"]))
            #expect(weak.invalidFields == ["password", "role"])
            #expect(try await c.call(.post, "/api/v1/users", token: admin,
                                     body: newUser.merging(["username": "y", "site": "nowhere"])).invalidFields == ["site"])
            guard case .array(let users)? = try await c.call(.get, "/api/v1/users", token: admin)["items"] else { Issue.record("no users"); return }
            #expect(users.count == 5)
            #expect(!users.contains { $0.jsonText.contains("$2") })

            let token = try await c.login("clin-l")
            #expect(try await c.call(.get, "/api/v1/patients", token: token).status == .ok)
            let off = try await c.call(.patch, "/api/v1/users/\(uid)", token: admin, body: .object(["active": false]))
            #expect(off.status == .ok && off["active"] == false)
            #expect(try await c.call(.get, "/api/v1/patients", token: token).status == .unauthorized)
            #expect(try await c.call(.patch, "/api/v1/users/\(uid)", token: admin, body: .object([:])).invalidFields == ["active"])
            #expect(try await c.call(.patch, "/api/v1/users/999", token: admin, body: .object(["active": true])).status == .notFound)
        }
    }

    @Test(arguments: ServerBackend.available)
    func auditLogFiltersAndPages(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let admin = try await c.login("admin"), clin = try await c.login("clin-a")
            let pid = try #require(try await c.call(.post, "/api/v1/patients", token: clin, body: patientBody)["id"]?.int)
            _ = try await c.call(.get, "/api/v1/patients/\(pid)", token: clin)
            let log = try await c.call(.get, "/api/v1/audit?patientId=\(pid)", token: admin)
            #expect(log["total"]?.int == 2)
            // That read of the log is itself in the log.
            #expect(try await c.call(.get, "/api/v1/audit?patientId=\(pid)", token: admin)["total"]?.int == 3)
            guard case .array(let entries)? = log["items"], let newest = entries.first else { Issue.record("no entries"); return }
            #expect(newest["action"] == "read" && newest["username"] == "clin-a")
            #expect(try await c.call(.get, "/api/v1/audit?action=create&entity=patient", token: admin)["total"]?.int == 1)
            #expect(try await c.call(.get, "/api/v1/audit?entity=audit", token: admin)["total"]?.int == 3)
            #expect(try await c.call(.get, "/api/v1/audit?action=erase", token: admin).invalidFields == ["action"])
        }
    }

    @Test("every mutating route leaves an audit row", arguments: ServerBackend.available)
    func auditCompleteness(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let store = env.store
        try await env.test { c in
            let admin = try await c.login("admin"), clin = try await c.login("clin-a")
            func auditCount() async throws -> Int { try await store.auditLog(AuditFilter(), page: Page(limit: 1)).total }
            func mutate(_ method: HTTPRequest.Method, _ uri: String, _ token: String, _ body: JSONValue? = nil) async throws -> Client.Reply {
                let before = try await auditCount()
                let reply = try await c.call(method, uri, token: token, body: body)
                #expect(reply.status.code < 300, "\(method) \(uri) answered \(reply.status)")
                #expect(try await auditCount() > before, "\(method) \(uri) left no audit row")
                return reply
            }
            _ = try await mutate(.post, "/api/v1/sites", admin, .object(["code": "x", "name": "X"]))
            let uid = try #require(try await mutate(.post, "/api/v1/users", admin, .object([
                "username": "u2", "password": .string(TestEnvironment.password), "role": "researcher"]))["id"]?.int)
            _ = try await mutate(.patch, "/api/v1/users/\(uid)", admin, .object(["active": false]))
            let pid = try #require(try await mutate(.post, "/api/v1/patients", clin, patientBody)["id"]?.int)
            _ = try await mutate(.put, "/api/v1/patients/\(pid)", clin, patientBody.merging(["version": .int(1)]))
            let vid = try #require(try await mutate(.post, "/api/v1/patients/\(pid)/visits", clin, .object(["date": "2024-01-01"]))["id"]?.int)
            _ = try await mutate(.put, "/api/v1/visits/\(vid)", clin, .object(["date": "2024-01-02", "version": .int(1)]))
            for part in PartCase.all {
                let id = try #require(try await mutate(.post, "/api/v1/visits/\(vid)/\(part.collection)", clin, part.body)["id"]?.int)
                _ = try await mutate(.put, "/api/v1/\(part.collection)/\(id)", clin, part.body.merging(["version": .int(1)]))
                _ = try await mutate(.delete, "/api/v1/\(part.collection)/\(id)?version=2", clin)
            }
            _ = try await mutate(.delete, "/api/v1/visits/\(vid)?version=2", clin)
            _ = try await mutate(.post, "/api/v1/auth/logout", clin)
        }
    }
}
