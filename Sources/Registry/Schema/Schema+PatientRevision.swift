/// Migration 0009: a patient's `revision` counts the changes to anything the whole record shows
/// (the patient row, its visits, the parts of its visits, its stored assessments). Database
/// triggers keep it, so that no write path (API, import, seeder, erasure, a later feature) can
/// change a record without moving it: the rendered-record cache (`DocumentCache`) serves a
/// rendering only while the revision it was rendered at is still the current one.
extension Schema {
    static let partTables = [
        PhenotypicFeatureFields.table, MeasurementFields.table, LesionFields.table, JointInvolvementFields.table,
        ProcedureFields.table, VariantFields.table, DiagnosisFields.table,
    ]

    static func patientRevision(_ d: SQLDialect) -> [String] {
        let add = "ALTER TABLE patients ADD COLUMN revision BIGINT NOT NULL DEFAULT 0"
        switch d {
        case .sqlite:
            // AFTER triggers; the one on patients fires only when a statement left the revision
            // as it was (a child's trigger moves it itself), so it never loops.
            func bump(_ patient: String) -> String { "UPDATE patients SET revision = revision + 1 WHERE id = \(patient);" }
            func viaVisit(_ visit: String) -> String { bump("(SELECT patient_id FROM visits WHERE id = \(visit))") }
            var statements = [
                add,
                """
                CREATE TRIGGER patients_revision AFTER UPDATE ON patients WHEN NEW.revision = OLD.revision
                BEGIN \(bump("NEW.id")) END
                """,
                "CREATE TRIGGER visits_revision_insert AFTER INSERT ON visits BEGIN \(bump("NEW.patient_id")) END",
                "CREATE TRIGGER visits_revision_update AFTER UPDATE ON visits BEGIN \(bump("OLD.patient_id")) \(bump("NEW.patient_id")) END",
                "CREATE TRIGGER visits_revision_delete AFTER DELETE ON visits BEGIN \(bump("OLD.patient_id")) END",
                "CREATE TRIGGER assessments_revision_insert AFTER INSERT ON assessments BEGIN \(bump("NEW.patient_id")) END",
                "CREATE TRIGGER assessments_revision_update AFTER UPDATE ON assessments BEGIN \(bump("OLD.patient_id")) \(bump("NEW.patient_id")) END",
                "CREATE TRIGGER assessments_revision_delete AFTER DELETE ON assessments BEGIN \(bump("OLD.patient_id")) END",
            ]
            for table in partTables {
                statements += [
                    "CREATE TRIGGER \(table)_revision_insert AFTER INSERT ON \(table) BEGIN \(viaVisit("NEW.visit_id")) END",
                    "CREATE TRIGGER \(table)_revision_update AFTER UPDATE ON \(table) BEGIN \(viaVisit("OLD.visit_id")) \(viaVisit("NEW.visit_id")) END",
                    "CREATE TRIGGER \(table)_revision_delete AFTER DELETE ON \(table) BEGIN \(viaVisit("OLD.visit_id")) END",
                ]
            }
            return statements
        case .postgres:
            var statements = [
                add,
                """
                CREATE FUNCTION ossify_patient_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.revision = OLD.revision THEN NEW.revision := OLD.revision + 1; END IF;
                  RETURN NEW;
                END $$
                """,
                "CREATE TRIGGER patients_revision BEFORE UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION ossify_patient_revision()",
                """
                CREATE FUNCTION ossify_touch_patient() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN UPDATE patients SET revision = revision + 1 WHERE id = OLD.patient_id; END IF;
                  IF TG_OP <> 'DELETE' THEN UPDATE patients SET revision = revision + 1 WHERE id = NEW.patient_id; END IF;
                  RETURN NULL;
                END $$
                """,
                """
                CREATE FUNCTION ossify_touch_patient_of_visit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN
                    UPDATE patients SET revision = revision + 1 WHERE id = (SELECT patient_id FROM visits WHERE id = OLD.visit_id);
                  END IF;
                  IF TG_OP <> 'DELETE' THEN
                    UPDATE patients SET revision = revision + 1 WHERE id = (SELECT patient_id FROM visits WHERE id = NEW.visit_id);
                  END IF;
                  RETURN NULL;
                END $$
                """,
            ]
            for table in ["visits", "assessments"] {
                statements.append("""
                    CREATE TRIGGER \(table)_revision AFTER INSERT OR UPDATE OR DELETE ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION ossify_touch_patient()
                    """)
            }
            for table in partTables {
                statements.append("""
                    CREATE TRIGGER \(table)_revision AFTER INSERT OR UPDATE OR DELETE ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION ossify_touch_patient_of_visit()
                    """)
            }
            return statements
        }
    }
}
