import Clinical
import Testing
@testable import Figures

@Suite struct ChartTests {
    static let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'&"

    static let visits = [
        BodyMapVisit(label: "2022-01-10", ageYears: 3.1, bodySurfacePercent: 0, lesions: []),
        BodyMapVisit(label: "2023-02-11", ageYears: 4.2, bodySurfacePercent: 1.3, lesions: [
            BodyMapLesion(region: "head", depth: .dermis, percentOfRegion: 10)]),
        BodyMapVisit(label: hostile, ageYears: 5.5, bodySurfacePercent: 5.9, lesions: [
            BodyMapLesion(region: "thigh", side: .left, depth: .muscle, percentOfRegion: 50)]),
    ]
    static let limbs = [
        LimbLengthChart.Point(segment: "forearm", ageYears: 4, left: 14.2, right: 15.0),
        LimbLengthChart.Point(segment: "forearm", ageYears: 6, left: 15.1, right: 16.6),
        LimbLengthChart.Point(segment: hostile, ageYears: 6, left: 30, right: nil),
    ]
    static let joints = [
        JointScoreChart.Point(joint: "knee", side: .left, ageYears: 4, score: 0),
        JointScoreChart.Point(joint: "knee", side: .left, ageYears: 6, score: 2),
        JointScoreChart.Point(joint: hostile, ageYears: 6, score: 1),
    ]
    static let labs = LabChart.Series(analyte: hostile, unit: "mg/dL", points: [
        LabChart.Point(ageYears: 4, value: 9.8, low: 8.8, high: 10.8),
        LabChart.Point(ageYears: 5, value: 11.4, low: 8.8, high: 10.8),
        LabChart.Point(ageYears: 6, value: 8.1, low: 8.7, high: 10.4),
    ])
    static let procedures = [
        TimelineChart.Procedure(ageYears: 5, label: hostile, recurrenceAgeYears: 5.8),
        TimelineChart.Procedure(ageYears: 6.5, label: "biopsy, right thigh"),
    ]
    static let link = BodyMapLink(lesionFormURL: "/x?a=\"><script>", formID: hostile)

    /// Every output of the module, hostile text included.
    static var outputs: [String] {
        [
            BodyMap.svg(visits[2], options: .init(id: hostile, link: link)),
            BodyMap.svg(visits[2], options: .init(id: "m")),
            BodyMap.smallMultiples(visits, id: hostile),
            ProgressionChart.svg(visits, id: "p"), ProgressionChart.table(visits).html,
            LimbLengthChart.svg(limbs, id: "l"), LimbLengthChart.table(limbs).html,
            JointScoreChart.svg(joints, id: "j"), JointScoreChart.table(joints).html,
            LabChart.svg(labs, id: "c"), LabChart.table(labs).html,
            TimelineChart.svg(visitAges: [3.1, 4.2, 5.5], procedures: procedures, id: "t"), TimelineChart.table(procedures).html,
            BodyMapScript.source, FigureStyles.source,
        ]
    }

    @Test func hostileLabelsComeBackInert() {
        for output in Self.outputs {
            #expect(!output.contains("<script"))
            #expect(!output.contains("<img"))
            #expect(!output.contains("onerror=alert(2)>"))
        }
        #expect(ProgressionChart.table(Self.visits).html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;"))
    }

    @Test func noStyleAttributeOrElementAnywhere() {
        for output in Self.outputs {
            #expect(!output.contains("style="))
            #expect(!output.contains("<style"))
        }
    }

    @Test func outputIsDeterministic() {
        #expect(Self.outputs == Self.outputs)
    }

    @Test func svgOutputsAreWellFormed() {
        for output in Self.outputs where output.hasPrefix("<svg") || output.hasPrefix("<figure") || output.hasPrefix("<table") {
            #expect(SVGChecks.wellFormed(output), "\(output.prefix(60))")
        }
    }

