public import Clinical
public import Phenopackets

/// A patient to import with its visits: what a phenopacket (or any batch source) becomes before
/// it is written.
public struct ImportedPatient: Sendable {
    public var patient: PatientFields
    public var visits: [ImportedVisit]

    public init(patient: PatientFields, visits: [ImportedVisit]) {
        self.patient = patient
        self.visits = visits
    }

    /// The engines' record as visits, one per time it gives, never dated the day of import: the
    /// encounter (at `record.age`, the phenopacket's `timeAtLastEncounter`) holds the phenotypes
    /// (with their own onsets), variants and the `diagnoses` the source states; each lab and lesion
    /// goes to the visit at its own age (`ageAtMeasurement`, `age`), which may be another one. A
    /// time the source does not give makes a visit of unknown time (no date, no age). Each scored
    /// joint goes to the visit at its age; the procedures (dated themselves) to the encounter. The
    /// `diseaseCodes` (``Phenopacket/subjectDiseaseCodes``) become the patient's ORPHA and OMIM
    /// codes. Lesions without a region of the Lund-Browder list, or with an extent outside 0 to 100
    /// percent, are refused by validation, with the field named.
    public init(_ record: PatientRecord, diagnoses: [StatedDiagnosis] = [], diseaseCodes: [String] = [],
                pseudonym: String, birthDate: String?) {
        var patient = PatientFields(pseudonym: pseudonym, birthDate: birthDate, sex: record.sex)
        patient.orphaCode = diseaseCodes.first { $0.hasPrefix("ORPHA:") }
        patient.omimCode = diseaseCodes.first { $0.hasPrefix("OMIM:") }
        var visits: [Age?: ImportedVisit] = [:]
        func edit(_ age: Age?, _ change: (inout ImportedVisit) -> Void) {
            var visit = visits[age] ?? ImportedVisit(visit: VisitFields(date: nil, age: age?.description, kind: "other"))
            visit.timeUnknown = age == nil
            change(&visit)
            visits[age] = visit
        }
        edit(record.age) { visit in
            for p in record.phenotypes {
                var onset: String?
                switch p.onset {
                case .age(let a)?: onset = a.description
                case .term(let t)?: onset = t.description
                case nil: break
                }
                visit.phenotypicFeatures.append(PhenotypicFeatureFields(hpoId: p.term.description, excluded: p.excluded, onset: onset,
                                                                        severity: p.severity?.description,
                                                                        laterality: p.laterality?.description))
            }
            for v in record.variants {
                visit.variants.append(VariantFields(gene: v.gene, hgvs: v.hgvs, zygosity: v.zygosity.flatMap(Zygosity.init),
                                                    parentOfOrigin: v.origin, acmgClass: v.acmgClass.flatMap(ACMGClass.init),
                                                    structuralType: v.structuralType?.description, label: v.label,
                                                    otherHgvs: v.otherHgvs.isEmpty ? nil : v.otherHgvs.joined(separator: " "),
                                                    vcf: v.vcf?.description))
            }
            visit.diagnoses = diagnoses.map(DiagnosisFields.init)
            visit.procedures = record.procedures.map { p in
                // A procedure without a date is refused by validation (the date is required).
                ProcedureFields(kind: p.kind, date: p.date ?? "", lesionId: p.lesionID, recurrence: p.recurrence,
                                recurrenceDate: p.recurrenceDate)
            }
        }
        for lab in record.labs where lab.analyte.hasPrefix("LOINC:") {
            edit(lab.ageAtMeasurement) { visit in
                visit.measurements.append(MeasurementFields(loinc: String(lab.analyte.dropFirst(6)), value: lab.value, unit: lab.unit,
                                                            referenceLow: lab.referenceLow, referenceHigh: lab.referenceHigh,
                                                            bodySite: lab.bodySite, side: lab.side))
            }
        }
        for (n, l) in record.lesions.enumerated() {
            edit(l.age) { visit in
                visit.lesions.append(LesionFields(lesionId: l.id ?? "L\(n + 1)", region: l.region, side: l.side, surface: l.surface,
                                                  percentOfRegion: l.percentOfRegion, depth: l.depth, morphology: l.morphology,
                                                  imaging: l.imaging))
            }
        }
        for j in record.joints {
            edit(j.age) { visit in
                visit.jointInvolvements.append(JointInvolvementFields(joint: j.joint, side: j.side, score: j.score))
            }
        }
        if let t = record.tests {
            patient.gnasSequencing = t.gnasSequencing
            patient.gnasMethylation = t.gnasMethylation
            patient.acvr1 = t.acvr1
            patient.gsAlphaActivity = t.gsAlphaActivity
            patient.lesionImaging = t.lesionImaging
            patient.flareUps = t.flareUps
        }
        if let gnas = record.variants.first(where: { $0.gene == "GNAS" }) {
            patient.geneticGene = "GNAS"
            patient.geneticHgvs = gnas.hgvs
        }
        // By age, the visit of unknown time last.
        let ordered = visits.sorted { a, b in
            switch (a.key, b.key) {
            case (let x?, let y?): x.totalDays < y.totalDays
            case (.some, nil): true
            default: false
            }
        }
        self.init(patient: patient, visits: ordered.map(\.value))
    }
}

