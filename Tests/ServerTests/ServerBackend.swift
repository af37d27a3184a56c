import FoundationEssentials
import Registry
import Testing

/// The databases the route tests run on: in-memory SQLite always; PostgreSQL, in a schema of its
/// own per test, when `OSSIFY_TEST_POSTGRES_URL` is set.
enum ServerBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let postgresURL: PostgresURL? = {
        guard let text = ProcessInfo.processInfo.environment["OSSIFY_TEST_POSTGRES_URL"], !text.isEmpty else {
            print("note: OSSIFY_TEST_POSTGRES_URL is not set; the route tests run on SQLite only")
            return nil
        }
        return PostgresURL(text)
    }()

    static var available: [ServerBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    func makeDatabase() async throws -> any SQLDatabase {
        switch self {
        case .sqlite:
            return try SQLiteDatabase()
        case .postgres:
            guard let url = Self.postgresURL else { throw ServerBackendError.noPostgres }
            let schema = "t_" + UUID().uuidString.replacing("-", with: "").lowercased().prefix(16)
            let admin = PostgresDatabase(url: url, maxConnections: 1)
            await admin.waitUntilRunning()
            try await admin.write([SQLQuery("CREATE SCHEMA \(schema)")])
            await admin.close()
            let database = PostgresDatabase(url: url, schema: String(schema), maxConnections: 6)
            await database.waitUntilRunning()
            return database
        }
    }
}

enum ServerBackendError: Error { case noPostgres }
