import Composition
import Foundation
import Hummingbird
import HummingbirdTesting
import Registry
@testable import Server
import Testing

/// A registry on an in-memory SQLite database with two sites and one user of each role, and
/// the router over it.
struct TestEnvironment {
    static let password = "correct horse battery"

    let store: RegistryStore
    let router: Router<RegistryRequestContext>
    let siteA: Site
    let siteB: Site

    /// The engines over the pinned HPO release and Knowledge/ of this checkout, built by the
    /// composition root as `ossify serve` builds them, once for all tests.
    static let engines = Result {
        try CompositionRoot.make(environment: ProcessInfo.processInfo.environment, executable: Bundle.main.executableURL,
                             workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).engines()
    }

    static func make(_ backend: ServerBackend = .sqlite, engines: Engines? = nil,
                     settings: ServerSettings = ServerSettings(bcryptCost: 4, logLevel: .error)) async throws -> TestEnvironment {
        let store = RegistryStore(database: try await backend.makeDatabase())
        try await store.migrate()
        let hasher = PasswordHasher(cost: 4)
        let hash = try await hasher.hash(password)
        let a = try await store.createSite(code: "site-a", name: "Site A", by: .operatorConsole)
        let b = try await store.createSite(code: "site-b", name: "Site B", by: .operatorConsole)
        _ = try await store.createUser(username: "admin", passwordHash: hash, role: .admin, siteID: nil, by: .operatorConsole)
        _ = try await store.createUser(username: "clin-a", passwordHash: hash, role: .clinician, siteID: a.id, by: .operatorConsole)
        _ = try await store.createUser(username: "clin-b", passwordHash: hash, role: .clinician, siteID: b.id, by: .operatorConsole)
        _ = try await store.createUser(username: "researcher", passwordHash: hash, role: .researcher, siteID: nil, by: .operatorConsole)
        let router = try await buildRouter(store, settings: settings, engines: engines)
        return TestEnvironment(store: store, router: router, siteA: a, siteB: b)
    }

    /// Runs `body` with a test client of the router (no sockets).
    func test(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        let app = Application(router: router)
        do {
            try await app.test(.router) { client in
                try await body(Client(client: client))
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}

/// The test client with JSON helpers.
struct Client: Sendable {
    let client: any TestClientProtocol

    struct Reply: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let json: JSONValue

        subscript(key: String) -> JSONValue? { json[key] }
        var invalidFields: Set<String> {
            guard case .array(let items)? = json["invalid-params"] else { return [] }
            return Set(items.compactMap { $0["field"]?.stringValue })
        }
    }

    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: JSONValue? = nil,
              raw: String? = nil, bytes: [UInt8]? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers.append(contentsOf: extra)
        var buffer: ByteBuffer?
        if let bytes { buffer = ByteBuffer(bytes: bytes) }
        else if let raw { buffer = ByteBuffer(string: raw) }
        else if let body { buffer = ByteBuffer(string: body.jsonText) }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            let text = String(buffer: response.body)
            let json = text.isEmpty ? JSONValue.null : (JSONValue(jsonText: text) ?? .string(text))
            if response.status.code >= 400 {
                #expect(response.headers[.contentType] == "application/problem+json", "\(method) \(uri) \(response.status)")
            }
            #expect(response.status.code < 500 || response.status.code == 503, "\(method) \(uri) answered \(response.status)")
            return Reply(status: response.status, headers: response.headers, json: json)
        }
    }

    func login(_ username: String) async throws -> String {
        let reply = try await call(.post, "/api/v1/auth/login",
                                   body: .object(["username": .string(username), "password": .string(TestEnvironment.password)]))
        try #require(reply.status == .ok)
        return try #require(reply["token"]?.stringValue)
    }
}

extension JSONValue {
    static func int(_ v: Int) -> JSONValue { .number(Double(v)) }
    var int: Int? { intValue }

}

let patientBody: JSONValue = .object([
    "pseudonym": "P-1", "sex": "female", "status": "alive", "birthDate": "2016-01-02", "notes": "lives near the clinic",
    "orphaCode": "ORPHA:2762", "reuseConsent": true,
])