public struct ImportedVisit: Sendable {
    public var visit: VisitFields
    public var phenotypicFeatures: [PhenotypicFeatureFields] = []
    public var measurements: [MeasurementFields] = []
    public var lesions: [LesionFields] = []
    public var jointInvolvements: [JointInvolvementFields] = []
    public var procedures: [ProcedureFields] = []
    public var variants: [VariantFields] = []
    public var diagnoses: [DiagnosisFields] = []
    /// The source gives no time for this visit (no date, no age): the one visit that may have neither.
    public var timeUnknown = false

    public init(visit: VisitFields) { self.visit = visit }

    var parts: [any RecordFieldsBox] {
        phenotypicFeatures.map(Box.init) + measurements.map(Box.init) + lesions.map(Box.init) + jointInvolvements.map(Box.init)
            + procedures.map(Box.init) + variants.map(Box.init) + diagnoses.map(Box.init)
    }

    /// The times of this visit and its features and procedures against the patient's
    /// (`TimeConsistency`), named as `problems` names them.
    func timeProblems(_ patient: TimeConsistency.Patient, birthDate: String?, today: CivilDate) -> [FieldProblem] {
        let visitAge = visit.ageAtVisit(birthDate: birthDate)
        return TimeConsistency.visit(visit, patient, today: today).map { FieldProblem("visit.\($0.field)", $0.reason) }
            + phenotypicFeatures.enumerated().flatMap { i, f in
                TimeConsistency.onset(f.onset, visitAge: visitAge).map { FieldProblem("phenotypicFeatures[\(i)].\($0.field)", $0.reason) }
            }
            + procedures.enumerated().flatMap { i, p in
                TimeConsistency.procedure(p, patient, today: today).map { FieldProblem("procedures[\(i)].\($0.field)", $0.reason) }
            }
    }

    var problems: [FieldProblem] {
        func prefixed<F: RecordFields>(_ items: [F], _ name: String) -> [FieldProblem] {
            items.enumerated().flatMap { i, f in f.problems().map { FieldProblem("\(name)[\(i)].\($0.field)", $0.reason) } }
        }
        let timeRequired = VisitFields.timeRequired
        let own = visit.problems().filter { !(timeUnknown && $0.field == timeRequired.field && $0.reason == timeRequired.reason) }
        return own.map { FieldProblem("visit.\($0.field)", $0.reason) }
            + prefixed(phenotypicFeatures, "phenotypicFeatures") + prefixed(measurements, "measurements")
            + prefixed(lesions, "lesions") + prefixed(jointInvolvements, "jointInvolvements")
            + prefixed(procedures, "procedures") + prefixed(variants, "variants") + prefixed(diagnoses, "diagnoses")
    }
}

/// What happened to each record of an import.
public struct ImportOutcome: Sendable, Equatable {
    /// The index of the record in the batch.
    public var index: Int
    /// The new patient id, when the batch was written.
    public var patientID: Int64?
    /// Why the record was refused; empty when it was accepted.
    public var problems: [FieldProblem]
}

