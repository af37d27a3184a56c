import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// The diagnosis page and the printable report, with the real engines, on a synthetic POH-like
/// patient: the candidates with their bars and evidence, the assessment's criteria with their
/// sources and UNCONFIRMED marks, the stored results with release and engine; the report with the
/// body map, the charts, the differential and the assessment; researchers see no identifier.
@Suite("Pages: diagnosis and report")
struct PageDiagnosisTests {
    static let hostile = #"<script>alert(1)</script>"><img src=x onerror=alert(2)>"#

    @Test func diagnosisAndReportPages() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        let clinician = try #require(try await env.store.credentials(username: "clin-a")?.user.principal)
        var fields = PatientFields(pseudonym: "DX-1", birthDate: "2014-02-03", sex: .female)
        fields.notes = Self.hostile
        let patient = try await env.store.create(fields, parent: env.siteA.id, by: clinician)
        let visit = try await env.store.create(VisitFields(date: "2024-01-01", notes: Self.hostile), parent: patient.id, by: clinician)
        for term in ["HP:0034282", "HP:0011987", "HP:6000071"] {
            _ = try await env.store.create(PhenotypicFeatureFields(hpoId: term), parent: visit.id, by: clinician)
        }
        _ = try await env.store.create(LesionFields(lesionId: "L1", region: "forearm", side: .left, percentOfRegion: 20, depth: .muscle),
                                       parent: visit.id, by: clinician)
        _ = try await env.store.create(DiagnosisFields(code: "ORPHA:2762", label: Self.hostile, status: .suspected), parent: visit.id, by: clinician)
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let empty = try await browser.get("/patients/\(patient.id)/diagnosis")
            #expect(empty.status == .ok && empty.body.contains(#"id="no-differential""#))
            #expect(try await browser.post("/patients/\(patient.id)/diagnose", []).location == "/patients/\(patient.id)/diagnosis")
            _ = try await browser.post("/patients/\(patient.id)/assess", [])
            let page = try await browser.get("/patients/\(patient.id)/diagnosis")
            #expect(page.status == .ok)
            // POH first, with its bar, its evidence table and the match of each term.
            let first = try #require(page.body.firstRange(of: #/<li id="candidate-1">(.|\n)*?</li>/#).map { String(page.body[$0]) })
            #expect(first.contains("Osseous heteroplasia, progressive") && first.contains("OMIM:166350"))
            #expect(first.contains(#"<rect class="bar-fill""#) && first.contains("<caption>Evidence for "))
            #expect(first.contains("Subcutaneous ossification (HP:0034282)") && first.contains("<td>exact</td>"))
            // The assessment: criteria with status and source, unknowns, next steps, UNCONFIRMED marks.
            #expect(page.body.contains(#"id="classification""#) && page.body.contains("Progressive osseous heteroplasia"))
            #expect(page.body.contains(#"class="status-met">met"#) && page.body.contains(#"class="status-unknown">unknown"#))
            #expect(page.body.contains("GeneReviews") && page.body.contains(#"<span class="unconfirmed">UNCONFIRMED</span>"#))
            #expect(page.body.contains(#"id="next-steps""#) && page.body.contains(#"id="unknowns""#))
            #expect(page.body.contains("<td>Differential diagnosis</td>") && page.body.contains("HPO "))
            // The report: facts, body map, charts, differential, assessment, the release and the date.
            let report = try await browser.get("/patients/\(patient.id)/report")
            #expect(report.status == .ok)
            #expect(report.body.contains(#"id="report-provenance">Generated 20"#) && report.body.contains("data release HPO "))
            #expect(report.body.contains(#"data-region="forearm""#) && report.body.contains("<svg"))
            #expect(report.body.contains("1. Osseous heteroplasia, progressive (OMIM:166350)"))
            #expect(report.body.contains("DX-1"))
            for body in [page.body, report.body] {
                #expect(!body.contains("<script>alert") && !body.contains("<img src=x"))
            }
            let article = try #require(report.body.firstRange(of: #/<article class="report"(.|\n)*</article>/#).map { String(report.body[$0]) })
            #expect(!article.contains("<form"), "the report itself has no forms")
            // A researcher: the same pages by hashed id, without identifiers or run buttons.
            let researcher = try await PageBrowser.signIn(c, "researcher")
            let list = try await researcher.get("/")
            let link = try #require(list.body.firstRange(of: #/href="/patients/[0-9a-f]{20}"/#).map { String(list.body[$0].dropFirst(6).dropLast()) })
            let rDiagnosis = try await researcher.get(link + "/diagnosis")
            let rReport = try await researcher.get(link + "/report")
            for body in [rDiagnosis.body, rReport.body] {
                #expect(body.contains("Osseous heteroplasia, progressive"))
                #expect(!body.contains("DX-1") && !body.contains("2014-02-03") && !body.contains("alert"))
                #expect(!body.contains(#"id="run-diagnosis""#))
            }
            #expect(try await researcher.get("/patients/\(patient.id)/report").status == .notFound, "researchers address records by hashed id")
        }
    }
}
