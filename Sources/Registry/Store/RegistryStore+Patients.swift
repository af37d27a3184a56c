public import Clinical

/// Filters of the patient list.
public struct PatientFilter: Sendable, Equatable {
    public var siteID: Int64?
    public var status: PatientStatus?
    public var sex: Sex?
    public var orphaCode: String?
    /// Exact pseudonym.
    public var pseudonym: String?
    /// Part of the pseudonym (case-insensitive), or the whole record id: the search box of the pages.
    public var search: String?
    /// The hashed id of pseudonymised views, exactly (researchers search by it).
    public var researchID: String?
    /// Born after this date (YYYY-MM-DD), exclusive; with `bornOnOrBefore`, an age band.
    public var bornAfter: String?
    public var bornOnOrBefore: String?
    public var gnasSequencing: TestResults.Sequencing?
    public var sort: PatientSort

    public init(siteID: Int64? = nil, status: PatientStatus? = nil, sex: Sex? = nil, orphaCode: String? = nil,
                pseudonym: String? = nil, search: String? = nil, researchID: String? = nil, bornAfter: String? = nil,
                bornOnOrBefore: String? = nil, gnasSequencing: TestResults.Sequencing? = nil, sort: PatientSort = PatientSort()) {
        self.siteID = siteID
        self.status = status
        self.sex = sex
        self.orphaCode = orphaCode
        self.pseudonym = pseudonym
        self.search = search
        self.researchID = researchID
        self.bornAfter = bornAfter
        self.bornOnOrBefore = bornOnOrBefore
        self.gnasSequencing = gnasSequencing
        self.sort = sort
    }
}

/// The order of the patient list; ties are broken by the record id.
public struct PatientSort: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        case id, pseudonym
        /// By birth date: `descending` lists the youngest first.
        case birthDate
        case updated
    }

    public var key: Key
    public var descending: Bool

    public init(_ key: Key = .id, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }

    var sql: String {
        let column = switch key {
        case .id: "id"
        case .pseudonym: "LOWER(pseudonym)"
        case .birthDate: "birth_date"
        case .updated: "updated_at"
        }
        let direction = descending ? "DESC" : "ASC"
        // NULL birth dates last in either direction, on both databases.
        let nulls = key == .birthDate ? "(birth_date IS NULL), " : ""
        return key == .id ? "id \(direction)" : "\(nulls)\(column) \(direction), id \(direction)"
    }
}

/// A patient with all visits and their parts, and the stored assessments.
public struct PatientDocument: Sendable {
    public var patient: Stored<PatientFields>
    public var visits: [VisitDocument]
    public var assessments: [StoredAssessment]
    /// Hashes ids for pseudonymised views with the installation's key.
    let hasher: IDHasher
    /// The patient's revision in the snapshot the document was read from (migration 0009).
    public var revision: Int64 = 0
}

public struct VisitDocument: Sendable {
    public var visit: Stored<VisitFields>
    public var phenotypicFeatures: [Stored<PhenotypicFeatureFields>] = []
    public var measurements: [Stored<MeasurementFields>] = []
    public var lesions: [Stored<LesionFields>] = []
    public var jointInvolvements: [Stored<JointInvolvementFields>] = []
    public var procedures: [Stored<ProcedureFields>] = []
    public var variants: [Stored<VariantFields>] = []
    public var diagnoses: [Stored<DiagnosisFields>] = []
}

