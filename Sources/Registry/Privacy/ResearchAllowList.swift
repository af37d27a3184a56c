/// The fields a researcher may see, per kind of record: a closed list, so a field added to a record
/// later stays hidden until someone decides it may be shown (fail closed). Each field says what its
/// value must look like; a value that does not (a name typed into a gene field) is dropped, so free
/// text never reaches a researcher. Free-text fields (notes, outcomes, labels, display names) and
/// identifying ones (pseudonym, birth date, biobank link) are not on the list at all.
enum ResearchAllowList {
    enum Shape: Sendable {
        /// One of the column's `allowed` values.
        case listed
        /// One of these codes.
        case oneOf([String])
        /// Text matching a pattern (see `ColumnSpec.matches`).
        case pattern(String)
        /// A calendar date (already shifted by the patient's offset).
        case date
        case number
        case boolean
        /// A hashed id (`IDHasher`: 20 hex digits) or the patient's research id.
        case hashed
    }

    static let hpo = Shape.pattern("^HP:[0-9]{7}$")
    static let age = Shape.pattern("^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$")
    static let hgvs = Shape.pattern(#"^[A-Za-z0-9_.]+:[cgmnopr]\.[A-Za-z0-9_.>*+()\[\];=?-]+$"#)
    /// HGVS expressions separated by single spaces (a variant's hgvs.g and hgvs.p).
    static let hgvsList = Shape.pattern(#"^[A-Za-z0-9_.]+:[cgmnopr]\.[A-Za-z0-9_.>*+()\[\];=?-]+( [A-Za-z0-9_.]+:[cgmnopr]\.[A-Za-z0-9_.>*+()\[\];=?-]+)*$"#)
    /// A VCF position, `assembly:chrom:pos:ref:alt`, alleles as bases or a symbolic allele.
    static let vcf = Shape.pattern(#"^[A-Za-z0-9_.]+:[A-Za-z0-9_.]+:[1-9][0-9]{0,11}:[ACGTNacgtn]+:([ACGTNacgtn]+|<[A-Z0-9:_]+>|\*|\.)$"#)
    static let gene = Shape.pattern("^(HGNC:[0-9]{1,6}|[A-Z0-9][A-Z0-9-]{0,14}(orf[0-9]{1,3})?)$")
    static let regions = Shape.oneOf(BodyRegion.catalog.map(\.code))

    static let fields: [EntityKind: [String: Shape]] = [
        .patient: [
            "id": .hashed, "siteId": .number, "ageYears": .number,
            "sex": .listed, "status": .listed, "deathDate": .date, "firstContactDate": .date,
            "onset": .listed, "onsetDate": .date, "diagnosisAge": .listed, "diagnosisDate": .date,
            "orphaCode": .pattern("^ORPHA:[0-9]+$"), "omimCode": .pattern("^OMIM:[0-9]+$"),
            "geneticHgvs": hgvs, "geneticGene": gene, "undiagnosed": .boolean,
            "contactConsent": .boolean, "reuseConsent": .boolean, "biologicalSample": .boolean,
            "icfScore": .pattern(#"^[bdes][0-9]{1,5}(\.[0-9]{1,3})?([ ,;]+[bdes][0-9]{1,5}(\.[0-9]{1,3})?)*$"#),
            "gnasSequencing": .listed, "gnasMethylation": .listed, "acvr1": .listed, "gsAlphaActivity": .listed,
            "lesionImaging": .listed, "flareUps": .boolean,
        ],
        .visit: ["id": .hashed, "patientId": .hashed, "date": .date, "age": age, "ageAtVisit": age, "kind": .listed],
        .phenotypicFeature: [
            "id": .hashed, "visitId": .hashed, "hpoId": hpo, "excluded": .boolean,
            "onset": .pattern("^(HP:[0-9]{7}|P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?)$"), "severity": hpo, "laterality": hpo,
        ],
        .measurement: [
            "id": .hashed, "visitId": .hashed, "loinc": .pattern("^[0-9]{1,7}-[0-9]$"), "value": .number,
            "unit": .pattern(#"^[A-Za-z0-9%/.*^\[\]{}()'_-]{1,30}$"#), "referenceLow": .number, "referenceHigh": .number,
            "bodySite": regions, "side": .listed,
        ],
        .lesion: [
            "id": .hashed, "visitId": .hashed, "lesionId": .hashed, "region": .listed, "side": .listed, "surface": .listed,
            "percentOfRegion": .number, "depth": .listed, "morphology": .listed, "imaging": .listed,
        ],
        .jointInvolvement: ["id": .hashed, "visitId": .hashed, "joint": .listed, "side": .listed, "score": .number],
        .procedure: [
            "id": .hashed, "visitId": .hashed, "kind": .listed, "date": .date, "lesionId": .hashed, "recurrence": .boolean,
            "recurrenceDate": .date,
        ],
        .variant: [
            "id": .hashed, "visitId": .hashed, "gene": gene, "hgvs": hgvs, "zygosity": .listed, "parentOfOrigin": .listed,
            "acmgClass": .listed, "structuralType": .pattern("^SO:[0-9]{7}$"), "otherHgvs": hgvsList, "vcf": vcf,
        ],
        .diagnosis: ["id": .hashed, "visitId": .hashed, "code": .pattern("^(ORPHA|OMIM|MONDO|ICD10):[A-Za-z0-9.]{1,12}$"), "status": .listed],
    ]

    /// The fields of `object` a researcher may see: those on the list whose value has its shape.
    static func admit(_ object: [String: JSONValue], entity: EntityKind, columns: [ColumnSpec]) -> [String: JSONValue] {
        guard let allowed = fields[entity] else { return [:] }
        var out: [String: JSONValue] = [:]
        for (key, value) in object {
            guard let shape = allowed[key], fits(value, shape, column: columns.first { $0.key == key }) else { continue }
            out[key] = value
        }
        return out
    }

    static func fits(_ value: JSONValue, _ shape: Shape, column: ColumnSpec?) -> Bool {
        switch (shape, value) {
        case (.listed, .string(let s)): column?.allowed?.contains(s) == true
        case (.listed, .number(let n)): column?.allowed?.contains(String(Int(exactly: n) ?? -1)) == true
        case (.oneOf(let codes), .string(let s)): codes.contains(s)
        case (.pattern(let p), .string(let s)): s.unicodeScalars.count <= 200 && ColumnSpec.matches(s, p)
        case (.date, .string(let s)): CivilDate(s) != nil
        case (.number, .number), (.boolean, .bool): true
        case (.hashed, .string(let s)): !s.isEmpty && s.count <= 64 && s.allSatisfy { $0.isHexDigit }
        default: false
        }
    }
}
