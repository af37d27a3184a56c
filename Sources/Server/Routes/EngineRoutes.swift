import Composition
import Clinical
import Diagnosis
import FoundationEssentials
import Hummingbird
import Ontology
import Phenopackets
import Registry

/// The engines and the exchange format on stored records: diagnosis and GNAS assessment (each
/// result stored with the data release and engine version that produced it), phenopacket export
/// and atomic import.
struct EngineRoutes {
    let store: RegistryStore
    /// nil when the server was built without engines (a route test of the store alone): the
    /// routes then answer 503.
    let engines: Engines?

    func register(_ api: APIRoutes) {
        api.add(.post, "/api/v1/patients/{id}/diagnose", "Rank the differential diagnosis of the stored record and store it",
                tag: "engines", roles: [.clinician], response: "Assessment", status: 201) { _, context, who in
            return try JSONIO.response(encoding: try await diagnose(patient: try Paths.id(context), by: who), status: .created)
        }
        api.add(.post, "/api/v1/patients/{id}/assess", "GNAS-spectrum assessment of the stored record, stored",
                tag: "engines", roles: [.clinician], response: "Assessment", status: 201) { _, context, who in
            return try JSONIO.response(encoding: try await assess(patient: try Paths.id(context), by: who), status: .created)
        }
        api.add(.get, "/api/v1/patients/{id}/phenopacket", "Export the record as a GA4GH Phenopacket v2 (researchers: pseudonymised)",
                tag: "phenopackets", roles: [.clinician, .researcher], response: "Phenopacket") { _, context, who in
            let engines = try loaded()
            let id = try await patientID(context, who)
            let document = try await store.document(patient: id, by: who)
            let kb = engines.diagnosis.kb
            let packet = document.phenopacket(view: View(role: who.role), fallbackID: "patient", hpoVersion: kb.release.hpoVersion,
                                              termLabel: { kb.term($0)?.name ?? engines.labs.assayLabel($0.description) })
            let data = try packet.jsonData(pretty: false)
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        api.add(.post, "/api/v1/phenopackets", "Import a phenopacket or a JSONL batch, atomically: all records or none, each refusal named",
                tag: "phenopackets", roles: [.clinician], request: "Phenopacket", response: "ImportReport", status: 201) { request, context, who in
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let result = try await importDocuments(Data(buffer.readableBytesView), source: "body", by: who)
            return try Self.report(refused: result.refused, outcomes: result.outcomes, total: result.total, warnings: result.warnings)
        }
    }

    /// What an import did: the records refused (index in the batch, line, problems) and, when none
    /// was, the patients written.
    struct ImportResult: Sendable {
        var refused: [(Int, Int?, [FieldProblem])]
        var outcomes: [ImportOutcome]
        var total: Int
        /// Changes made on import (alternate or obsolete HPO ids replaced by the current term).
        var warnings: [ImportReport.Warning] = []
    }

    /// Reads a phenopacket or a JSONL batch and imports it into the clinician's site, atomically:
    /// all records or none. 400 when it holds no phenopacket; the API and the exchange page share it.
    func importDocuments(_ data: Data, source: String, by who: Principal) async throws -> ImportResult {
        let engines = try loaded()
        guard let site = who.siteID else { throw Problem.badRequest("the account has no site to import into") }
        // Reading and checking a batch is CPU-bound (seconds for a thousand phenopackets): it runs on
        // NIO's thread pool, so the reads served meanwhile keep the cooperative pool.
        let read = try await ThreadPoolExecutor().run { Self.read(data, source: source, check: RecordKnowledgeCheck(engines: engines)) }
        guard read.total > 0 else { throw Problem.badRequest("the body holds no phenopacket") }
        guard read.refused.isEmpty else {
            return ImportResult(refused: read.refused, outcomes: [], total: read.total, warnings: read.warnings)
        }
        let outcomes = try await store.importPatients(read.batch, site: site, by: who)
        let problems = outcomes.filter { !$0.problems.isEmpty }.map { ($0.index, read.lines[$0.index], $0.problems) }
        return ImportResult(refused: problems, outcomes: problems.isEmpty ? outcomes : [], total: read.total, warnings: read.warnings)
    }

    /// A batch read and checked: the records to import, the refusals and warnings, each record's line.
    struct ReadBatch: Sendable {
        var batch: [ImportedPatient] = []
        var refused: [(Int, Int?, [FieldProblem])] = []
        var warnings: [ImportReport.Warning] = []
        var lines: [Int?] = []
        var total: Int { lines.count }
    }

    static func read(_ data: Data, source: String, check: RecordKnowledgeCheck) -> ReadBatch {
        let entries = PhenopacketReader(concurrency: 1).readDocuments(data, source: source)
        var read = ReadBatch(lines: entries.map(\.line))
        for (index, entry) in entries.enumerated() {
            do throws(PhenopacketError) {
                let packet = try entry.result.get()
                let record = try packet.patientRecord()
                var item = ImportedPatient(record, diagnoses: packet.statedDiagnoses, diseaseCodes: packet.subjectDiseaseCodes, pseudonym: packet.id,
                                           birthDate: packet.subject?.dateOfBirth.map { String($0.prefix(10)) })
                let (notes, problems) = check.prepare(&item)
                read.warnings += notes.map { ImportReport.Warning(index: index, line: entry.line, field: $0.field, reason: $0.reason) }
                if !problems.isEmpty { read.refused.append((index, entry.line, problems)) }
                read.batch.append(item)
            } catch {
                read.refused.append((index, entry.line, error.issues.map { FieldProblem($0.path, "\($0.problem)") }))
            }
        }
        return read
    }

    /// Ranks the differential of the stored record and stores the result (the API and the patient page).
    func diagnose(patient id: Int64, by who: Principal) async throws -> StoredAssessment {
        let engines = try loaded()
        let record = try await store.document(patient: id, by: who, includeAssessments: false).patientRecord()
        // Ranking is CPU-bound: it runs on NIO's thread pool, off the cooperative pool.
        let service = engines.diagnosis
        let outcome = try await ThreadPoolExecutor().run { () -> Result<DiagnosisResult, QueryError> in
            do throws(QueryError) { return .success(try service.diagnose(record)) } catch { return .failure(error) }
        }
        let result: DiagnosisResult
        switch outcome {
        case .success(let r): result = r
        case .failure(let error): throw Problem.invalid([FieldProblem(error.field, error.message)])
        }
        return try await store.storeAssessment(
            patient: id, kind: .diagnosis, dataRelease: engines.dataRelease, engineVersion: DiagnosisService.engineVersion,
            result: try JSONValue(encoding: result), by: who)
    }

    /// The GNAS-spectrum assessment of the stored record, stored (the API and the patient page).
    func assess(patient id: Int64, by who: Principal) async throws -> StoredAssessment {
        let engines = try loaded()
        let record = try await store.document(patient: id, by: who, includeAssessments: false).patientRecord()
        let assessment = assessGNASSpectrum(record, knowledge: engines.spectrum, labs: engines.labs, transcript: engines.transcript,
                                            hierarchy: TermHierarchy(engines.diagnosis.kb))
        return try await store.storeAssessment(
            patient: id, kind: .gnasAssessment, dataRelease: engines.dataRelease, engineVersion: Engines.assessmentEngineVersion,
            result: try JSONValue(encoding: assessment), by: who)
    }

    func loaded() throws -> Engines {
        guard let engines else {
            throw Problem(status: .serviceUnavailable, title: "Service Unavailable", detail: "the engines are not loaded in this server")
        }
        return engines
    }

    func patientID(_ context: RegistryRequestContext, _ who: Principal) async throws -> Int64 {
        try await Paths.patientID(context, who, store: store)
    }

    struct ImportReport: Encodable {
        struct Record: Encodable {
            var index: Int
            var line: Int?
            var patientID: Int64?
            var problems: [FieldProblem]
        }
        /// A change made on import: an alternate or obsolete HPO id replaced by the current term.
        struct Warning: Encodable {
            var index: Int
            var line: Int?
            var field: String
            var reason: String
        }
        var imported: Int
        var refused: Int
        var records: [Record]
        var warnings: [Warning]
    }

    /// 201 with every new patient id when all records were written; otherwise a 422 problem whose
    /// invalid-params name each refused record (index in the batch, line) and field, and nothing written.
    static func report(refused: [(Int, Int?, [FieldProblem])], outcomes: [ImportOutcome], total: Int,
                       warnings: [ImportReport.Warning]) throws -> Response {
        if !refused.isEmpty {
            let fields = refused.flatMap { index, line, problems in
                let record = "records[\(index)]" + (line.map { " (line \($0))" } ?? "")
                return problems.isEmpty ? [FieldProblem(record, "refused")]
                    : problems.map { FieldProblem(record + "." + $0.field, $0.reason) }
            }
            throw Problem(status: .unprocessableContent, title: "Import refused, nothing written",
                          detail: "\(Set(refused.map(\.0)).count) of \(total) records refused", invalidParams: fields)
        }
        let records = outcomes.map { ImportReport.Record(index: $0.index, line: nil, patientID: $0.patientID, problems: []) }
        return try JSONIO.response(encoding: ImportReport(imported: records.count, refused: 0, records: records, warnings: warnings), status: .created)
    }
}
