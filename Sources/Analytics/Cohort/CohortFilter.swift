public import Clinical

/// Which patients a cohort holds. Every field left nil admits everyone.
public struct CohortFilter: Sendable, Equatable {
    public var diagnosis: String?
    public var siteID: Int64?
    public var sex: Sex?
    public var variantClass: String?
    public var parentOfOrigin: ParentOfOrigin?
    public var onsetBand: OnsetBand?

    public init(diagnosis: String? = nil, siteID: Int64? = nil, sex: Sex? = nil, variantClass: String? = nil,
                parentOfOrigin: ParentOfOrigin? = nil, onsetBand: OnsetBand? = nil) {
        self.diagnosis = diagnosis
        self.siteID = siteID
        self.sex = sex
        self.variantClass = variantClass
        self.parentOfOrigin = parentOfOrigin
        self.onsetBand = onsetBand
    }

    public func admits(_ p: PatientHistory) -> Bool {
        if let diagnosis, !p.diagnoses.contains(diagnosis) { return false }
        if let siteID, p.siteID != siteID { return false }
        if let sex, p.sex != sex { return false }
        if let variantClass, p.variantClass != variantClass { return false }
        if let parentOfOrigin, p.parentOfOrigin != parentOfOrigin { return false }
        if let onsetBand {
            guard let age = p.firstLesionAge, onsetBand.contains(age) else { return false }
        }
        return true
    }
}

/// Age at the first heterotopic ossification, in bands.
public enum OnsetBand: String, Sendable, CaseIterable, Codable {
    case infancy = "0-1"
    case earlyChildhood = "1-5"
    case childhood = "5-10"
    case later = "10+"

    public func contains(_ age: Double) -> Bool {
        switch self {
        case .infancy: age < 1
        case .earlyChildhood: age >= 1 && age < 5
        case .childhood: age >= 5 && age < 10
        case .later: age >= 10
        }
    }
}

/// What the patients of a comparison are grouped by.
public enum CohortGrouping: String, Sendable, CaseIterable, Codable {
    case sex
    case parentOfOrigin = "parent-of-origin"
    case variantClass = "variant-class"
    case diagnosis
    /// The excised lesion's morphology (recurrence only): circumscribed against diffuse.
    case morphology

    /// The groupings of patients (morphology groups excised lesions): what feature tables take.
    public static let ofPatients = allCases.filter { $0 != .morphology }

    /// The group of a patient; nil when the record does not say.
    public func value(of p: PatientHistory) -> String? {
        switch self {
        case .sex: p.sex.rawValue
        case .parentOfOrigin: p.parentOfOrigin?.rawValue
        case .variantClass: p.variantClass
        case .diagnosis: p.diagnoses.first
        case .morphology: nil
        }
    }
}
