import Hummingbird
import Registry
@testable import Server
import Testing

/// The body map of the visit page: drawn from the visit's lesions, each region a control that
/// fills the lesion form (with the script) or a link that prefills it (without).
@Suite("Pages: the visit's body map")
struct PageBodyMapTests {
    /// The lesion form of a visit page.
    static func lesionForm(_ body: String) -> Substring {
        guard let start = body.range(of: "id=\"add-lesions-form\"") else { return "" }
        let rest = body[start.upperBound...]
        return rest[..<(rest.range(of: "</form>")?.lowerBound ?? rest.endIndex)]
    }

    @Test func theVisitPageDrawsItsLesionsOnTheMap() async throws {
        let env = try await TestEnvironment.make()
        let seeded = try await PageRecordTests.seed(env)
        try await env.test { c in
            let clinician = try await PageBrowser.signIn(c, "clin-a")
            let page = try await clinician.get("/visits/\(seeded.visit.id)")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"class="bodymap""#) && page.body.contains(#"data-lesion-form="add-lesions-form""#))
            #expect(page.body.contains(#"href="/visits/\#(seeded.visit.id)?region=forearm&amp;side=left&amp;surface=anterior" "#
                + #"class="bodymap-region depth-subcutis" data-region="forearm" data-side="left" data-view="front" role="button" tabindex="0""#))
            #expect(page.body.contains(#"aria-label="Left forearm, front: 1 lesion, deepest tissue subcutis""#))
            #expect(page.body.contains(#"<script src="/static/bodymap.js" defer></script>"#))
            PageRecordTests.expectInert(page, "visit page with its body map")
        }
    }

    @Test func aBodyMapLinkPrefillsTheLesionFormWithoutScript() async throws {
        let env = try await TestEnvironment.make()
        let seeded = try await PageRecordTests.seed(env)
        try await env.test { c in
            let clinician = try await PageBrowser.signIn(c, "clin-a")
            let v = seeded.visit.id
            let form = Self.lesionForm(try await clinician.get("/visits/\(v)?region=thigh&side=right&surface=posterior").body)
            #expect(form.contains(#"<option value="thigh" selected>"#))
            #expect(form.contains(#"<option value="right" selected>"#))
            #expect(form.contains(#"<option value="posterior" selected>"#))
            let hostile = try await clinician.get("/visits/\(v)?region=%3Cscript%3E&side=left")
            #expect(!Self.lesionForm(hostile.body).contains(#"<option value="left" selected>"#), "an unknown region prefills nothing")
            #expect(!hostile.body.contains("<script>"))
        }
    }

    @Test func theScriptAndItsStylesAreServed() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let browser = try await PageBrowser.signIn(c, "clin-a")
            let script = try await browser.get("/static/bodymap.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.body.contains("data-lesion-form"))
            let css = try await browser.get("/static/ossify.css")
            #expect(css.body.contains("a.bodymap-region:focus-visible"))
        }
    }
}
