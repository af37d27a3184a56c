/// The outline of one region of the body figure, in figure units (x = 0 on the midline, y = 0 at
/// the top of the head, the soles at y = 386), drawn by Ossify: straight and quadratic segments, or
/// an ellipse for the head. The left half of the figure is given; the right half is its mirror.
struct BodyShape: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case move(Double, Double)
        case line(Double, Double)
        case quad(Double, Double, Double, Double)
    }

    enum Form: Sendable, Equatable {
        case path([Segment])
        case ellipse(cx: Double, cy: Double, rx: Double, ry: Double)
    }

    let form: Form

    static func path(_ segments: [Segment]) -> BodyShape { BodyShape(form: .path(segments)) }

    /// The shape reflected about the midline.
    var mirrored: BodyShape {
        switch form {
        case .ellipse(let cx, let cy, let rx, let ry):
            BodyShape(form: .ellipse(cx: -cx, cy: cy, rx: rx, ry: ry))
        case .path(let segments):
            .path(segments.map {
                switch $0 {
                case .move(let x, let y): .move(-x, y)
                case .line(let x, let y): .line(-x, y)
                case .quad(let cx, let cy, let x, let y): .quad(-cx, cy, -x, y)
                }
            })
        }
    }

    /// Writes the element (`path` or `ellipse`) moved by (`dx`, `dy`) with the given attributes.
    func write(_ svg: inout SVG, dx: Double, dy: Double, _ attributes: [(String, String)]) {
        let n = SVG.number
        switch form {
        case .ellipse(let cx, let cy, let rx, let ry):
            svg.element("ellipse", [("cx", n(cx + dx)), ("cy", n(cy + dy)), ("rx", n(rx)), ("ry", n(ry))] + attributes)
        case .path(let segments):
            let d = segments.map {
                switch $0 {
                case .move(let x, let y): "M\(n(x + dx)),\(n(y + dy))"
                case .line(let x, let y): "L\(n(x + dx)),\(n(y + dy))"
                case .quad(let cx, let cy, let x, let y): "Q\(n(cx + dx)),\(n(cy + dy)) \(n(x + dx)),\(n(y + dy))"
                }
            }.joined(separator: " ") + " Z"
            svg.element("path", [("d", d)] + attributes)
        }
    }
}
