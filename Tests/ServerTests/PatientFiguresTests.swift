import Clinical
import Registry
@testable import Server
import Testing

/// The patient page's figures made from the stored record, for a clinician and a researcher.
@Suite("Pages: the patient's figures")
struct PatientFiguresTests {
    @Test func figuresFromTheRecordInEachView() async throws {
        let env = try await TestEnvironment.make()
        let seeded = try await PageRecordTests.seed(env)
        let clinician = try #require(try await env.store.credentials(username: "clin-a")?.user.principal)
        let v = seeded.visit.id
        for (side, length) in [(BodySide.left, 21.5), (.right, 23.0)] {
            _ = try await env.store.create(MeasurementFields(loinc: "8302-2", value: length, unit: "cm", bodySite: "forearm", side: side),
                                           parent: v, by: clinician)
        }
        _ = try await env.store.create(JointInvolvementFields(joint: .knee, side: .left, score: 1), parent: v, by: clinician)
        let later = try await env.store.create(VisitFields(date: "2025-05-06"), parent: seeded.patient.id, by: clinician)
        _ = try await env.store.create(LesionFields(lesionId: "L2", region: "thigh", side: .right, percentOfRegion: 50, depth: .muscle),
                                       parent: later.id, by: clinician)

        let document = try await env.store.document(patient: seeded.patient.id, by: clinician)
        let figures = PatientFigures.make(document.json(.identified), sex: .female, knowledge: PageKnowledge(engines: nil))
        let latest = try #require(figures.latestBodyMap)
        // The latest visit (age 10.2 at 2025-05-06, born 2015-03-04): right thigh 50% of 9% (age band 10) = 4.5% BSA.
        #expect(latest.contains("2025-05-06, age 10.2 years, 4.5% of body surface"))
        #expect(latest.contains(#"class="bodymap-region depth-muscle" data-region="thigh" data-side="right" data-view="front""#))
        #expect(latest.contains(#"role="img""#) && !latest.contains("role=\"button\""))
        #expect(figures.bodyMapsByVisit?.contains("body-maps-by-visit-2") == true)
        #expect(figures.charts.map(\.id) == ["chart-bsa", "chart-limbs", "chart-joints", "chart-lab-1", "chart-timeline"])
        let all = ([latest, figures.bodyMapsByVisit ?? ""] + figures.charts.flatMap { [$0.svg, $0.table] }).joined()
        #expect(all.contains("1.5 cm, right longer"))
        #expect(all.contains("Left knee"))
        // Excision at the visit (age 9.17), recurrence 118 days later.
        #expect(all.contains("excision at 9.17 years, recurred at 9.49 years."))
        #expect(!all.contains("<script>") && !all.contains("style="))

        let researcher = try #require(try await env.store.credentials(username: "researcher")?.user.principal)
        let pseudonymised = try await env.store.document(patient: seeded.patient.id, by: researcher)
        let theirs = PatientFigures.make(pseudonymised.json(View(role: .researcher)), sex: .female, knowledge: PageKnowledge(engines: nil))
        let text = ([theirs.latestBodyMap ?? ""] + theirs.charts.flatMap { [$0.svg, $0.table] }).joined()
        #expect(theirs.charts.count == figures.charts.count)
        #expect(!text.contains("2025-05-06") && !text.contains("2015-03-04"), "dates are shifted for researchers")
        #expect(text.contains("4.5% of body surface"), "ages, and so the %BSA, are the same")
        #expect(!text.contains("pseudonym"))
    }
}
