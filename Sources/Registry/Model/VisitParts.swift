public import Clinical

/// The parts of a visit. Each is its own table with `visit_id`, `version` and the columns below.

/// An HPO phenotypic feature, observed or excluded, with PhenoTips-style qualifiers.
public struct PhenotypicFeatureFields: RecordFields {
    public static let entity = EntityKind.phenotypicFeature
    public static let table = "phenotypic_features"
    public static let parentColumn = "visit_id"
    public static let parentTable = "visits"

    public var hpoId: String
    public var excluded: Bool?
    /// An ISO 8601 age (P3Y) or an HPO onset term.
    public var onset: String?
    public var severity: String?
    public var laterality: String?

    public init(hpoId: String, excluded: Bool? = nil, onset: String? = nil, severity: String? = nil, laterality: String? = nil) {
        self.hpoId = hpoId
        self.excluded = excluded
        self.onset = onset
        self.severity = severity
        self.laterality = laterality
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("hpoId", .text, required: true, limits: .hpo, "HPO term id, HP:nnnnnnn"),
        ColumnSpec("excluded", .boolean, "true when the feature was looked for and is absent"),
        ColumnSpec("onset", .text, limits: PhenotypicFeatureFields.onsetLimits, "age at onset, ISO 8601 duration (P3Y) or HPO onset term"),
        ColumnSpec("severity", .text, limits: .hpo, "HPO severity term (HP:0012824 subtree)"),
        ColumnSpec("laterality", .text, limits: .hpo, "HPO laterality term (HP:0012831 subtree)"),
    ]

    /// An HPO onset term, or an ISO 8601 age of years (at most 150), months, weeks and days, in
    /// that order, at least one given (what `Age(iso8601:)` reads, in upper case).
    public static let onsetLimits = FieldLimits(
        pattern: "^(HP:[0-9]{7}|P((150|1[0-4][0-9]|[1-9]?[0-9])Y([0-9]{1,4}M)?([0-9]{1,4}W)?([0-9]{1,4}D)?"
            + "|[0-9]{1,4}M([0-9]{1,4}W)?([0-9]{1,4}D)?|[0-9]{1,4}W([0-9]{1,4}D)?|[0-9]{1,4}D))$",
        patternReason: "must be an ISO 8601 age such as P3Y or an HPO term")
}

/// A measurement: LOINC code, value, unit, reference range; limb segment lengths name a body site.
public struct MeasurementFields: RecordFields {
    public static let entity = EntityKind.measurement
    public static let table = "measurements"
    public static let parentColumn = "visit_id"
    public static let parentTable = "visits"

    public var loinc: String
    public var name: String?
    public var value: Double
    public var unit: String
    public var referenceLow: Double?
    public var referenceHigh: Double?
    /// For limb segment lengths: the segment (upper arm, forearm, thigh, lower leg, ...).
    public var bodySite: String?
    public var side: BodySide?

    public init(loinc: String, name: String? = nil, value: Double, unit: String, referenceLow: Double? = nil,
                referenceHigh: Double? = nil, bodySite: String? = nil, side: BodySide? = nil) {
        self.loinc = loinc
        self.name = name
        self.value = value
        self.unit = unit
        self.referenceLow = referenceLow
        self.referenceHigh = referenceHigh
        self.bodySite = bodySite
        self.side = side
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("loinc", .text, required: true,
                   limits: FieldLimits(maxLength: 10, pattern: "^[0-9]+-[0-9]+$", patternReason: "must be a LOINC code such as 8302-2"), "LOINC code, e.g. 8302-2 (body height)"),
        ColumnSpec("name", .text, privacy: .freeText, limits: .text(max: 200), "display name, free text"),
        ColumnSpec("value", .real, required: true, "numeric value"),
        ColumnSpec("unit", .text, required: true, limits: .ucum, "UCUM unit, e.g. cm"),
        ColumnSpec("referenceLow", .real, "lower reference limit"),
        ColumnSpec("referenceHigh", .real, "upper reference limit"),
        ColumnSpec("bodySite", .text,
                   limits: FieldLimits(maxLength: 40, pattern: "^(" + BodyRegion.catalog.map(\.code).joined(separator: "|") + ")$",
                                       patternReason: "must be a region of the body map, such as lower-leg"),
                   "body region measured (a region of the body map), e.g. lower-leg"),
        ColumnSpec("side", .text, allowed: ColumnSpec.values(BodySide.self), "side of a paired site"),
    ]

    public static let rules: [FieldRule] = [.notBefore("referenceHigh", other: "referenceLow")]
}

/// One heterotopic-ossification lesion as seen at one visit; `lesionId` follows it across visits.
public struct LesionFields: RecordFields {
    public static let entity = EntityKind.lesion
    public static let table = "lesions"
    public static let parentColumn = "visit_id"
    public static let parentTable = "visits"