extension RegistryStore {
    public func listPatients(_ filter: PatientFilter, page: Page, by who: Principal) async throws(RegistryError) -> Listing<Stored<PatientFields>> {
        if !page.problems().isEmpty { throw .invalid(page.problems()) }
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if case .site(let site) = who.scope { conditions.append("site_id = ?"); binds.append(.integer(site)) }
        if let s = filter.siteID { conditions.append("site_id = ?"); binds.append(.integer(s)) }
        if let s = filter.status { conditions.append("status = ?"); binds.append(.text(s.rawValue)) }
        if let s = filter.sex { conditions.append("sex = ?"); binds.append(.text(s.rawValue)) }
        if let s = filter.orphaCode { conditions.append("orpha_code = ?"); binds.append(.text(s)) }
        if let s = filter.pseudonym { conditions.append("pseudonym = ?"); binds.append(.text(s)) }
        if let s = filter.researchID { conditions.append("research_id = ?"); binds.append(.text(s)) }
        if let s = filter.search {
            // Part of the pseudonym, LIKE's own characters escaped; or the record id written in digits.
            let escaped = s.lowercased().replacingAll("\\", with: "\\\\").replacingAll("%", with: "\\%").replacingAll("_", with: "\\_")
            var clause = "LOWER(pseudonym) LIKE ? ESCAPE '\\'"
            binds.append(.text("%" + escaped + "%"))
            if s.utf8.allSatisfy({ (48...57).contains($0) }), let id = Int64(s) { clause += " OR id = ?"; binds.append(.integer(id)) }
            conditions.append("(" + clause + ")")
        }
        if let s = filter.bornAfter { conditions.append("birth_date > ?"); binds.append(.text(s)) }
        if let s = filter.bornOnOrBefore { conditions.append("birth_date <= ?"); binds.append(.text(s)) }
        if let s = filter.gnasSequencing { conditions.append("gnas_sequencing = ?"); binds.append(.text(s.rawValue)) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let listing: Listing<Stored<PatientFields>> = try await RegistryError.wrap(.patient) {
            let results = try await database.read([
                SQLQuery("SELECT * FROM patients\(whereClause) ORDER BY \(filter.sort.sql) LIMIT ? OFFSET ?",
                         binds + [.integer(Int64(page.limit)), .integer(Int64(page.offset))]),
                SQLQuery("SELECT COUNT(*) AS n FROM patients\(whereClause)", binds),
            ])
            let items = try results[0].map { row throws(RegistryError) in try Stored<PatientFields>(row: row) }
            return Listing(items: items, total: results[1].first?["n"].int ?? 0, page: page)
        }
        try await recordAudit(who, .read, .patient, record: nil, patient: nil,
                              after: .object(["ids": .array(listing.items.map { .number(Double($0.id)) })]))
        return listing
    }

    /// The patient id behind a pseudonymised (hashed) id.
    /// The pattern of a hashed patient id (`IDHasher`), for the path parameters of the API.
    public static let researchIDPattern = IDHasher.pattern

    public func patientID(researchID: String) async throws(RegistryError) -> Int64 {
        guard ColumnSpec.matches(researchID, "^" + IDHasher.pattern + "$") else { throw .notFound(.patient) }
        return try await RegistryError.wrap(.patient) {
            guard let id = try await database.read("SELECT id FROM patients WHERE research_id = ?", [.text(researchID)]).first?["id"].int64 else {
                throw RegistryError.notFound(.patient)
            }
            return id
        }
    }

    /// The whole record of a patient, read on one snapshot. `includeAssessments: false` leaves out
    /// the stored engine results (the engines read only the record, and a patient's results grow
    /// with every run).
    public func document(patient id: Int64, by who: Principal, includeAssessments: Bool = true) async throws(RegistryError) -> PatientDocument {
        let queries = Self.documentQueries(patient: id, includeAssessments: includeAssessments)
        let document: PatientDocument = try await RegistryError.wrap(.patient) {
            let r = try await database.read(queries)
            guard Self.owner(r[0], scope: who.scope) != nil, let patientRow = r[1].first else {
                throw RegistryError.notFound(.patient)
            }
            let patient = try Stored<PatientFields>(row: patientRow)
            var visits: [VisitDocument] = []
            var index: [Int64: Int] = [:]
            // Dated visits by date, then those known by age only by age, then those of unknown time.
            var rows = try r[2].map { row throws(RegistryError) in try Stored<VisitFields>(row: row) }
            let dated = rows.prefix { $0.fields.date != nil }.count
            rows[dated...].sort { a, b in
                switch (a.fields.ageAtVisit(birthDate: nil), b.fields.ageAtVisit(birthDate: nil)) {
                case (let x?, let y?): x.totalDays < y.totalDays || (x.totalDays == y.totalDays && a.id < b.id)
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): a.id < b.id
                }
            }
            for var visit in rows {
                Self.addAge(&visit, birthDate: patient.fields.birthDate)
                index[visit.id] = visits.count
                visits.append(VisitDocument(visit: visit))
            }
            func attach<F: RecordFields>(_ rows: [SQLRow], _ keyPath: WritableKeyPath<VisitDocument, [Stored<F>]>) throws(RegistryError) {
                for row in rows {
                    let stored = try Stored<F>(row: row)
                    if let i = index[stored.parentID] { visits[i][keyPath: keyPath].append(stored) }
                }
            }
            try attach(r[5], \.phenotypicFeatures)
            try attach(r[6], \.measurements)
            try attach(r[7], \.lesions)
            try attach(r[8], \.jointInvolvements)
            try attach(r[9], \.procedures)
            try attach(r[10], \.variants)
            try attach(r[11], \.diagnoses)
            let assessments = r[3].compactMap(Self.assessment)
            guard let key = r[4].first?["value"].string, let hasher = IDHasher(base64Key: key) else {
                throw RegistryError.internalFailure("the research key is missing; run the migrations")
            }
            return PatientDocument(patient: patient, visits: visits, assessments: assessments, hasher: hasher,
                                   revision: patientRow["revision"].int64 ?? 0)
        }
        try await auditRecordRead(patient: id, by: who)
        return document
    }

