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
