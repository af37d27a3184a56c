import Figures

/// The probability of each progression stage over the years after onset (starting in the dermis
/// stage), as stacked grey bands with the stage named on each band.
public enum StateOccupationPlot {
    /// `id` names the figure and its `title` and `desc` (`aria-labelledby`) when inlined in a page.
    public static func svg(_ report: ProgressionReport, years: Double = 15, id: String = "stages-plot") -> String {
        let title = "Progression: probability of each stage after onset"
        let frame = ChartFrame(plotWidth: 560, plotHeight: 300, xMax: years, yMax: 1)
        var svg = SVG(width: 760, height: frame.top + frame.plotHeight + 60)
        frame.drawAxes(&svg, title: title,
                       xLabel: "Years since first lesion", yLabel: "Probability", xTicks: SVG.ticks(upTo: years),
                       yTicks: [0, 0.25, 0.5, 0.75, 1])
        guard let fit = report.fit else {
            svg.text(frame.left + 20, frame.top + 30, "No model: too few observations")
            return svg.document(id: id, title: title, desc: "No model could be fitted: too few observations.")
        }
        let grid = stride(from: 0.0, through: years, by: years / 120).map { $0 }
        let occupation = fit.occupation(from: ProgressionState.dermis.rawValue, grid: grid)
        let fills = ["#ffffff", "#e6e6e6", "#bdbdbd", "#7a7a7a", "#3a3a3a"]
        var below = Array(repeating: 0.0, count: grid.count)
        for state in ProgressionState.allCases where state != .none {
            let above = zip(below, occupation.map { $0[state.rawValue] }).map { $0 + $1 }
            let top = zip(grid, above).map { (frame.x($0), frame.y($1)) }
            let bottom = zip(grid, below).map { (frame.x($0), frame.y($1)) }.reversed()
            svg.path(top + bottom, stroke: "#000", width: 0.5, fill: fills[state.rawValue], close: true)
            let i = grid.count - 1
            svg.text(frame.left + frame.plotWidth + 8, frame.y((below[i] + above[i]) / 2) + 4,
                     "\(state.name) \(SVG.number(occupation[i][state.rawValue] * 100))%", size: 11)
            below = above
        }
        let desc = "Stacked probabilities of the stages dermis, subcutis, deep and joint over \(SVG.number(years)) years "
            + "after a first lesion in the dermis, from the fitted multi-state model; the share at \(SVG.number(years)) years is named at the right."
        return svg.document(id: id, title: title, desc: desc)
    }
}
