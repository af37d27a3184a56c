import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// The patient list, the patient and visit pages and their forms, for every role: status, key
/// content, headers, CSRF, escaping of hostile input, and no identifier for researchers.
@Suite("Pages: patients and visits")
struct PageRecordTests {
    static let script = "<script>alert(1)</script>"
    static let image = #""><img src=x onerror=alert(1)>"#
    /// The identifying and free-text fields carry their own hostile texts, so a researcher's page
    /// can be checked for them.
    static let pseudonym = "<script>alert('pseudonym')</script>"
    static let notes = #""><img src=x onerror=alert('notes')>"#

    /// A synthetic patient at site A whose every free text is hostile, with a visit and a part of every kind.
    struct Seeded {
        let patient: Stored<PatientFields>
        let visit: Stored<VisitFields>
        let researchID: String
    }

    static func seed(_ env: TestEnvironment) async throws -> Seeded {
        let clinician = try #require(try await env.store.credentials(username: "clin-a")?.user.principal)
        var fields = PatientFields(pseudonym: pseudonym, birthDate: "2015-03-04", sex: .female)
        fields.notes = notes
        fields.orphaCode = "ORPHA:2762"
        fields.biobankLink = "BIOBANK-SECRET-42"
        fields.gnasSequencing = .variant
        let patient = try await env.store.create(fields, parent: env.siteA.id, by: clinician)
        let visit = try await env.store.create(VisitFields(date: "2024-05-06", kind: "baseline", notes: notes), parent: patient.id, by: clinician)
        _ = try await env.store.create(PhenotypicFeatureFields(hpoId: "HP:0001510"), parent: visit.id, by: clinician)
        _ = try await env.store.create(MeasurementFields(loinc: "17861-6", name: script, value: 9.5, unit: "mg/dL"), parent: visit.id, by: clinician)
        _ = try await env.store.create(LesionFields(lesionId: script, region: "forearm", side: .left, depth: .subcutis, notes: notes),
                                       parent: visit.id, by: clinician)
        _ = try await env.store.create(ProcedureFields(kind: .excision, date: "2024-05-06", outcome: script, recurrence: true,
                                                       recurrenceDate: "2024-09-01"), parent: visit.id, by: clinician)
        _ = try await env.store.create(VariantFields(gene: "GNAS", hgvs: "NM_000516.7:c.565C>T", parentOfOrigin: .paternal, label: image),
                                       parent: visit.id, by: clinician)
        _ = try await env.store.create(DiagnosisFields(code: "ORPHA:2762", label: script, status: .confirmed), parent: visit.id, by: clinician)
        let researchID = try #require(try await env.store.get(PatientFields.self, id: patient.id, by: clinician).privacy?.researchID)
        return Seeded(patient: patient, visit: visit, researchID: researchID)
    }

    static func expectInert(_ page: PageBrowser.Page, _ what: String) {
        #expect(!page.body.contains(script), "\(what): a raw <script>")
        #expect(!page.body.contains("<img src=x"), "\(what): a raw <img>")
        #expect(!page.body.contains(#""><img"#), "\(what): an attribute broken out of")
        PageChecks.noInlineCode(page, what)
        PageChecks.securityHeaders(page, what)
    }

