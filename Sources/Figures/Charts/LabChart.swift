/// One analyte over age with its reference interval as a shaded band (the interval may change with
/// age, so the band follows each result's own limits); results inside the band are circles, above
/// it triangles marked "H", below it downward triangles marked "L".
public enum LabChart {
    public struct Point: Sendable, Hashable {
        public var ageYears: Double
        public var value: Double
        public var low: Double?
        public var high: Double?

        public init(ageYears: Double, value: Double, low: Double? = nil, high: Double? = nil) {
            self.ageYears = ageYears
            self.value = value
            self.low = low
            self.high = high
        }

        public enum Flag: String, Sendable { case low, normal, high, unknown }

        public var flag: Flag {
            if let high, value > high { return .high }
            if let low, value < low { return .low }
            return low == nil && high == nil ? .unknown : .normal
        }
    }

    public struct Series: Sendable, Hashable {
        /// "Calcium".
        public var analyte: String
        /// "mg/dL".
        public var unit: String
        public var points: [Point]

        public init(analyte: String, unit: String, points: [Point]) {
            self.analyte = analyte
            self.unit = unit
            self.points = points
        }
    }

    public static func svg(_ series: Series, id: String) -> String {
        let points = series.points.filter { $0.ageYears.isFinite && $0.value.isFinite }.sorted { $0.ageYears < $1.ageYears }
        let limits = points.flatMap { [$0.low, $0.high].compactMap { $0 } }
        let area = PlotArea(width: 520, height: 220, xTicks: Ticks(covering: points.map(\.ageYears)),
                            yTicks: Ticks(covering: points.map(\.value) + limits))
        var svg = SVG(width: 720, height: area.bottom + 50)
        let title = "\(series.analyte) over age"
        area.drawFrame(&svg, title: title, xAxis: .age, yAxis: Axis(series.analyte, unit: series.unit))
        drawBand(&svg, points, area)
        svg.path(points.map { (area.x($0.ageYears), area.y($0.value)) }, stroke: "#000000", width: 1.2)
        for p in points {
            let (x, y) = (area.x(p.ageYears), area.y(p.value))
            switch p.flag {
            case .high:
                Marker.triangle.draw(&svg, x, y, fill: "#000000")
                svg.text(x + 7, y - 5, "H", size: 11, weight: "bold")
            case .low:
                Marker.triangleDown.draw(&svg, x, y, fill: "#000000")
                svg.text(x + 7, y + 12, "L", size: 11, weight: "bold")
            case .normal, .unknown:
                Marker.circle.draw(&svg, x, y, fill: "#ffffff")
            }
        }
        let lx = area.right + 14
        svg.rect(lx, area.top, 22, 12, fill: "#cfcfcf", stroke: "#999999")
        svg.text(lx + 28, area.top + 10, "reference interval", size: 11)
        Marker.circle.draw(&svg, lx + 11, area.top + 26, fill: "#ffffff")
        svg.text(lx + 28, area.top + 30, "within", size: 11)
        Marker.triangle.draw(&svg, lx + 11, area.top + 46, fill: "#000000")
        svg.text(lx + 28, area.top + 50, "H above", size: 11)
        Marker.triangleDown.draw(&svg, lx + 11, area.top + 66, fill: "#000000")
        svg.text(lx + 28, area.top + 70, "L below", size: 11)
        let desc = points.isEmpty ? "No \(series.analyte) result." : "\(series.analyte) in \(series.unit) by age: "
            + points.map { "\(SVG.number($0.value)) at \(SVG.number($0.ageYears)) years (\($0.flag.rawValue))" }.joined(separator: "; ") + "."
        return svg.document(id: id, title: title, desc: desc, classes: "figure-chart")
    }

    /// The band: each result's limits joined across ages (a missing limit is the plot's edge); a
    /// lone result gets a short bar.
    static func drawBand(_ svg: inout SVG, _ points: [Point], _ area: PlotArea) {
        let banded = points.filter { $0.low != nil || $0.high != nil }
        let top = banded.map { (area.x($0.ageYears), $0.high.map(area.y.callAsFunction) ?? area.top) }
        let bottom = banded.map { (area.x($0.ageYears), $0.low.map(area.y.callAsFunction) ?? area.bottom) }
        guard !banded.isEmpty else { return }
        if banded.count == 1, let t = top.first, let b = bottom.first {
            svg.rect(t.0 - 10, t.1, 20, b.1 - t.1, fill: "#cfcfcf")
            return
        }
        svg.path(top + bottom.reversed(), stroke: "none", width: 0, fill: "#cfcfcf", close: true)
    }

    public static func table(_ series: Series) -> DataTable {
        DataTable(caption: "\(series.analyte) (\(series.unit))",
                  headers: ["Age (years)", "Value (\(series.unit))", "Reference low", "Reference high", "Flag"],
                  rows: series.points.sorted { $0.ageYears < $1.ageYears }.map {
                      [.number($0.ageYears), .number($0.value), $0.low.map { .number($0) } ?? .empty,
                       $0.high.map { .number($0) } ?? .empty, .text($0.flag.rawValue)]
                  })
    }
}
