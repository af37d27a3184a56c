import Hummingbird
import Registry
@testable import Server
import Testing

@Suite("405 with Allow")
struct MethodNotAllowedTests {
    @Test func knownPathsWithOtherMethodsAre405WithAllow() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let trace = try await c.call(.trace, "/api/v1/health")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "GET")
            let patch = try await c.call(.patch, "/api/v1/patients", token: clin)
            #expect(patch.status == .methodNotAllowed)
            #expect(patch.headers[.allow] == "GET, POST")
            let delete = try await c.call(.delete, "/api/v1/patients/1", token: clin)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, PUT")
            let visit = try await c.call(.post, "/api/v1/visits/1", token: clin)
            #expect(visit.headers[.allow] == "GET, PUT, DELETE")
            let document = try await c.call(.put, "/api/v1/openapi.json")
            #expect(document.status == .methodNotAllowed && document.headers[.allow] == "GET")
            #expect(try await c.call(.get, "/api/v1/nothing-here", token: clin).status == .notFound)
            #expect(try await c.call(.trace, "/api/v1/nothing-here").status == .notFound)
        }
    }

    @Test func everyDocumentedPathRefusesEveryOtherMethod() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let doc = try await c.call(.get, "/api/v1/openapi.json")
            guard case .object(let paths)? = doc["paths"] else { Issue.record("no paths"); return }
            for (path, item) in paths {
                guard case .object(let operations) = item else { continue }
                let served = Set(operations.keys.map { $0.uppercased() })
                let concrete = path.replacing("{id}", with: "1")
                for method in APIRoutes.refusedMethods where !served.contains(method.rawValue) {
                    let reply = try await c.call(method, concrete)
                    #expect(reply.status == .methodNotAllowed, "\(method) \(path)")
                    let allowed = Set((reply.headers[.allow] ?? "").split(separator: ", ").map(String.init))
                    #expect(allowed == served, "\(method) \(path)")
                }
            }
        }
    }
}
