import Clinical

/// What one shape of the map shows: the lesions on one region, side and view, their deepest tissue
/// and their summed extent.
struct RegionFinding: Sendable, Hashable {
    let region: BodyMapRegion
    let side: BodySide
    let view: BodyView
    let lesionCount: Int
    /// The deepest recorded tissue; `nil` with lesions means no depth was recorded.
    let deepest: TissueDepth?
    /// The summed percent of the region (at most 100), `nil` when no lesion gave one.
    let percentOfRegion: Double?

    init(region: BodyMapRegion, side: BodySide, view: BodyView, lesions: [BodyMapLesion]) {
        let here = lesions.filter { $0.lies(on: region, side: side) && ($0.view == nil || $0.view == view) }
        self.region = region
        self.side = side
        self.view = view
        lesionCount = here.count
        deepest = here.compactMap(\.depth).max()
        let extents = here.compactMap(\.percentOfRegion)
        percentOfRegion = extents.isEmpty ? nil : min(extents.reduce(0, +), 100)
    }

    /// The drawing style, `nil` for a region without lesions.
    var style: DepthStyle? { lesionCount > 0 ? DepthStyle.of(deepest) : nil }

    /// "Left forearm, front: 1 lesion, deepest tissue fascia, 20% of the region".
    var label: String {
        let place = "\(region.label(side)), \(view.rawValue)"
        guard lesionCount > 0 else { return "\(place): no lesion" }
        var text = "\(place): \(lesionCount) lesion\(lesionCount == 1 ? "" : "s"), "
        text += deepest.map { "deepest tissue \($0.rawValue)" } ?? "depth not recorded"
        if let percentOfRegion { text += ", \(SVG.number(percentOfRegion))% of the region" }
        return text
    }
}
