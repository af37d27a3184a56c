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
    /// Limb-segment lengths, read as left and right pairs of one visit and segment.
    public static let limbLengths = CohortParts(rawValue: 16)
    /// The lesions' region, side and extent only (what the rates use): no ids, depth or morphology.
    public static let lesionAreas = CohortParts(rawValue: 32)
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
        // A part not wanted is read as no rows, so the result keeps its shape. Without conditions on
        // the patients, a part is read from its own table alone: rows of visits not read are dropped
        // when the histories are assembled.
        func scoped(_ from: String, visitColumn: String, where extra: [String] = [], wanted: Bool = true) -> SQLQuery {
            var clauses = extra
            if !conditions.isEmpty {
                clauses.append("\(visitColumn) IN (SELECT v.id FROM visits v JOIN patients p ON p.id = v.patient_id\(patientWhere))")
            }
            if !wanted { clauses.append("1 = 0") }
            return SQLQuery(from + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")), conditions.isEmpty ? [] : binds)
        }
        func parts(_ table: String, _ columns: String, _ part: CohortParts? = nil) -> SQLQuery {
            scoped("SELECT x.visit_id, \(columns) FROM \(table) x", visitColumn: "x.visit_id", wanted: part.map { wanted.contains($0) } ?? true)
        }
        let lesions = wanted.contains(.lesions)
            ? parts(LesionFields.table, "x.lesion_id, x.region, x.side, x.depth, x.morphology, x.percent_of_region")
            : parts(LesionFields.table, "x.region, x.side, x.percent_of_region", .lesionAreas)
        let queries = [
            SQLQuery("SELECT p.id, p.research_id, p.site_id, p.sex, p.birth_date, p.orpha_code, p.omim_code FROM patients p\(patientWhere) ORDER BY p.id", binds),
            SQLQuery("SELECT v.id, v.patient_id, v.date FROM visits v JOIN patients p ON p.id = v.patient_id\(patientWhere)", binds),
            lesions,
            parts(JointInvolvementFields.table, "x.joint, x.score", .joints),
            parts(ProcedureFields.table, "x.kind, x.date, x.lesion_id, x.recurrence, x.recurrence_date", .procedures),
            parts(VariantFields.table, "x.gene, x.acmg_class, x.parent_of_origin"),
            parts(DiagnosisFields.table, "x.code, x.status"),
            parts(PhenotypicFeatureFields.table, "x.hpo_id, x.excluded", .features),
            // Left and right of one segment at one visit in one row.
            scoped("SELECT x.visit_id, x.body_site, x.value, x.unit, r.value AS right_value, r.unit AS right_unit "
                   + "FROM \(MeasurementFields.table) x JOIN \(MeasurementFields.table) r ON r.visit_id = x.visit_id "
                   + "AND r.body_site = x.body_site AND r.side = 'right'", visitColumn: "x.visit_id",
                   where: ["x.side = 'left'", "x.body_site IS NOT NULL"], wanted: wanted.contains(.limbLengths)),
        ]
        let rows: [[SQLRow]] = try await RegistryError.wrap(.patient) { try await database.read(queries) }
        let histories = CohortAssembly(researcher: who.role == .researcher, rows: rows).histories().filter(filter.admits)
        try await recordAudit(who, .read, .patient, record: nil, patient: nil,
                              after: .object(["cohort": .number(Double(histories.count))]))
        return histories
    }
}

/// Builds histories from the rows of `cohort`'s queries, in their order. Patients and their
/// visits are kept in arrays by position (a visit's parts are added in place), since a cohort of
/// 10,000 patients brings some 10^5 visits and several times as many parts.
struct CohortAssembly {
    let researcher: Bool
    let rows: [[SQLRow]]

    struct Draft {
        var history: PatientHistory
        var birthDay: Int?
        var variantIsGNAS = false
    }

