/// %BSA and the deepest tissue over age, one point per visit: a line of %BSA against age whose
/// markers have the shape and fill of the visit's deepest tissue (`DepthStyle`), with a legend.
/// Visits without an age or a %BSA are left out of the chart but kept in the table.
public enum ProgressionChart {
    public static func svg(_ visits: [BodyMapVisit], id: String) -> String {
        let points = visits.compactMap { v in v.ageYears.flatMap { a in v.bodySurfacePercent.map { (a, $0, deepest(v)) } } }
            .sorted { $0.0 < $1.0 }
        let area = PlotArea(width: 520, height: 240, xTicks: Ticks(covering: points.map(\.0)),
                            yTicks: Ticks(covering: points.map(\.1), includeZero: true))
        var svg = SVG(width: 720, height: area.bottom + 50)
        area.drawFrame(&svg, title: "Body surface involved and deepest tissue", xAxis: .age,
                       yAxis: Axis("Body surface involved", unit: "% BSA"))
        svg.path(points.map { (area.x($0.0), area.y($0.1)) }, stroke: "#444444", width: 1.5)
        for p in points {
            let style = p.2
            style.marker.draw(&svg, area.x(p.0), area.y(p.1), fill: style.fill)
        }
        var legendY = area.top + 4
        svg.text(area.right + 16, legendY, "Deepest tissue", size: 11, weight: "bold")
        for style in [DepthStyle.none] + DepthStyle.all {
            legendY += 18
            style.marker.draw(&svg, area.right + 22, legendY - 4, fill: style.fill)
            svg.text(area.right + 34, legendY, style.name, size: 11)
        }
        let summary = points.map { "age \(SVG.number($0.0)): \(SVG.number($0.1))%, \($0.2.name)" }
        let desc = points.isEmpty ? "No visit with an age and a body surface percentage."
            : "Percent of body surface involved by age, with the deepest tissue at each visit: " + summary.joined(separator: "; ") + "."
        return svg.document(id: id, title: "Body surface involved and deepest tissue over age", desc: desc,
                            classes: "figure-chart")
    }

    public static func table(_ visits: [BodyMapVisit]) -> DataTable {
        DataTable(caption: "Body surface involved and deepest tissue by visit",
                  headers: ["Visit", "Age (years)", "Body surface involved (% BSA)", "Lesions", "Deepest tissue"],
                  rows: visits.map { v in
                      [.text(v.label), v.ageYears.map { .number($0) } ?? .empty,
                       v.bodySurfacePercent.map { .number($0) } ?? .empty, .number(Double(v.lesions.count)),
                       .text(deepest(v).name)]
                  })
    }

    /// The deepest tissue of a visit's lesions; the "no lesion" style without lesions.
    static func deepest(_ visit: BodyMapVisit) -> DepthStyle {
        visit.lesions.isEmpty ? .none : DepthStyle.of(visit.lesions.compactMap(\.depth).max())
    }
}
