public import Clinical

/// How a depth of tissue is drawn, the same on the body map and in the charts: a fill that darkens
/// with depth (its grey value alone keeps the order in greyscale print), a hatch that differs by
/// depth, and a marker shape for charts. The name is the registry's depth vocabulary
/// (`TissueDepth.rawValue`), so colour is never the only carrier.
public struct DepthStyle: Sendable, Hashable {
    /// `nil`: a lesion whose depth was not recorded.
    public let depth: TissueDepth?
    public let fill: String
    /// The colour of the hatch marks (white on the dark fills).
    public let ink: String
    public let marker: Marker
    /// The depth's name for labels ("fascia", "tendon or ligament", "depth not recorded").
    public let name: String

    init(depth: TissueDepth?, fill: String, ink: String, marker: Marker, name: String? = nil) {
        self.depth = depth
        self.fill = fill
        self.ink = ink
        self.marker = marker
        self.name = name ?? depth?.rawValue ?? "depth not recorded"
    }

    public static func of(_ depth: TissueDepth?) -> DepthStyle {
        switch depth {
        case nil: DepthStyle(depth: nil, fill: "#e8e8e8", ink: "#555555", marker: .plus)
        case .dermis?: DepthStyle(depth: .dermis, fill: "#fee8c8", ink: "#000000", marker: .circle)
        case .subcutis?: DepthStyle(depth: .subcutis, fill: "#fdbb84", ink: "#000000", marker: .square)
        case .fascia?: DepthStyle(depth: .fascia, fill: "#f4845f", ink: "#000000", marker: .triangle)
        case .muscle?: DepthStyle(depth: .muscle, fill: "#d7301f", ink: "#ffffff", marker: .diamond)
        case .tendonOrLigament?: DepthStyle(depth: .tendonOrLigament, fill: "#990000", ink: "#ffffff", marker: .triangleDown)
        case .joint?: DepthStyle(depth: .joint, fill: "#4a0000", ink: "#ffffff", marker: .cross)
        }
    }

    /// A visit or region without any lesion (charts only; on the map such a region is white).
    public static let none = DepthStyle(depth: nil, fill: "#ffffff", ink: "#000000", marker: .dash, name: "no lesion")

    /// Every style in legend order: not recorded, then dermis to joint.
    public static let all: [DepthStyle] = [of(nil)] + TissueDepth.allCases.map { of($0) }

    /// A class and pattern-id suffix: `depth-fascia`, `depth-unknown`.
    public var key: String {
        "depth-" + (depth.map { SVG.identifier($0.rawValue) } ?? (self == .none ? "none" : "unknown"))
    }

    /// The hatch pattern's id inside the document `prefix`.
    func patternID(_ prefix: String) -> String { "\(prefix)-\(key)" }

    /// Writes the `<pattern>`: the fill and this depth's marks, on a 6-unit tile.
    func writePattern(_ svg: inout SVG, prefix: String) {
        svg.open("pattern", [("id", patternID(prefix)), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6")])
        svg.rect(0, 0, 6, 6, fill: fill)
        let stroke = [("stroke", ink), ("stroke-width", "1"), ("fill", "none")]
        switch depth {
        case nil:
            svg.element("circle", [("cx", "3"), ("cy", "3"), ("r", "1.6")] + stroke)
        case .dermis?:
            svg.element("circle", [("cx", "3"), ("cy", "3"), ("r", "0.9"), ("fill", ink)])
        case .subcutis?:
            svg.element("path", [("d", "M0,6 L6,0")] + stroke)
        case .fascia?:
            svg.element("path", [("d", "M0,3 L6,3")] + stroke)
        case .muscle?:
            svg.element("path", [("d", "M0,6 L6,0 M0,0 L6,6")] + stroke)
        case .tendonOrLigament?:
            svg.element("path", [("d", "M3,0 L3,6")] + stroke)
        case .joint?:
            svg.element("path", [("d", "M0,3 L6,3 M3,0 L3,6")] + stroke)
        }
        svg.close("pattern")
    }
}
