import Hummingbird
import Registry
@testable import Server
import Testing

@Suite("Patient routes")
struct PatientRouteTests {
    @Test(arguments: ServerBackend.available)
    func clinicianCreatesReadsUpdatesLists(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let siteA = env.siteA
        try await env.test { c in
            let token = try await c.login("clin-a")
            let created = try await c.call(.post, "/api/v1/patients", token: token, body: patientBody)
            #expect(created.status == .created)
            let id = try #require(created["id"]?.int)
            #expect(created.headers[.location] == "/api/v1/patients/\(id)")
            #expect(created["siteId"]?.int == Int(siteA.id))

            let read = try await c.call(.get, "/api/v1/patients/\(id)", token: token)
            #expect(read.status == .ok && read["birthDate"] == "2016-01-02")

            let update = patientBody.merging(["status": "lost to follow-up", "version": .int(1)])
            let updated = try await c.call(.put, "/api/v1/patients/\(id)", token: token, body: update)
            #expect(updated.status == .ok && updated["version"]?.int == 2)
            let stale = try await c.call(.put, "/api/v1/patients/\(id)", token: token, body: update)
            #expect(stale.status == .conflict)
            let noVersion = try await c.call(.put, "/api/v1/patients/\(id)", token: token, body: patientBody)
            #expect(noVersion.status == .unprocessableContent && noVersion.invalidFields == ["version"])

            _ = try await c.call(.post, "/api/v1/patients", token: token, body: patientBody.merging(["pseudonym": "P-2"]))
            let duplicate = try await c.call(.post, "/api/v1/patients", token: token, body: patientBody.merging(["pseudonym": "P-2"]))
            #expect(duplicate.status == .conflict)
            let page = try await c.call(.get, "/api/v1/patients?limit=1&offset=1", token: token)
            #expect(page["total"]?.int == 2)
            guard case .array(let items)? = page["items"] else { Issue.record("no items"); return }
            #expect(items.count == 1)
            let filtered = try await c.call(.get, "/api/v1/patients?status=alive", token: token)
            #expect(filtered["total"]?.int == 1)
            #expect(try await c.call(.get, "/api/v1/patients?status=zombie", token: token).status == .badRequest)
            #expect(try await c.call(.get, "/api/v1/patients?limit=0", token: token).status == .badRequest)
            #expect(try await c.call(.get, "/api/v1/patients?limit=x", token: token).status == .badRequest)
        }
    }

