import Crypto
import FoundationEssentials

/// Create, read, update, delete and list for every record kind (patients, visits and the parts of a
/// visit), with site scoping, optimistic concurrency and audit.
extension RegistryStore {
    /// The patient and site that own record `id` of `table`; nil when there is no such record.
    static func ownerQuery(table: String, id: Int64) -> SQLQuery {
        switch table {
        case "sites": SQLQuery("SELECT NULL AS patient_id, id AS site_id FROM sites WHERE id = ?", [.integer(id)])
        case "patients": SQLQuery("SELECT id AS patient_id, site_id FROM patients WHERE id = ?", [.integer(id)])
        case "visits":
            SQLQuery("SELECT v.patient_id, p.site_id FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?",
                     [.integer(id)])
        default:
            SQLQuery("""
                     SELECT v.patient_id, p.site_id FROM \(table) x JOIN visits v ON v.id = x.visit_id
                     JOIN patients p ON p.id = v.patient_id WHERE x.id = ?
                     """, [.integer(id)])
        }
    }

    struct Owner {
        var patientID: Int64?
        var siteID: Int64
    }

    static func owner(_ rows: [SQLRow], scope: Scope) -> Owner? {
        guard let row = rows.first, let site = row["site_id"].int64 else { return nil }
        if case .site(let allowed) = scope, allowed != site { return nil }
        return Owner(patientID: row["patient_id"].int64, siteID: site)
    }

    static func parentEntity<F: RecordFields>(_: F.Type) -> EntityKind {
        switch F.parentTable {
        case "sites": .site
        case "patients": .patient
        default: .visit
        }
    }

    static func validate<F: RecordFields>(_ fields: F) throws(RegistryError) {
        let problems = fields.problems()
        if !problems.isEmpty { throw .invalid(problems) }
    }

    // MARK: Create

    public func create<F: RecordFields>(_ fields: F, parent parentID: Int64, by who: Principal) async throws(RegistryError) -> Stored<F> {
        try Self.requirePatientWriter(who)
        try Self.validate(fields)
        let values = try fields.sqlValues()
        let shift = Self.randomShift()
        return try await RegistryError.wrap(F.entity) {
            try await database.transaction { tx in
                guard let owner = Self.owner(try await tx.query(Self.ownerQuery(table: F.parentTable, id: parentID)),
                                             scope: who.scope) else {
                    throw RegistryError.notFound(Self.parentEntity(F.self))
                }
                try await checkTimes(fields, parent: parentID, id: nil, tx: tx)
                let now = timestamp()
                var columns = [F.parentColumn] + F.columns.map(\.column) + ["version", "created_at", "updated_at"]
                var binds = [SQLValue.integer(parentID)] + values + [.integer(1), .text(now), .text(now)]
                if F.self == PatientFields.self {
                    columns += ["research_id", "date_shift_days"]
                    binds += [.text("pending-" + UUID().uuidString), .integer(Int64(shift))]
                }
                let placeholders = Array(repeating: "?", count: binds.count).joined(separator: ", ")
                var rows = try await tx.query(
                    "INSERT INTO \(F.table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) RETURNING *", binds)
                guard let id = rows.first?["id"].int64 else { throw RegistryError.internalFailure("no id returned") }
                if F.self == PatientFields.self {
                    let researchID = Self.hashedID("patient", id, key: try await researchKey(tx))
                    rows = try await tx.query("UPDATE patients SET research_id = ? WHERE id = ? RETURNING *",
                                              [.text(researchID), .integer(id)])
                }
                guard let row = rows.first else { throw RegistryError.internalFailure("no row returned") }
                var stored = try Stored<F>(row: row)
                if F.self == VisitFields.self {
                    let birth = try await tx.query("SELECT birth_date FROM patients WHERE id = ?", [.integer(parentID)])
                    Self.addAge(&stored, birthDate: birth.first?["birth_date"].string)
                }
                try await auditChange(tx, who, .create, F.entity, record: String(id),
                                patient: F.self == PatientFields.self ? id : owner.patientID, after: stored.json())
                return stored
            }
        }
    }

    /// How far, in days either way, a patient's dates move in pseudonymised views.
    public static let dateShiftMagnitude = 1...180

    /// A date offset for pseudonymised views: fixed per patient, 1 to 180 days either way.
    static func randomShift() -> Int {
        let magnitude = Int.random(in: dateShiftMagnitude)
        return Bool.random() ? magnitude : -magnitude
    }