    func histories() -> [PatientHistory] {
        var drafts: [Draft] = []
        var slot: [Int64: Int] = [:]
        drafts.reserveCapacity(rows[0].count)
        for row in rows[0] {
            guard let id = row["id"].int64, let site = row["site_id"].int64 else { continue }
            let shown = researcher ? (row["research_id"].string ?? "") : String(id)
            var diagnoses: [String] = []
            if let code = row["orpha_code"].string { diagnoses.append(code) }
            if let code = row["omim_code"].string { diagnoses.append(code) }
            let history = PatientHistory(id: shown, siteID: site, sex: row["sex"].string.flatMap(Sex.init) ?? .unknown,
                                         diagnoses: diagnoses, visits: [])
            slot[id] = drafts.count
            drafts.append(Draft(history: history, birthDay: row["birth_date"].string.flatMap(CivilDate.init)?.dayNumber))
        }
        // Visits: age at the visit; each visit id points at its patient's slot and its place there.
        var visitOwner: [Int64: (patient: Int, index: Int)] = [:]
        visitOwner.reserveCapacity(rows[1].count)
        var visits = Array(repeating: [VisitHistory](), count: drafts.count)
        func age(_ patient: Int, _ text: String?) -> Double? {
            guard let birth = drafts[patient].birthDay, let day = text.flatMap(CivilDate.init)?.dayNumber else { return nil }
            return Double(day - birth) / 365.25
        }
        for row in rows[1] {
            guard let id = row["id"].int64, let patient = row["patient_id"].int64.flatMap({ slot[$0] }),
                  let a = age(patient, row["date"].string) else { continue }
            visitOwner[id] = (patient, visits[patient].count)
            visits[patient].append(VisitHistory(age: a))
        }
        func edit(_ row: SQLRow, _ change: (inout VisitHistory, Int) -> Void) {
            guard let visit = row["visit_id"].int64, let owner = visitOwner[visit] else { return }
            change(&visits[owner.patient][owner.index], owner.patient)
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
            guard let visit = row["visit_id"].int64, let owner = visitOwner[visit] else { continue }
            let isGNAS = row["gene"].string?.uppercased() == "GNAS"
            if drafts[owner.patient].history.variantClass == nil || (isGNAS && !drafts[owner.patient].variantIsGNAS) {
                drafts[owner.patient].history.variantClass = row["acmg_class"].string
                drafts[owner.patient].history.parentOfOrigin = row["parent_of_origin"].string.flatMap(ParentOfOrigin.init)
                drafts[owner.patient].variantIsGNAS = isGNAS
            }
        }
        for row in rows[6] where row["status"].string != DiagnosisStatus.excluded.rawValue {
            guard let visit = row["visit_id"].int64, let owner = visitOwner[visit], let code = row["code"].string,
                  !drafts[owner.patient].history.diagnoses.contains(code) else { continue }
            drafts[owner.patient].history.diagnoses.append(code)
        }
        for row in rows[7] where row["excluded"].bool != true {
            edit(row) { v, _ in if let hpo = row["hpo_id"].string { v.features.append(hpo) } }
        }
        func centimetres(_ value: SQLValue, _ unit: SQLValue) -> Double? {
            guard let value = value.double else { return nil }
            switch unit.string {
            case "cm": return value
            case "mm": return value / 10
            default: return nil
            }
        }
        for row in rows[8] {
            edit(row) { v, _ in
                guard let segment = row["body_site"].string, let left = centimetres(row["value"], row["unit"]),
                      let right = centimetres(row["right_value"], row["right_unit"]) else { return }
                v.limbLengths.append(LimbLength(segment: segment, side: .left, length: left))
                v.limbLengths.append(LimbLength(segment: segment, side: .right, length: right))
            }
        }
        return drafts.indices.map { i in
            let h = drafts[i].history
            return PatientHistory(id: h.id, siteID: h.siteID, sex: h.sex, diagnoses: h.diagnoses, variantClass: h.variantClass,
                                  parentOfOrigin: h.parentOfOrigin, visits: visits[i])
        }
    }
}
