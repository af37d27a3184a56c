import FoundationEssentials
import Hummingbird
import Registry

/// `/exchange`: import a phenopacket or a JSONL batch (clinicians; each refused record named, nothing
/// written then) and download the export in the caller's view (`/exchange/export.jsonl`: a
/// clinician's site identified, all sites pseudonymised for researchers).
struct ExchangePages {
    let store: RegistryStore
    let renderer: PageRenderer
    let engineRoutes: EngineRoutes

    struct ExchangeView: Sendable {
        struct Imported: Sendable {
            let href: String
            let label: String
        }

        let exportScope: String
        let canImport: Bool
        var document = ""
        var imported: [Imported] = []
        var hasImported = false
        var importSummary = ""
        var refused: [String] = []
        var hasRefused = false
        var refusedSummary = ""
    }

    func register(_ pages: PageRouter) {
        pages.get("/exchange", roles: [.clinician, .researcher]) { request, context, session -> Response in
            let who = session.principal
            return renderer.response("exchange", Self.view(who.role), chrome: session.chrome("Exchange", current: "/exchange", scripts: ["import-file.js"]))
        }
        pages.post("/exchange/import", roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            var view = Self.view(who.role)
            var request = request
            let form = FormBody(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            let text = form["document"] ?? ""
            view.document = text
            var status = HTTPResponse.Status.ok
            do {
                let result = try await engineRoutes.importDocuments(Data(text.utf8), source: "document", by: who)
                if result.refused.isEmpty {
                    view.imported = result.outcomes.compactMap { o in
                        o.patientID.map { ExchangeView.Imported(href: "/patients/\($0)", label: "Record \(o.index + 1): patient \($0)") }
                    }
                    view.hasImported = true
                    view.importSummary = "\(view.imported.count) of \(result.total) records imported."
                    view.document = ""
                } else {
                    view.refused = result.refused.flatMap { index, line, problems in
                        let record = "Record \(index + 1)" + (line.map { " (line \($0))" } ?? "")
                        return problems.isEmpty ? [record + ": refused"] : problems.map { "\(record), \($0.field): \($0.reason)" }
                    }
                    view.hasRefused = true
                    view.refusedSummary = "\(Set(result.refused.map(\.0)).count) of \(result.total) records refused; nothing was imported."
                    status = .unprocessableContent
                }
            } catch let problem as Problem where problem.status == .badRequest {
                view.refused = [problem.detail ?? problem.title]
                view.hasRefused = true
                view.refusedSummary = "Nothing was imported."
                status = .badRequest
            }
            return renderer.response("exchange", view, chrome: session.chrome("Exchange", current: "/exchange", scripts: ["import-file.js"]), status: status)
        }
        pages.get("/exchange/export.jsonl", roles: [.clinician, .researcher]) { request, context, session -> Response in
            let who = session.principal
            return try await export(who)
        }
    }

    static func view(_ role: Role) -> ExchangeView {
        ExchangeView(exportScope: role == .researcher ? "every site, pseudonymised (no identifiers or free text, shifted dates, hashed ids)"
                                                      : "the patients of your site, identified",
                     canImport: role == .clinician)
    }

    /// Every patient the caller may see, one record per line in the caller's view; the export is audited.
    func export(_ who: Principal) async throws -> Response {
        let view = View(role: who.role)
        var body: [UInt8] = []
        var offset = 0, count = 0
        while true {
            let page = try await store.listPatients(PatientFilter(), page: Page(limit: Page.maxLimit, offset: offset), by: who)
            for patient in page.items {
                body += try await store.document(patient: patient.id, by: who).json(view).serialized()
                body.append(0x0A)
                count += 1
            }
            offset += page.items.count
            if page.items.isEmpty || offset >= page.total { break }
        }
        try await store.recordAudit(who, .export, .patient, record: nil, patient: nil,
                                    after: .object(["records": .number(Double(count)), "view": .string(view == .identified ? "identified" : "pseudonymised")]))
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson", .contentDisposition: "attachment; filename=\"ossify-export.jsonl\"",
                                               .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