    // MARK: Read

    public func get<F: RecordFields>(_: F.Type, id: Int64, by who: Principal) async throws(RegistryError) -> Stored<F> {
        let stored: Stored<F> = try await RegistryError.wrap(F.entity) {
            let results = try await database.read([
                Self.ownerQuery(table: F.table, id: id),
                SQLQuery("SELECT * FROM \(F.table) WHERE id = ?", [.integer(id)]),
                Self.birthDateQuery(F.self, id: id),
            ])
            guard Self.owner(results[0], scope: who.scope) != nil, let row = results[1].first else {
                throw RegistryError.notFound(F.entity)
            }
            var stored = try Stored<F>(row: row)
            Self.addAge(&stored, birthDate: results[2].first?["birth_date"].string)
            return stored
        }
        let patient = F.self == PatientFields.self ? stored.id : try await patientID(of: F.self, id: id)
        try await recordAudit(who, .read, F.entity, record: String(id), patient: patient)
        return stored
    }

    /// The patient id of a record (for audit entries of reads).
    func patientID<F: RecordFields>(of _: F.Type, id: Int64) async throws(RegistryError) -> Int64? {
        try await RegistryError.wrap(F.entity) {
            try await database.read(Self.ownerQuery(table: F.table, id: id)).first?["patient_id"].int64
        }
    }

    static func birthDateQuery<F: RecordFields>(_: F.Type, id: Int64) -> SQLQuery {
        if F.self == VisitFields.self {
            return SQLQuery("SELECT p.birth_date FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?", [.integer(id)])
        }
        return SQLQuery("SELECT NULL AS birth_date WHERE 1 = 0")
    }

    static func addAge<F: RecordFields>(_ stored: inout Stored<F>, birthDate: String?) {
        guard let visit = stored.fields as? VisitFields, visit.age == nil, let birth = birthDate.flatMap(CivilDate.init),
              let date = visit.date.flatMap(CivilDate.init), let age = ageBetween(birth, date) else { return }
        stored.computed["ageAtVisit"] = .string(age)
    }

    /// The age from `birth` to `date` as an ISO 8601 duration (years and months), nil before birth.
    public static func ageBetween(_ birth: CivilDate, _ date: CivilDate) -> String? {
        guard birth <= date else { return nil }
        var months = (date.year - birth.year) * 12 + (date.month - birth.month)
        if date.day < birth.day { months -= 1 }
        let years = months / 12, rest = months % 12
        if years == 0 && rest == 0 { return "P\(date.dayNumber - birth.dayNumber)D" }
        return "P\(years)Y" + (rest > 0 ? "\(rest)M" : "")
    }

    /// The records of one parent (the visits of a patient, the lesions of a visit), paged.
    public func list<F: RecordFields>(_: F.Type, parent parentID: Int64, page: Page,
                                      by who: Principal) async throws(RegistryError) -> Listing<Stored<F>> {
        if !page.problems().isEmpty { throw .invalid(page.problems()) }
        let (listing, owner): (Listing<Stored<F>>, Owner) = try await RegistryError.wrap(F.entity) {
            let birth = F.self == VisitFields.self
                ? SQLQuery("SELECT birth_date FROM patients WHERE id = ?", [.integer(parentID)])
                : SQLQuery("SELECT NULL AS birth_date WHERE 1 = 0")
            let results = try await database.read([
                Self.ownerQuery(table: F.parentTable, id: parentID),
                SQLQuery("SELECT * FROM \(F.table) WHERE \(F.parentColumn) = ? ORDER BY id LIMIT ? OFFSET ?",
                         [.integer(parentID), .integer(Int64(page.limit)), .integer(Int64(page.offset))]),
                SQLQuery("SELECT COUNT(*) AS n FROM \(F.table) WHERE \(F.parentColumn) = ?", [.integer(parentID)]),
                birth,
            ])
            guard let owner = Self.owner(results[0], scope: who.scope) else {
                throw RegistryError.notFound(Self.parentEntity(F.self))
            }
            let birthDate = results[3].first?["birth_date"].string
            let items = try results[1].map { row throws(RegistryError) in
                var stored = try Stored<F>(row: row)
                Self.addAge(&stored, birthDate: birthDate)
                return stored
            }
            return (Listing(items: items, total: results[2].first?["n"].int ?? 0, page: page), owner)
        }
        try await recordAudit(who, .read, F.entity, record: nil, patient: owner.patientID,
                              after: .object(["ids": .array(listing.items.map { .number(Double($0.id)) })]))
        return listing
    }

