import Clinical
import Testing
@testable import Analytics
import Figures

@Suite struct PlotTests {
    @Test func textIsEscaped() {
        #expect(SVG.escape("<a & \"b\">'") == "&lt;a &amp; &quot;b&quot;&gt;&#39;")
    }

    @Test func kaplanMeierPlotHasBandsMarksAndRiskTable() {
        var patients: [PatientHistory] = []
        for i in 0..<12 {
            let lesions: [LesionSeen] = i % 3 == 0 ? [] : [LesionSeen(lesionID: "L1", region: "head")]
            let sex: Sex = i % 2 == 0 ? .female : .male
            let visits = [VisitHistory(age: 1), VisitHistory(age: 2 + Double(i) / 4, lesions: lesions)]
            patients.append(PatientHistory(id: "p\(i)", siteID: 1, sex: sex, visits: visits))
        }
        var groups = SurvivalReport(event: .firstLesion, patients: patients, grouping: .sex, policy: .researcher)
        groups.curves[0].group = "<script>"
        let svg = KaplanMeierPlot.svg(groups)
        #expect(svg.hasPrefix("<svg"))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.contains("Number at risk"))
        #expect(svg.contains("Age (years)"))
        #expect(svg.contains("&lt;5"))
    }

    @Test func suppressedCountsInTheJSON() throws {
        var patients: [PatientHistory] = []
        for i in 0..<3 {
            let visits = [VisitHistory(age: 1), VisitHistory(age: 3, lesions: [LesionSeen(lesionID: "L", region: "head")])]
            patients.append(PatientHistory(id: "p\(i)", siteID: 1, sex: .female, visits: visits))
        }
        let report = SurvivalReport(event: .firstLesion, patients: patients, grouping: nil, policy: .researcher)
        let text = String(decoding: try CohortJSON.encode(report), as: UTF8.self)
        #expect(text.contains("\"n\":\"<5\""))
        #expect(text.contains("\"nRisk\":[\"<5\"]"))
    }
}

@Suite struct EventTests {
    let patient = PatientHistory(id: "p", siteID: 1, sex: .male, visits: [
        VisitHistory(age: 1),
        VisitHistory(age: 2, lesions: [LesionSeen(lesionID: "L1", region: "head", depth: .dermis, morphology: .diffuse)]),
        VisitHistory(age: 3.5, lesions: [LesionSeen(lesionID: "L1", region: "head", depth: .muscle)],
                     procedures: [ProcedureDone(kind: .excision, age: 3.5, lesionID: "L1", recurred: true, recurrenceAge: 4.25)]),
        VisitHistory(age: 5, joints: [JointScore(joint: "knee", score: 2)]),
    ])

    @Test func eventsFromTheRecord() throws {
        func one(_ e: SurvivalEvent) throws -> SurvivalRecord { try #require(try e.records(patient).first?.get()) }
        #expect(try one(.firstLesion) == SurvivalRecord(id: "p", time: 2, status: 1))
        #expect(try one(.firstDeepLesion) == SurvivalRecord(id: "p", time: 1.5, status: 1))
        #expect(try one(.firstAnkylosis) == SurvivalRecord(id: "p", time: 3, status: 1))
        #expect(try one(.firstSurgery) == SurvivalRecord(id: "p", time: 3.5, status: 1))
        #expect(try one(.recurrence) == SurvivalRecord(id: "p/1", time: 0.75, status: 1, group: "diffuse"))
    }

    @Test func exclusionsAreCounted() {
        let empty = PatientHistory(id: "q", siteID: 1, sex: .male, visits: [])
        let report = SurvivalReport(event: .firstDeepLesion, patients: [patient, empty], grouping: nil, policy: .none)
        #expect(report.excluded == ["no follow-up": .value(1)])
        #expect(report.n == .value(1))
    }

    @Test func progressionCountsPatientsWithoutFollowUp() {
        let once = PatientHistory(id: "q", siteID: 1, sex: .male, visits: [VisitHistory(age: 2)])
        let report = ProgressionReport(patients: [patient, once], policy: .none)
        #expect(report.n == .value(1) && report.excluded == ["no follow-up": .value(1)])
    }

    @Test func progressionStagesNeverGoBack() {
        let states = ProgressionReport.observations(patient).map(\.state)
        #expect(states == [0, 1, 3, 3])
    }
}

extension PlotTests {
    /// A curve that ends in an event drops inside the plot, not on its right edge (where a single
    /// patient's curve looked like the plot's frame).
    @Test func lastDropIsInsideThePlot() {
        let visits = [VisitHistory(age: 1), VisitHistory(age: 4.9, lesions: [LesionSeen(lesionID: "L1", region: "head")])]
        let report = SurvivalReport(event: .firstLesion, patients: [PatientHistory(id: "p", siteID: 1, sex: .female, visits: visits)],
                                    grouping: nil, policy: .none)
        let svg = KaplanMeierPlot.svg(report)
        let frame = ChartFrame(left: 110, plotWidth: 560, plotHeight: 300, xMax: 4.9 * 1.05, yMax: 1)
        #expect(frame.x(4.9) < 110 + 560 - 20)
        #expect(svg.contains(SVG.number(frame.x(4.9))), "the drop is drawn at x = \(frame.x(4.9))")
    }
}
