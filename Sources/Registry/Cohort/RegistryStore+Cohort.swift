public import Analytics
import Clinical

/// Which parts of the visits a cohort read brings back (each analysis reads only what it uses;
/// variants and diagnoses always, for the filters and groups).
public struct CohortParts: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let lesions = CohortParts(rawValue: 1)
    public static let joints = CohortParts(rawValue: 2)
    public static let procedures = CohortParts(rawValue: 4)
    public static let features = CohortParts(rawValue: 8)
    public static let limbLengths = CohortParts(rawValue: 16)
    public static let all: CohortParts = [.lesions, .joints, .procedures, .features, .limbLengths]
}

extension RegistryStore {
    /// The patients `who` may see that `filter` admits, as histories for the cohort analyses, read
    /// on one snapshot: clinicians their own site with registry ids, researchers every site with
    /// the hashed research ids, the command-line operator every site with registry ids. Ages are years since birth (patients without a birth date have no
    /// dated visits and count as without follow-up). The read is audited as one entry, without ids.
    public func cohort(_ filter: CohortFilter, parts wanted: CohortParts = .all,
                       by who: Principal) async throws(RegistryError) -> [PatientHistory] {
        // Admin accounts hold no patient data; the command-line operator (no account) may read.
        guard who.role == .clinician || who.role == .researcher || (who.role == .admin && who.userID == nil) else {
            throw .forbidden("cohort analyses are for clinicians and researchers")
        }
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if case .site(let site) = who.scope {
            conditions.append("p.site_id = ?")
            binds.append(.integer(site))
        }
        if let site = filter.siteID {
            conditions.append("p.site_id = ?")
            binds.append(.integer(site))
        }
        if let sex = filter.sex {
            conditions.append("p.sex = ?")
            binds.append(.text(sex.rawValue))
        }
        let patientWhere = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        // A part not wanted is read as no rows, so the result keeps its shape.
        func parts(_ table: String, _ columns: String, _ part: CohortParts? = nil) -> SQLQuery {
            let skip = part.map { !wanted.contains($0) } ?? false
            return SQLQuery("SELECT x.visit_id, \(columns) FROM \(table) x JOIN visits v ON v.id = x.visit_id "
                            + "JOIN patients p ON p.id = v.patient_id\(patientWhere)" + (skip ? (patientWhere.isEmpty ? " WHERE" : " AND") + " 1 = 0" : ""),
                            binds)
        }
        let queries = [
            SQLQuery("SELECT p.id, p.research_id, p.site_id, p.sex, p.birth_date, p.orpha_code, p.omim_code FROM patients p\(patientWhere) ORDER BY p.id", binds),
            SQLQuery("SELECT v.id, v.patient_id, v.date FROM visits v JOIN patients p ON p.id = v.patient_id\(patientWhere)", binds),
            parts(LesionFields.table, "x.lesion_id, x.region, x.side, x.depth, x.morphology, x.percent_of_region", .lesions),
            parts(JointInvolvementFields.table, "x.joint, x.score", .joints),
            parts(ProcedureFields.table, "x.kind, x.date, x.lesion_id, x.recurrence, x.recurrence_date", .procedures),
            parts(VariantFields.table, "x.gene, x.acmg_class, x.parent_of_origin"),
            parts(DiagnosisFields.table, "x.code, x.status"),
            parts(PhenotypicFeatureFields.table, "x.hpo_id, x.excluded", .features),
            SQLQuery("SELECT x.visit_id, x.body_site, x.side, x.value, x.unit FROM \(MeasurementFields.table) x "
                     + "JOIN visits v ON v.id = x.visit_id JOIN patients p ON p.id = v.patient_id"
                     + (patientWhere.isEmpty ? " WHERE" : patientWhere + " AND") + " x.body_site IS NOT NULL"
                     + (wanted.contains(.limbLengths) ? "" : " AND 1 = 0"), binds),
        ]
        let rows: [[SQLRow]] = try await RegistryError.wrap(.patient) { try await database.read(queries) }
        let histories = CohortAssembly(researcher: who.role == .researcher, rows: rows).histories().filter(filter.admits)
        try await recordAudit(who, .read, .patient, record: nil, patient: nil,
                              after: .object(["cohort": .number(Double(histories.count))]))
        return histories
    }
}

/// Builds histories from the rows of `cohort`'s queries, in their order.
struct CohortAssembly {
    let researcher: Bool
    let rows: [[SQLRow]]

    struct Draft {
        var history: PatientHistory
        var birthDay: Int?
        var variantIsGNAS = false
    }

