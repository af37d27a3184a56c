/// Limb segment lengths, left against right, over age: one panel per segment with the left side as
/// circles on a solid line and the right as squares on a dashed line, a bar joining the two at each
/// age, and the discrepancy at the last age written beside it.
public enum LimbLengthChart {
    /// One segment measured at one age; either side may be missing.
    public struct Point: Sendable, Hashable {
        /// "forearm", "thigh", ... as the page shows it.
        public var segment: String
        public var ageYears: Double
        public var left: Double?
        public var right: Double?

        public init(segment: String, ageYears: Double, left: Double?, right: Double?) {
            self.segment = segment
            self.ageYears = ageYears
            self.left = left
            self.right = right
        }

        /// Left minus right, when both were measured.
        public var discrepancy: Double? { left.flatMap { l in right.map { l - $0 } } }
    }

    static let panelHeight = 130.0, panelGap = 70.0

    public static func svg(_ points: [Point], unit: String = "cm", id: String) -> String {
        let segments = points.firstAppearances(\.segment)
        let xTicks = Ticks(covering: points.map(\.ageYears))
        var svg = SVG(width: 720, height: 36 + Double(max(segments.count, 1)) * (panelHeight + panelGap))
        var lines: [String] = []
        for (k, segment) in segments.enumerated() {
            let series = points.filter { $0.segment == segment }.sorted { $0.ageYears < $1.ageYears }
            let area = PlotArea(top: 36 + Double(k) * (panelHeight + panelGap), width: 520, height: panelHeight,
                                xTicks: xTicks, yTicks: Ticks(covering: series.flatMap { [$0.left, $0.right].compactMap { $0 } }, count: 4))
            area.drawFrame(&svg, title: k == 0 ? "Limb segment lengths, left and right" : "", xAxis: .age,
                           yAxis: Axis(segment.capitalizedFirst, unit: unit))
            for p in series {
                if let l = p.left, let r = p.right {
                    svg.line(area.x(p.ageYears), area.y(l), area.x(p.ageYears), area.y(r), stroke: "#888888", width: 3)
                }
            }
            let left = series.compactMap { p in p.left.map { (area.x(p.ageYears), area.y($0)) } }
            let right = series.compactMap { p in p.right.map { (area.x(p.ageYears), area.y($0)) } }
            svg.path(left, stroke: "#000000", width: 1.5)
            svg.path(right, stroke: "#000000", width: 1.5, dash: "6,3")
            for p in left { Marker.circle.draw(&svg, p.0, p.1, fill: "#000000") }
            for p in right { Marker.square.draw(&svg, p.0, p.1, fill: "#ffffff") }
            if let last = series.last(where: { $0.discrepancy != nil }), let d = last.discrepancy, let l = last.left {
                svg.text(area.right + 10, area.y(l) + 4, "Δ \(describe(d, unit: unit))", size: 11)
            }
            Marker.circle.draw(&svg, area.right + 16, area.top + panelHeight - 30, fill: "#000000")
            svg.text(area.right + 26, area.top + panelHeight - 26, "left", size: 11)
            Marker.square.draw(&svg, area.right + 16, area.top + panelHeight - 12, fill: "#ffffff")
            svg.text(area.right + 26, area.top + panelHeight - 8, "right", size: 11)
            lines += series.map { "\(segment) at age \(SVG.number($0.ageYears)): left \($0.left.map(SVG.number) ?? "not measured"), "
                + "right \($0.right.map(SVG.number) ?? "not measured")" }
        }
        let desc = lines.isEmpty ? "No limb segment length recorded." : "Lengths in \(unit). " + lines.joined(separator: "; ") + "."
        return svg.document(id: id, title: "Limb segment lengths, left and right, over age", desc: desc, classes: "figure-chart")
    }

    public static func table(_ points: [Point], unit: String = "cm") -> DataTable {
        let rows: [[DataTable.Cell]] = points.firstAppearances(\.segment).flatMap { segment in
            points.filter { $0.segment == segment }.sorted { $0.ageYears < $1.ageYears }.map { p in
                [.text(p.segment), .number(p.ageYears), p.left.map { .number($0) } ?? .empty,
                 p.right.map { .number($0) } ?? .empty, p.discrepancy.map { .text(describe($0, unit: unit)) } ?? .empty]
            }
        }
        return DataTable(caption: "Limb segment lengths (\(unit))",
                         headers: ["Segment", "Age (years)", "Left (\(unit))", "Right (\(unit))", "Discrepancy"], rows: rows)
    }

    /// "1.2 cm, left longer", "none".
    static func describe(_ leftMinusRight: Double, unit: String) -> String {
        if abs(leftMinusRight) < 0.005 { return "none" }
        return "\(SVG.number(abs(leftMinusRight))) \(unit), \(leftMinusRight > 0 ? "left" : "right") longer"
    }
}
