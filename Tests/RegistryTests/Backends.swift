import FoundationEssentials
@testable import Registry
import Testing

/// The stores the storage suite runs against: SQLite always, PostgreSQL when
/// `OSSIFY_TEST_POSTGRES_URL` names a database (scripts/start-postgres prints one).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let postgresURL: String? = {
        let value = ProcessInfo.processInfo.environment["OSSIFY_TEST_POSTGRES_URL"]
        if value == nil || value?.isEmpty == true {
            print("note: OSSIFY_TEST_POSTGRES_URL is not set; the storage suite runs on SQLite only")
            return nil
        }
        return value
    }()

    static var available: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A migrated store. SQLite gets a new WAL file; PostgreSQL shares one database, so tests make
    /// their own site and names (`unique`).
    func makeStore() async throws -> RegistryStore {
        try await makeStoreAndPath().store
    }

    /// The store and, for SQLite, its file (removed by `Fixture.close`).
    func makeStoreAndPath() async throws -> (store: RegistryStore, path: String?) {
        let store: RegistryStore
        var path: String?
        switch self {
        case .sqlite:
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("ossify-test-\(UUID().uuidString).sqlite").path
            store = RegistryStore(database: try SQLiteDatabase(path: file))
            path = file
        case .postgres:
            guard let text = Backend.postgresURL, let url = PostgresURL(text) else { throw TestFailure.noPostgres }
            let database = PostgresDatabase(url: url, maxConnections: 6)
            await database.waitUntilRunning()
            store = RegistryStore(database: database)
        }
        try await store.migrate()
        return (store, path)
    }
}

enum TestFailure: Error { case noPostgres }

func unique(_ prefix: String) -> String { prefix + "-" + String(UUID().uuidString.prefix(8)) }

/// A site with a clinician and a researcher, for one test.
struct Fixture {
    let store: RegistryStore
    let site: Site
    let clinician: Principal
    let researcher: Principal
    let path: String?

    static func make(_ backend: Backend) async throws -> Fixture {
        let (store, path) = try await backend.makeStoreAndPath()
        let site = try await store.createSite(code: unique("site"), name: "Test centre", by: .operatorConsole)
        let c = try await store.createUser(username: unique("clin"), passwordHash: "x", role: .clinician, siteID: site.id, by: .operatorConsole)
        let r = try await store.createUser(username: unique("res"), passwordHash: "x", role: .researcher, siteID: nil, by: .operatorConsole)
        return Fixture(store: store, site: site, clinician: c.principal, researcher: r.principal, path: path)
    }

    /// Closes the store and removes its SQLite files.
    func close() async {
        await store.close()
        guard let path else { return }
        for file in [path, SQLiteDatabase.auditSpoolPath(for: path)] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }
    }

    func patient(_ pseudonym: String = unique("P"), birth: String? = "2015-03-10") async throws -> Stored<PatientFields> {
        var fields = PatientFields(pseudonym: pseudonym, birthDate: birth, sex: .female)
        fields.notes = "free text about the family"
        fields.orphaCode = "ORPHA:2762"
        return try await store.create(fields, parent: site.id, by: clinician)
    }
}
