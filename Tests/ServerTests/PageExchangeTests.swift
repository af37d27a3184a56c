import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// `/exchange`: import through the page with each refused record named, the export in the caller's view.
@Suite("Pages: exchange")
struct PageExchangeTests {
    static let good = #"{"id": "syn-1", "subject": {"id": "s1", "sex": "MALE"}, "phenotypicFeatures": [{"type": {"id": "HP:0034282"}}], "metaData": {"phenopacketSchemaVersion": "2.0"}}"#
    static let bad = #"{"id": "<script>alert(1)</script>", "phenotypicFeatures": [{"type": {"id": "not an id"}}], "metaData": {"phenopacketSchemaVersion": "2.0"}}"#

    @Test func importsWithEachRefusalNamedAndExportsInTheCallersView() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        try await env.test { c in
            let clinician = try await PageBrowser.signIn(c, "clin-a")
            let page = try await clinician.get("/exchange")
            #expect(page.status == .ok && page.body.contains(#"name="document""#))
            let refused = try await clinician.post("/exchange/import", [("document", Self.good + "\n" + Self.bad + "\n")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Record 2 (line 2), phenotypicFeatures[0].type.id"))
            #expect(refused.body.contains("1 of 2 records refused; nothing was imported."))
            #expect(!refused.body.contains("<script>alert(1)</script>"), "the pasted text is escaped")
            PageChecks.securityHeaders(refused, "import refused")
            #expect(try await clinician.post("/exchange/import", [("document", "")]).status == .badRequest)
            let imported = try await clinician.post("/exchange/import", [("document", Self.good)])
            #expect(imported.status == .ok)
            #expect(imported.body.contains("1 of 1 records imported."))
            let link = try #require(imported.body.firstRange(of: #/href="/patients/\d+"/#).map { String(imported.body[$0].dropFirst(6).dropLast()) })
            let patient = try await clinician.get(link)
            #expect(patient.body.contains(#"id="fact-pseudonym">syn-1"#))
            #expect(patient.body.contains(#"id="download-phenopacket""#))

            let export = try await clinician.get("/exchange/export.jsonl")
            #expect(export.status == .ok && export.headers[.contentType] == "application/x-ndjson")
            let lines = export.body.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("\"syn-1\""))
            let researcher = try await PageBrowser.signIn(c, "researcher")
            let pseudonymised = try await researcher.get("/exchange/export.jsonl")
            #expect(pseudonymised.body.split(separator: "\n").count == 1)
            #expect(!pseudonymised.body.contains("syn-1"), "no pseudonym in the researchers' export")
            let researcherPage = try await researcher.get("/exchange")
            #expect(!researcherPage.body.contains(#"id="import-form""#))
            #expect(try await researcher.post("/exchange/import", [("document", Self.good)]).status == .forbidden)
            let admin = try await PageBrowser.signIn(c, "admin")
            #expect(try await admin.get("/exchange/export.jsonl").status == .forbidden)
        }
    }
}