    /// The audit entry of a whole-record read, whether it was read from the database or served
    /// from the cache of renderings.
    func auditRecordRead(patient id: Int64, by who: Principal) async throws(RegistryError) {
        try await recordAudit(who, .read, .patient, record: String(id), patient: id,
                              after: .object(["view": .string(who.role == .researcher ? "pseudonymised" : "full record")]))
    }

    /// The reads of a whole record, in the order `document` unpacks them; every bind is the
    /// patient id, so the text is the same for every patient (PostgreSQL prepares it once).
    static func documentQueries(patient id: Int64, includeAssessments: Bool = true) -> [SQLQuery] {
        let parts: [(String, String)] = [
            (PhenotypicFeatureFields.table, "f"), (MeasurementFields.table, "m"), (LesionFields.table, "l"),
            (JointInvolvementFields.table, "j"), (ProcedureFields.table, "p"), (VariantFields.table, "v"),
            (DiagnosisFields.table, "d"),
        ]
        var queries = [
            Self.ownerQuery(table: "patients", id: id),
            SQLQuery("SELECT * FROM patients WHERE id = ?", [.integer(id)]),
            SQLQuery("SELECT * FROM visits WHERE patient_id = ? ORDER BY date IS NULL, date, id", [.integer(id)]),
            SQLQuery("SELECT * FROM assessments WHERE patient_id = ? ORDER BY id" + (includeAssessments ? "" : " LIMIT 0"), [.integer(id)]),
            SQLQuery("SELECT value FROM settings WHERE name = 'research_key'"),
        ]
        for (table, alias) in parts {
            queries.append(SQLQuery(
                "SELECT \(alias).* FROM \(table) \(alias) JOIN visits vv ON vv.id = \(alias).visit_id WHERE vv.patient_id = ? ORDER BY \(alias).id",
                [.integer(id)]))
        }
        queries[0].prepared = .document
        return queries
    }

    static func assessment(_ row: SQLRow) -> StoredAssessment? {
        guard let id = row["id"].int64, let patient = row["patient_id"].int64,
              let kind = row["kind"].string.flatMap(StoredAssessment.Kind.init),
              let result = row["result_json"].string.flatMap({ JSONValue(jsonText: $0) }) else { return nil }
        return StoredAssessment(id: id, patientID: patient, kind: kind, dataRelease: row["data_release"].string ?? "",
                                engineVersion: row["engine_version"].string ?? "", result: result,
                                createdAt: row["created_at"].string ?? "")
    }

    /// Stores an engine result for a patient, with the data release and engine version.
    public func storeAssessment(patient id: Int64, kind: StoredAssessment.Kind, dataRelease: String, engineVersion: String,
                                result: JSONValue, by who: Principal) async throws(RegistryError) -> StoredAssessment {
        try Self.requirePatientWriter(who)
        let createdAt = timestamp()
        return try await RegistryError.wrap(.assessment) {
            try await database.transaction { tx in
                guard Self.owner(try await tx.query(Self.ownerQuery(table: "patients", id: id)), scope: who.scope) != nil else {
                    throw RegistryError.notFound(.patient)
                }
                let rows = try await tx.query(
                    """
                    INSERT INTO assessments (patient_id, kind, data_release, engine_version, result_json, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """,
                    [.integer(id), .text(kind.rawValue), .text(dataRelease), .text(engineVersion), .text(result.jsonText),
                     SQLValue(who.userID), .text(createdAt)])
                // The stored row is what was just bound: no need to read the result back and parse it.
                guard let newID = rows.first?["id"].int64 else { throw RegistryError.internalFailure("no row returned") }
                let stored = StoredAssessment(id: newID, patientID: id, kind: kind, dataRelease: dataRelease,
                                              engineVersion: engineVersion, result: result, createdAt: createdAt)
                try await audit(tx, who, .create, .assessment, record: String(stored.id), patient: id,
                                after: .object(["kind": .string(kind.rawValue), "dataRelease": .string(dataRelease),
                                                "engineVersion": .string(engineVersion)]))
                return stored
            }
        }
    }
}
