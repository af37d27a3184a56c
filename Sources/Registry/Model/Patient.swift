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
        ColumnSpec("pseudonym", .text, required: true, privacy: .identifying, "1.1 pseudonym, unique in the registry"),
        ColumnSpec("birthDate", .date, privacy: .identifying, "2.1 date of birth"),
        ColumnSpec("sex", .text, required: true, allowed: ColumnSpec.values(Sex.self), "2.2 sex at birth (other: undetermined)"),
        ColumnSpec("status", .text, required: true, allowed: ColumnSpec.values(PatientStatus.self), "3.1 patient status"),
        ColumnSpec("deathDate", .date, "3.2 date of death"),
        ColumnSpec("firstContactDate", .date, "4.1 first contact with the specialised centre"),
        ColumnSpec("onset", .text, allowed: ColumnSpec.values(AgeAtEvent.self), "5.1 age at onset"),
        ColumnSpec("onsetDate", .date, "5.1 date of onset when onset is 'date'"),
        ColumnSpec("diagnosisAge", .text, allowed: ColumnSpec.values(AgeAtEvent.self), "5.2 age at diagnosis"),
        ColumnSpec("diagnosisDate", .date, "5.2 date of diagnosis when diagnosisAge is 'date'"),
        ColumnSpec("orphaCode", .text, "6.1 diagnosis, ORPHA:nnn"),
        ColumnSpec("omimCode", .text, "6.1 diagnosis, OMIM:nnnnnn"),
        ColumnSpec("geneticHgvs", .text, "6.2 genetic diagnosis, HGVS"),
        ColumnSpec("geneticGene", .text, "6.2 gene, HGNC symbol or HGNC:nnn"),
        ColumnSpec("undiagnosed", .boolean, "6.3 undiagnosed case"),
        ColumnSpec("contactConsent", .boolean, "7.1 agreement to be contacted for research"),
        ColumnSpec("reuseConsent", .boolean, "7.2 consent to reuse of data"),
        ColumnSpec("biologicalSample", .boolean, "7.3 biological sample"),
        ColumnSpec("biobankLink", .text, privacy: .identifying, "7.4 link to a biobank"),
        ColumnSpec("icfScore", .text, "8.1 ICF classification of functioning"),
        ColumnSpec("notes", .text, privacy: .freeText, "free text"),
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

    public func problems() -> [FieldProblem] {
        var p: [FieldProblem] = []
        if pseudonym.isBlank || pseudonym.count > 64 { p.append(.init("pseudonym", "must be 1 to 64 characters")) }
        Check.dates(self, [("birthDate", birthDate), ("deathDate", deathDate), ("firstContactDate", firstContactDate),
                           ("onsetDate", onsetDate), ("diagnosisDate", diagnosisDate)], into: &p)
        if let b = birthDate.flatMap(CivilDate.init), let d = deathDate.flatMap(CivilDate.init), d < b {
            p.append(.init("deathDate", "is before birthDate"))
        }
        if deathDate != nil && status != .dead { p.append(.init("deathDate", "is given but status is not 'dead'")) }
        if (onset == .date) != (onsetDate != nil) { p.append(.init("onsetDate", "is required exactly when onset is 'date'")) }
        if (diagnosisAge == .date) != (diagnosisDate != nil) {
            p.append(.init("diagnosisDate", "is required exactly when diagnosisAge is 'date'"))
        }
        Check.code(orphaCode, "orphaCode", prefix: "ORPHA", into: &p)
        Check.code(omimCode, "omimCode", prefix: "OMIM", into: &p)
        Check.length(notes, "notes", 4000, into: &p)
        Check.length(geneticHgvs, "geneticHgvs", 200, into: &p)
        return p
    }
}

/// Shared field checks.
enum Check {
    static func dates<F>(_: F, _ fields: [(String, String?)], into p: inout [FieldProblem]) {
        for (key, value) in fields {
            if let value, CivilDate(value) == nil { p.append(.init(key, "must be a date YYYY-MM-DD")) }
        }
    }

    static func code(_ value: String?, _ key: String, prefix: String, into p: inout [FieldProblem]) {
        guard let value else { return }
        let parts = value.split(separator: ":", maxSplits: 1)
        if parts.count != 2 || parts[0] != prefix || !parts[1].allSatisfy(\.isNumber) {
            p.append(.init(key, "must be \(prefix):<digits>"))
        }
    }

    static func hpo(_ value: String?, _ key: String, into p: inout [FieldProblem]) {
        guard let value else { return }
        let parts = value.split(separator: ":", maxSplits: 1)
        if parts.count != 2 || parts[0] != "HP" || parts[1].count != 7 || !parts[1].allSatisfy(\.isNumber) {
            p.append(.init(key, "must be an HPO id HP:nnnnnnn"))
        }
    }

    static func length(_ value: String?, _ key: String, _ max: Int, into p: inout [FieldProblem]) {
        if let value, value.count > max { p.append(.init(key, "must be at most \(max) characters")) }
    }

    static func required(_ value: String, _ key: String, into p: inout [FieldProblem]) {
        if value.isBlank { p.append(.init(key, "must not be empty")) }
        else if value.count > 200 { p.append(.init(key, "must be at most 200 characters")) }
    }

    static func percent(_ value: Double?, _ key: String, into p: inout [FieldProblem]) {
        if let value, !(0...100).contains(value) { p.append(.init(key, "must be between 0 and 100")) }
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
