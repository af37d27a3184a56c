import Hummingbird
import Registry

/// Adapters to the engines and the exchange format, to be wired by the lead when the Diagnosis,
/// Clinical assessment and Phenopackets modules land. Until then each answers 501 with a
/// problem body, after the same role checks it will have.
///
/// Wiring, for each:
/// - diagnose / assess: `let document = try await store.document(patient: id, by: who)`, run the
///   engine on `document.patientRecord()`, then
///   `store.storeAssessment(patient: id, kind: .diagnosis or .gnasAssessment, dataRelease:
///   engineVersion: result: JSONValue(encoding: result), by: who)` and answer it with 201.
/// - phenopacket export: map `document.patientRecord(view: View(role: who.role))` (researchers get
///   the hashed id) to a Phenopacket; parent of origin rides as an extension.
/// - phenopacket import: map each phenopacket to `ImportedPatient(record, pseudonym:, birthDate:,
///   visitDate:)` and call `store.importPatients(batch, site: who.siteID, by: who)`: all or
///   nothing, with each refused record's fields in the outcomes (answer 422 listing them).
struct EngineRoutes {
    let store: RegistryStore

    func register(_ api: APIRoutes) {
        api.add(.post, "/api/v1/patients/{id}/diagnose", "Rank the differential diagnosis of the stored record and store it (not wired yet: 501)",
                tag: "engines", roles: [.clinician], response: "Assessment", status: 201) { _, context in
            _ = try context.require(.clinician)
            throw Problem.notImplemented("the Diagnosis engine is not wired into the registry yet")
        }
        api.add(.post, "/api/v1/patients/{id}/assess", "GNAS-spectrum assessment of the stored record, stored (not wired yet: 501)",
                tag: "engines", roles: [.clinician], response: "Assessment", status: 201) { _, context in
            _ = try context.require(.clinician)
            throw Problem.notImplemented("the GNAS assessment is not wired into the registry yet")
        }
        api.add(.get, "/api/v1/patients/{id}/phenopacket", "Export the record as a GA4GH Phenopacket v2 (not wired yet: 501)",
                tag: "phenopackets", roles: [.clinician, .researcher], response: "Phenopacket") { _, context in
            _ = try context.require(.clinician, .researcher)
            throw Problem.notImplemented("phenopacket export is not wired into the registry yet")
        }
        api.add(.post, "/api/v1/phenopackets", "Import a phenopacket or a JSONL batch, atomically (not wired yet: 501)",
                tag: "phenopackets", roles: [.clinician], request: "Phenopacket", response: "ImportReport") { _, context in
            _ = try context.require(.clinician)
            throw Problem.notImplemented("phenopacket import is not wired into the registry yet")
        }
    }
}
