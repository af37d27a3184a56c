import Hummingbird
import Registry

/// `/patients/new`, `/patients/{id}`, `/patients/{id}/edit`, `/patients/{id}/visits`: register a
/// patient, read the patient page (researchers: by hashed id, pseudonymised), edit the
/// registration and test results with the version check, add a visit.
struct PatientPages {
    let store: RegistryStore
    let renderer: PageRenderer
    let knowledge: PageKnowledge
    let check: RecordKnowledgeCheck
    let engineRoutes: EngineRoutes

    func register(_ pages: PageRouter) {
        pages.get("/patients/new", roles: [.clinician]) { request, context, session -> Response in
            return newForm(session, values: ["status": "alive"], errors: FieldErrors([]), status: .ok)
        }
        pages.post("/patients/new", roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            let form = try await FormBody.read(request)
            let values = RecordForm.values(PatientFields.self, form: form)
            switch RecordForm.read(PatientFields.self, RecordForm.json(PatientFields.self, form: form), check: check) {
            case .failure(let errors):
                return newForm(session, values: values, errors: errors, status: .unprocessableContent)
            case .success(let fields):
                do {
                    let stored = try await store.create(fields, parent: who.siteID ?? 0, by: who)
                    return PageRenderer.redirect("/patients/\(stored.id)")
                } catch {
                    // A pseudonym is unique within the site.
                    guard let errors = FieldErrors(refusal: error, conflictField: "pseudonym") else { throw error }
                    return newForm(session, values: values, errors: errors, status: .unprocessableContent)
                }
            }
        }
        pages.get("/patients/:id", roles: [.clinician, .researcher]) { request, context, session -> Response in
            return try await patientPage(context, session, visitValues: [:], visitErrors: FieldErrors([]), status: .ok)
        }
        pages.post("/patients/:id/visits", roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            let id = try Paths.id(context)
            let form = try await FormBody.read(request)
            let values = RecordForm.values(VisitFields.self, form: form)
            switch RecordForm.read(VisitFields.self, RecordForm.json(VisitFields.self, form: form), check: check) {
            case .failure(let errors):
                return try await patientPage(context, session, visitValues: values, visitErrors: errors, status: .unprocessableContent)
            case .success(let fields):
                let stored = try await store.create(fields, parent: id, by: who)
                return PageRenderer.redirect("/visits/\(stored.id)")
            }
        }
        // The engines on the stored record (clinicians), each result stored; back to the page's list.
        pages.post("/patients/:id/diagnose", roles: [.clinician]) { request, context, session -> Response in
            let id = try Paths.id(context)
            _ = try await engineRoutes.diagnose(patient: id, by: session.principal)
            return PageRenderer.redirect("/patients/\(id)/diagnosis")
        }
        pages.post("/patients/:id/assess", roles: [.clinician]) { request, context, session -> Response in
            let id = try Paths.id(context)
            _ = try await engineRoutes.assess(patient: id, by: session.principal)
            return PageRenderer.redirect("/patients/\(id)/diagnosis#assessment")
        }
        pages.get("/patients/:id/diagnosis", roles: [.clinician, .researcher]) { request, context, session -> Response in
            let who = session.principal
            let id = try await Paths.patientID(context, who, store: store)
            let view = View(role: who.role)
            let record = try await store.document(patient: id, by: who).json(view)
            let patient = PatientPageView.make(record, view: view, knowledge: knowledge, today: try await store.patientViewContext().today)
            let page = DiagnosisPageView.make(record, view: view, title: "Diagnosis: " + patient.title)
            return renderer.response("diagnosis", page, chrome: session.chrome(page.title))
        }
        pages.get("/patients/:id/report", roles: [.clinician, .researcher]) { request, context, session -> Response in
            let who = session.principal
            let id = try await Paths.patientID(context, who, store: store)
            let view = View(role: who.role)
            let record = try await store.document(patient: id, by: who).json(view)
            let today = try await store.patientViewContext().today
            let patient = PatientPageView.make(record, view: view, knowledge: knowledge, today: today)
            let diagnosis = DiagnosisPageView.make(record, view: view, title: patient.title)
            let report = ReportView.make(patient: patient, diagnosis: diagnosis, generated: today?.description ?? "",
                                         release: engineRoutes.engines?.dataRelease ?? "no engines loaded")
            return renderer.response("report", report, chrome: session.chrome(report.title))
        }
        pages.get("/patients/:id/edit", roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            let id = try Paths.id(context)
            let stored = try await store.get(PatientFields.self, id: id, by: who)
            return editForm(session, id: id, version: stored.version, values: RecordForm.values(stored.json()), errors: FieldErrors([]))
        }
        pages.post("/patients/:id/edit", roles: [.clinician]) { request, context, session -> Response in
            return try await saveEdit(request, context, session)
        }
    }