extension RegistryStore {
    /// Imports a batch atomically: every record is checked first; if any is refused nothing is
    /// written and the outcome names each refused record's fields; otherwise all are written in one
    /// transaction.
    public func importPatients(_ batch: [ImportedPatient], site: Int64, by who: Principal) async throws(RegistryError) -> [ImportOutcome] {
        try Self.requirePatientWriter(who)
        var outcomes: [ImportOutcome] = []
        var seen: Set<String> = []
        for (i, item) in batch.enumerated() {
            var problems = item.patient.problems() + TimeConsistency.patient(item.patient, earliestVisit: nil, today: today)
            let person = TimeConsistency.Patient(birthDate: item.patient.birthDate, deathDate: item.patient.deathDate)
            for (n, v) in item.visits.enumerated() {
                problems += (v.problems + v.timeProblems(person, birthDate: item.patient.birthDate, today: today))
                    .map { FieldProblem("visits[\(n)].\($0.field)", $0.reason) }
            }
            if !seen.insert(item.patient.pseudonym).inserted { problems.append(FieldProblem("pseudonym", "appears twice in the batch")) }
            outcomes.append(ImportOutcome(index: i, patientID: nil, problems: problems))
        }
        if outcomes.contains(where: { !$0.problems.isEmpty }) { return outcomes }
        // Pseudonyms already taken at this site, named per record (a pseudonym is unique per site
        // only, so nothing here depends on other sites' records).
        let taken = try await takenPseudonyms(batch.map(\.patient.pseudonym), site: site)
        if !taken.isEmpty {
            return outcomes.map { outcome in
                var outcome = outcome
                if taken.contains(batch[outcome.index].patient.pseudonym) {
                    outcome.problems.append(FieldProblem("pseudonym", "is already registered at your site"))
                }
                return outcome
            }
        }
        var prepared: [(patient: [SQLValue], visits: [(values: [SQLValue], parts: [(box: any RecordFieldsBox, values: [SQLValue])])])] = []
        for item in batch {
            var visits: [(values: [SQLValue], parts: [(box: any RecordFieldsBox, values: [SQLValue])])] = []
            for v in item.visits {
                var parts: [(box: any RecordFieldsBox, values: [SQLValue])] = []
                for part in v.parts { parts.append((part, try part.values())) }
                visits.append((try v.visit.sqlValues(), parts))
            }
            prepared.append((try item.patient.sqlValues(), visits))
        }
        let rows = prepared
        let shifts = batch.map { _ in Self.randomShift() }
        let ids: [Int64] = try await RegistryError.wrap(.patient) {
            try await database.transaction { tx in
                guard Self.owner(try await tx.query(Self.ownerQuery(table: "sites", id: site)), scope: who.scope) != nil else {
                    throw RegistryError.notFound(.site)
                }
                let key = try await researchKey(tx)
                let now = timestamp()
                var ids: [Int64] = []
                for (n, item) in rows.enumerated() {
                    let columns = ["site_id"] + PatientFields.columns.map(\.column)
                        + ["version", "created_at", "updated_at", "research_id", "date_shift_days"]
                    let binds = [SQLValue.integer(site)] + item.patient
                        + [.integer(1), .text(now), .text(now), .text("pending-\(n)-" + now), .integer(Int64(shifts[n]))]
                    let inserted = try await tx.query(
                        "INSERT INTO patients (\(columns.joined(separator: ", "))) VALUES (\(Self.placeholders(binds.count))) RETURNING *", binds)
                    guard let row = inserted.first, let id = row["id"].int64 else { throw RegistryError.internalFailure("no id returned") }
                    try await tx.query("UPDATE patients SET research_id = ? WHERE id = ?", [.text(Self.hashedID("patient", id, key: key)), .integer(id)])
                    try await auditChange(tx, who, .create, .patient, record: String(id), patient: id, after: try Stored<PatientFields>(row: row).json())
                    try await insertVisits(tx, item.visits, patient: id, now: now, who: who)
                    ids.append(id)
                }
                return ids
            }
        }
        return outcomes.map { ImportOutcome(index: $0.index, patientID: ids[$0.index], problems: []) }
    }

    /// Which of `pseudonyms` are registered at `site`.
    func takenPseudonyms(_ pseudonyms: [String], site: Int64) async throws(RegistryError) -> Set<String> {
        var taken: Set<String> = []
        for start in stride(from: 0, to: pseudonyms.count, by: 500) {
            let chunk = Array(pseudonyms[start..<min(start + 500, pseudonyms.count)])
            let rows = try await RegistryError.wrap(.patient) {
                try await database.read(SQLQuery("SELECT pseudonym FROM patients WHERE site_id = ? AND pseudonym IN (\(Self.placeholders(chunk.count)))",
                                                 [.integer(site)] + chunk.map(SQLValue.text)))
            }
            taken.formUnion(rows.compactMap { $0["pseudonym"].string })
        }
        return taken
    }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

    /// Inserts visits with their parts for one patient inside `tx`, audited as one creation.
    func insertVisits(_ tx: any SQLTransaction, _ visits: [(values: [SQLValue], parts: [(box: any RecordFieldsBox, values: [SQLValue])])],
                      patient: Int64, now: String, who: Principal) async throws {
        var ids: [JSONValue] = []
        for (values, parts) in visits {
            let columns = ["patient_id"] + VisitFields.columns.map(\.column) + ["version", "created_at", "updated_at"]
            let binds = [SQLValue.integer(patient)] + values + [.integer(1), .text(now), .text(now)]
            let inserted = try await tx.query(
                "INSERT INTO visits (\(columns.joined(separator: ", "))) VALUES (\(Self.placeholders(binds.count))) RETURNING id", binds)
            guard let visitID = inserted.first?["id"].int64 else { throw RegistryError.internalFailure("no id returned") }
            ids.append(.number(Double(visitID)))
            for (box, partValues) in parts {
                let c = [box.parentColumn] + box.columns + ["version", "created_at", "updated_at"]
                let b = [SQLValue.integer(visitID)] + partValues + [.integer(1), .text(now), .text(now)]
                try await tx.query("INSERT INTO \(box.table) (\(c.joined(separator: ", "))) VALUES (\(Self.placeholders(b.count)))", b)
            }
        }
        if !ids.isEmpty {
            try await audit(tx, who, .create, .visit, record: nil, patient: patient, after: .object(["visits": .array(ids)]))
        }
    }
}
