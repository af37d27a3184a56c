/// The deepest tissue a heterotopic-ossification lesion reaches, from the skin inwards.
public enum TissueDepth: String, Sendable, Codable, CaseIterable, Comparable {
    case dermis, subcutis, fascia, muscle
    case tendonOrLigament = "tendon or ligament"
    case joint

    /// Depth order: dermis < subcutis < fascia < muscle < tendon or ligament < joint.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    /// Beyond skin and subcutaneous fat: the "deep" ossification that marks POH.
    public var isDeep: Bool { rank >= TissueDepth.fascia.rank }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

public enum LesionMorphology: String, Sendable, Codable, CaseIterable {
    case circumscribed, diffuse, plaque
    case webCrossingJoint = "web crossing a joint"
}

public enum BodySide: String, Sendable, Codable, CaseIterable {
    case left, right, bilateral, midline
}

/// One heterotopic-ossification lesion as observed at one time: where (body region, side), how deep,
/// what shape, how much of the region, and when (age at observation or onset).
public struct Lesion: Hashable, Sendable, Codable {
    /// A stable id, so one lesion can be followed across visits.
    public var id: String?
    /// Body region, e.g. "forearm" (the region list is data in Knowledge/).
    public var region: String
    public var side: BodySide?
    public var surface: BodySurface?
    public var depth: TissueDepth?
    public var morphology: LesionMorphology?
    /// How much of the body region the lesion covers, in percent (0 to 100), as charted on the
    /// Lund-Browder body map.
    public var percentOfRegion: Double?
    public var imaging: ImagingModality?
    /// Age when this observation was made (or when the lesion began, for the first observation).
    public var age: Age?

    public init(id: String? = nil, region: String, side: BodySide? = nil, depth: TissueDepth? = nil,
                morphology: LesionMorphology? = nil, percentOfRegion: Double? = nil, age: Age? = nil,
                surface: BodySurface? = nil, imaging: ImagingModality? = nil) {
        self.id = id
        self.surface = surface
        self.imaging = imaging
        self.region = region
        self.side = side
        self.depth = depth
        self.morphology = morphology
        self.percentOfRegion = percentOfRegion
        self.age = age
    }
}

/// Which face of a body region a lesion is on (Lund-Browder charts front and back).
public enum BodySurface: String, Sendable, Codable, CaseIterable {
    case anterior, posterior
}

/// How a lesion was seen.
public enum ImagingModality: String, Sendable, Codable, CaseIterable {
    case clinicalExamination = "clinical examination"
    case radiograph
    case ct
    case lowDoseCT = "low-dose ct"
    case mri
    case ultrasound
    case boneScan = "bone scan"
}
