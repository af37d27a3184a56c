import Hummingbird
import Registry
@testable import Server
import Testing

@Suite("Canonical ids")
struct CanonicalIDTests {
    @Test func onlyCanonicalSpellingsAreIntegers() {
        for good in ["1", "7", "10", "9223372036854775807"] { #expect(Canonical.positiveID(good) != nil, "\(good)") }
        for bad in ["0", "+7", "07", "007", " 7", "7 ", "-7", "9223372036854775808", "1e3", "0x7", "", "٧", "７"] {
            #expect(Canonical.positiveID(bad) == nil, "\(bad)")
        }
        #expect(Canonical.integer("-3") == -3)
        #expect(Canonical.integer("0") == 0)
        for bad in ["-0", "-", "--3", "-03", "+0"] { #expect(Canonical.integer(bad) == nil, "\(bad)") }
    }

    @Test(arguments: ServerBackend.available)
    func pathIdsResolveOnlyInTheirCanonicalForm(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let token = try await c.login("clin-a")
            let created = try await c.call(.post, "/api/v1/patients", token: token, body: patientBody)
            let id = try #require(created["id"]?.int)
            #expect(try await c.call(.get, "/api/v1/patients/\(id)", token: token).status == .ok)
            for spelling in ["%2B\(id)", "+\(id)", "0\(id)", "00\(id)", "%20\(id)", "\(id)%20", "-\(id)",
                             "99999999999999999999", "\(id).0"] {
                let reply = try await c.call(.get, "/api/v1/patients/\(spelling)", token: token)
                #expect(reply.status == .notFound, "\(spelling)")
            }
            #expect(try await c.call(.get, "/api/v1/patients?limit=+1", token: token).status == .badRequest)
            #expect(try await c.call(.get, "/api/v1/patients?limit=01", token: token).status == .badRequest)
            #expect(try await c.call(.get, "/api/v1/patients?limit=1", token: token).status == .ok)
        }
    }
}
