/// The registry schema, as migrations. Record tables are generated from the `ColumnSpec` lists so
/// the CHECK constraints and the API enums come from one source; every other statement is written
/// out. A released migration is never edited: a change is a new migration.
public enum Schema {
    /// One migration: an id and its statements for each dialect.
    public struct Migration: Sendable {
        public let id: String
        public let statements: @Sendable (SQLDialect) -> [String]
    }

    public static let migrations: [Migration] = [
        Migration(id: "0001-core", statements: core),
        Migration(id: "0002-patient-test-results", statements: testResults),
        Migration(id: "0003-visit-age", statements: visitAge),
        Migration(id: "0004-audit-without-values", statements: auditWithoutValues),
        Migration(id: "0005-pseudonym-per-site", statements: pseudonymPerSite),
        Migration(id: "0006-variant-expressions", statements: variantExpressions),
        Migration(id: "0007-login-throttle", statements: loginThrottle),
        Migration(id: "0008-audit-by-time", statements: { _ in ["CREATE INDEX IF NOT EXISTS audit_at ON audit_log(at, id)"] }),
        Migration(id: "0009-patient-revision", statements: patientRevision),
    ]

    // 0008: the audit log is listed by time (`at`, then id): the entries of reads on SQLite wait in
    // a spool and get their id when they are moved into the log (`AuditSpool`), so ids alone no
    // longer follow time.