    func newForm(_ session: PageSession, values: [String: String], errors: FieldErrors, status: HTTPResponse.Status) -> Response {
        let view = PatientFormView(heading: "New patient", action: "/patients/new", cancel: "/", version: nil, values: values, errors: errors)
        return renderer.response("patient-form", view, chrome: session.chrome("New patient", current: "/patients/new"), status: status)
    }

    func editForm(_ session: PageSession, id: Int64, version: Int, values: [String: String], errors: FieldErrors,
                  stale: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let view = PatientFormView(heading: "Edit registration and tests", action: "/patients/\(id)/edit", cancel: "/patients/\(id)",
                                   version: version, values: values, errors: errors, stale: stale)
        return renderer.response("patient-form", view, chrome: session.chrome("Edit patient"), status: status)
    }

    func saveEdit(_ request: Request, _ context: RegistryRequestContext, _ session: PageSession) async throws -> Response {
        let who = session.principal
        let id = try Paths.id(context)
        let form = try await FormBody.read(request)
        let values = RecordForm.values(PatientFields.self, form: form)
        let version = try form.version()
        switch RecordForm.read(PatientFields.self, RecordForm.json(PatientFields.self, form: form), check: check) {
        case .failure(let errors):
            return editForm(session, id: id, version: version, values: values, errors: errors, status: .unprocessableContent)
        case .success(let fields):
            do {
                _ = try await store.update(fields, id: id, version: version, by: who)
                return PageRenderer.redirect("/patients/\(id)")
            } catch RegistryError.conflict {
                let current = try await store.get(PatientFields.self, id: id, by: who)
                return editForm(session, id: id, version: current.version, values: values, errors: FieldErrors([]),
                                stale: StaleForm.message("patient", current: current.version), status: .conflict)
            } catch RegistryError.invalid(let problems) {
                return editForm(session, id: id, version: version, values: values, errors: FieldErrors(problems), status: .unprocessableContent)
            }
        }
    }

    func patientPage(_ context: RegistryRequestContext, _ session: PageSession, visitValues: [String: String], visitErrors: FieldErrors,
                     status: HTTPResponse.Status) async throws -> Response {
        let who = session.principal
        let id = try await Paths.patientID(context, who, store: store)
        let document = try await store.document(patient: id, by: who)
        let view = View(role: who.role)
        let viewContext = try await store.patientViewContext()
        let page = PatientPageView.make(document.json(view), view: view, knowledge: knowledge, today: viewContext.today,
                                        addVisitValues: visitValues, addVisitErrors: visitErrors)
        return renderer.response("patient", page, chrome: session.chrome(page.title), status: status)
    }
}

/// The words of a form that was based on a version someone else has since changed.
enum StaleForm {
    static func message(_ what: String, current: Int) -> String {
        "Someone else changed this \(what) after you opened the form (it is now at version \(current)). "
            + "Your input is kept below: check it against the current record and save again to replace it."
    }
}
