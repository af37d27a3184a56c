import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// The pages with the real engines: the HPO search behind the autocomplete, phenotypes by id or
/// exact name with their definitions, lab results flagged or refused, HGVS read by the variant engine.
@Suite("Pages: knowledge")
struct PageKnowledgeTests {
    @Test func theTermSearchFindsNamesAndSynonymsWithDefinitions() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        try await env.test { c in
            let token = try await c.login("clin-a")
            let hits = try await c.call(.get, "/api/v1/hpo/terms?q=heterotopic%20ossif", token: token)
            #expect(hits.status == .ok)
            let items = hits["items"]?.arrayValue ?? []
            #expect(items.contains { $0["id"] == "HP:0011986" }, "\(hits.json.jsonText.prefix(300))")
            #expect(items.allSatisfy { $0["name"]?.stringValue != nil })
            #expect(items.contains { $0["definition"]?.stringValue != nil })
            #expect(try await c.call(.get, "/api/v1/hpo/terms?q=", token: token).invalidFields == ["q"])
            #expect(try await c.call(.get, "/api/v1/hpo/terms?q=bone&limit=500", token: token).invalidFields == ["limit"])
            #expect(try await c.call(.get, "/api/v1/hpo/terms?q=bone").status == .unauthorized)
        }
    }

    @Test func phenotypesLabsAndVariantsThroughTheVisitPage() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        let clinician = try #require(try await env.store.credentials(username: "clin-a")?.user.principal)
        let patient = try await env.store.create(PatientFields(pseudonym: "K-1", birthDate: "2016-01-01", sex: .female),
                                                 parent: env.siteA.id, by: clinician)
        let visit = try await env.store.create(VisitFields(date: "2024-01-01"), parent: patient.id, by: clinician)
        let v = visit.id
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let page = try await browser.get("/visits/\(v)")
            #expect(page.body.contains(#"data-hpo-search="1""#))
            #expect(page.body.contains(#"<option value="HP:0012828">"#), "severity choices from the HPO subtree")
            #expect(page.body.contains(#"<option value="17861-6">"#), "analytes from the lab knowledge")
            // By exact name (no script): resolved to the id.
            let byName = try await browser.post("/visits/\(v)/phenotypic-features", [("hpoId", "heterotopic ossification"), ("excluded", "false")])
            #expect(byName.status == .seeOther)
            let unknown = try await browser.post("/visits/\(v)/phenotypic-features", [("hpoId", "no such finding at all")])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.body.contains(#"id="phenotypic-features-hpoId-error""#))
            #expect(unknown.body.contains(#"value="no such finding at all""#))
            let lab = try await browser.post("/visits/\(v)/measurements", [("loinc", "17861-6"), ("value", "12.5"), ("unit", "mg/dL")])
            #expect(lab.status == .seeOther)
            let implausible = try await browser.post("/visits/\(v)/measurements", [("loinc", "17861-6"), ("value", "950"), ("unit", "mg/dL")])
            #expect(implausible.status == .unprocessableContent)
            #expect(implausible.body.contains("plausible range"))
            let wrongUnit = try await browser.post("/visits/\(v)/measurements", [("loinc", "17861-6"), ("value", "2"), ("unit", "furlong")])
            #expect(wrongUnit.body.contains(#"id="measurements-unit-error">is not a unit of"#))
            let badHGVS = try await browser.post("/visits/\(v)/variants", [("gene", "GNAS"), ("hgvs", "NM_000516.7:c.565C>>T")])
            #expect(badHGVS.body.contains(#"id="variants-hgvs-error">is not valid HGVS"#))
            _ = try await browser.post("/visits/\(v)/variants", [("gene", "GNAS"), ("hgvs", "NM_000516.7:c.565C>T"), ("parentOfOrigin", "paternal")])
            let after = try await browser.get("/visits/\(v)")
            #expect(after.body.contains("Ectopic ossification (HP:0011986)"))
            #expect(after.body.contains(#"<span class="definition">"#), "the definition, shown on hover and focus")
            #expect(after.body.contains(#"<strong class="flag-high">high</strong>"#))
            #expect(after.body.contains("mmol/L"), "the converted value")
            let patientPage = try await browser.get("/patients/\(patient.id)")
            #expect(patientPage.body.contains(#"id="fact-parent-of-origin">paternal"#))
            #expect(patientPage.body.contains("NM_000516.7:c.565C&gt;T: ") && patientPage.body.contains("; loss of function "),
                    "the variant engine's reading")
            // The engines on the stored record, from the patient page; the results listed with release and version.
            #expect(patientPage.body.contains(#"id="run-diagnosis""#) && patientPage.body.contains("No stored results yet."))
            let diagnosed = try await browser.post("/patients/\(patient.id)/diagnose", [])
            #expect(diagnosed.status == .seeOther && diagnosed.location == "/patients/\(patient.id)/diagnosis")
            #expect(try await browser.post("/patients/\(patient.id)/assess", []).status == .seeOther)
            #expect(try await browser.post("/patients/\(patient.id)/diagnose", [], csrf: .none).status == .forbidden)
            let withResults = try await browser.get("/patients/\(patient.id)")
            #expect(withResults.body.contains("<strong>Differential diagnosis</strong>"))
            #expect(withResults.body.contains("<strong>GNAS-spectrum assessment</strong>"))
            #expect(withResults.body.contains("; data release HPO "))
            #expect(withResults.body.contains("<li>1. "), "the leading candidate")
            let researcher = try await PageBrowser.signIn(c, "researcher")
            let list = try await researcher.get("/")
            let link = try #require(list.body.firstRange(of: #/href="/patients/[0-9a-f]{20}"/#).map { String(list.body[$0].dropFirst(6).dropLast()) })
            let researcherPage = try await researcher.get(link)
            #expect(researcherPage.body.contains("<strong>Differential diagnosis</strong>"))
            #expect(!researcherPage.body.contains(#"id="run-diagnosis""#))
            #expect(try await researcher.post("/patients/\(patient.id)/diagnose", []).status == .forbidden)
        }
    }
}
