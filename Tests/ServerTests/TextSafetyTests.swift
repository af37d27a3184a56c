import Registry
@testable import Server
import Testing

/// Text that a store cannot keep faithfully is refused at the door with 400, and nothing is
/// written: a NUL character (PostgreSQL refuses it, SQLite's C strings end at it, so a pseudonym
/// would be cut short and collide) and invalid UTF-8 (it would be stored as U+FFFD without a word).
@Suite("NUL characters and invalid UTF-8 are refused")
struct TextSafetyTests {
    @Test(arguments: ServerBackend.available)
    func refusedAtTheDoor(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let token = try await c.login("clin-a")
            let nul = try await c.call(.post, "/api/v1/patients", token: token,
                                       raw: #"{"pseudonym": "P-1\u0000x", "sex": "female", "status": "alive"}"#)
            #expect(nul.status == .badRequest)
            #expect(nul["detail"]?.stringValue?.contains("NUL") == true)
            let invalid = Array(#"{"pseudonym": "P-"#.utf8) + [0xC3, 0x28] + Array(#"", "sex": "female", "status": "alive"}"#.utf8)
            let bad = try await c.call(.post, "/api/v1/patients", token: token, bytes: invalid)
            #expect(bad.status == .badRequest)
            #expect(bad["detail"]?.stringValue?.contains("UTF-8") == true)
            let list = try await c.call(.get, "/api/v1/patients", token: token)
            #expect(list["total"]?.int == 0, "nothing was written")
            // The same text without the bad bytes is accepted.
            let ok = try await c.call(.post, "/api/v1/patients", token: token,
                                      raw: #"{"pseudonym": "P-1\u00e9", "sex": "female", "status": "alive"}"#)
            #expect(ok.status == .created)
        }
    }
}