    @Test func everyChartIsAnImageWithTitleAndDescription() throws {
        let charts = [ProgressionChart.svg(Self.visits, id: "p"), LimbLengthChart.svg(Self.limbs, id: "l"),
                      JointScoreChart.svg(Self.joints, id: "j"), LabChart.svg(Self.labs, id: "c"),
                      TimelineChart.svg(visitAges: [1], procedures: Self.procedures, id: "t")]
        for (chart, id) in zip(charts, ["p", "l", "j", "c", "t"]) {
            let root = try #require(SVGChecks.tags("svg", in: chart).first)
            #expect(root["role"] == "img")
            #expect(root["aria-labelledby"] == "\(id)-title \(id)-desc")
            #expect(root["class"] == "figure-chart")
            #expect(chart.contains("<title id=\"\(id)-title\">") && chart.contains("<desc id=\"\(id)-desc\">"))
            #expect(chart.contains("Age (years)"))
        }
    }

    @Test func progressionMarksTheDeepestTissueByShapeAndName() {
        let svg = ProgressionChart.svg(Self.visits, id: "p")
        #expect(svg.contains("Body surface involved (% BSA)"))
        #expect(svg.contains("age 5.5: 5.9%, muscle"))
        #expect(svg.contains("age 3.1: 0%, no lesion"))
    }

    @Test func limbDiscrepancyIsNamedWithTheLongerSide() {
        #expect(LimbLengthChart.describe(15.1 - 16.6, unit: "cm") == "1.5 cm, right longer")
        #expect(LimbLengthChart.describe(0, unit: "cm") == "none")
        let svg = LimbLengthChart.svg(Self.limbs, id: "l")
        #expect(svg.contains("Δ 1.5 cm, right longer"))
        #expect(svg.contains("Forearm (cm)"))
        #expect(LimbLengthChart.table(Self.limbs).html.contains("<td>1.5 cm, right longer</td>"))
    }

    @Test func labFlagsAndBand() {
        #expect(Self.labs.points.map(\.flag) == [.normal, .high, .low])
        let svg = LabChart.svg(Self.labs, id: "c")
        #expect(svg.contains(">H</text>") && svg.contains(">L</text>"))
        #expect(svg.contains("fill=\"#cfcfcf\""))
        #expect(svg.contains("(mg/dL)"))
    }

    @Test func emptyAndOnePointSeriesStillDraw() {
        let empty = [LabChart.svg(.init(analyte: "PTH", unit: "pg/mL", points: []), id: "e"),
                     LimbLengthChart.svg([], id: "e"), JointScoreChart.svg([], id: "e"), ProgressionChart.svg([], id: "e"),
                     TimelineChart.svg(visitAges: [], procedures: [], id: "e")]
        for svg in empty {
            #expect(SVGChecks.wellFormed(svg))
            #expect(!svg.contains("=\"nan") && !svg.contains("inf\"") && !svg.contains("nan\""))
        }
        let one = LabChart.svg(.init(analyte: "PTH", unit: "pg/mL", points: [.init(ageYears: 4, value: 40, low: 15, high: 65)]), id: "o")
        #expect(one.contains("40 at 4 years (normal)"))
        #expect(!one.contains("nan\""))
    }

    @Test func jointGridShowsTheScoreAsText() {
        let svg = JointScoreChart.svg(Self.joints, id: "j")
        #expect(svg.contains(">Left knee</text>"))
        #expect(svg.contains(">2</text>"))
        #expect(svg.contains("2 ankylosed"))
    }

    @Test func dataTablesEscapeAndAlignNumbers() {
        let html = DataTable(caption: "<b>", headers: ["a&b"], rows: [[.number(1.234)], [.text("<i>")], [.empty]]).html
        #expect(html.contains("<caption>&lt;b&gt;</caption>"))
        #expect(html.contains("<th scope=\"col\">a&amp;b</th>"))
        #expect(html.contains("<td class=\"number\">1.23</td>"))
        #expect(html.contains("<td>&lt;i&gt;</td>"))
    }
}
