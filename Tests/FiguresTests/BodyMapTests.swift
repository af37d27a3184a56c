import Clinical
import Testing
@testable import Figures

@Suite struct BodyMapTests {
    let visit = BodyMapVisit(label: "2024-03-12", ageYears: 5.5, bodySurfacePercent: 5.9, lesions: [
        BodyMapLesion(region: "forearm", side: .left, view: .front, depth: .fascia, percentOfRegion: 20),
        BodyMapLesion(region: "forearm", side: .left, depth: .dermis, percentOfRegion: 5),
        BodyMapLesion(region: "thigh", side: .right, view: .back, depth: .muscle, percentOfRegion: 50),
        BodyMapLesion(region: "head"),
    ])
    let link = BodyMapLink(lesionFormURL: "/patients/7/visits/3/lesions/new", formID: "lesion-form")

    var interactive: String { BodyMap.svg(visit, options: .init(id: "map", link: link)) }

    @Test func everyRegionAndSideOnceOnItsViewWithItsAttributes() throws {
        let regions = SVGChecks.tags("a", in: interactive)
        for view in BodyView.allCases {
            let onView = regions.filter { $0["data-view"] == view.rawValue }
            let expected = BodyMapRegion.all.filter { $0.views.contains(view) }
                .flatMap { r in r.sides.map { "\(r.code)/\($0.rawValue)" } }
            let drawn = onView.map { "\($0["data-region"] ?? "?")/\($0["data-side"] ?? "?")" }
            #expect(drawn.sorted() == expected.sorted(), "view \(view.rawValue)")
            #expect(Set(drawn).count == drawn.count)
        }
        #expect(regions.count == (4 + 6 * 2) + (3 + 7 * 2))
        for a in regions {
            #expect(a["role"] == "button")
            #expect(a["tabindex"] == "0")
            #expect(a["aria-label"]?.isEmpty == false)
            #expect(a["href"]?.hasPrefix("/patients/7/visits/3/lesions/new?region=") == true)
        }
        #expect(!regions.contains { $0["data-view"] == "front" && ["posterior-trunk", "buttock"].contains($0["data-region"]) })
        #expect(!regions.contains { $0["data-view"] == "back" && ["anterior-trunk", "genitalia"].contains($0["data-region"]) })
    }

    @Test func labelsCarryPlaceViewDepthAndExtent() throws {
        let regions = SVGChecks.tags("a", in: interactive)
        let forearm = try #require(regions.first { $0["data-region"] == "forearm" && $0["data-side"] == "left" && $0["data-view"] == "front" })
        #expect(forearm["aria-label"] == "Left forearm, front: 2 lesions, deepest tissue fascia, 25% of the region")
        #expect(forearm["class"] == "bodymap-region depth-fascia")
        #expect(forearm["href"] == "/patients/7/visits/3/lesions/new?region=forearm&amp;side=left&amp;surface=anterior")
        let backForearm = try #require(regions.first { $0["data-region"] == "forearm" && $0["data-side"] == "left" && $0["data-view"] == "back" })
        #expect(backForearm["aria-label"] == "Left forearm, back: 1 lesion, deepest tissue dermis, 5% of the region")
        let thighFront = try #require(regions.first { $0["data-region"] == "thigh" && $0["data-side"] == "right" && $0["data-view"] == "front" })
        #expect(thighFront["aria-label"] == "Right thigh, front: no lesion")
        #expect(thighFront["class"] == "bodymap-region depth-none")
        let head = try #require(regions.first { $0["data-region"] == "head" && $0["data-view"] == "front" })
        #expect(head["aria-label"] == "Head, front: 1 lesion, depth not recorded")
        #expect(head["data-side"] == "midline")
        #expect(interactive.contains("<title>Left forearm, front: 2 lesions, deepest tissue fascia, 25% of the region</title>"))
    }

    @Test func patientLeftIsOnTheViewersRightOnTheFront() throws {
        let front = BodyFigure.placements(.front), back = BodyFigure.placements(.back)
        func centreX(_ p: BodyFigure.Placement) -> Double {
            switch p.shape.form {
            case .ellipse(let cx, _, _, _): return cx
            case .path(let segments):
                let xs = segments.map { s -> Double in
                    switch s {
                    case .move(let x, _), .line(let x, _), .quad(_, _, let x, _): return x
                    }
                }
                return xs.reduce(0, +) / Double(xs.count)
            }
        }
        for p in front where p.side == .left { #expect(centreX(p) > 0, "\(p.region.code)") }
        for p in front where p.side == .right { #expect(centreX(p) < 0, "\(p.region.code)") }
        for p in back where p.side == .left { #expect(centreX(p) < 0, "\(p.region.code)") }
        #expect(interactive.contains("Front: the patient&#39;s left is on your right."))
    }

    @Test func legendNamesEveryDepthWithItsHatch() {
        let svg = interactive
        for style in DepthStyle.all {
            #expect(svg.contains(">\(style.name)</text>"))
            #expect(svg.contains("<pattern id=\"map-\(style.key)\""))
        }
        let styles = [DepthStyle.none] + DepthStyle.all
        #expect(Set(styles.map(\.marker)).count == styles.count, "every depth, and no lesion, has its own marker shape")
        #expect(Set(DepthStyle.all.map(\.fill)).count == DepthStyle.all.count)
    }

    @Test func interactiveMapIsAGroupNamingItsFormAndAReadOnlyMapIsAnImage() {
        #expect(interactive.contains("role=\"group\""))
        #expect(interactive.contains("data-lesion-form=\"lesion-form\""))
        let picture = BodyMap.svg(visit, options: .init(id: "pic"))
        #expect(picture.contains("role=\"img\""))
        #expect(!picture.contains("role=\"button\"") && !picture.contains("<a "))
        #expect(SVGChecks.tags("g", in: picture).filter { $0["data-region"] != nil }.count == 33)
        #expect(picture.contains("<title id=\"pic-title\">Body map, 2024-03-12, age 5.5 years, 5.9% of body surface</title>"))
    }

    @Test func smallMultiplesOneMapPerVisitWithUniqueIds() {
        let later = BodyMapVisit(label: "2025-04-01", ageYears: 6.6, bodySurfacePercent: 7.2, lesions: visit.lesions)
        let html = BodyMap.smallMultiples([visit, later], id: "prog")
        let svgs = SVGChecks.tags("svg", in: html)
        #expect(svgs.map { $0["id"] } == ["prog-1", "prog-2", "prog-legend"])
        #expect(html.contains("2025-04-01, age 6.6 years, 7.2% of body surface"))
        #expect(html.contains("url(#prog-1-depth-fascia)") && html.contains("url(#prog-2-depth-fascia)"))
        #expect(html.hasPrefix("<figure class=\"bodymap-multiples\""))
    }

    @Test func outputsAreWellFormedXML() {
        #expect(SVGChecks.wellFormed(interactive))
        #expect(SVGChecks.wellFormed(BodyMap.legend(id: "l")))
        #expect(SVGChecks.wellFormed(BodyMap.smallMultiples([visit], id: "m")))
    }

    @Test func theScriptFillsTheNamedFields() {
        let js = BodyMapScript.source
        for needle in ["\"region\"", "\"side\"", "\"surface\"", "data-lesion-form", "keydown", "aria-pressed", "preventDefault"] {
            #expect(js.contains(needle), "\(needle)")
        }
        #expect(FigureStyles.source.contains(":focus-visible"))
    }
}