    @Test(arguments: ServerBackend.available)
    func everyPageForEveryRoleWithHostileDataInert(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let seeded = try await Self.seed(env)
        let p = seeded.patient.id, v = seeded.visit.id
        try await env.test { c in
            let clinician = try await PageBrowser.signIn(c, "clin-a")
            let clinicianPages: [(String, String)] = [
                ("/", "id=\"patients\""), ("/?q=script", "id=\"patients\""), ("/patients/new", "id=\"patient-form\""),
                ("/patients/\(p)", "id=\"timeline\""), ("/patients/\(p)/edit", "id=\"patient-form\""),
                ("/visits/\(v)", "id=\"visit-parts\""), ("/account/password", "id=\"password-form\""),
            ]
            for (uri, key) in clinicianPages {
                let page = try await clinician.get(uri)
                #expect(page.status == .ok, "clinician \(uri): \(page.status)")
                #expect(page.body.contains(key), "clinician \(uri)")
                Self.expectInert(page, "clinician \(uri)")
            }
            let patientPage = try await clinician.get("/patients/\(p)")
            #expect(patientPage.body.contains("&lt;script&gt;alert(&#39;pseudonym&#39;)&lt;/script&gt;"), "the pseudonym is shown, escaped")
            #expect(patientPage.body.contains("&quot;&gt;&lt;img src=x onerror=alert(&#39;notes&#39;)&gt;"), "the notes are shown, escaped")
            #expect(patientPage.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "coded texts are shown, escaped")
            for section in ["id=\"body-map\"", "id=\"charts\"", "id=\"patient-header\"", "id=\"add-visit-form\""] {
                #expect(patientPage.body.contains(section), "\(section)")
            }
            #expect(patientPage.body.contains(#"id="fact-gnas-variant">NM_000516.7:c.565C&gt;T"#))
            #expect(patientPage.body.contains(#"id="fact-parent-of-origin">paternal"#))
            #expect(patientPage.body.contains(#"class="mark recurrence">recurrence 2024-09-01"#))
            #expect(!patientPage.body.contains(">Edit</a>") && !patientPage.body.contains(">Delete</button>"),
                    "the patient page has no part actions (a missing value must not fall through to the page's own)")

            let researcher = try await PageBrowser.signIn(c, "researcher")
            for (uri, key) in [("/", "id=\"patients\""), ("/patients/\(seeded.researchID)", "id=\"timeline\""),
                               ("/account/password", "id=\"password-form\"")] {
                let page = try await researcher.get(uri)
                #expect(page.status == .ok, "researcher \(uri): \(page.status)")
                #expect(page.body.contains(key), "researcher \(uri)")
                Self.expectInert(page, "researcher \(uri)")
                // No identifier and no free text: pseudonym, birth date, biobank link, notes.
                for secret in ["pseudonym&#39;", "notes&#39;", "2015-03-04", "BIOBANK-SECRET-42", "/patients/\(p)\""] {
                    #expect(!page.body.contains(secret), "researcher \(uri) shows \(secret)")
                }
                #expect(!page.body.contains("<form method=\"post\" action=\"/patients"), "researcher \(uri) has a change form")
            }
            let list = try await researcher.get("/")
            #expect(list.body.contains("/patients/\(seeded.researchID)"))
            #expect(try await researcher.get("/patients/\(p)").status == .notFound, "a researcher cannot use the record id")
            for uri in ["/patients/new", "/visits/\(v)", "/patients/\(p)/edit"] {
                #expect(try await researcher.get(uri).status == .forbidden, "researcher \(uri)")
            }

            let admin = try await PageBrowser.signIn(c, "admin")
            #expect(try await admin.get("/").location == "/admin")
            let adminHome = try await admin.get("/admin")
            #expect(adminHome.status == .ok)
            #expect(adminHome.body.contains("id=\"users\"") && adminHome.body.contains("clin-a"))
            Self.expectInert(adminHome, "admin /admin")
            #expect(!adminHome.body.contains("&lt;script&gt;"), "no patient data for admins")
            let auditPage = try await admin.get("/admin/audit")
            #expect(auditPage.status == .ok && auditPage.body.contains(#"id="audit""#))
            Self.expectInert(auditPage, "admin /admin/audit")
            for uri in ["/admin", "/admin/audit"] {
                #expect(try await clinician.get(uri).status == .forbidden, "clinician \(uri)")
                #expect(try await researcher.get(uri).status == .forbidden, "researcher \(uri)")
            }
            for uri in ["/patients/\(p)", "/patients/new", "/visits/\(v)"] {
                let page = try await admin.get(uri)
                #expect(page.status == .forbidden, "admin \(uri)")
                #expect(!page.body.contains("&lt;script&gt;"), "admin \(uri) shows patient data")
                PageChecks.securityHeaders(page, "admin \(uri)")
            }
            #expect(try await admin.get("/account/password").status == .ok)

            // A clinician of another site does not see the patient.
            let other = try await PageBrowser.signIn(c, "clin-b")
            #expect(try await other.get("/patients/\(p)").status == .notFound)
            #expect(!(try await other.get("/").body.contains("&lt;script&gt;")))
        }
    }

    @Test func formPostsNeedTheSessionsCSRFToken() async throws {
        let env = try await TestEnvironment.make()
        let store = env.store
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let fields = [("pseudonym", "CSRF-1"), ("sex", "male"), ("status", "alive")]
            #expect(try await browser.post("/patients/new", fields, csrf: .none).status == .forbidden)
            #expect(try await browser.post("/patients/new", fields, csrf: .value("")).status == .forbidden)
            #expect(try await browser.post("/patients/new", fields, csrf: .value(String(repeating: "a", count: 64))).status == .forbidden)
            #expect(try await browser.post("/patients/new", fields, origin: "https://evil.example").status == .forbidden)
            #expect(try await store.listPatients(PatientFilter(), page: Page(), by: .operatorConsole).total == 0, "nothing was written")
            let made = try await browser.post("/patients/new", fields, origin: "http://localhost")
            #expect(made.status == .seeOther)
            #expect(made.location?.hasPrefix("/patients/") == true)
            // The API does not take the form field in place of its header.
            let api = try await c.client.execute(uri: "/api/v1/patients", method: .post,
                                                 headers: [.contentType: "application/x-www-form-urlencoded",
                                                           .cookie: browser.cookieHeader ?? ""],
                                                 body: ByteBuffer(string: "csrf=\(browser.csrf ?? "")&pseudonym=X")) { $0.status }
            #expect(api == .forbidden)
        }
    }

    @Test func theNewPatientFormValidatesAsTheAPIAndKeepsTheInput() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let form = try await browser.get("/patients/new")
            for name in ["pseudonym", "birthDate", "sex", "status", "orphaCode", "reuseConsent", "gnasSequencing", "acvr1"] {
                #expect(form.body.contains(#"name="\#(name)""#), "\(name)")
                #expect(form.body.contains(#"<label for="patient-\#(name)""#), "\(name) has a label")
            }
            let bad = try await browser.post("/patients/new", [("pseudonym", Self.image), ("birthDate", "2020-13-45"), ("sex", "female"),
                                                                ("status", "alive"), ("orphaCode", "2762")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains(#"id="patient-birthDate-error">must be a date YYYY-MM-DD"#))
            #expect(bad.body.contains(#"id="patient-orphaCode-error">must be ORPHA:&lt;digits&gt;"#))
            #expect(bad.body.contains(#"value="2020-13-45""#), "the input is kept")
            #expect(bad.body.contains(#"value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;""#), "kept and escaped")
            Self.expectInert(bad, "the form with errors")
            let missing = try await browser.post("/patients/new", [("pseudonym", "P-9")])
            #expect(missing.body.contains(#"id="patient-sex-error">is required"#))
            let good = try await browser.post("/patients/new", [("pseudonym", "P-9"), ("sex", "female"), ("status", "alive"),
                                                                 ("birthDate", "2016-02-03"), ("reuseConsent", "true"), ("gnasSequencing", "variant")])
            #expect(good.status == .seeOther)
            let taken = try await browser.post("/patients/new", [("pseudonym", "P-9"), ("sex", "male"), ("status", "alive")])
            #expect(taken.status == .unprocessableContent && taken.body.contains(#"id="patient-pseudonym-error">is taken"#))
            let page = try await browser.get(try #require(good.location))
            #expect(page.body.contains(#"id="fact-pseudonym">P-9"#))
            #expect(page.body.contains(#"id="fact-gnasSequencing">variant"#))
        }
    }

    @Test(arguments: ServerBackend.available)
    func visitsAreAddedEditedAndDeletedWithTheVersionCheck(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let seeded = try await Self.seed(env)
        let p = seeded.patient.id
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let invalid = try await browser.post("/patients/\(p)/visits", [("date", "yesterday"), ("notes", "kept text")])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.body.contains(#"id="visit-date-error""#) && invalid.body.contains("kept text"))
            let added = try await browser.post("/patients/\(p)/visits", [("date", "2025-01-02"), ("kind", "follow-up")])
            #expect(added.status == .seeOther)
            let visitPath = try #require(added.location)
            let visit = try await browser.get(visitPath)
            #expect(visit.status == .ok)
            let version = try #require(visit.version(of: visitPath))
            #expect(version == "1")
            let saved = try await browser.post(visitPath, [("date", "2025-01-03"), ("kind", "follow-up"), ("version", version)])
            #expect(saved.status == .seeOther)
            // A second save from the same (now stale) form: refused, said so, the input kept.
            let stale = try await browser.post(visitPath, [("date", "2025-01-04"), ("kind", "surgery"), ("notes", "my edit"), ("version", version)])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains(#"id="stale-notice""#))
            #expect(stale.body.contains("my edit") && stale.body.contains(#"value="2025-01-04""#))
            #expect(stale.version(of: visitPath) == "2", "saving again replaces the current version")
            let staleDelete = try await browser.post(visitPath + "/delete", [("version", "1")])
            #expect(staleDelete.status == .conflict)
            let deleted = try await browser.post(visitPath + "/delete", [("version", "2")])
            #expect(deleted.status == .seeOther)
            #expect(deleted.location == "/patients/\(p)")
            #expect(try await browser.get(visitPath).status == .notFound)
            // Editing the registration: the same check.
            let edit = try await browser.get("/patients/\(p)/edit")
            let patientVersion = try #require(edit.version(of: "/patients/\(p)/edit"))
            let fields = [("pseudonym", "P-renamed"), ("sex", "female"), ("status", "alive"), ("version", patientVersion)]
            #expect(try await browser.post("/patients/\(p)/edit", fields).status == .seeOther)
            let again = try await browser.post("/patients/\(p)/edit", fields)
            #expect(again.status == .conflict && again.body.contains(#"id="stale-notice""#))
        }
    }

    @Test func partsAreAddedAndDeletedOnTheVisitPage() async throws {
        let env = try await TestEnvironment.make()
        let seeded = try await Self.seed(env)
        let v = seeded.visit.id
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let page = try await browser.get("/visits/\(v)")
            for collection in ["phenotypic-features", "measurements", "variants", "diagnoses", "procedures", "lesions", "joint-involvements"] {
                #expect(page.body.contains(#"action="/visits/\#(v)/\#(collection)""#), "\(collection) form")
            }
            #expect(page.body.contains(#"<script src="/static/hpo-autocomplete.js" defer></script>"#))
            let added = try await browser.post("/visits/\(v)/diagnoses", [("code", "ORPHA:2762"), ("label", "POH"), ("status", "suspected")])
            #expect(added.status == .seeOther)
            let bad = try await browser.post("/visits/\(v)/joint-involvements", [("joint", "knee"), ("score", "7")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains(#"id="joint-involvements-score-error""#))
            let badLesion = try await browser.post("/visits/\(v)/lesions", [("lesionId", "L1"), ("region", "forearm")])
            #expect(badLesion.body.contains(#"id="lesions-side-error">side is required when region is one of: buttock, upper-arm, forearm"#))
            let after = try await browser.get("/visits/\(v)")
            #expect(after.body.contains("POH, ORPHA:2762, suspected"))
            let action = try #require(after.body.firstRange(of: #/action="(/diagnoses/\d+/delete)"/#).map { String(after.body[$0]) })
            let path = String(action.dropFirst(8).dropLast())
            #expect(try await browser.post(path, [("version", "9")]).status == .conflict)
            #expect(try await browser.post(path, [("version", "1")]).status == .seeOther)
            // Edit a part with the version check.
            let lesionEdit = try #require(after.body.firstRange(of: #/href="(/lesions/\d+/edit)"/#).map { String(after.body[$0]) })
            let editPath = String(lesionEdit.dropFirst(6).dropLast())
            let editPage = try await browser.get(editPath)
            #expect(editPage.status == .ok)
            #expect(editPage.body.contains(#"id="edit-part-form""#) && editPage.body.contains(#"<option value="forearm" selected>"#))
            Self.expectInert(editPage, "the lesion edit page")
            let savePath = String(editPath.dropLast(5))
            let lesionVersion = try #require(editPage.version(of: savePath))
            let lesion = [("lesionId", "L-1"), ("region", "forearm"), ("side", "right"), ("depth", "fascia"), ("version", lesionVersion)]
            #expect(try await browser.post(savePath, lesion).status == .seeOther)
            let staleLesion = try await browser.post(savePath, lesion)
            #expect(staleLesion.status == .conflict && staleLesion.body.contains(#"id="stale-notice""#))
            #expect(staleLesion.body.contains(#"<option value="fascia" selected>"#), "the input is kept")
            let badLesionEdit = try await browser.post(savePath, [("lesionId", "L-1"), ("region", "forearm"), ("version", "2")])
            #expect(badLesionEdit.status == .unprocessableContent && badLesionEdit.body.contains(#"id="lesions-side-error""#))
            #expect(try await browser.get("/visits/\(v)").body.contains("Forearm, right"))
            let read = try await browser.post("/visits/\(v)/variants/read", [("gene", "GNAS"), ("hgvs", "NM_000516.7:c.565C>T")])
            #expect(read.status == .ok)
            #expect(read.body.contains(#"id="hgvs-reading""#))
        }
    }

    @Test(arguments: ServerBackend.available)
    func theListSearchesFiltersSortsAndPages(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        let clinician = try #require(try await env.store.credentials(username: "clin-a")?.user.principal)
        for i in 1...30 {
            var f = PatientFields(pseudonym: "List-" + (i < 10 ? "0" : "") + String(i), birthDate: i % 2 == 0 ? "2020-01-01" : "1990-01-01",
                                  sex: i % 3 == 0 ? .male : .female)
            if i == 7 { f.gnasSequencing = .negative }
            _ = try await env.store.create(f, parent: env.siteA.id, by: clinician)
        }
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let first = try await browser.get("/")
            #expect(first.body.contains("30 patients, showing 1 to 25"))
            #expect(first.body.contains(#"id="next-page""#))
            let second = try await browser.get("/?page=2")
            #expect(second.body.contains("showing 26 to 30") && second.body.contains(#"id="previous-page""#))
            #expect(try await browser.get("/?q=list-0").body.contains("9 patients"))
            #expect(try await browser.get("/?q=list-07").body.contains("1 patient,"))
            #expect(try await browser.get("/?sex=male").body.contains("10 patients"))
            #expect(try await browser.get("/?gnas=negative").body.contains("List-07"))
            let children = try await browser.get("/?age=5-11")
            #expect(children.body.contains("15 patients"))
            let sorted = try await browser.get("/?sort=pseudonym&order=desc")
            let firstRow = try #require(sorted.body.range(of: "List-30"))
            #expect(firstRow.lowerBound < (sorted.body.range(of: "List-29")?.lowerBound ?? firstRow.lowerBound))
            let invalid = try await browser.get("/?sex=alien&page=0")
            #expect(invalid.status == .badRequest)
            #expect(invalid.body.contains("sex: must be one of") && invalid.body.contains("page: must be a page number"))
            let researcher = try await PageBrowser.signIn(c, "researcher")
            #expect(try await researcher.get("/?sort=pseudonym").status == .badRequest)
        }
    }
}
