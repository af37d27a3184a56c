public import Clinical

/// What the analyses need of one patient's record, read from the registry by the cohort
/// extractor: ages in years at each visit (from the birth date), no dates, no free text.
public struct PatientHistory: Sendable, Equatable {
    /// The pseudonymised id (researchers) or the registry id (clinicians).
    public var id: String
    public var siteID: Int64
    public var sex: Sex
    /// Diagnosis codes (the patient's ORPHA/OMIM codes and every confirmed or suspected diagnosis).
    public var diagnoses: [String]
    /// ACMG class of the GNAS (or first) variant, if any.
    public var variantClass: String?
    public var parentOfOrigin: ParentOfOrigin?
    /// Visits in increasing age.
    public var visits: [VisitHistory]

    public init(id: String, siteID: Int64, sex: Sex, diagnoses: [String] = [], variantClass: String? = nil,
                parentOfOrigin: ParentOfOrigin? = nil, visits: [VisitHistory]) {
        self.id = id
        self.siteID = siteID
        self.sex = sex
        self.diagnoses = diagnoses
        self.variantClass = variantClass
        self.parentOfOrigin = parentOfOrigin
        self.visits = visits.sorted { $0.age < $1.age }
    }

    /// The age at the first visit with a lesion.
    public var firstLesionAge: Double? { visits.first { !$0.lesions.isEmpty }?.age }
    public var lastVisitAge: Double? { visits.last?.age }
}

public struct VisitHistory: Sendable, Equatable {
    /// Age in years.
    public var age: Double
    public var lesions: [LesionSeen]
    public var joints: [JointScore]
    public var procedures: [ProcedureDone]
    /// HPO ids observed (not excluded) at this visit.
    public var features: [String]
    public var limbLengths: [LimbLength]

    public init(age: Double, lesions: [LesionSeen] = [], joints: [JointScore] = [], procedures: [ProcedureDone] = [],
                features: [String] = [], limbLengths: [LimbLength] = []) {
        self.age = age
        self.lesions = lesions
        self.joints = joints
        self.procedures = procedures
        self.features = features
        self.limbLengths = limbLengths
    }
}

public struct LesionSeen: Sendable, Equatable {
    public var lesionID: String
    public var region: String
    public var side: BodySide?
    public var depth: TissueDepth?
    public var morphology: LesionMorphology?
    /// Percent of the body surface involved (percent of the region × the region's share at this age).
    public var bodySurfacePercent: Double?

    public init(lesionID: String, region: String, side: BodySide? = nil, depth: TissueDepth? = nil,
                morphology: LesionMorphology? = nil, bodySurfacePercent: Double? = nil) {
        self.lesionID = lesionID
        self.region = region
        self.side = side
        self.depth = depth
        self.morphology = morphology
        self.bodySurfacePercent = bodySurfacePercent
    }
}

public struct JointScore: Sendable, Equatable {
    public var joint: String
    public var score: Int

    public init(joint: String, score: Int) {
        self.joint = joint
        self.score = score
    }
}

public struct ProcedureDone: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case excision, otherSurgery, biopsy
    }

    public var kind: Kind
    public var age: Double
    public var lesionID: String?
    public var recurred: Bool?
    public var recurrenceAge: Double?

    public init(kind: Kind, age: Double, lesionID: String? = nil, recurred: Bool? = nil, recurrenceAge: Double? = nil) {
        self.kind = kind
        self.age = age
        self.lesionID = lesionID
        self.recurred = recurred
        self.recurrenceAge = recurrenceAge
    }
}

public struct LimbLength: Sendable, Equatable {
    public var segment: String
    public var side: BodySide
    /// Centimetres.
    public var length: Double

    public init(segment: String, side: BodySide, length: Double) {
        self.segment = segment
        self.side = side
        self.length = length
    }
}
