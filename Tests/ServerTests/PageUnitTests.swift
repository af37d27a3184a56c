import FoundationEssentials
import Hummingbird
import Registry
@testable import Server
import Testing

/// The pure parts of the pages, without I/O: form bodies, forms to API objects, age bands, the
/// renderer's escaping.
@Suite("Pages: pure parts")
struct PageUnitTests {
    @Test func formBodiesAreDecodedAsBrowsersEncodeThem() {
        let form = FormBody("a=1+2&b=%3Cscript%3E&c=&d&e=%E2%82%AC&f=%ZZ&a=second&g=%C3")
        #expect(form["a"] == "1 2", "the first value of a repeated name")
        #expect(form["b"] == "<script>")
        #expect(form["c"] == "" && form["d"] == "")
        #expect(form.text("c") == nil)
        #expect(form["e"] == "€")
        #expect(form["f"] == "%ZZ", "a bad escape stays as written")
        #expect(form["g"] == "\u{FFFD}", "bytes that are not UTF-8 become U+FFFD")
        #expect(form["missing"] == nil)
        #expect(FormBody(pairs: [("version", "3")]).pairs.count == 1)
    }

    @Test func theVersionOfAFormIsCanonical() throws {
        #expect(try FormBody("version=2").version() == 2)
        for bad in ["version=02", "version=+2", "version=0", "version=x", ""] {
            #expect(throws: Problem.self, "\(bad)") { try FormBody(bad).version() }
        }
    }

    @Test func aPostedFormBecomesTheAPIsObject() {
        let form = FormBody("pseudonym=+P-1+&sex=female&reuseConsent=true&contactConsent=no&notes=")
        let object = RecordForm.json(PatientFields.self, form: form)
        #expect(object["pseudonym"] == .string("P-1"), "trimmed")
        #expect(object["reuseConsent"] == .bool(true))
        #expect(object["contactConsent"] == .string("no"), "passed on as text, so the API's check names it")
        #expect(object["notes"] == nil, "an empty field is absent")
        let m = RecordForm.json(MeasurementFields.self, form: FormBody("loinc=8302-2&value=12.5&unit=cm&referenceLow=abc"))
        #expect(m["value"] == .number(12.5))
        #expect(m["referenceLow"] == .string("abc"))
        guard case .failure(let errors) = RecordForm.read(MeasurementFields.self, m, check: RecordKnowledgeCheck(engines: nil)) else {
            Issue.record("an invalid measurement was read"); return
        }
        #expect(errors.byField["referenceLow"] == "must be a number")
    }

    @Test func ageBandsAreBirthDateRanges() throws {
        let today = try #require(CivilDate("2026-03-01"))
        #expect(AgeBand.under5.birthRange(today: today).after == "2021-03-01")
        #expect(AgeBand.under5.birthRange(today: today).onOrBefore == "2026-03-01")
        #expect(AgeBand.adult.birthRange(today: today).after == nil)
        #expect(AgeBand.adult.birthRange(today: today).onOrBefore == "2008-03-01")
        let leap = try #require(CivilDate("2024-02-29"))
        #expect(AgeBand.yearsBefore(leap, 1).description == "2023-02-28")
    }

    @Test func theRendererEscapesEveryValueAndKeepsTheLayoutsBody() throws {
        let renderer = try PageRenderer()
        let hostile = #"<script>alert(1)</script>"'&"#
        let html = renderer.render("error", PageErrorMiddleware.ErrorView(title: hostile, detail: hostile),
                                   chrome: Chrome(title: hostile, signedIn: true, username: hostile, role: "clinician", csrf: "t\"ok"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
        #expect(html.contains(#"name="csrf" value="t&quot;ok""#))
        #expect(html.contains(#"<p class="notice problem" id="error-detail">"#), "the page body is inside the layout, unescaped")
        #expect(PatientListQuery.escape("a b&c=ü") == "a%20b%26c%3D%C3%BC")
        #expect(PageSession.readable("2026-12-06T14:37:05.123Z") == "2026-12-06 14:37 UTC")
        #expect(PatientPageView.readableAge("P7Y3M") == "7 y 3 m")
    }
}
