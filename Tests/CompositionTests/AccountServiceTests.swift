import Composition
import Registry
import Testing

/// The one way accounts are made (API, admin page, `ossify user add`).
@Suite struct AccountServiceTests {
    let password = "correct horse battery"

    func service() async throws -> AccountService {
        let store = RegistryStore(database: try SQLiteDatabase())
        try await store.migrate()
        return AccountService(store: store, hasher: PasswordHasher(cost: 4))
    }

    @Test func anUnknownSiteIsRefusedAndNotCreated() async throws {
        let accounts = try await service()
        await #expect(throws: RegistryError.invalid([FieldProblem("site", "is not the code of a site")])) {
            try await accounts.createUser(username: "clin", password: password, role: "clinician", siteCode: "nowhere", by: .operatorConsole)
        }
        #expect(try await accounts.store.sites().isEmpty)
        #expect(try await accounts.store.users().isEmpty)
        await accounts.store.close()
    }

    @Test func aUserOfAnExistingSiteGetsAHashTheHasherVerifies() async throws {
        let accounts = try await service()
        let site = try await accounts.createSite(code: "centre-a", name: "Centre A", by: .operatorConsole)
        let user = try await accounts.createUser(username: "clin", password: password, role: "clinician", siteCode: "centre-a",
                                                 by: .operatorConsole)
        #expect(user.siteID == site.id)
        #expect(user.role == .clinician)
        let hash = try #require(try await accounts.store.credentials(username: "clin")?.passwordHash)
        #expect(try await accounts.hasher.verify(password, hash: hash))
        #expect(try await !accounts.hasher.verify("another password", hash: hash))
        await accounts.store.close()
    }

    @Test func aShortPasswordAndAnUnknownRoleAreBothNamed() async throws {
        let accounts = try await service()
        await #expect(throws: RegistryError.invalid([FieldProblem("role", "must be one of: admin, clinician, researcher"),
                                                     FieldProblem("password", "must be at least 12 characters")])) {
            try await accounts.createUser(username: "x", password: "short", role: "owner", siteCode: nil, by: .operatorConsole)
        }
        await accounts.store.close()
    }
}
