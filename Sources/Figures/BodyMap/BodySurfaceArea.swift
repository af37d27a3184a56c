/// The percent of body surface involved (%BSA), Lund and Browder: for each region and side, the
/// percent of the region involved times the region's share of the body surface at the patient's
/// age. The shares are the registry's (`BodyRegion.percent(atAgeYears:)`), handed in by the caller
/// so that this module needs no registry:
///
///     BodySurfaceArea.percent(lesions) { BodyRegion.named($0)?.percent(atAgeYears: age) }
///
/// Lesions of one region and side add up to at most 100% of it (their overlap is not recorded); a
/// bilateral lesion of a paired region counts on both sides; a lesion without an extent adds nothing;
/// a region without a share (unknown code) adds nothing.
public enum BodySurfaceArea {
    public static func percent(_ lesions: [BodyMapLesion], share: (String) -> Double?) -> Double {
        var extent: [String: Double] = [:]
        var weight: [String: Double] = [:]
        for region in BodyMapRegion.all {
            guard let w = share(region.code) else { continue }
            for side in region.sides {
                let key = "\(region.code)/\(side.rawValue)"
                weight[key] = w
                for lesion in lesions where lesion.lies(on: region, side: side) {
                    extent[key, default: 0] += max(0, lesion.percentOfRegion ?? 0)
                }
            }
        }
        return extent.keys.sorted().reduce(0) { sum, key in
            sum + min(extent[key] ?? 0, 100) / 100 * (weight[key] ?? 0)
        }
    }
}
