public import Ontology

/// Sex at birth, as in the EU common data elements and GA4GH Phenopackets.
public enum Sex: String, Sendable, Codable, CaseIterable {
    case female, male, other, unknown
}

/// When a finding began: an age, or an HPO onset term (a descendant of HP:0003674 Onset).
public enum Onset: Hashable, Sendable, Codable {
    case age(Age)
    case term(TermID)
}

/// One HPO phenotypic feature of a patient, observed or explicitly excluded.
public struct PhenotypeObservation: Hashable, Sendable, Codable {
    public var term: TermID
    public var excluded: Bool
    public var onset: Onset?
    public var severity: TermID?
    public var laterality: TermID?
    public var modifiers: [TermID]

    public init(term: TermID, excluded: Bool = false, onset: Onset? = nil, severity: TermID? = nil,
                laterality: TermID? = nil, modifiers: [TermID] = []) {
        self.term = term
        self.excluded = excluded
        self.onset = onset
        self.severity = severity
        self.laterality = laterality
        self.modifiers = modifiers
    }
}

/// A laboratory value as entered: the analyte (a name such as "PTH" or a LOINC code such as
/// "LOINC:2731-8"), the value and its unit, and the reference interval of the reporting laboratory
/// when it was given (it wins over the default intervals).
public struct LabResult: Hashable, Sendable, Codable {
    public var analyte: String
    public var value: Double
    public var unit: String
    public var referenceLow: Double?
    public var referenceHigh: Double?
    public var ageAtMeasurement: Age?
    /// For a limb segment length: the body region measured (a region of the body map, `lower-leg`)
    /// and the side.
    public var bodySite: String?
    public var side: BodySide?

    public init(analyte: String, value: Double, unit: String, referenceLow: Double? = nil,
                referenceHigh: Double? = nil, ageAtMeasurement: Age? = nil, bodySite: String? = nil, side: BodySide? = nil) {
        self.bodySite = bodySite
        self.side = side
        self.analyte = analyte
        self.value = value
        self.unit = unit
        self.referenceLow = referenceLow
        self.referenceHigh = referenceHigh
        self.ageAtMeasurement = ageAtMeasurement
    }
}

/// The parent from whom a variant was inherited. GA4GH Phenopackets have no field for it; Ossify
/// carries it as an extension.
public enum ParentOfOrigin: String, Sendable, Codable, CaseIterable {
    case paternal, maternal, deNovo = "de novo", unknown
}

/// A genetic finding: a gene symbol and/or an HGVS expression, with zygosity and parent of origin;
/// a structural variant (e.g. a chromosomal deletion) by its Sequence Ontology type and label.
public struct VariantObservation: Hashable, Sendable, Codable {
    public var gene: String?
    public var hgvs: String?
    public var zygosity: String?
    public var origin: ParentOfOrigin?
    public var acmgClass: String?
    /// Sequence Ontology type of a structural variant, e.g. SO:1000029 chromosomal_deletion.
    public var structuralType: TermID?
    /// The variant's name as reported, e.g. "telomeric 11q deletion".
    public var label: String?
    /// The variant's other HGVS expressions beside `hgvs` (its hgvs.g and hgvs.p), as the source gave them.
    public var otherHgvs: [String]
    /// The variant's position in VCF terms, as the source gave it.
    public var vcf: VCFPosition?

    public init(gene: String? = nil, hgvs: String? = nil, zygosity: String? = nil,
                origin: ParentOfOrigin? = nil, acmgClass: String? = nil, structuralType: TermID? = nil, label: String? = nil,
                otherHgvs: [String] = [], vcf: VCFPosition? = nil) {
        self.otherHgvs = otherHgvs
        self.vcf = vcf
        self.gene = gene
        self.hgvs = hgvs
        self.zygosity = zygosity
        self.origin = origin
        self.acmgClass = acmgClass
        self.structuralType = structuralType
        self.label = label
    }
}

/// What the engines know of one patient: the input of diagnosis and GNAS-spectrum assessment.
/// Built from a phenopacket, from command-line flags or from the registry.
public struct PatientRecord: Hashable, Sendable, Codable {
    public var id: String?
    public var sex: Sex
    /// Age at the last encounter.
    public var age: Age?
    /// Age at onset of the disease as a whole (the earliest feature's onset when not given).
    public var onset: Onset?
    public var phenotypes: [PhenotypeObservation]
    public var labs: [LabResult]
    public var variants: [VariantObservation]
    /// Heterotopic-ossification lesions, each observation dated by age.
    public var lesions: [Lesion]
    /// Joints scored for involvement, each at its age.
    public var joints: [JointInvolvement]
    /// Procedures on lesions, with recurrence.
    public var procedures: [ProcedureObservation]
    /// Results of GNAS, methylation, ACVR1, Gs-alpha activity and lesion imaging; nil when none.
    public var tests: TestResults?

    public init(id: String? = nil, sex: Sex = .unknown, age: Age? = nil, onset: Onset? = nil,
                phenotypes: [PhenotypeObservation] = [], labs: [LabResult] = [],
                variants: [VariantObservation] = [], lesions: [Lesion] = [], joints: [JointInvolvement] = [],
                procedures: [ProcedureObservation] = [], tests: TestResults? = nil) {
        self.joints = joints
        self.procedures = procedures
        self.id = id
        self.sex = sex
        self.age = age
        self.onset = onset
        self.phenotypes = phenotypes
        self.labs = labs
        self.variants = variants
        self.lesions = lesions
        self.tests = tests
    }

    public var observedTerms: [TermID] { phenotypes.filter { !$0.excluded }.map(\.term) }
    public var excludedTerms: [TermID] { phenotypes.filter(\.excluded).map(\.term) }
}
