import Analytics
import FoundationEssentials
@testable import Registry
import Testing

/// The seeder draws natural histories from known parameters; the cohort read from the store and
/// the analyses must recover them. On SQLite, and on PostgreSQL when `OSSIFY_TEST_POSTGRES_URL`
/// is set (a shared database: the test seeds sites of its own and keeps their patients).
@Suite(.serialized) struct CohortRecoveryTests {
    @Test(arguments: Backend.available)
    func estimatesRecoverTheSeededParameters(_ backend: Backend) async throws {
        let (store, path) = try await backend.makeStoreAndPath()
        defer { removeDatabaseFiles(path) }
        let truth = NaturalHistory.standard
        let codes = ["a", "b", "c"].map { unique("seed-" + $0) }
        try await Seeder(patients: 1500, seed: 7, siteCodes: codes).run(on: store, by: .operatorConsole)
        let ours = Set(try await store.sites().filter { codes.contains($0.code) }.map(\.id))
        let researcher = Principal(userID: nil, username: "test", role: .researcher, siteID: nil)
        let cohort = try await store.cohort(CohortFilter(), by: researcher).filter { ours.contains($0.siteID) }
        await store.database.close()
        #expect(cohort.count == 1500)
        #expect(cohort.allSatisfy { $0.id.count == 20 })  // hashed research ids

        // Progression intensities within 20% of the truth (none → dermis is seen only in the
        // patients whose first visit precedes onset, so it is the least precise).
        let progression = ProgressionReport(patients: cohort, policy: .none)
        let fit = try #require(progression.fit)
        for (estimate, target) in zip(fit.intensities, truth.progression) {
            #expect(abs(estimate / target - 1) < 0.2, "intensity \(estimate) against \(target)")
        }
        // Recurrence: exact times, exponential; events over time at risk by morphology.
        let recurrence = SurvivalReport(event: .recurrence, patients: cohort, grouping: nil, policy: .none)
        for (group, rate) in [("circumscribed", truth.recurrenceCircumscribed), ("diffuse", truth.recurrenceDiffuse)] {
            let records = recurrence.data.filter { $0.group == group }
            let estimate = Double(records.filter(\.isEvent).count) / records.map(\.time).reduce(0, +)
            #expect(abs(estimate / rate - 1) < 0.25, "\(group) recurrence \(estimate) against \(rate)")
        }
        let hr = try #require(recurrence.cox.first)
        #expect(hr.term == "diffuse")
        #expect(hr.lower < truth.recurrenceDiffuse / truth.recurrenceCircumscribed
                && truth.recurrenceDiffuse / truth.recurrenceCircumscribed < hr.upper)
        // The maternal group records the first two features more often.
        let features = FeatureReport(patients: cohort, by: .parentOfOrigin, policy: .none)
        let first = try #require(features.tables.first { $0.hpoId == Seeder.features[0] })
        #expect(first.pAdjusted < 0.001)
    }

    @Test(arguments: Backend.available)
    func cliniciansSeeTheirSiteOnly(_ backend: Backend) async throws {
        let (store, path) = try await backend.makeStoreAndPath()
        defer { removeDatabaseFiles(path) }
        let codes = ["a", "b", "c"].map { unique("seed-" + $0) }
        try await Seeder(patients: 30, seed: 3, siteCodes: codes).run(on: store, by: .operatorConsole)
        let site = try #require(try await store.sites().first { $0.code == codes[0] })
        let clinician = Principal(userID: 1, username: "c", role: .clinician, siteID: site.id)
        let cohort = try await store.cohort(CohortFilter(), by: clinician)
        #expect(cohort.count == 10)
        #expect(cohort.allSatisfy { $0.siteID == site.id && Int64($0.id) != nil })
        let admin = Principal(userID: 2, username: "a", role: .admin, siteID: nil)
        await #expect(throws: RegistryError.self) { _ = try await store.cohort(CohortFilter(), by: admin) }
        await store.database.close()
    }

    /// The rates read only each lesion's region, side and extent and the limb lengths as left-right
    /// pairs: the same rates as from the full read; every seeded leg pair (visits 1, 4, 7, 10) once.
    @Test(arguments: Backend.available)
    func ratesReadOnlyWhatTheyUse(_ backend: Backend) async throws {
        let (store, path) = try await backend.makeStoreAndPath()
        defer { removeDatabaseFiles(path) }
        let codes = ["a", "b"].map { unique("seed-" + $0) }
        try await Seeder(patients: 40, seed: 11, siteCodes: codes).run(on: store, by: .operatorConsole)
        let site = try #require(try await store.sites().first { $0.code == codes[1] })
        let clinician = Principal(userID: 1, username: "c", role: .clinician, siteID: site.id)
        let rates = try await CohortService(store: store).rates(filter: CohortFilter(sex: .female), by: clinician)
        let full = try await store.cohort(CohortFilter(sex: .female), parts: .all, by: clinician)
        let expected = RatesReport(patients: full, policy: .none)
        #expect(!full.isEmpty && full.count < 20)
        #expect(rates.data == expected.data && rates.data.count > 0)
        #expect(rates.regionsPerYear == expected.regionsPerYear && rates.bsaPerYear == expected.bsaPerYear)
        #expect(rates.limbDiscrepancy.count == 4 * full.count)
        #expect(rates.limbDiscrepancy.allSatisfy { $0.segment == "lower-leg" && $0.difference <= 0 })
        await store.database.close()
    }
}
