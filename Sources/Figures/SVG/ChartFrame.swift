/// The frame of a cohort plot whose axes start at zero (Kaplan-Meier, state occupation), with the
/// caller's ticks: a `PlotArea` over `0...xMax` and `0...yMax`.
package struct ChartFrame {
    package var left = 70.0
    package var top = 40.0
    package let plotWidth: Double, plotHeight: Double
    package let xMax: Double, yMax: Double

    package init(left: Double = 70, top: Double = 40, plotWidth: Double, plotHeight: Double, xMax: Double, yMax: Double) {
        self.left = left
        self.top = top
        self.plotWidth = plotWidth
        self.plotHeight = plotHeight
        self.xMax = xMax
        self.yMax = yMax
    }

    var area: PlotArea { PlotArea(left: left, top: top, width: plotWidth, height: plotHeight, xMax: xMax, yMax: yMax) }

    package func x(_ v: Double) -> Double { area.x(v) }
    package func y(_ v: Double) -> Double { area.y(v) }

    package func drawAxes(_ svg: inout SVG, title: String, xLabel: String, yLabel: String, xTicks: [Double], yTicks: [Double]) {
        area.drawFrame(&svg, title: title, titleSize: 15, xTitle: xLabel, yTitle: yLabel, xTicks: xTicks, yTicks: yTicks,
                       xLabel: SVG.number, yLabel: SVG.number)
    }
}
