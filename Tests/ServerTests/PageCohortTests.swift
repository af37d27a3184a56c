import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// `/cohort`: the GET form of analysis and filters, and each analysis with the numbers of the JSON
/// that the API gives for the same query; researchers see suppressed counts.
@Suite("Pages: cohort")
struct PageCohortTests {
    /// Six synthetic patients of one site: a first lesion in the dermis at the first visit of four
    /// of them, deep at the second visit of two; the sexes alternate.
    static func seed(_ c: Client) async throws {
        let clin = try await c.login("clin-a")
        for n in 0..<6 {
            let body = patientBody.merging(["pseudonym": .string("C-\(n)"), "sex": .string(n % 2 == 0 ? "female" : "male")])
            let pid = try #require(try await c.call(.post, "/api/v1/patients", token: clin, body: body)["id"]?.int)
            for (k, date) in ["2018-05-01", "2020-03-01"].enumerated() {
                let visit = try #require(try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin,
                                                          body: .object(["date": .string(date)]))["id"]?.int)
                guard n < 4 else { continue }
                let depth = k == 1 && n < 2 ? "muscle" : "dermis"
                let lesion: JSONValue = .object(["lesionId": "L1", "region": "head", "side": "midline", "depth": .string(depth),
                                                 "percentOfRegion": .number(Double(10 + 10 * k))])
                #expect(try await c.call(.post, "/api/v1/visits/\(visit)/lesions", token: clin, body: lesion).status == .created)
            }
        }
    }

    @Test func analysesShowTheNumbersOfTheJSON() async throws {
        let env = try await TestEnvironment.make(.sqlite)
        try await env.test { c in
            try await Self.seed(c)
            let clinician = try await PageBrowser.signIn(c, "clin-a")
            let token = try await c.login("clin-a")
            let empty = try await clinician.get("/cohort")
            #expect(empty.status == .ok)
            #expect(empty.body.contains(#"<a href="/cohort" aria-current="page">Natural history</a>"#))
            #expect(empty.body.contains(#"<label for="cohort-analysis">Analysis</label>"#))
            #expect(empty.body.contains(#"id="cohort-prompt""#) && !empty.body.contains(#"id="cohort-result""#))
            #expect(!empty.body.contains(#"name="siteId""#), "clinicians see their own site only")
            PageChecks.securityHeaders(empty, "cohort form")

            let query = "event=first-lesion&group=sex"
            let page = try await clinician.get("/cohort?analysis=survival&" + query + "&diagnosis=&onsetBand=")
            #expect(page.status == .ok)
            PageChecks.noInlineCode(page, "survival")
            let json = try await c.call(.get, "/api/v1/cohort/survival?" + query, token: token)
            let n = try #require(json["n"]?.int)
            #expect(n == 6)
            #expect(page.body.contains(#"<dd id="cohort-n">\#(n)</dd>"#))
            #expect(page.body.contains(#"<svg xmlns="http://www.w3.org/2000/svg" id="km-plot""#))
            #expect(page.body.contains(#"<title id="km-plot-title">"#) && page.body.contains(#"<desc id="km-plot-desc">"#))
            #expect(page.body.contains(#"<th scope="col">Hazard ratio</th>"#) && page.body.contains(#"<th scope="row">male</th>"#))
            let chisq = try #require(json["logrank"]?["chisq"]?.doubleValue)
            #expect(page.body.contains("<td>\(CohortNumbers.fixed(chisq, 3))</td>"))
            guard case .array(let cox)? = json["cox"], let hr = cox.first?["hr"]?.doubleValue else { Issue.record("no Cox term"); return }
            #expect(page.body.contains("<td>\(CohortNumbers.fixed(hr, 3))</td>"))
            #expect(page.body.contains(#"href="/api/v1/cohort/survival?event=first-lesion&amp;group=sex" id="download-json""#))
            #expect(page.body.contains(#"id="download-svg""#))

            let progression = try await clinician.get("/cohort?analysis=progression")
            #expect(progression.status == .ok && progression.body.contains(#"<table id="intensities">"#))
            #expect(progression.body.contains(#"<th scope="row">dermis to subcutis</th>"#))
            let features = try await clinician.get("/cohort?analysis=features&by=sex")
            #expect(features.status == .ok && features.body.contains(#"<table id="feature-table">"#))
            let rates = try await clinician.get("/cohort?analysis=rates")
            let ratesJSON = try await c.call(.get, "/api/v1/cohort/rates", token: token)
            let median = try #require(ratesJSON["bsaPerYear"]?["median"]?.doubleValue)
            #expect(rates.status == .ok && rates.body.contains("<td>\(CohortNumbers.fixed(median, 3))</td>"))
            #expect(!rates.body.contains(#"id="download-svg""#))

            let bad = try await clinician.get("/cohort?analysis=survival&event=death&sex=%3Cscript%3E")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("event: must be one of") && bad.body.contains(#"aria-invalid="true""#))
            #expect(!bad.body.contains("<script>"))
            let morphology = try await clinician.get("/cohort?analysis=survival&event=first-lesion&group=morphology")
            #expect(morphology.status == .badRequest && morphology.body.contains(#"id="cohort-problems""#))

            let researcher = try await PageBrowser.signIn(c, "researcher")
            let hidden = try await researcher.get("/cohort?analysis=survival&" + query)
            #expect(hidden.status == .ok)
            #expect(hidden.body.contains(#"<dd id="cohort-n">6</dd>"#))
            #expect(hidden.body.contains(#"<td>&lt;5</td>"#), "small counts suppressed")
            #expect(hidden.body.contains(#"name="siteId""#))
            #expect(!hidden.body.contains("C-0"), "no pseudonym")
            let admin = try await PageBrowser.signIn(c, "admin")
            #expect(try await admin.get("/cohort").status == .forbidden)
            #expect(try await PageBrowser(c).get("/cohort").location == "/login")
        }
    }

    @Test func numbersAsShown() {
        #expect(CohortNumbers.fixed(1.23456, 3) == "1.235")
        #expect(CohortNumbers.fixed(-0.0004, 3) == "0.000")
        #expect(CohortNumbers.fixed(nil, 2) == "-")
        #expect(CohortNumbers.p(0.04567) == "0.0457")
        #expect(CohortNumbers.p(0.5) == "0.500")
        #expect(CohortNumbers.p(0.000012345) == "1.23e-5")
        #expect(CohortNumbers.p(0.0000099999) == "1.00e-5")
        #expect(CohortNumbers.years(2) == "2 y")
    }
}