    @Test(arguments: ServerBackend.available)
    func invalidPatientsNameEachField(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let token = try await c.login("clin-a")
            let bad = try await c.call(.post, "/api/v1/patients", token: token,
                                       body: .object(["sex": "dragon", "status": 3, "extra": true, "undiagnosed": "yes"]))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.invalidFields == ["pseudonym", "sex", "status", "extra", "undiagnosed"])
            let semantic = try await c.call(.post, "/api/v1/patients", token: token,
                                            body: patientBody.merging(["birthDate": "2016-02-30", "deathDate": "2020-01-01",
                                                                       "orphaCode": "2762"]))
            #expect(semantic.status == .unprocessableContent)
            #expect(semantic.invalidFields == ["birthDate", "deathDate", "orphaCode"])
            #expect(try await c.call(.post, "/api/v1/patients", token: token, raw: "[1,2]").status == .badRequest)
            #expect(try await c.call(.post, "/api/v1/patients", token: token, raw: "").status == .badRequest)
        }
    }

    @Test(arguments: ServerBackend.available)
    func sitesAreWalledOff(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let a = try await c.login("clin-a"), b = try await c.login("clin-b")
            let id = try #require(try await c.call(.post, "/api/v1/patients", token: a, body: patientBody)["id"]?.int)
            #expect(try await c.call(.get, "/api/v1/patients/\(id)", token: b).status == .notFound)
            #expect(try await c.call(.get, "/api/v1/patients/\(id)/record", token: b).status == .notFound)
            #expect(try await c.call(.post, "/api/v1/patients/\(id)/visits", token: b, body: .object(["date": "2024-01-01"])).status == .notFound)
            #expect(try await c.call(.get, "/api/v1/patients", token: b)["total"]?.int == 0)
            #expect(try await c.call(.get, "/api/v1/patients/999", token: a).status == .notFound)
            #expect(try await c.call(.get, "/api/v1/patients/abc", token: a).status == .notFound)
        }
    }

    @Test(arguments: ServerBackend.available)
    func rolesAreEnforced(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let admin = try await c.login("admin"), researcher = try await c.login("researcher"), clin = try await c.login("clin-a")
            #expect(try await c.call(.get, "/api/v1/patients", token: admin).status == .forbidden)
            #expect(try await c.call(.post, "/api/v1/patients", token: researcher, body: patientBody).status == .forbidden)
            #expect(try await c.call(.get, "/api/v1/audit", token: clin).status == .forbidden)
            #expect(try await c.call(.get, "/api/v1/users", token: researcher).status == .forbidden)
            #expect(try await c.call(.get, "/api/v1/visits/1", token: researcher).status == .forbidden)
            #expect(try await c.call(.get, "/api/v1/audit", token: admin).status == .ok)
        }
    }

    @Test(arguments: ServerBackend.available)
    func researchersSeePseudonymisedRecords(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let store = env.store
        try await env.test { c in
            let clin = try await c.login("clin-a"), researcher = try await c.login("researcher")
            let id = try #require(try await c.call(.post, "/api/v1/patients", token: clin, body: patientBody)["id"]?.int)
            let visit = try await c.call(.post, "/api/v1/patients/\(id)/visits", token: clin,
                                         body: .object(["date": "2024-05-01", "notes": "came with grandmother"]))
            #expect(visit["ageAtVisit"] == "P8Y3M")

            let list = try await c.call(.get, "/api/v1/patients", token: researcher)
            guard case .array(let items)? = list["items"], let first = items.first else { Issue.record("no items"); return }
            #expect(first["birthDate"] == nil && first["pseudonym"] == nil && first["notes"] == nil)
            #expect(first["ageYears"] != nil)
            let hashed = try #require(first["id"]?.stringValue)
            #expect(hashed.count == 20)
            #expect(try await c.call(.get, "/api/v1/patients?pseudonym=P-1", token: researcher).status == .forbidden)

            let one = try await c.call(.get, "/api/v1/patients/\(hashed)", token: researcher)
            #expect(one.status == .ok && one["id"]?.stringValue == hashed)
            #expect(try await c.call(.get, "/api/v1/patients/\(id)", token: researcher).status == .notFound)
            let record = try await c.call(.get, "/api/v1/patients/\(hashed)/record", token: researcher)
            #expect(record.status == .ok)
            #expect(!record.json.jsonText.contains("grandmother"))
            #expect(!record.json.jsonText.contains("2016-01-02"))
            #expect(!record.json.jsonText.contains("2024-05-01"))
            #expect(record.json.jsonText.contains("P8Y3M"))
            let reads = try await store.auditLog(AuditFilter(action: .read), page: Page()).items
            #expect(reads.contains { $0.username == "researcher" && $0.entity == .patient && $0.recordID != nil })
        }
    }

    @Test(arguments: ServerBackend.available)
    func engineAndExchangeRoutesAnswer503WithoutEngines(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let clin = try await c.login("clin-a")
            for (method, uri) in [(HTTPRequest.Method.post, "/api/v1/patients/1/diagnose"), (.post, "/api/v1/patients/1/assess"),
                                  (.get, "/api/v1/patients/1/phenopacket"), (.post, "/api/v1/phenopackets")] {
                let reply = try await c.call(method, uri, token: clin)
                #expect(reply.status == .serviceUnavailable, "\(uri)")
                #expect(try await c.call(method, uri).status == .unauthorized)
            }
            let admin = try await c.login("admin")
            #expect(try await c.call(.post, "/api/v1/patients/1/diagnose", token: admin).status == .forbidden)
        }
    }
}
