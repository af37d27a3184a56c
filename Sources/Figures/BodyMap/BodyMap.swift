/// The body map of one visit as inline SVG: the front and back figures side by side, one shape per
/// Lund-Browder region and side, filled and hatched by the deepest tissue involved, with the
/// orientation caption and the legend.
///
/// Each shape carries `data-region`, `data-side` (`left`, `right` or `midline`), `data-view`, a
/// `<title>` and the same text as `aria-label`. With a `BodyMapLink` the map is a control: every
/// shape is wrapped in an `<a role="button" tabindex="0">` whose `href` is the lesion form with
/// `region`, `side` and `surface` in the query, so the map works without JavaScript;
/// `/static/bodymap.js` (`BodyMapScript.source`) turns a click, Enter or Space into filling the form
/// named by `data-lesion-form` on the same page instead. Without a link the map is a picture
/// (`role="img"`) whose shapes are plain groups with the same data attributes.
public enum BodyMap {
    /// Options of one map.
    public struct Options: Sendable, Hashable {
        /// The document id (also the prefix of its pattern ids); unique on the page.
        public var id: String
        public var link: BodyMapLink?
        /// Legend and orientation caption under the figures (off in small multiples).
        public var legend: Bool

        public init(id: String, link: BodyMapLink? = nil, legend: Bool = true) {
            self.id = id
            self.link = link
            self.legend = legend
        }
    }

    static let margin = 10.0, gap = 20.0

    /// The map of `visit`.
    public static func svg(_ visit: BodyMapVisit, options: Options) -> String {
        let prefix = SVG.identifier(options.id)
        let figuresWidth = margin * 2 + BodyFigure.width * 2 + gap
        let legendHeight = options.legend ? 118.0 : 0
        // A full map has its caption on one line; a small one (drawn at half size) on two, larger.
        let top = options.legend ? 44.0 : 76
        var svg = SVG(width: figuresWidth, height: top + BodyFigure.height + 8 + legendHeight)
        if options.legend {
            svg.text(margin, 16, visit.caption, size: 12, weight: "bold")
        } else {
            svg.text(margin, 22, visit.label, size: 20, weight: "bold")
            svg.text(margin, 46, visit.summary, size: 20)
        }
        svg.open("defs")
        for style in DepthStyle.all { style.writePattern(&svg, prefix: prefix) }
        svg.close("defs")
        var findings: [RegionFinding] = []
        for (i, view) in BodyView.allCases.enumerated() {
            let centre = margin + BodyFigure.width / 2 + Double(i) * (BodyFigure.width + gap)
            findings += drawView(&svg, view, centre: centre, top: top, lesions: visit.lesions, prefix: prefix, link: options.link)
        }
        if options.legend { drawLegend(&svg, y: top + BodyFigure.height + 16, prefix: prefix) }
        let title = "Body map, \(visit.caption)"
        var extra: [(String, String)] = [("data-visit", visit.label)]
        if let form = options.link?.formID { extra.append(("data-lesion-form", form)) }
        return svg.document(id: prefix, title: title, desc: description(findings), role: options.link == nil ? "img" : "group",
                            classes: "bodymap", extra: extra)
    }

    /// The regions with lesions, in words, and the orientation: the `<desc>` of the map.
    static func description(_ findings: [RegionFinding]) -> String {
        let involved = findings.filter { $0.lesionCount > 0 }.map(\.label)
        let lesions = involved.isEmpty ? "No lesion recorded." : involved.joined(separator: "; ") + "."
        return "\(orientation) \(lesions)"
    }

    /// The orientation caption.
    public static let orientation = "Front view: the patient faces you, so the patient's left is on your right. "
        + "Back view: the patient's left is on your left."

    static func drawView(_ svg: inout SVG, _ view: BodyView, centre: Double, top: Double, lesions: [BodyMapLesion], prefix: String,
                         link: BodyMapLink?) -> [RegionFinding] {
        svg.open("g", [("class", "bodymap-view"), ("data-view", view.rawValue)])
        svg.text(centre, top - 12, view.name, anchor: "middle", size: 13, weight: "bold")
        let leftSide = BodyFigure.viewerLeftSide(view)
        svg.text(centre - 78, top + 20, leftSide == .right ? "R" : "L", anchor: "middle", size: 12, weight: "bold")
        svg.text(centre + 78, top + 20, leftSide == .right ? "L" : "R", anchor: "middle", size: 12, weight: "bold")
        var findings: [RegionFinding] = []
        for placement in BodyFigure.placements(view) {
            let finding = RegionFinding(region: placement.region, side: placement.side, view: view, lesions: lesions)
            findings.append(finding)
            let classes = "bodymap-region " + (finding.style?.key ?? "depth-none")
            var attributes: [(String, String)] = [
                ("class", classes), ("data-region", placement.region.code), ("data-side", placement.side.rawValue),
                ("data-view", view.rawValue),
            ]
            if let link {
                attributes = [("href", link.href(region: placement.region.code, side: placement.side, view: view))]
                    + attributes + [("role", "button"), ("tabindex", "0"), ("aria-label", finding.label)]
                svg.open("a", attributes)
            } else {
                svg.open("g", attributes)
            }
            svg.element("title", [], text: finding.label)
            let fill = finding.style.map { "url(#\($0.patternID(prefix)))" } ?? "#ffffff"
            placement.shape.write(&svg, dx: centre, dy: top, [("fill", fill), ("stroke", "#333333"), ("stroke-width", "1.2"),
                                                     ("stroke-linejoin", "round")])
            svg.close(link == nil ? "g" : "a")
        }
        svg.close("g")
        return findings
    }

    static func drawLegend(_ svg: inout SVG, y: Double, prefix: String) {
        svg.open("g", [("class", "bodymap-legend")])
        svg.text(margin, y, "Deepest tissue involved", size: 11, weight: "bold")
        let entries: [(String, String)] = [("no lesion", "#ffffff")]
            + DepthStyle.all.map { ($0.name, "url(#\($0.patternID(prefix)))") }
        for (i, entry) in entries.enumerated() {
            let x = margin + Double(i % 2) * 180, rowY = y + 8 + Double(i / 2) * 18
            svg.rect(x, rowY, 22, 13, fill: entry.1, stroke: "#333333")
            svg.text(x + 28, rowY + 11, entry.0, size: 11)
        }
        svg.close("g")
        let captionY = y + 8 + 4 * 18 + 12
        svg.text(margin, captionY, "Front: the patient's left is on your right.", size: 10)
        svg.text(margin, captionY + 13, "Back: the patient's left is on your left.", size: 10)
    }
}
