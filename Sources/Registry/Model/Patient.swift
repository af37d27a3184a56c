public import Clinical

/// A registered patient: the 16 EU common data elements for rare-disease registration (JRC 2017),
/// owned by a site.
public struct PatientFields: RecordFields {
    public static let entity = EntityKind.patient
    public static let table = "patients"
    public static let parentColumn = "site_id"
    public static let parentTable = "sites"

    /// 1.1
    public var pseudonym: String
    /// 2.1
    public var birthDate: String?
    /// 2.2 (`other` stands for "undetermined")
    public var sex: Sex
    /// 3.1
    public var status: PatientStatus
    /// 3.2
    public var deathDate: String?
    /// 4.1
    public var firstContactDate: String?
    /// 5.1
    public var onset: AgeAtEvent?
    public var onsetDate: String?
    /// 5.2
    public var diagnosisAge: AgeAtEvent?
    public var diagnosisDate: String?
    /// 6.1
    public var orphaCode: String?
    public var omimCode: String?
    /// 6.2
    public var geneticHgvs: String?
    public var geneticGene: String?
    /// 6.3
    public var undiagnosed: Bool?
    /// 7.1 - 7.4
    public var contactConsent: Bool?
    public var reuseConsent: Bool?
    public var biologicalSample: Bool?
    public var biobankLink: String?
    /// 8.1
    public var icfScore: String?
    public var notes: String?
    /// Molecular and imaging test results of the GNAS-spectrum assessment (latest known).
    public var gnasSequencing: TestResults.Sequencing?
    public var gnasMethylation: TestResults.Methylation?
    public var acvr1: TestResults.ACVR1?
    public var gsAlphaActivity: TestResults.GsAlphaActivity?
    public var lesionImaging: TestResults.LesionNature?
    public var flareUps: Bool?

    public init(pseudonym: String, birthDate: String? = nil, sex: Sex, status: PatientStatus = .alive) {
        self.pseudonym = pseudonym
        self.birthDate = birthDate
        self.sex = sex
        self.status = status
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("pseudonym", .text, required: true, privacy: .identifying, limits: .nonBlank(max: 64), "1.1 pseudonym, unique within the site"),
        ColumnSpec("birthDate", .date, privacy: .identifying, "2.1 date of birth"),
        ColumnSpec("sex", .text, required: true, allowed: ColumnSpec.values(Sex.self), "2.2 sex at birth (other: undetermined)"),
        ColumnSpec("status", .text, required: true, allowed: ColumnSpec.values(PatientStatus.self), "3.1 patient status"),
        ColumnSpec("deathDate", .date, "3.2 date of death"),
        ColumnSpec("firstContactDate", .date, "4.1 first contact with the specialised centre"),
        ColumnSpec("onset", .text, allowed: ColumnSpec.values(AgeAtEvent.self), "5.1 age at onset"),
        ColumnSpec("onsetDate", .date, "5.1 date of onset when onset is 'date'"),
        ColumnSpec("diagnosisAge", .text, allowed: ColumnSpec.values(AgeAtEvent.self), "5.2 age at diagnosis"),
        ColumnSpec("diagnosisDate", .date, "5.2 date of diagnosis when diagnosisAge is 'date'"),
        ColumnSpec("orphaCode", .text, limits: .code("ORPHA"), "6.1 diagnosis, ORPHA:nnn"),
        ColumnSpec("omimCode", .text, limits: .code("OMIM"), "6.1 diagnosis, OMIM:nnnnnn"),
        ColumnSpec("geneticHgvs", .text, limits: .hgvs, "6.2 genetic diagnosis, HGVS"),
        ColumnSpec("geneticGene", .text, limits: .geneSymbol, "6.2 gene, HGNC symbol or HGNC:nnn"),
        ColumnSpec("undiagnosed", .boolean, "6.3 undiagnosed case"),
        ColumnSpec("contactConsent", .boolean, "7.1 agreement to be contacted for research"),
        ColumnSpec("reuseConsent", .boolean, "7.2 consent to reuse of data"),
        ColumnSpec("biologicalSample", .boolean, "7.3 biological sample"),
        ColumnSpec("biobankLink", .text, privacy: .identifying, "7.4 link to a biobank"),
        ColumnSpec("icfScore", .text, limits: .icf, "8.1 ICF classification of functioning"),
        ColumnSpec("notes", .text, privacy: .freeText, limits: .text(max: 4000), "free text"),
        ColumnSpec("gnasSequencing", .text, allowed: ColumnSpec.values(TestResults.Sequencing.self), "GNAS (Gs-alpha) sequencing result"),
        ColumnSpec("gnasMethylation", .text, allowed: ColumnSpec.values(TestResults.Methylation.self), "GNAS methylation result"),
        ColumnSpec("acvr1", .text, allowed: ColumnSpec.values(TestResults.ACVR1.self), "ACVR1 testing result"),
        ColumnSpec("gsAlphaActivity", .text, allowed: ColumnSpec.values(TestResults.GsAlphaActivity.self), "erythrocyte Gs-alpha activity"),
        ColumnSpec("lesionImaging", .text, allowed: ColumnSpec.values(TestResults.LesionNature.self),
                   "what imaging or histology shows the lesions to be"),
        ColumnSpec("flareUps", .boolean, "flare-ups (painful soft-tissue swellings before new bone)"),
    ]

    /// The test results as the engines read them, nil when none is recorded.
    public var testResults: TestResults? {
        let t = TestResults(gnasSequencing: gnasSequencing, gnasMethylation: gnasMethylation, acvr1: acvr1,
                            gsAlphaActivity: gsAlphaActivity, lesionImaging: lesionImaging, flareUps: flareUps)
        return t == TestResults() ? nil : t
    }

    public static let rules: [FieldRule] = [
        .notBefore("deathDate", other: "birthDate"),
        .notBefore("firstContactDate", other: "birthDate"),
        .notBefore("onsetDate", other: "birthDate"),
        .notBefore("diagnosisDate", other: "birthDate"),
        .onlyWhen("deathDate", key: "status", is: .string(PatientStatus.dead.rawValue)),
        .exactlyWhen("onsetDate", key: "onset", is: AgeAtEvent.date.rawValue),
        .exactlyWhen("diagnosisDate", key: "diagnosisAge", is: AgeAtEvent.date.rawValue),
    ]
}