    /// The audit log keeps which fields a change touched and keyed hashes, not the values (see
    /// `AuditImage`). The record images written before are removed, the one change ever made to
    /// the append-only log: its guard is lifted for this statement inside the migration's
    /// transaction and put back.
    static func auditWithoutValues(_ d: SQLDialect) -> [String] {
        let entities = [EntityKind.patient, .visit, .phenotypicFeature, .measurement, .lesion, .jointInvolvement, .procedure,
                        .variant, .diagnosis].map { quoted($0.rawValue) }.joined(separator: ", ")
        let removed = quoted(#"{"removed":"record values are no longer kept in the audit log (migration 0004)"}"#)
        // Summaries (`{"fields": [...], "hmac": "..."}` in either key order) are left as they are:
        // no record has a key `fields` or `hmac`.
        func image(_ column: String) -> String {
            "CASE WHEN \(column) IS NULL OR \(column) LIKE '{\"fields\":[%' OR \(column) LIKE '{\"hmac\":\"%' THEN \(column) ELSE \(removed) END"
        }
        let scrub = """
            UPDATE audit_log SET before_json = \(image("before_json")), after_json = \(image("after_json"))
            WHERE entity IN (\(entities)) AND action IN ('create', 'update', 'delete')
            """
        switch d {
        case .sqlite:
            return [
                "DROP TRIGGER audit_log_no_update",
                scrub,
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            ]
        case .postgres:
            return [
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update",
                scrub,
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update",
            ]
        }
    }

    /// A visit known by age only (an imported case report gives no dates): `date` becomes optional
    /// and `age` (ISO 8601) is added. SQLite cannot drop a NOT NULL in place and rebuilding `visits`
    /// would cascade deletes into its parts, so the date moves to a new nullable column instead.
    static func visitAge(_ d: SQLDialect) -> [String] {
        switch d {
        case .sqlite:
            [
                "DROP INDEX visits_patient",
                "ALTER TABLE visits ADD COLUMN visit_date TEXT CHECK (length(visit_date) = 10)",
                "UPDATE visits SET visit_date = date",
                "ALTER TABLE visits DROP COLUMN date",
                "ALTER TABLE visits RENAME COLUMN visit_date TO date",
                "CREATE INDEX visits_patient ON visits(patient_id, date)",
                "ALTER TABLE visits ADD COLUMN age TEXT CHECK (length(age) BETWEEN 3 AND 32)",
            ]
        case .postgres:
            [
                "ALTER TABLE visits ALTER COLUMN date DROP NOT NULL",
                "ALTER TABLE visits ADD COLUMN age TEXT CHECK (length(age) BETWEEN 3 AND 32)",
            ]
        }
    }

    /// A variant's other HGVS expressions and its VCF position, kept from an imported phenopacket.
    static func variantExpressions(_ d: SQLDialect) -> [String] {
        [
            "ALTER TABLE variants ADD COLUMN other_hgvs TEXT CHECK (length(other_hgvs) BETWEEN 1 AND 600)",
            "ALTER TABLE variants ADD COLUMN vcf TEXT CHECK (length(vcf) BETWEEN 9 AND 100000)",
        ]
    }

    /// The login throttle's counters, shared by every server on the database (keys are keyed
    /// hashes of usernames and addresses, `RegistryStore+LoginThrottle`).
    static func loginThrottle(_ d: SQLDialect) -> [String] {
        [
            """
            CREATE TABLE login_throttle (
              key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 3 AND 80),
              failures \(int(d)) NOT NULL CHECK (failures >= 0),
              last_at \(real(d)) NOT NULL,
              blocked_until \(real(d)) NOT NULL
            )
            """,
        ]
    }

    /// The GNAS-spectrum test results on the patient (columns of `PatientFields` added after 0001).
    static let testResultKeys = ["gnasSequencing", "gnasMethylation", "acvr1", "gsAlphaActivity", "lesionImaging", "flareUps"]

    static func testResults(_ d: SQLDialect) -> [String] {
        PatientFields.columns.filter { testResultKeys.contains($0.key) }.map { c in
            let check = c.kind == .boolean ? "\(c.column) IN (0, 1)"
                : "\(c.column) IN (" + (c.allowed ?? []).map(quoted).joined(separator: ", ") + ")"
            return "ALTER TABLE patients ADD COLUMN \(c.column) \(c.kind == .boolean ? int(d) : "TEXT") CHECK (\(check))"
        }
    }

    static func primaryKey(_ d: SQLDialect) -> String {
        d == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    }

    static func int(_ d: SQLDialect) -> String { d == .sqlite ? "INTEGER" : "BIGINT" }
    static func real(_ d: SQLDialect) -> String { d == .sqlite ? "REAL" : "DOUBLE PRECISION" }

    static func quoted(_ s: String) -> String { "'" + s.replacingAll("'", with: "''") + "'" }

    /// `CREATE TABLE` for a record type: id, parent, the columns with their checks, version, times.
    /// `excluding`: keys of columns added by a later migration (0001 must stay what it was).
    /// `notNull`: keys of columns that were required when the migration was written.
    static func recordTable<F: RecordFields>(_: F.Type, parent: String, _ d: SQLDialect, excluding: [String] = [],
                                             notNull: [String] = [], extra: [String] = []) -> String {
        var lines = [
            "id \(primaryKey(d))",
            "\(F.parentColumn) \(int(d)) NOT NULL REFERENCES \(parent)(id) ON DELETE CASCADE",
        ]
        for c in F.columns where !excluding.contains(c.key) {
            var type: String
            var checks: [String] = []
            switch c.kind {
            case .text: type = "TEXT"
            case .date:
                type = "TEXT"
                checks.append("length(\(c.column)) = 10")
            case .integer: type = int(d)
            case .real: type = real(d)
            case .boolean:
                type = int(d)
                checks.append("\(c.column) IN (0, 1)")
            }
            if let allowed = c.allowed {
                let list = allowed.map { c.kind == .integer ? $0 : quoted($0) }.joined(separator: ", ")
                checks.append("\(c.column) IN (\(list))")
            }
            var line = "\(c.column) \(type)"
            if c.required || notNull.contains(c.key) { line += " NOT NULL" }
            if !checks.isEmpty { line += " CHECK (" + checks.joined(separator: " AND ") + ")" }
            lines.append(line)
        }
        lines += [
            "version \(int(d)) NOT NULL DEFAULT 1 CHECK (version >= 1)",
            "created_at TEXT NOT NULL",
            "updated_at TEXT NOT NULL",
        ]
        lines += extra
        return "CREATE TABLE \(F.table) (\n  " + lines.joined(separator: ",\n  ") + "\n)"
    }

    static func core(_ d: SQLDialect) -> [String] {
        let pk = primaryKey(d), int = int(d)
        var s: [String] = [
            """
            CREATE TABLE settings (
              name TEXT PRIMARY KEY,
              value TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sites (
              id \(pk),
              code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
              name TEXT NOT NULL,
              created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE users (
              id \(pk),
              username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
              password_hash TEXT NOT NULL,
              role TEXT NOT NULL CHECK (role IN (\(Role.allCases.map { quoted($0.rawValue) }.joined(separator: ", ")))),
              site_id \(int) REFERENCES sites(id),
              active \(int) NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
              created_at TEXT NOT NULL,
              CHECK (role <> 'clinician' OR site_id IS NOT NULL)
            )
            """,
            """
            CREATE TABLE sessions (
              token_hash TEXT PRIMARY KEY,
              user_id \(int) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              created_at TEXT NOT NULL,
              expires_at TEXT NOT NULL,
              revoked_at TEXT
            )
            """,
            "CREATE INDEX sessions_user ON sessions(user_id)",
            patientsTable(d, excluding: testResultKeys, unique: "UNIQUE (pseudonym)"),
            "CREATE INDEX patients_site ON patients(site_id)",
            recordTable(VisitFields.self, parent: "patients", d, excluding: ["age"], notNull: ["date"]),
            "CREATE INDEX visits_patient ON visits(patient_id, date)",
            recordTable(PhenotypicFeatureFields.self, parent: "visits", d),
            recordTable(MeasurementFields.self, parent: "visits", d),
            recordTable(LesionFields.self, parent: "visits", d, extra: [
                "CHECK (percent_of_region IS NULL OR (percent_of_region >= 0 AND percent_of_region <= 100))",
                "UNIQUE (visit_id, lesion_id)",
            ]),
            recordTable(JointInvolvementFields.self, parent: "visits", d),
            recordTable(ProcedureFields.self, parent: "visits", d),
            recordTable(VariantFields.self, parent: "visits", d, excluding: VariantFields.expressionKeys),
            recordTable(DiagnosisFields.self, parent: "visits", d),
            """
            CREATE TABLE assessments (
              id \(pk),
              patient_id \(int) NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
              kind TEXT NOT NULL CHECK (kind IN ('diagnosis', 'gnas-assessment')),
              data_release TEXT NOT NULL,
              engine_version TEXT NOT NULL,
              result_json TEXT NOT NULL,
              created_by \(int) REFERENCES users(id),
              created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX assessments_patient ON assessments(patient_id)",
            """
            CREATE TABLE audit_log (
              id \(pk),
              at TEXT NOT NULL,
              user_id \(int),
              username TEXT,
              action TEXT NOT NULL CHECK (action IN (\(AuditAction.allCases.map { quoted($0.rawValue) }.joined(separator: ", ")))),
              entity TEXT NOT NULL CHECK (entity IN (\(EntityKind.allCases.map { quoted($0.rawValue) }.joined(separator: ", ")))),
              record_id TEXT,
              patient_id \(int),
              before_json TEXT,
              after_json TEXT
            )
            """,
            "CREATE INDEX audit_patient ON audit_log(patient_id)",
        ]
        for table in ["visits", "phenotypic_features", "measurements", "lesions", "joint_involvements",
                      "procedures", "variants", "diagnoses"] where table != "visits" {
            s.append("CREATE INDEX \(table)_visit ON \(table)(visit_id)")
        }
        switch d {
        case .sqlite:
            s += [
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            ]
        case .postgres:
            s += [
                """
                CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """,
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()",
                "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()",
            ]
        }
        return s
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