    // MARK: Update and delete

    /// Replaces the fields of record `id` if it is still at `version`; the new version is one more.
    public func update<F: RecordFields>(_ fields: F, id: Int64, version: Int, by who: Principal) async throws(RegistryError) -> Stored<F> {
        try Self.requirePatientWriter(who)
        try Self.validate(fields)
        let values = try fields.sqlValues()
        return try await RegistryError.wrap(F.entity) {
            try await database.transaction { tx in
                let (owner, before) = try await current(F.self, id: id, version: version, who: who, tx: tx)
                try await checkTimes(fields, parent: before.parentID, id: id, tx: tx)
                let assignments = F.columns.map { "\($0.column) = ?" }.joined(separator: ", ")
                let rows = try await tx.query(
                    "UPDATE \(F.table) SET \(assignments), version = version + 1, updated_at = ? WHERE id = ? AND version = ? RETURNING *",
                    values + [.text(timestamp()), .integer(id), .integer(Int64(version))])
                guard let row = rows.first else { throw RegistryError.conflict("the \(F.entity.rawValue) was changed by someone else; read it again") }
                let after = try Stored<F>(row: row)
                try await auditChange(tx, who, .update, F.entity, record: String(id), patient: owner.patientID,
                                before: before.json(), after: after.json())
                return after
            }
        }
    }

    /// Deletes record `id` (and what it owns) if it is still at `version`.
    public func delete<F: RecordFields>(_: F.Type, id: Int64, version: Int, by who: Principal) async throws(RegistryError) {
        try Self.requirePatientWriter(who)
        try await RegistryError.wrap(F.entity) {
            try await database.transaction { tx in
                let (owner, before) = try await current(F.self, id: id, version: version, who: who, tx: tx)
                var beforeImage = before.json()
                if F.self == VisitFields.self {
                    // The parts go with the visit (ON DELETE CASCADE): the audit entry names them too.
                    beforeImage = beforeImage.merging(try await Self.visitParts(visit: id, tx: tx))
                }
                let rows = try await tx.query("DELETE FROM \(F.table) WHERE id = ? AND version = ? RETURNING id",
                                              [.integer(id), .integer(Int64(version))])
                guard !rows.isEmpty else { throw RegistryError.conflict("the \(F.entity.rawValue) was changed by someone else") }
                try await auditChange(tx, who, .delete, F.entity, record: String(id), patient: owner.patientID, before: beforeImage)
            }
        }
    }

    /// The parts of a visit as JSON arrays keyed like the full record.
    static func visitParts(visit id: Int64, tx: any SQLTransaction) async throws -> [String: JSONValue] {
        func rows<P: RecordFields>(_: P.Type) async throws -> JSONValue {
            let found = try await tx.query("SELECT * FROM \(P.table) WHERE visit_id = ? ORDER BY id", [.integer(id)])
            return .array(try found.map { row throws(RegistryError) in try Stored<P>(row: row).json() })
        }
        return [
            "phenotypicFeatures": try await rows(PhenotypicFeatureFields.self),
            "measurements": try await rows(MeasurementFields.self),
            "lesions": try await rows(LesionFields.self),
            "jointInvolvements": try await rows(JointInvolvementFields.self),
            "procedures": try await rows(ProcedureFields.self),
            "variants": try await rows(VariantFields.self),
            "diagnoses": try await rows(DiagnosisFields.self),
        ]
    }

    /// The record as it is, after checking scope and the expected version.
    func current<F: RecordFields>(_: F.Type, id: Int64, version: Int, who: Principal,
                                  tx: any SQLTransaction) async throws -> (Owner, Stored<F>) {
        guard let owner = Self.owner(try await tx.query(Self.ownerQuery(table: F.table, id: id)), scope: who.scope),
              let row = try await tx.query("SELECT * FROM \(F.table) WHERE id = ?", [.integer(id)]).first else {
            throw RegistryError.notFound(F.entity)
        }
        let before = try Stored<F>(row: row)
        guard before.version == version else {
            throw RegistryError.conflict("the \(F.entity.rawValue) is at version \(before.version), not \(version); read it again")
        }
        return (owner, before)
    }
}
