import Hummingbird
import HummingbirdTesting
import Registry
@testable import Server
import Testing

@Suite("Body limit and bounded problems")
struct BodyLimitTests {
    static let overLimit = String(repeating: " ", count: 8 * 1024 * 1024 + 1)

    @Test(arguments: ServerBackend.available)
    func bodiesOverTheLimitAre413SignedInOrNot(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let anonymous = try await c.call(.post, "/api/v1/auth/login", raw: Self.overLimit)
            #expect(anonymous.status == .contentTooLarge)
            #expect(anonymous["title"] == "Content Too Large")
            let token = try await c.login("clin-a")
            for path in ["/api/v1/patients", "/api/v1/phenopackets", "/api/v1/patients/1/visits"] {
                let reply = try await c.call(.post, path, token: token, raw: Self.overLimit)
                #expect(reply.status == .contentTooLarge, "\(path)")
            }
            // Just under the limit is read (and refused for what it says, not for its size).
            let under = try await c.call(.post, "/api/v1/auth/login", raw: String(repeating: " ", count: 8 * 1024 * 1024 - 2) + "{}")
            #expect(under.status == .unprocessableContent)
        }
    }

    /// A body without a length (chunked) is bounded where it is collected: the error of
    /// `collect(upTo:)` is answered 413, not 500.
    @Test func collectingTooMuchIs413() async throws {
        let router = Router(context: RegistryRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.post("/small") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 10)
            return Response(status: .ok)
        }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/small", method: .post, body: ByteBuffer(string: String(repeating: "x", count: 11))) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test(arguments: ServerBackend.available)
    func unknownKeysAreListedUpToALimitAndCounted(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let token = try await c.login("clin-a")
            var text = "{"
            for i in 0..<50_000 { text += "\"k\(i)\(String(repeating: "z", count: 100))\":1," }
            text += "\"pseudonym\":\"P-9\"}"
            let reply = try await c.call(.post, "/api/v1/patients", token: token, raw: text)
            #expect(reply.status == .unprocessableContent)
            guard case .array(let listed)? = reply["invalid-params"] else { Issue.record("no invalid-params"); return }
            #expect(listed.count == Problem.maxListed)
            // 50,000 unknown keys and the required fields left out: all counted, the first 20 listed.
            let omitted = try #require(reply["invalid-params-omitted"]?.int)
            #expect(omitted > 50_000 - Problem.maxListed)
            #expect(reply["detail"]?.stringValue?.hasSuffix("and \(omitted) more") == true)
            // Bounded: the first names are listed, each cut to a bounded length.
            #expect(reply.json.jsonText.utf8.count < 12_000)
            let longKey = "{\"" + String(repeating: "a", count: 100_000) + "\":1}"
            let long = try await c.call(.post, "/api/v1/patients", token: token, raw: longKey)
            #expect(long.status == .unprocessableContent)
            #expect(long.json.jsonText.utf8.count < 12_000)
        }
    }

    @Test func problemsAreBoundedWhereverTheyAreMade() {
        let many = (0..<1_000).map { FieldProblem("records[\($0)].subject", String(repeating: "r", count: 1_000)) }
        let problem = Problem(status: .unprocessableContent, title: "Import refused", invalidParams: many)
        #expect(problem.invalidParams.count == Problem.maxListed)
        #expect(problem.omittedParams == 1_000 - Problem.maxListed)
        #expect(problem.invalidParams.allSatisfy { $0.reason.count == Problem.maxText })
        let invalid = Problem.invalid(many, omitted: 5)
        #expect(invalid.omittedParams == 1_000 - Problem.maxListed + 5)
        #expect(invalid.detail?.hasSuffix("and \(1_000 - Problem.maxListed + 5) more") == true)
    }
}
