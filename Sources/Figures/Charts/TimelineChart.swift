/// Visits, surgery and recurrence on one age axis: visits as ticks on the first row, each procedure
/// as a black triangle with its label on the second, and each recurrence as a cross on the third,
/// joined to its procedure by a dashed line.
public enum TimelineChart {
    public struct Procedure: Sendable, Hashable {
        public var ageYears: Double
        /// "excision, left forearm".
        public var label: String
        /// The age the recurrence was seen; `nil` when none was recorded.
        public var recurrenceAgeYears: Double?

        public init(ageYears: Double, label: String, recurrenceAgeYears: Double? = nil) {
            self.ageYears = ageYears
            self.label = label
            self.recurrenceAgeYears = recurrenceAgeYears
        }
    }

    public static func svg(visitAges: [Double], procedures: [Procedure], id: String) -> String {
        let ages = visitAges + procedures.flatMap { [$0.ageYears] + [$0.recurrenceAgeYears].compactMap { $0 } }
        let area = PlotArea(left: 110, width: 520, height: 120, xTicks: Ticks(covering: ages), yTicks: Ticks(lower: 0, upper: 3, count: 3))
        var svg = SVG(width: 720, height: area.bottom + 50)
        area.drawFrame(&svg, title: "Visits, surgery and recurrence", xAxis: .age, yAxis: Axis(""), yLabel: { _ in "" })
        let rows = [("Visits", 2.5), ("Surgery", 1.5), ("Recurrence", 0.5)]
        for (name, v) in rows { svg.text(area.left - 10, area.y(v) + 4, name, anchor: "end", size: 11) }
        for a in visitAges { svg.line(area.x(a), area.y(2.5) - 8, area.x(a), area.y(2.5) + 8, stroke: "#000000", width: 2) }
        for (i, p) in procedures.sorted(by: { $0.ageYears < $1.ageYears }).enumerated() {
            let x = area.x(p.ageYears), y = area.y(1.5)
            if let r = p.recurrenceAgeYears {
                svg.line(x, y, area.x(r), area.y(0.5), stroke: "#555555", width: 1, dash: "4,3")
                Marker.cross.draw(&svg, area.x(r), area.y(0.5))
            }
            Marker.triangle.draw(&svg, x, y, r: 6, fill: "#000000")
            svg.text(x + 8, y + (i % 2 == 0 ? -8 : 16), p.label, size: 10)
        }
        var parts = ["Visits at ages " + (visitAges.isEmpty ? "none" : visitAges.sorted().map(SVG.number).joined(separator: ", ")) + "."]
        parts += procedures.map { p in
            "\(p.label) at \(SVG.number(p.ageYears)) years" + (p.recurrenceAgeYears.map { ", recurred at \(SVG.number($0)) years" } ?? ", no recurrence recorded") + "."
        }
        return svg.document(id: id, title: "Visits, surgery and recurrence over age", desc: parts.joined(separator: " "),
                            classes: "figure-chart")
    }

    public static func table(_ procedures: [Procedure]) -> DataTable {
        DataTable(caption: "Surgery and recurrence", headers: ["Procedure", "Age (years)", "Recurrence at age (years)"],
                  rows: procedures.sorted { $0.ageYears < $1.ageYears }.map {
                      [.text($0.label), .number($0.ageYears), $0.recurrenceAgeYears.map { .number($0) } ?? .text("none recorded")]
                  })
    }
}
