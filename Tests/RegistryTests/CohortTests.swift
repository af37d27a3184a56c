import Analytics
import FoundationEssentials
@testable import Registry
import Testing

/// The seeder draws natural histories from known parameters; the cohort read from the store and
/// the analyses must recover them.
@Suite(.serialized) struct CohortRecoveryTests {
    @Test func estimatesRecoverTheSeededParameters() async throws {
        let store = RegistryStore(database: try SQLiteDatabase())
        try await store.migrate()
        let truth = NaturalHistory.standard
        try await Seeder(patients: 1500, seed: 7).run(on: store, by: .operatorConsole)
        let researcher = Principal(userID: nil, username: "test", role: .researcher, siteID: nil)
        let cohort = try await store.cohort(CohortFilter(), by: researcher)
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

    @Test func cliniciansSeeTheirSiteOnly() async throws {
        let store = RegistryStore(database: try SQLiteDatabase())
        try await store.migrate()
        try await Seeder(patients: 30, seed: 3).run(on: store, by: .operatorConsole)
        let site = try #require(try await store.sites().first { $0.code == "seed-a" })
        let clinician = Principal(userID: 1, username: "c", role: .clinician, siteID: site.id)
        let cohort = try await store.cohort(CohortFilter(), by: clinician)
        #expect(cohort.count == 10)
        #expect(cohort.allSatisfy { $0.siteID == site.id && Int64($0.id) != nil })
        let admin = Principal(userID: 2, username: "a", role: .admin, siteID: nil)
        await #expect(throws: RegistryError.self) { _ = try await store.cohort(CohortFilter(), by: admin) }
    }
}
