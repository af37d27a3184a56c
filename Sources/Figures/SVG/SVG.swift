/// A minimal SVG writer shared by the figures and the cohort plots: elements as text with every
/// attribute value and text node escaped, so names and labels from the record cannot break the
/// document. It never writes a `style` attribute or element (the pages' Content-Security-Policy has
/// no `unsafe-inline`): presentation attributes and classes only.
package struct SVG {
    package private(set) var body: [String] = []
    package let width: Double
    package let height: Double

    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// XML text and attribute escaping; control characters that XML 1.0 forbids are dropped.
    package static func escape(_ text: String) -> String {
        // Most texts (numbers, colours, path data, ids) need nothing: one pass over the bytes finds
        // out, and the text is returned as it is (measured: escaping was a fifth of the patient page).
        let plain = text.utf8.allSatisfy { b in
            b >= 0x20 && b < 0x7F && b != UInt8(ascii: "&") && b != UInt8(ascii: "<") && b != UInt8(ascii: ">")
                && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'")
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r", "\r\n": out.append(ch)
            default:
                if let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1,
                   scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    continue
                }
                out.append(ch)
            }
        }
        return out
    }

    /// A number with at most two decimals, no trailing zeros; non-finite values as 0.
    package static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let rounded = (x * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// A value usable as an `id` (and in `url(#id)`): letters, digits, `-` and `_` only.
    package static func identifier(_ text: String) -> String {
        let kept = text.unicodeScalars.map { s -> Character in
            (("0"..."9").contains(s) || ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "-" || s == "_")
                ? Character(s) : "-"
        }
        let id = String(kept)
        return id.first?.isLetter == true ? id : "f-" + id
    }

    package mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        if let text {
            body.append("<\(name)\(SVG.attributes(attributes))>\(SVG.escape(text))</\(name)>")
        } else {
            body.append("<\(name)\(SVG.attributes(attributes))/>")
        }
    }

    /// Opens a container element (`g`, `a`, `defs`, `pattern`); close it with `close(_:)`.
    package mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        body.append("<\(name)\(SVG.attributes(attributes))>")
    }

    package mutating func close(_ name: String) {
        body.append("</\(name)>")
    }

    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(SVG.escape($0.1))\"" }.joined()
    }

    package mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#000",
                               width: Double = 1, dash: String? = nil) {
        var a = [("x1", SVG.number(x1)), ("y1", SVG.number(y1)), ("x2", SVG.number(x2)), ("y2", SVG.number(y2)),
                 ("stroke", stroke), ("stroke-width", SVG.number(width))]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("line", a)
    }

    package mutating func path(_ points: [(Double, Double)], stroke: String, width: Double = 1.5, dash: String? = nil,
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

    package mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String = "none") {
        element("rect", [("x", SVG.number(x)), ("y", SVG.number(y)), ("width", SVG.number(max(0, w))),
                         ("height", SVG.number(max(0, h))), ("fill", fill), ("stroke", stroke)])
    }

    package mutating func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "start", size: Double = 12,
                               rotate: Bool = false, weight: String? = nil) {
        var a = [("x", SVG.number(x)), ("y", SVG.number(y)), ("font-size", SVG.number(size)), ("text-anchor", anchor),
                 ("font-family", "sans-serif")]
        if let weight { a.append(("font-weight", weight)) }
        if rotate { a.append(("transform", "rotate(-90 \(SVG.number(x)) \(SVG.number(y)))")) }
        element("text", a, text: s)
    }

    /// A standalone image (the cohort plots): `role="img"` on a white background.
    package var document: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" "
            + "viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body.joined(separator: "\n") + "\n</svg>\n"
    }

    /// An accessible inline figure: `title` and `desc` first, named by `aria-labelledby`, with the
    /// ids made from `id`. `role` is `img` for a picture, `group` when it holds controls.
    package func document(id: String, title: String, desc: String, role: String = "img", classes: String? = nil,
                          extra: [(String, String)] = []) -> String {
        let base = SVG.identifier(id)
        var root: [(String, String)] = [
            ("xmlns", "http://www.w3.org/2000/svg"), ("id", base), ("width", SVG.number(width)),
            ("height", SVG.number(height)), ("viewBox", "0 0 \(SVG.number(width)) \(SVG.number(height))"),
            ("role", role), ("aria-labelledby", "\(base)-title \(base)-desc"),
        ]
        if let classes { root.append(("class", classes)) }
        root += extra
        return "<svg\(SVG.attributes(root))>\n"
            + "<title id=\"\(base)-title\">\(SVG.escape(title))</title>\n"
            + "<desc id=\"\(base)-desc\">\(SVG.escape(desc))</desc>\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body.joined(separator: "\n") + "\n</svg>\n"
    }

    /// Greys and dash patterns that stay distinct in greyscale print.
    package static let greys = ["#000000", "#a0a0a0", "#505050", "#d0d0d0", "#787878", "#282828"]
    package static let dashes: [String?] = [nil, "6,3", "2,2", "8,3,2,3", "1,3", "10,4"]
    /// Greys for lines (curves and their legend samples): each at least 3:1 against white, as WCAG
    /// asks of graphical objects; the dash patterns keep them apart. (`greys` fills shapes that
    /// have a black outline, so its lightest shades stay.)
    package static let lineGreys = ["#000000", "#6e6e6e", "#3c3c3c", "#8a8a8a", "#555555", "#1e1e1e"]

    /// About five round tick values from 0 to `maximum` (never past it).
    package static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0] }
        let step = Ticks.step(span: maximum, count: 5)
        return stride(from: 0, through: maximum + step * 1e-9, by: step).map { $0 }
    }
}
