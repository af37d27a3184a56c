import Foundation
@testable import Registry
import Testing

@Suite("PostgreSQL addresses: sslmode and the password kept off command lines")
struct PostgresURLTests {
    @Test func sslModeDefaultsToPreferAndIsRead() throws {
        #expect(try #require(PostgresURL("postgres://u@h/db")).sslMode == .prefer)
        for mode in PostgresURL.SSLMode.allCases where mode != .verifyCA {
            #expect(PostgresURL("postgres://u@h/db?sslmode=\(mode.rawValue)")?.sslMode == mode)
        }
        let full = try #require(PostgresURL("postgresql://u:p@h:6543/db?sslmode=verify-full&sslrootcert=/etc/ca.pem"))
        #expect(full.sslMode == .verifyFull && full.sslRootCert == "/etc/ca.pem" && full.port == 6543)
        #expect(PostgresURL("postgres://u@h/db?sslmode=allow")?.sslMode == .prefer)
    }

    @Test(arguments: ["postgres://u@h/db?sslmode=sometimes", "postgres://u@h/db?sslmode=verify-ca", "postgres://u@h/db?sslcert=x"])
    func unknownOrIncompleteSettingsAreRefused(_ text: String) {
        #expect(PostgresURL(text) == nil)
    }

    @Test func thePasswordTravelsInTheEnvironmentOnly() throws {
        let url = try #require(PostgresURL("postgres://alice:s%40cret@db.example:5432/registry?sslmode=require"))
        #expect(!url.withoutSecrets.contains("cret"))
        #expect(url.withoutSecrets == "postgresql://alice@db.example:5432/registry")
        #expect(url.libpqEnvironment == ["PGPASSWORD": "s@cret", "PGSSLMODE": "require"])
    }

    @Test func tlsSettingsFollowTheMode() throws {
        func verification(_ text: String) throws -> String? {
            try PostgresDatabase.tlsConfiguration(#require(PostgresURL(text))).map { "\($0.certificateVerification)" }
        }
        #expect(try verification("postgres://u@h/db?sslmode=disable") == nil)
        #expect(try verification("postgres://u@h/db")?.hasPrefix("none(") == true)
        #expect(try verification("postgres://u@h/db?sslmode=require")?.hasPrefix("none(") == true)
        #expect(try verification("postgres://u@h/db?sslmode=require&sslrootcert=/ca.pem") == "noHostnameVerification")
        #expect(try verification("postgres://u@h/db?sslmode=verify-ca&sslrootcert=/ca.pem") == "noHostnameVerification")
        #expect(try verification("postgres://u@h/db?sslmode=verify-full") == "fullVerification")
    }
}

@Suite("sslmode on a live server")
struct PostgresTLSLiveTests {
    static let base = ProcessInfo.processInfo.environment["OSSIFY_TEST_POSTGRES_URL"]

    /// The CI server runs without TLS: prefer falls back to a plain connection, require refuses it.
    @Test(.enabled(if: base != nil, "OSSIFY_TEST_POSTGRES_URL not set"))
    func requireRefusesAServerWithoutTLS() async throws {
        let base = try #require(Self.base)
        let prefer = try await RegistryStore.open(base + "?sslmode=prefer")
        #expect(try await prefer.database.read("SELECT 1 AS n").first?["n"].int == 1)
        await prefer.database.close()
        // Reported at once, naming the setting, instead of a pool that retries for ever.
        let start = ContinuousClock.now
        do {
            let store = try await RegistryStore.open(base + "?sslmode=require")
            await store.close()
            Issue.record("sslmode=require connected to a server without TLS")
        } catch {
            #expect("\(error)".contains("sslmode=require"))
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}

@Suite("The server's PostgreSQL pool")
struct PostgresPoolLiveTests {
    /// A server's pool (`serve --database-pool N`) opens its N connections at start and keeps them,
    /// so that a burst of requests never waits for new PostgreSQL backends; a CLI command's store
    /// opens connections only as it needs them.
    @Test(.enabled(if: PostgresTLSLiveTests.base != nil, "OSSIFY_TEST_POSTGRES_URL not set"))
    func aServersPoolIsOpenedAtStart() async throws {
        let base = try #require(PostgresTLSLiveTests.base)
        // A database of its own, so that no other test's connections are counted.
        let admin = try await RegistryStore.open(base)
        let name = "ossify_pool_\(UInt32.random(in: 0 ... .max))"
        try await admin.database.write([SQLQuery("CREATE DATABASE \(name)")])
        let url = try #require(base.split(separator: "?").first.map { String($0[..<$0.lastIndex(of: "/")!]) }) + "/" + name
        func backends() async throws -> Int {
            try await admin.database.read("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = ?", [.text(name)])
                .first?["n"].int ?? -1
        }
        let server = try await RegistryStore.open(url, postgresPool: 6)
        var open = 0
        for _ in 0..<100 {
            open = try await backends()
            if open == 6 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(open == 6)
        await server.close()
        let command = try await RegistryStore.open(url)
        #expect(try await command.database.read("SELECT 1 AS n").first?["n"].int == 1)
        #expect(try await backends() <= 1)
        await command.close()
        try await admin.database.write([SQLQuery("DROP DATABASE \(name) WITH (FORCE)")])
        await admin.close()
    }
}
