/// The cross-record time checks of `TimeConsistency`, run by `create` and `update` inside the
/// write's transaction, so that the API, the pages and the command line share them.
extension RegistryStore {
    /// Today's date in UTC, from the store's clock.
    var today: CivilDate {
        CivilDate(String(timestamp().prefix(10))) ?? CivilDate(year: 1970, month: 1, day: 1)!
    }

    /// Throws `.invalid` when `fields`, written under `parent` (the site of a patient, the patient
    /// of a visit, the visit of a part) as record `id` (nil on create), disagree with the times
    /// already recorded.
    func checkTimes<F: RecordFields>(_ fields: F, parent: Int64, id: Int64?, tx: any SQLTransaction) async throws {
        var problems: [FieldProblem] = []
        switch fields {
        case let patient as PatientFields:
            var earliest: String?
            if let id {
                earliest = try await tx.query("SELECT MIN(date) AS d FROM visits WHERE patient_id = ?", [.integer(id)]).first?["d"].string
            }
            problems = TimeConsistency.patient(patient, earliestVisit: earliest, today: today)
        case let visit as VisitFields:
            problems = TimeConsistency.visit(visit, try await patient(parent, tx), today: today)
        case let feature as PhenotypicFeatureFields:
            let rows = try await tx.query(
                "SELECT v.date, v.age, p.birth_date FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?", [.integer(parent)])
            if let row = rows.first {
                let visit = VisitFields(date: row["date"].string, age: row["age"].string)
                problems = TimeConsistency.onset(feature.onset, visitAge: visit.ageAtVisit(birthDate: row["birth_date"].string))
            }
        case let procedure as ProcedureFields:
            let rows = try await tx.query("SELECT patient_id FROM visits WHERE id = ?", [.integer(parent)])
            if let patientID = rows.first?["patient_id"].int64 {
                problems = TimeConsistency.procedure(procedure, try await patient(patientID, tx), today: today)
            }
        default:
            break
        }
        if !problems.isEmpty { throw RegistryError.invalid(problems) }
    }

    private func patient(_ id: Int64, _ tx: any SQLTransaction) async throws -> TimeConsistency.Patient {
        let row = try await tx.query("SELECT birth_date, death_date FROM patients WHERE id = ?", [.integer(id)]).first
        return TimeConsistency.Patient(birthDate: row?["birth_date"].string, deathDate: row?["death_date"].string)
    }
}
