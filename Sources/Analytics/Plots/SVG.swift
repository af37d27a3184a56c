/// A minimal SVG writer: elements as text with every attribute value and text node escaped, so
/// group names and labels from the record cannot break the document.
struct SVG {
    private(set) var body: [String] = []
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let rounded = (x * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        let attrs = attributes.map { " \($0.0)=\"\(SVG.escape($0.1))\"" }.joined()
        if let text {
            body.append("<\(name)\(attrs)>\(SVG.escape(text))</\(name)>")
        } else {
            body.append("<\(name)\(attrs)/>")
        }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#000", width: Double = 1,
                       dash: String? = nil) {
        var a = [("x1", SVG.number(x1)), ("y1", SVG.number(y1)), ("x2", SVG.number(x2)), ("y2", SVG.number(y2)),
                 ("stroke", stroke), ("stroke-width", SVG.number(width))]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("line", a)
    }

    mutating func path(_ points: [(Double, Double)], stroke: String, width: Double = 1.5, dash: String? = nil,
                       fill: String = "none", opacity: Double = 1, close: Bool = false) {
        guard let first = points.first else { return }
        var d = "M\(SVG.number(first.0)),\(SVG.number(first.1))"
        for p in points.dropFirst() { d += " L\(SVG.number(p.0)),\(SVG.number(p.1))" }
        if close { d += " Z" }
        var a = [("d", d), ("stroke", stroke), ("stroke-width", SVG.number(width)), ("fill", fill)]
        if let dash { a.append(("stroke-dasharray", dash)) }
        if opacity < 1 { a.append(("fill-opacity", SVG.number(opacity))) }
        element("path", a)
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String = "none") {
        element("rect", [("x", SVG.number(x)), ("y", SVG.number(y)), ("width", SVG.number(max(0, w))),
                         ("height", SVG.number(max(0, h))), ("fill", fill), ("stroke", stroke)])
    }

    mutating func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "start", size: Double = 12,
                       rotate: Bool = false) {
        var a = [("x", SVG.number(x)), ("y", SVG.number(y)), ("font-size", SVG.number(size)), ("text-anchor", anchor),
                 ("font-family", "sans-serif")]
        if rotate { a.append(("transform", "rotate(-90 \(SVG.number(x)) \(SVG.number(y)))")) }
        element("text", a, text: s)
    }

    var document: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" "
            + "viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body.joined(separator: "\n") + "\n</svg>\n"
    }

    /// Greys and dash patterns that stay distinct in greyscale print.
    static let greys = ["#000000", "#a0a0a0", "#505050", "#d0d0d0", "#787878", "#282828"]
    static let dashes: [String?] = [nil, "6,3", "2,2", "8,3,2,3", "1,3", "10,4"]

    /// About five round tick values from 0 to `maximum`.
    static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0] }
        let raw = maximum / 5
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return stride(from: 0, through: maximum + step * 1e-9, by: step).map { $0 }
    }
}

/// The frame of an x-y chart: plot area, axes with ticks and labels.
struct ChartFrame {
    var left = 70.0
    var top = 40.0
    let plotWidth: Double, plotHeight: Double
    let xMax: Double, yMax: Double

    func x(_ v: Double) -> Double { left + v / xMax * plotWidth }
    func y(_ v: Double) -> Double { top + plotHeight - v / yMax * plotHeight }

    func drawAxes(_ svg: inout SVG, title: String, xLabel: String, yLabel: String, xTicks: [Double], yTicks: [Double]) {
        svg.text(left, 22, title, size: 15)
        svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight)
        svg.line(left, top, left, top + plotHeight)
        for t in xTicks {
            svg.line(x(t), top + plotHeight, x(t), top + plotHeight + 5)
            svg.text(x(t), top + plotHeight + 18, SVG.number(t), anchor: "middle", size: 11)
        }
        for t in yTicks {
            svg.line(left - 5, y(t), left, y(t))
            svg.line(left, y(t), left + plotWidth, y(t), stroke: "#e0e0e0")
            svg.text(left - 8, y(t) + 4, SVG.number(t), anchor: "end", size: 11)
        }
        svg.text(left + plotWidth / 2, top + plotHeight + 36, xLabel, anchor: "middle")
        svg.text(18, top + plotHeight / 2, yLabel, anchor: "middle", rotate: true)
    }
}