    public var lesionId: String
    public var region: String
    public var side: BodySide?
    public var surface: BodySurface?
    public var percentOfRegion: Double?
    public var depth: TissueDepth?
    public var morphology: LesionMorphology?
    public var imaging: ImagingModality?
    public var notes: String?

    public init(lesionId: String, region: String, side: BodySide? = nil, surface: BodySurface? = nil,
                percentOfRegion: Double? = nil, depth: TissueDepth? = nil, morphology: LesionMorphology? = nil,
                imaging: ImagingModality? = nil, notes: String? = nil) {
        self.lesionId = lesionId
        self.region = region
        self.side = side
        self.surface = surface
        self.percentOfRegion = percentOfRegion
        self.depth = depth
        self.morphology = morphology
        self.imaging = imaging
        self.notes = notes
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("lesionId", .text, required: true, limits: .nonBlank(max: 200), "stable lesion id, the same at every visit"),
        ColumnSpec("region", .text, required: true, allowed: BodyRegion.catalog.map(\.code), "Lund-Browder body region"),
        ColumnSpec("side", .text, allowed: ColumnSpec.values(BodySide.self), "side"),
        ColumnSpec("surface", .text, allowed: ColumnSpec.values(BodySurface.self), "anterior or posterior"),
        ColumnSpec("percentOfRegion", .real, limits: .range(0...100), "percent of the region involved, 0 to 100"),
        ColumnSpec("depth", .text, allowed: ColumnSpec.values(TissueDepth.self), "deepest tissue reached"),
        ColumnSpec("morphology", .text, allowed: ColumnSpec.values(LesionMorphology.self), "morphology"),
        ColumnSpec("imaging", .text, allowed: ColumnSpec.values(ImagingModality.self), "how the lesion was seen"),
        ColumnSpec("notes", .text, privacy: .freeText, limits: .text(max: 4000), "free text"),
    ]

    public static let rules: [FieldRule] = [
        .requiredWhen("side", key: "region", in: BodyRegion.catalog.filter(\.paired).map(\.code)),
        .excludedWhen("side", excluded: [BodySide.left.rawValue, BodySide.right.rawValue], key: "region",
                      in: BodyRegion.catalog.filter { !$0.paired }.map(\.code)),
    ]
}

/// Involvement of one joint: 0 none, 1 partial limitation, 2 ankylosed.
public struct JointInvolvementFields: RecordFields {
    public static let entity = EntityKind.jointInvolvement
    public static let table = "joint_involvements"
    public static let parentColumn = "visit_id"
    public static let parentTable = "visits"

    public var joint: Joint
    public var side: BodySide?
    public var score: Int

    public init(joint: Joint, side: BodySide? = nil, score: Int) {
        self.joint = joint
        self.side = side
        self.score = score
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("joint", .text, required: true, allowed: ColumnSpec.values(Joint.self), "joint"),
        ColumnSpec("side", .text, allowed: ColumnSpec.values(BodySide.self), "side"),
        ColumnSpec("score", .integer, required: true, allowed: ["0", "1", "2"], "0 none, 1 partial, 2 ankylosed"),
    ]

}

/// A surgical or diagnostic procedure, and whether the lesion recurred.
public struct ProcedureFields: RecordFields {
    public static let entity = EntityKind.procedure
    public static let table = "procedures"
    public static let parentColumn = "visit_id"
    public static let parentTable = "visits"

    public var kind: ProcedureKind
    public var date: String
    /// The stable id of the lesion operated on.
    public var lesionId: String?
    public var outcome: String?
    public var recurrence: Bool?
    public var recurrenceDate: String?

    public init(kind: ProcedureKind, date: String, lesionId: String? = nil, outcome: String? = nil,
                recurrence: Bool? = nil, recurrenceDate: String? = nil) {
        self.kind = kind
        self.date = date
        self.lesionId = lesionId
        self.outcome = outcome
        self.recurrence = recurrence
        self.recurrenceDate = recurrenceDate
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("kind", .text, required: true, allowed: ColumnSpec.values(ProcedureKind.self), "procedure"),
        ColumnSpec("date", .date, required: true, "date of the procedure"),
        ColumnSpec("lesionId", .text, "stable id of the lesion operated on"),
        ColumnSpec("outcome", .text, privacy: .freeText, limits: .text(max: 4000), "outcome, free text"),
        ColumnSpec("recurrence", .boolean, "the lesion recurred"),
        ColumnSpec("recurrenceDate", .date, "date the recurrence was seen"),
    ]

    public static let rules: [FieldRule] = [
        .onlyWhen("recurrenceDate", key: "recurrence", is: .bool(true)),
        .notBefore("recurrenceDate", other: "date"),
    ]
}

/// A genetic variant with zygosity, parent of origin and ACMG class.
public struct VariantFields: RecordFields {
    public static let entity = EntityKind.variant
    public static let table = "variants"
    public static let parentColumn = "visit_id"
    public static let parentTable = "visits"

