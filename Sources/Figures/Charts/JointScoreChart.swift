public import Clinical

/// Joint involvement over time as a grid: one row per joint and side, one column per age, each cell
/// shaded by the score (0 none, 1 partial, 2 ankylosed) and showing the number, so the score is
/// read from the text as well as the shade.
public enum JointScoreChart {
    public struct Point: Sendable, Hashable {
        /// The registry's joint code ("knee").
        public var joint: String
        public var side: BodySide?
        public var ageYears: Double
        public var score: Int

        public init(joint: String, side: BodySide? = nil, ageYears: Double, score: Int) {
            self.joint = joint
            self.side = side
            self.ageYears = ageYears
            self.score = score
        }

        var row: String {
            switch side {
            case .left?: "Left \(joint)"
            case .right?: "Right \(joint)"
            case .bilateral?: "Both \(joint)s"
            default: joint.capitalizedFirst
            }
        }
    }

    static let fills = ["#ffffff", "#bdbdbd", "#303030"]
    static let words = ["none", "partial", "ankylosed"]

    public static func svg(_ points: [Point], id: String) -> String {
        let rows = points.firstAppearances(\.row), ages = Set(points.map(\.ageYears)).sorted()
        let left = 130.0, top = 70.0, cellW = max(28, min(60, 540 / Double(max(ages.count, 1)))), cellH = 22.0
        var svg = SVG(width: max(720, left + cellW * Double(ages.count) + 20), height: top + cellH * Double(rows.count) + 90)
        svg.text(left, 20, "Joint involvement over age", size: 14, weight: "bold")
        for (j, age) in ages.enumerated() {
            svg.text(left + cellW * (Double(j) + 0.5), top - 8, SVG.number(age), anchor: "middle", size: 11)
        }
        svg.text(left + cellW * Double(ages.count) / 2, top - 26, Axis.age.title, anchor: "middle", size: 12)
        for (i, row) in rows.enumerated() {
            let y = top + cellH * Double(i)
            svg.text(left - 8, y + cellH / 2 + 4, row, anchor: "end", size: 11)
            for (j, age) in ages.enumerated() {
                let x = left + cellW * Double(j)
                guard let score = points.last(where: { $0.row == row && $0.ageYears == age })?.score else {
                    svg.rect(x, y, cellW, cellH, fill: "#ffffff", stroke: "#dddddd")
                    continue
                }
                let s = min(max(score, 0), 2)
                svg.rect(x, y, cellW, cellH, fill: fills[s], stroke: "#666666")
                svg.element("text", [("x", SVG.number(x + cellW / 2)), ("y", SVG.number(y + cellH / 2 + 4)), ("font-size", "11"),
                                     ("text-anchor", "middle"), ("font-family", "sans-serif"), ("fill", s == 2 ? "#ffffff" : "#000000")],
                            text: String(score))
            }
        }
        let legendY = top + cellH * Double(rows.count) + 30
        for s in 0...2 {
            let x = left + Double(s) * 130
            svg.rect(x, legendY - 11, 22, 14, fill: fills[s], stroke: "#666666")
            svg.text(x + 28, legendY, "\(s) \(words[s])", size: 11)
        }
        svg.text(left, legendY + 22, "Empty cell: not scored at that visit.", size: 10)
        let desc = points.isEmpty ? "No joint scored." : "Scores 0 none, 1 partial, 2 ankylosed. "
            + points.sorted { ($0.row, $0.ageYears) < ($1.row, $1.ageYears) }
                .map { "\($0.row) at age \(SVG.number($0.ageYears)): \($0.score)" }.joined(separator: "; ") + "."
        return svg.document(id: id, title: "Joint involvement over age", desc: desc, classes: "figure-chart")
    }

    public static func table(_ points: [Point]) -> DataTable {
        DataTable(caption: "Joint involvement (0 none, 1 partial, 2 ankylosed)", headers: ["Joint", "Age (years)", "Score"],
                  rows: points.sorted { ($0.row, $0.ageYears) < ($1.row, $1.ageYears) }.map {
                      [.text($0.row), .number($0.ageYears), .text("\($0.score) \(words[min(max($0.score, 0), 2)])")]
                  })
    }
}
