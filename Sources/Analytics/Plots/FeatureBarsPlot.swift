import Figures

/// The frequency of each tested feature by group, as horizontal bars (one grey per group), with the
/// adjusted p at the right. Suppressed counts are drawn as empty bars marked "<5".
public enum FeatureBarsPlot {
    /// `id` names the figure and its `title` and `desc` (`aria-labelledby`) when inlined in a page.
    public static func svg(_ report: FeatureReport, id: String = "features-plot") -> String {
        let title = "Feature frequency by \(report.by.rawValue)"
        let rowHeight = 12.0 * Double(max(report.groups.count, 1)) + 10
        let left = 130.0, width = 420.0, top = 50.0
        var svg = SVG(width: 700, height: top + rowHeight * Double(report.tables.count) + 60)
        svg.text(left, 22, title, size: 15)
        for t in [0.0, 0.25, 0.5, 0.75, 1] {
            svg.line(left + t * width, top - 6, left + t * width, top + rowHeight * Double(report.tables.count), stroke: "#e0e0e0")
            svg.text(left + t * width, top - 10, "\(Int(t * 100))%", anchor: "middle", size: 10)
        }
        for (r, row) in report.tables.enumerated() {
            let y0 = top + rowHeight * Double(r)
            svg.text(left - 8, y0 + rowHeight / 2 + 4, row.hpoId, anchor: "end", size: 11)
            for (g, group) in report.groups.enumerated() {
                let y = y0 + 12 * Double(g) + 3
                let total = row.totals[g], present = row.presentCounts[g]
                let shown = row.present[group] ?? .value(0)
                let fraction = total > 0 ? Double(present) / Double(total) : 0
                if case .suppressed = shown {
                    svg.rect(left, y, 8, 10, fill: "none", stroke: "#000")
                    svg.text(left + 12, y + 9, shown.description, size: 9)
                } else {
                    svg.rect(left, y, fraction * width, 10, fill: SVG.greys[g % SVG.greys.count], stroke: "#000")
                }
            }
            svg.text(left + width + 10, y0 + rowHeight / 2 + 4, "p adj \(formatP(row.pAdjusted))", size: 11)
        }
        let legendY = top + rowHeight * Double(report.tables.count) + 24
        for (g, group) in report.groups.enumerated() {
            svg.rect(left + Double(g) * 130, legendY - 9, 10, 10, fill: SVG.greys[g % SVG.greys.count], stroke: "#000")
            svg.text(left + Double(g) * 130 + 14, legendY, group, size: 11)
        }
        svg.text(left + width / 2, legendY + 22, "Patients with the feature recorded (% of group)", anchor: "middle", size: 11)
        let desc = "For each of \(report.tables.count) features, the share of each group (\(report.groups.joined(separator: ", ")))"
            + " with the feature recorded, as horizontal bars, and the Benjamini-Hochberg adjusted p at the right; counts below the"
            + " suppression threshold are drawn as empty boxes."
        return svg.document(id: id, title: title, desc: desc)
    }

    static func formatP(_ p: Double) -> String {
        if p < 0.001 { return "<0.001" }
        return String((p * 1000).rounded() / 1000)
    }
}
