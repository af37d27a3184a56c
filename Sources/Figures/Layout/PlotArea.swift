/// The plot area of an x-y chart: where it sits in the SVG, its scales, and the drawing of the frame
/// (axes with ticks, tick labels, light grid lines and the axis titles with units).
package struct PlotArea {
    package let left: Double, top: Double, width: Double, height: Double
    package let x: LinearScale, y: LinearScale
    /// The ticks when the scales were made from `Ticks`.
    package let xTicks: Ticks?, yTicks: Ticks?

    /// An area whose scales span the widened domains of the ticks.
    package init(left: Double = 64, top: Double = 36, width: Double, height: Double, xTicks: Ticks, yTicks: Ticks) {
        self.init(left: left, top: top, width: width, height: height,
                  x: LinearScale(xTicks, range: left, left + width), y: LinearScale(yTicks, range: top + height, top),
                  xTicks: xTicks, yTicks: yTicks)
    }

    /// An area over `0...xMax` and `0...yMax` (the cohort plots).
    package init(left: Double, top: Double, width: Double, height: Double, xMax: Double, yMax: Double) {
        self.init(left: left, top: top, width: width, height: height,
                  x: LinearScale(domain: 0, xMax, range: left, left + width),
                  y: LinearScale(domain: 0, yMax, range: top + height, top), xTicks: nil, yTicks: nil)
    }

    private init(left: Double, top: Double, width: Double, height: Double, x: LinearScale, y: LinearScale,
                 xTicks: Ticks?, yTicks: Ticks?) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.x = x
        self.y = y
        self.xTicks = xTicks
        self.yTicks = yTicks
    }

    package var bottom: Double { top + height }
    package var right: Double { left + width }

    /// The frame with the area's own ticks; `yLabel` may replace the y tick labels.
    package func drawFrame(_ svg: inout SVG, title: String, xAxis: Axis, yAxis: Axis, yLabel: ((Double) -> String)? = nil) {
        let xt = xTicks ?? Ticks(lower: x.domain.lower, upper: x.domain.upper)
        let yt = yTicks ?? Ticks(lower: y.domain.lower, upper: y.domain.upper)
        drawFrame(&svg, title: title, xTitle: xAxis.title, yTitle: yAxis.title, xTicks: xt.values, yTicks: yt.values,
                  xLabel: xt.label, yLabel: yLabel ?? yt.label)
    }

    /// The frame with the given ticks and tick labels.
    package func drawFrame(_ svg: inout SVG, title: String, titleSize: Double = 14, xTitle: String, yTitle: String,
                           xTicks: [Double], yTicks: [Double], xLabel: (Double) -> String, yLabel: (Double) -> String) {
        if !title.isEmpty { svg.text(left, 22, title, size: titleSize, weight: "bold") }
        for t in yTicks {
            svg.line(left, y(t), right, y(t), stroke: "#e3e3e3")
            svg.line(left - 5, y(t), left, y(t))
            svg.text(left - 8, y(t) + 4, yLabel(t), anchor: "end", size: 11)
        }
        for t in xTicks {
            svg.line(x(t), bottom, x(t), bottom + 5)
            svg.text(x(t), bottom + 18, xLabel(t), anchor: "middle", size: 11)
        }
        svg.line(left, bottom, right, bottom)
        svg.line(left, top, left, bottom)
        svg.text(left + width / 2, bottom + 36, xTitle, anchor: "middle", size: 12)
        svg.text(18, top + height / 2, yTitle, anchor: "middle", size: 12, rotate: true)
    }
}
