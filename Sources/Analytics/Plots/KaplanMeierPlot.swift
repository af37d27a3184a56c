import Figures

/// Kaplan-Meier curves as SVG: steps per group with the 95% interval as a grey band, censoring as
/// ticks on the curve, a legend, and the numbers at risk under the axis (suppressed for
/// researchers as in the JSON).
public enum KaplanMeierPlot {
    /// `id` names the figure and its `title` and `desc` (`aria-labelledby`) when inlined in a page.
    public static func svg(_ report: SurvivalReport, title: String? = nil, id: String = "km-plot") -> String {
        let curves = report.curves
        let end = max(report.data.map(\.time).max() ?? 1, 1e-9)
        let ticks = SVG.ticks(upTo: end)
        // A margin after the last time, so that a drop there is not drawn on the plot's edge (a
        // single curve that ends in an event would otherwise look like the frame).
        let xMax = ticks.last.map { max($0, end * 1.05) } ?? end * 1.05
        let tableHeight = 24.0 + 16 * Double(curves.count)
        let frame = ChartFrame(left: 110, plotWidth: 560, plotHeight: 300, xMax: xMax, yMax: 1)
        var svg = SVG(width: 760, height: frame.top + frame.plotHeight + 60 + tableHeight)
        let origin = report.event == .firstLesion || report.event == .firstSurgery ? "Age" : "Time since "
            + (report.event == .recurrence ? "excision" : "first lesion")
        let heading = title ?? "Kaplan-Meier: \(report.event.rawValue)"
        frame.drawAxes(&svg, title: heading, xLabel: "\(origin) (years)",
                       yLabel: "Probability without event", xTicks: ticks, yTicks: [0, 0.25, 0.5, 0.75, 1])
        for (k, curve) in curves.enumerated() {
            let grey = SVG.lineGreys[k % SVG.lineGreys.count], dash = SVG.dashes[k % SVG.dashes.count]
            // Interval band: the step polygon of the upper limits forward and the lower limits back.
            var upper: [(Double, Double)] = [(frame.x(0), frame.y(1))], lower: [(Double, Double)] = [(frame.x(0), frame.y(1))]
            var lastU = 1.0, lastL = 1.0
            for i in curve.time.indices {
                guard let u = curve.upper[i], let l = curve.lower[i] else { break }
                upper += [(frame.x(curve.time[i]), frame.y(lastU)), (frame.x(curve.time[i]), frame.y(u))]
                lower += [(frame.x(curve.time[i]), frame.y(lastL)), (frame.x(curve.time[i]), frame.y(l))]
                lastU = u
                lastL = l
            }
            upper.append((frame.x(xMax), frame.y(lastU)))
            lower.append((frame.x(xMax), frame.y(lastL)))
            svg.path(upper + lower.reversed(), stroke: "none", width: 0, fill: "#999999", opacity: 0.18, close: true)
            var steps: [(Double, Double)] = [(frame.x(0), frame.y(1))]
            var s = 1.0
            for i in curve.time.indices {
                steps += [(frame.x(curve.time[i]), frame.y(s)), (frame.x(curve.time[i]), frame.y(curve.survival[i]))]
                s = curve.survival[i]
            }
            let lastTime = report.data.filter { $0.group == curve.group }.map(\.time).max() ?? 0
            steps.append((frame.x(lastTime), frame.y(s)))
            svg.path(steps, stroke: grey, width: 2, dash: dash)
            for t in curve.censorTimes {
                let yv = frame.y(curve.survival(at: t))
                svg.line(frame.x(t), yv - 4, frame.x(t), yv + 4, stroke: grey, width: 1.5)
            }
            let ly = frame.top + 14 + 16 * Double(k)
            svg.line(frame.left + frame.plotWidth - 150, ly - 4, frame.left + frame.plotWidth - 120, ly - 4, stroke: grey,
                     width: 2, dash: dash)
            svg.text(frame.left + frame.plotWidth - 115, ly, curve.group, size: 11)
        }
        // Numbers at risk.
        let tableTop = frame.top + frame.plotHeight + 58
        svg.text(8, tableTop, "Number at risk", size: 11)
        let atRisk = KaplanMeier.numbersAtRisk(report.data, groups: curves.map(\.group), times: ticks)
        for (k, curve) in curves.enumerated() {
            let y = tableTop + 16 * Double(k + 1)
            svg.text(8, y, curve.group, size: 11)
            for (j, t) in ticks.enumerated() {
                svg.text(frame.x(t), y, report.policy.count(atRisk[k][j]).description, anchor: "middle", size: 11)
            }
        }
        let desc = "Probability without \(report.event.rawValue) against \(origin.lowercased()) in years, "
            + "\(curves.count) curve\(curves.count == 1 ? "" : "s") (\(curves.map(\.group).joined(separator: ", "))), "
            + "with 95% interval bands, censoring marks and the numbers at risk below the axis."
        return svg.document(id: id, title: heading, desc: desc)
    }
}
