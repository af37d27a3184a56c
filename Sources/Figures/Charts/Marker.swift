/// Point markers that differ by shape, so series stay apart in greyscale and for colour-blind
/// readers.
public enum Marker: String, Sendable, Hashable, CaseIterable {
    case circle, square, triangle, diamond, triangleDown, cross, plus, dash

    /// Draws the marker centred on (x, y) with radius about `r`.
    package func draw(_ svg: inout SVG, _ x: Double, _ y: Double, r: Double = 4.5, fill: String = "#000",
                      stroke: String = "#000") {
        let n = SVG.number
        switch self {
        case .circle:
            svg.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", n(r)), ("fill", fill), ("stroke", stroke)])
        case .dash:
            svg.rect(x - r, y - 1.5, r * 2, 3, fill: stroke, stroke: stroke)
        case .square:
            svg.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7, fill: fill, stroke: stroke)
        case .triangle:
            svg.path([(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)], stroke: stroke, width: 1, fill: fill, close: true)
        case .triangleDown:
            svg.path([(x, y + r), (x + r, y - r * 0.8), (x - r, y - r * 0.8)], stroke: stroke, width: 1, fill: fill, close: true)
        case .diamond:
            svg.path([(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)], stroke: stroke, width: 1, fill: fill, close: true)
        case .plus:
            svg.path([(x - r, y), (x + r, y)], stroke: stroke, width: 2.5)
            svg.path([(x, y - r), (x, y + r)], stroke: stroke, width: 2.5)
        case .cross:
            svg.path([(x - r, y - r), (x + r, y + r)], stroke: stroke, width: 2.5)
            svg.path([(x - r, y + r), (x + r, y - r)], stroke: stroke, width: 2.5)
        }
    }
}
