import Hummingbird
import Registry
@testable import Server
import Testing

@Suite("Cohort routes")
struct CohortRouteTests {
    /// Researchers see every site with hashed ids and suppressed counts; clinicians their site with
    /// registry ids; admins nothing; bad parameters are named.
    @Test func rolesSitesAndParameters() async throws {
        let env = try await TestEnvironment.make(.sqlite)
        try await env.test { c in
            let clin = try await c.login("clin-a"), researcher = try await c.login("researcher"), admin = try await c.login("admin")
            let visit: JSONValue = .object(["date": "2018-05-01"])
            for n in 0..<3 {
                let body = patientBody.merging(["pseudonym": .string("P-\(n)")])
                let pid = try #require(try await c.call(.post, "/api/v1/patients", token: clin, body: body)["id"]?.int)
                let vid = try #require(try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin, body: visit)["id"]?.int)
                let lesion: JSONValue = .object(["lesionId": "L1", "region": "head", "side": "midline", "depth": "dermis"])
                #expect(try await c.call(.post, "/api/v1/visits/\(vid)/lesions", token: clin, body: lesion).status == .created)
            }
            let mine = try await c.call(.get, "/api/v1/cohort/survival?event=first-lesion", token: clin)
            #expect(mine.status == .ok)
            #expect(mine["n"]?.int == 3)
            guard case .array(let rows)? = mine["data"], let first = rows.first else { Issue.record("no data"); return }
            #expect(first["id"]?.stringValue.flatMap { Int($0) } != nil)
            guard case .number(let time)? = first["time"] else { Issue.record("no time"); return }
            #expect(abs(time - 2.33) < 0.01)

            let theirs = try await c.call(.get, "/api/v1/cohort/survival?event=first-lesion", token: researcher)
            #expect(theirs["n"]?.stringValue == "<5")
            guard case .array(let hashed)? = theirs["data"] else { Issue.record("no data"); return }
            #expect(hashed.allSatisfy { $0["id"]?.stringValue?.count == 20 })

            #expect(try await c.call(.get, "/api/v1/cohort/survival?event=first-lesion", token: admin).status == .forbidden)
            #expect(try await c.call(.get, "/api/v1/cohort/survival", token: clin).invalidFields == ["event"])
            #expect(try await c.call(.get, "/api/v1/cohort/survival?event=death&sex=x", token: clin).invalidFields == ["event", "sex"])
            #expect(try await c.call(.get, "/api/v1/cohort/survival?event=first-lesion&group=morphology", token: clin).invalidFields == ["group"])
            #expect(try await c.call(.get, "/api/v1/cohort/survival?event=first-lesion&riskTimes=0,x", token: clin).invalidFields == ["riskTimes"])
            #expect(try await c.call(.get, "/api/v1/cohort/survival?event=first-lesion&riskTimes=-1", token: clin).invalidFields == ["riskTimes"])
            let atRisk = try await c.call(.get, "/api/v1/cohort/survival?event=first-lesion&riskTimes=0,3", token: clin)
            #expect(atRisk["atRisk"]?["all"] == [3, 0])
            #expect(try await c.call(.get, "/api/v1/cohort/progression", token: clin).status == .ok)
            #expect(try await c.call(.get, "/api/v1/cohort/features?by=sex", token: researcher).status == .ok)
            #expect(try await c.call(.get, "/api/v1/cohort/rates", token: clin).status == .ok)
            let plot = try await c.call(.get, "/api/v1/cohort/survival?event=first-lesion&plot=svg", token: clin)
            #expect(plot.headers[.contentType] == "image/svg+xml")
        }
    }
}