    public var gene: String?
    /// Absent for a variant known only by its gene (a phenopacket's gene descriptor, a structural
    /// variant without an HGVS expression); then the gene is required.
    public var hgvs: String?
    public var zygosity: Zygosity?
    public var parentOfOrigin: ParentOfOrigin?
    public var acmgClass: ACMGClass?
    /// Sequence Ontology type of a structural variant (SO:...), and the variant's reported name.
    public var structuralType: String?
    public var label: String?
    /// The variant's other HGVS expressions (hgvs.g, hgvs.p beside an hgvs.c), separated by spaces.
    public var otherHgvs: String?
    /// The variant's position, `assembly:chrom:pos:ref:alt` (`VCFPosition`).
    public var vcf: String?

    public init(gene: String? = nil, hgvs: String?, zygosity: Zygosity? = nil, parentOfOrigin: ParentOfOrigin? = nil,
                acmgClass: ACMGClass? = nil, structuralType: String? = nil, label: String? = nil,
                otherHgvs: String? = nil, vcf: String? = nil) {
        self.otherHgvs = otherHgvs
        self.vcf = vcf
        self.gene = gene
        self.hgvs = hgvs
        self.zygosity = zygosity
        self.parentOfOrigin = parentOfOrigin
        self.acmgClass = acmgClass
        self.structuralType = structuralType
        self.label = label
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("gene", .text, limits: .geneSymbol, "HGNC gene symbol, e.g. GNAS"),
        ColumnSpec("hgvs", .text, limits: .hgvs,
                   "HGVS expression, e.g. NM_000516.7:c.565C>T (the gene is required without one)"),
        ColumnSpec("zygosity", .text, allowed: ColumnSpec.values(Zygosity.self), "zygosity"),
        ColumnSpec("parentOfOrigin", .text, allowed: ColumnSpec.values(ParentOfOrigin.self), "parent of origin"),
        ColumnSpec("acmgClass", .text, allowed: ColumnSpec.values(ACMGClass.self), "ACMG/AMP class"),
        ColumnSpec("structuralType", .text,
                   limits: FieldLimits(pattern: #"^SO:[^\x00]*$"#, patternReason: "must be a Sequence Ontology id such as SO:1000029"),
                   "Sequence Ontology type of a structural variant, e.g. SO:1000029"),
        ColumnSpec("label", .text, privacy: .freeText, limits: .text(max: 400), "the variant's reported name, free text, e.g. telomeric 11q deletion"),
        ColumnSpec("otherHgvs", .text,
                   limits: FieldLimits(maxLength: 600, pattern: #"^[^\s\x00:]+:[^\s\x00]+( [^\s\x00:]+:[^\s\x00]+)*$"#,
                                       patternReason: "must be HGVS expressions with a reference, separated by single spaces"),
                   "the variant's other HGVS expressions, e.g. NC_000020.11:g.58909365C>T NP_000507.1:p.Arg189Cys"),
        ColumnSpec("vcf", .text,
                   limits: FieldLimits(maxLength: 100_000, pattern: #"^[^:\s\x00]+:[^:\s\x00]+:[1-9][0-9]{0,11}:[^:\s\x00]+:[^:\s\x00]+$"#,
                                       patternReason: "must be assembly:chrom:pos:ref:alt, such as hg38:chr20:58909365:C:T"),
                   "the variant's VCF position, assembly:chrom:pos:ref:alt (alleles of a long deletion may run to tens of thousands of bases)"),
    ]

    /// Columns added by migration 0006 (0001 must stay what it was).
    static let expressionKeys = ["otherHgvs", "vcf"]

    public static let rules: [FieldRule] = [.anyOf(["hgvs", "gene", "structuralType"])]
}

/// A diagnosis given at a visit: ORPHA, OMIM, MONDO or ICD-10 code.
public struct DiagnosisFields: RecordFields {
    public static let entity = EntityKind.diagnosis
    public static let table = "diagnoses"
    public static let parentColumn = "visit_id"
    public static let parentTable = "visits"

    public var code: String
    public var label: String?
    public var status: DiagnosisStatus

    public init(code: String, label: String? = nil, status: DiagnosisStatus) {
        self.code = code
        self.label = label
        self.status = status
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("code", .text, required: true,
                   limits: FieldLimits(pattern: #"^(ORPHA|OMIM|MONDO|ICD10):[^\x00]+$"#,
                               patternReason: "must be ORPHA:, OMIM:, MONDO: or ICD10: followed by the code"),
                   "ORPHA:, OMIM:, MONDO: or ICD10: code"),
        ColumnSpec("label", .text, privacy: .freeText, limits: .text(max: 400), "disease name, free text"),
        ColumnSpec("status", .text, required: true, allowed: ColumnSpec.values(DiagnosisStatus.self), "status"),
    ]

}
