public import Clinical

/// One lesion as the body map needs it; the page maps the registry's lesion record into it
/// (`surface` anterior -> `.front`, posterior -> `.back`, absent -> `nil`, drawn on both views).
public struct BodyMapLesion: Sendable, Hashable {
    /// The registry's `BodyRegion` code, e.g. "forearm".
    public var region: String
    public var side: BodySide?
    public var view: BodyView?
    public var depth: TissueDepth?
    public var percentOfRegion: Double?

    public init(region: String, side: BodySide? = nil, view: BodyView? = nil, depth: TissueDepth? = nil,
                percentOfRegion: Double? = nil) {
        self.region = region
        self.side = side
        self.view = view
        self.depth = depth
        self.percentOfRegion = percentOfRegion
    }

    /// Whether the lesion lies on the shape of `region` and `side` (`midline` for a single shape).
    /// A bilateral lesion, or one without a side, lies on both sides of a paired region.
    func lies(on region: BodyMapRegion, side: BodySide) -> Bool {
        guard self.region == region.code else { return false }
        guard region.paired else { return true }
        switch self.side {
        case nil, .bilateral?, .midline?: return true
        case let s?: return s == side
        }
    }
}

/// One visit's lesions, labelled for the small multiples.
public struct BodyMapVisit: Sendable, Hashable {
    /// The visit's date (or shifted date) as the page shows it.
    public var label: String
    public var ageYears: Double?
    /// `BodySurfaceArea.percent(...)` of the lesions at the visit's age; `nil` when unknown.
    public var bodySurfacePercent: Double?
    public var lesions: [BodyMapLesion]

    public init(label: String, ageYears: Double? = nil, bodySurfacePercent: Double? = nil, lesions: [BodyMapLesion]) {
        self.label = label
        self.ageYears = ageYears
        self.bodySurfacePercent = bodySurfacePercent
        self.lesions = lesions
    }

    /// "2024-03-12, age 5.2 years, 4.6% of body surface".
    public var caption: String {
        var parts = [label]
        if let ageYears { parts.append("age \(Ticks.format(ageYears, decimals: 1)) years") }
        if let bodySurfacePercent { parts.append("\(Ticks.format(bodySurfacePercent, decimals: 1))% of body surface") }
        return parts.joined(separator: ", ")
    }

    /// "5.2 y, 4.6% BSA": the second line of a small map.
    var summary: String {
        var parts: [String] = []
        if let ageYears { parts.append("\(Ticks.format(ageYears, decimals: 1)) y") }
        if let bodySurfacePercent { parts.append("\(Ticks.format(bodySurfacePercent, decimals: 1))% BSA") }
        return parts.joined(separator: ", ")
    }
}

/// Where a selected region leads: the lesion form's address, which receives `region`, `side` and
/// `surface` in its query when followed without JavaScript, and the id of the lesion form on the
/// same page that `/static/bodymap.js` fills instead when it runs.
public struct BodyMapLink: Sendable, Hashable {
    public var lesionFormURL: String
    public var formID: String?

    public init(lesionFormURL: String, formID: String? = nil) {
        self.lesionFormURL = lesionFormURL
        self.formID = formID
    }

    func href(region: String, side: BodySide, view: BodyView) -> String {
        let joiner = lesionFormURL.contains("?") ? "&" : "?"
        let surface = view == .front ? "anterior" : "posterior"
        return "\(lesionFormURL)\(joiner)region=\(region)&side=\(side.rawValue)&surface=\(surface)"
    }
}
