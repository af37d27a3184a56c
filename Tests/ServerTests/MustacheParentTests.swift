import Mustache
import Registry
@testable import Server
import Testing

/// The view models answer the templates by name (`MustacheParent`) instead of by reflection: every
/// stored property must be answered, or a template would print nothing for it. Walks a patient
/// page made from a full record and checks each view value it reaches against its own mirror.
@Suite("View models answer every property by name")
struct MustacheParentTests {
    static func check(_ value: Any, path: String, depth: Int = 0) {
        guard depth < 8 else { return }
        let mirror = Mirror(reflecting: value)
        if let parent = value as? any MustacheParent {
            for child in mirror.children {
                guard let label = child.label else { continue }
                // A nil optional answers nil either way.
                let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
                #expect(isNil || parent.child(named: label) != nil, "\(path).\(label) is not answered by child(named:)")
            }
        }
        for child in mirror.children {
            check(child.value, path: path + "." + (child.label ?? "[]"), depth: depth + 1)
        }
    }

    @Test func thePatientPageAndItsPartsAnswerEveryProperty() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        let clinician = try #require(try await env.store.credentials(username: "clin-a")?.user.principal)
        let patient = try await env.store.create(PatientFields(pseudonym: "M-1", birthDate: "2015-01-01", sex: .female),
                                                 parent: env.siteA.id, by: clinician)
        let visit = try await env.store.create(VisitFields(date: "2024-01-01", notes: "note"), parent: patient.id, by: clinician)
        _ = try await env.store.create(PhenotypicFeatureFields(hpoId: "HP:0034282"), parent: visit.id, by: clinician)
        _ = try await env.store.create(LesionFields(lesionId: "L1", region: "forearm", side: .left, percentOfRegion: 10, depth: .dermis),
                                       parent: visit.id, by: clinician)
        _ = try await env.store.create(ProcedureFields(kind: .excision, date: "2024-01-01", lesionId: "L1"), parent: visit.id, by: clinician)
        let record = try await env.store.document(patient: patient.id, by: clinician).json(.identified)
        let knowledge = PageKnowledge(engines: try TestEnvironment.engines.get())
        let page = PatientPageView.make(record, view: .identified, knowledge: knowledge, today: nil)
        Self.check(page, path: "page")
        Self.check(PageRenderer.Body(page: page, csrf: "x"), path: "body")
        await env.store.close()
    }
}