    func histories() -> [PatientHistory] {
        var drafts: [Int64: Draft] = [:]
        var order: [Int64] = []
        for row in rows[0] {
            guard let id = row["id"].int64, let site = row["site_id"].int64 else { continue }
            let shown = researcher ? (row["research_id"].string ?? "") : String(id)
            var diagnoses: [String] = []
            if let code = row["orpha_code"].string { diagnoses.append(code) }
            if let code = row["omim_code"].string { diagnoses.append(code) }
            let history = PatientHistory(id: shown, siteID: site, sex: row["sex"].string.flatMap(Sex.init) ?? .unknown,
                                         diagnoses: diagnoses, visits: [])
            drafts[id] = Draft(history: history, birthDay: row["birth_date"].string.flatMap(CivilDate.init)?.dayNumber)
            order.append(id)
        }
        // Visits: age at the visit, keyed by visit id.
        var visitOwner: [Int64: (patient: Int64, index: Int)] = [:]
        var visits: [Int64: [VisitHistory]] = [:]
        func age(_ patient: Int64, _ text: String?) -> Double? {
            guard let birth = drafts[patient]?.birthDay, let day = text.flatMap(CivilDate.init)?.dayNumber else { return nil }
            return Double(day - birth) / 365.25
        }
        for row in rows[1] {
            guard let id = row["id"].int64, let patient = row["patient_id"].int64,
                  let a = age(patient, row["date"].string) else { continue }
            visitOwner[id] = (patient, visits[patient, default: []].count)
            visits[patient, default: []].append(VisitHistory(age: a))
        }
        func edit(_ row: SQLRow, _ change: (inout VisitHistory, Int64) -> Void) {
            guard let visit = row["visit_id"].int64, let owner = visitOwner[visit] else { return }
            change(&visits[owner.patient, default: []][owner.index], owner.patient)
        }
        for row in rows[2] {
            edit(row) { v, _ in
                let region = row["region"].string ?? ""
                let percent = row["percent_of_region"].double
                let share = BodyRegion.named(region)?.percent(atAgeYears: v.age)
                v.lesions.append(LesionSeen(lesionID: row["lesion_id"].string ?? "", region: region,
                                            side: row["side"].string.flatMap(BodySide.init),
                                            depth: row["depth"].string.flatMap(TissueDepth.init),
                                            morphology: row["morphology"].string.flatMap(LesionMorphology.init),
                                            bodySurfacePercent: percent.flatMap { p in share.map { p / 100 * $0 } }))
            }
        }
        for row in rows[3] {
            edit(row) { v, _ in v.joints.append(JointScore(joint: row["joint"].string ?? "", score: row["score"].int ?? 0)) }
        }
        for row in rows[4] {
            edit(row) { v, patient in
                guard let kind = row["kind"].string.flatMap(ProcedureKind.init), let at = age(patient, row["date"].string) else { return }
                let mapped: ProcedureDone.Kind = switch kind {
                case .excision: .excision
                case .biopsy: .biopsy
                case .contractureRelease, .amputation, .other: .otherSurgery
                }
                v.procedures.append(ProcedureDone(kind: mapped, age: at, lesionID: row["lesion_id"].string,
                                                  recurred: row["recurrence"].bool,
                                                  recurrenceAge: age(patient, row["recurrence_date"].string)))
            }
        }
        for row in rows[5] {
            guard let visit = row["visit_id"].int64, let owner = visitOwner[visit], var draft = drafts[owner.patient] else { continue }
            let isGNAS = row["gene"].string?.uppercased() == "GNAS"
            if draft.history.variantClass == nil || (isGNAS && !draft.variantIsGNAS) {
                draft.history.variantClass = row["acmg_class"].string
                draft.history.parentOfOrigin = row["parent_of_origin"].string.flatMap(ParentOfOrigin.init)
                draft.variantIsGNAS = isGNAS
                drafts[owner.patient] = draft
            }
        }
        for row in rows[6] where row["status"].string != DiagnosisStatus.excluded.rawValue {
            guard let visit = row["visit_id"].int64, let owner = visitOwner[visit], let code = row["code"].string,
                  drafts[owner.patient]?.history.diagnoses.contains(code) == false else { continue }
            drafts[owner.patient]?.history.diagnoses.append(code)
        }
        for row in rows[7] where row["excluded"].bool != true {
            edit(row) { v, _ in if let hpo = row["hpo_id"].string { v.features.append(hpo) } }
        }
        for row in rows[8] {
            edit(row) { v, _ in
                guard let segment = row["body_site"].string, let side = row["side"].string.flatMap(BodySide.init),
                      var value = row["value"].double else { return }
                switch row["unit"].string {
                case "cm": break
                case "mm": value /= 10
                default: return
                }
                v.limbLengths.append(LimbLength(segment: segment, side: side, length: value))
            }
        }
        return order.compactMap { id in
            guard var draft = drafts[id] else { return nil }
            draft.history = PatientHistory(id: draft.history.id, siteID: draft.history.siteID, sex: draft.history.sex,
                                           diagnoses: draft.history.diagnoses, variantClass: draft.history.variantClass,
                                           parentOfOrigin: draft.history.parentOfOrigin, visits: visits[id] ?? [])
            return draft.history
        }
    }
}
