public import Clinical

/// Filters of the patient list.
public struct PatientFilter: Sendable, Equatable {
    public var siteID: Int64?
    public var status: PatientStatus?
    public var sex: Sex?
    public var orphaCode: String?
    public var pseudonym: String?

    public init(siteID: Int64? = nil, status: PatientStatus? = nil, sex: Sex? = nil, orphaCode: String? = nil,
                pseudonym: String? = nil) {
        self.siteID = siteID
        self.status = status
        self.sex = sex
        self.orphaCode = orphaCode
        self.pseudonym = pseudonym
    }
}

/// A patient with all visits and their parts, and the stored assessments.
public struct PatientDocument: Sendable {
    public var patient: Stored<PatientFields>
    public var visits: [VisitDocument]
    public var assessments: [StoredAssessment]
    /// Hashes ids for pseudonymised views with the installation's key.
    let hasher: IDHasher
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
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let listing: Listing<Stored<PatientFields>> = try await RegistryError.wrap(.patient) {
            let results = try await database.read([
                SQLQuery("SELECT * FROM patients\(whereClause) ORDER BY id LIMIT ? OFFSET ?",
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
            return PatientDocument(patient: patient, visits: visits, assessments: assessments, hasher: hasher)
        }
        try await recordAudit(who, .read, .patient, record: String(id), patient: id,
                              after: .object(["view": .string(who.role == .researcher ? "pseudonymised" : "full record")]))
        return document
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
        try await RegistryError.wrap(.assessment) {
            try await database.transaction { tx in
                guard Self.owner(try await tx.query(Self.ownerQuery(table: "patients", id: id)), scope: who.scope) != nil else {
                    throw RegistryError.notFound(.patient)
                }
                let rows = try await tx.query(
                    """
                    INSERT INTO assessments (patient_id, kind, data_release, engine_version, result_json, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *
                    """,
                    [.integer(id), .text(kind.rawValue), .text(dataRelease), .text(engineVersion), .text(result.jsonText),
                     SQLValue(who.userID), .text(timestamp())])
                guard let stored = rows.first.flatMap(Self.assessment) else { throw RegistryError.internalFailure("no row returned") }
                try await audit(tx, who, .create, .assessment, record: String(stored.id), patient: id,
                                after: .object(["kind": .string(kind.rawValue), "dataRelease": .string(dataRelease),
                                                "engineVersion": .string(engineVersion)]))
                return stored
            }
        }
    }
}
