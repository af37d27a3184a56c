extension Schema {
    /// A pseudonym is unique within its site, not in the whole registry. Each site registers its
    /// own patients under its own pseudonyms; the registry does not link one person's records at two
    /// sites (nothing identifies the person across sites), so no refusal can tell a clinician what
    /// another site holds. Before this migration a pseudonym taken at another site was refused
    /// with 409, which told the clinician that the other site had it.
    ///
    /// PostgreSQL swaps the constraint in place. SQLite cannot drop a table constraint, so
    /// `patients` is rebuilt by SQLite's documented procedure (new table, copy, drop, rename) with
    /// foreign keys off for the migration (`SQLDatabase.schemaTransaction`, which checks them all
    /// before committing), so that dropping the old table does not cascade into the visits. The
    /// AUTOINCREMENT counter is carried over so that ids of erased patients are never reused.
    static func pseudonymPerSite(_ d: SQLDialect) -> [String] {
        switch d {
        case .postgres:
            return [
                "ALTER TABLE patients DROP CONSTRAINT patients_pseudonym_key",
                "ALTER TABLE patients ADD CONSTRAINT patients_site_pseudonym_key UNIQUE (site_id, pseudonym)",
            ]
        case .sqlite:
            let create = patientsTable(d, excluding: patientKeysAddedAfter0005, unique: "UNIQUE (site_id, pseudonym)")
                .replacingAll("CREATE TABLE patients (", with: "CREATE TABLE patients_rebuilt (")
            let columns = (["id", PatientFields.parentColumn]
                + PatientFields.columns.filter { !patientKeysAddedAfter0005.contains($0.key) }.map(\.column)
                + ["version", "created_at", "updated_at", "research_id", "date_shift_days"]).joined(separator: ", ")
            return [
                create,
                "INSERT INTO patients_rebuilt (\(columns)) SELECT \(columns) FROM patients",
                """
                UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'patients')
                WHERE name = 'patients_rebuilt' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'patients')
                """,
                "DROP TABLE patients",
                "ALTER TABLE patients_rebuilt RENAME TO patients",
                "CREATE INDEX patients_site ON patients(site_id)",
            ]
        }
    }

    /// Keys of patient columns that migrations after 0005 add: the rebuild must leave them out, so
    /// that 0005 stays what it was (as 0001 leaves out `testResultKeys`). None yet.
    static let patientKeysAddedAfter0005: [String] = []

    /// `CREATE TABLE patients` with the columns of `PatientFields` but `excluding`, and the given
    /// uniqueness of the pseudonym.
    static func patientsTable(_ d: SQLDialect, excluding: [String] = [], unique: String) -> String {
        recordTable(PatientFields.self, parent: "sites", d, excluding: excluding, extra: [
            "research_id TEXT NOT NULL UNIQUE",
            "date_shift_days \(int(d)) NOT NULL CHECK (date_shift_days BETWEEN -365 AND 365)",
            unique,
            "CHECK (death_date IS NULL OR status = 'dead')",
        ])
    }
}
