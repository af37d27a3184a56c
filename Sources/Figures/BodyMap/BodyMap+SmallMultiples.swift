extension BodyMap {
    /// One small read-only map per visit, in the order given, to see progression: an HTML `<figure>`
    /// (class `bodymap-multiples`) holding a row of maps, each labelled with its date, age and %BSA,
    /// one shared legend, and a caption with the orientation. Ids are `id-1`, `id-2`, ... and
    /// `id-legend`.
    public static func smallMultiples(_ visits: [BodyMapVisit], id: String) -> String {
        let base = SVG.identifier(id)
        var html = "<figure class=\"bodymap-multiples\" id=\"\(base)\">\n<div class=\"bodymap-row\">\n"
        for (i, visit) in visits.enumerated() {
            html += svg(visit, options: Options(id: "\(base)-\(i + 1)", legend: false))
        }
        html += "</div>\n" + legend(id: "\(base)-legend")
        html += "<figcaption>Body maps by visit (\(visits.count)). \(SVG.escape(orientation))</figcaption>\n</figure>\n"
        return html
    }

    /// The legend alone, as a small picture.
    public static func legend(id: String) -> String {
        let prefix = SVG.identifier(id)
        var svg = SVG(width: margin * 2 + BodyFigure.width * 2 + gap, height: 124)
        svg.open("defs")
        for style in DepthStyle.all { style.writePattern(&svg, prefix: prefix) }
        svg.close("defs")
        drawLegend(&svg, y: 16, prefix: prefix)
        let names = ["no lesion"] + DepthStyle.all.map(\.name)
        return svg.document(id: prefix, title: "Legend of the body maps",
                            desc: "Deepest tissue involved, from lightest fill and sparsest hatch to darkest: "
                                + names.joined(separator: ", ") + ".", classes: "bodymap-legend")
    }
}
