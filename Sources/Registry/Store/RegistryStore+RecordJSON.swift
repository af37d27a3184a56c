/// The whole record as the API's JSON bytes, from the cache of renderings when the record has not
/// changed since it was rendered (`DocumentCache`, migration 0009).
extension RegistryStore {
    /// The owner and the current revision of a patient: one indexed read before every cached answer.
    static func revisionQuery(patient id: Int64) -> SQLQuery {
        SQLQuery("SELECT id AS patient_id, site_id, revision FROM patients WHERE id = ?", [.integer(id)], prepared: .revision)
    }

    /// The JSON of `GET /api/v1/patients/{id}/record` in the caller's view: the same JSON as
    /// `document(patient:by:).json(view)`, audited the same way on every call. The
    /// site check and the revision are read anew on every call; a rendering is reused only while
    /// the revision it was made at is the current one.
    public func recordJSON(patient id: Int64, by who: Principal) async throws(RegistryError) -> [UInt8] {
        let view = View(role: who.role)
        let today = now()
        let key = DocumentCache.Key(patient: id, view: view == .identified
                                    ? "identified" : "pseudonymised@" + Clock.timestamp(today).prefix(10))
        let head = try await RegistryError.wrap(.patient) { try await database.read([Self.revisionQuery(patient: id)]) }
        guard Self.owner(head[0], scope: who.scope) != nil, let revision = head[0].first?["revision"].int64 else {
            throw .notFound(.patient)
        }
        if let bytes = documentCache.bytes(key, revision: revision) {
            try await auditRecordRead(patient: id, by: who)
            return bytes
        }
        let document = try await document(patient: id, by: who)
        let bytes = document.json(view, today: today).serialized()
        documentCache.store(key, revision: document.revision, bytes: bytes)
        return bytes
    }

    /// Renderings kept and the hits and misses so far (benchmarks and tests).
    public var recordCacheStatistics: (entries: Int, bytes: Int, hits: Int, misses: Int) { documentCache.statistics }
}
