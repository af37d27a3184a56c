extension RegistryStore {
    /// Erases a patient (the right to erasure, an opt-out): the patient, every visit and part and
    /// every stored engine result are deleted in one transaction, with one audit entry of its own
    /// (`delete patient`, `{"erased": true}`). The audit log already holds no record values (see
    /// `AuditImage`), so nothing identifiable of the patient remains; the entries say only who
    /// did what, when, to record ids that no longer exist.
    /// Audit entries of reads still in the SQLite spool are moved into `audit_log` first, so the
    /// erasure's own entry comes after every entry of the patient.
    public func erasePatient(_ id: Int64, by who: Principal) async throws(RegistryError) {
        try Self.requirePatientWriter(who)
        try await flushAudit()
        try await RegistryError.wrap(.patient) {
            try await database.transaction { tx in
                guard Self.owner(try await tx.query(Self.ownerQuery(table: "patients", id: id)), scope: who.scope) != nil else {
                    throw RegistryError.notFound(.patient)
                }
                try await tx.query("DELETE FROM patients WHERE id = ?", [.integer(id)])
                try await audit(tx, who, .delete, .patient, record: String(id), patient: id, after: .object(["erased": .bool(true)]))
            }
        }
    }
}
