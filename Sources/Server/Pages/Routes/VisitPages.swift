import Clinical
import Hummingbird
import Registry

/// `/visits/{id}` (clinicians): the visit page; update and delete the visit with the version
/// check; add a part (`/visits/{id}/{collection}`), edit one (`/{collection}/{id}/edit`, saved to
/// `/{collection}/{id}`) and delete one (`/{collection}/{id}/delete`).
struct VisitPages {
    let store: RegistryStore
    let renderer: PageRenderer
    let knowledge: PageKnowledge
    let check: RecordKnowledgeCheck
    let forms: PartForms

    /// A form shown again with the user's input: which form, what was typed, what is wrong.
    struct Retry {
        var collection: String
        var values: [String: String]
        var errors: FieldErrors
    }

    func register(_ pages: PageRouter) {
        pages.get("/visits/:id", roles: [.clinician]) { request, context, session -> Response in
            // A body-map link followed without JavaScript: the lesion form filled with its region.
            let params = request.uri.queryParameters
            let query = ["region", "side", "surface"].reduce(into: [String: String]()) { q, k in q[k] = params.get(k) }
            let retry = VisitBodyMap.prefill(query).map { Retry(collection: "lesions", values: $0, errors: FieldErrors([])) }
            return try await page(try Paths.id(context), session, retry: retry)
        }
        // The variant form's "Read" button: the page again with the form kept and the reading shown.
        pages.post("/visits/:id/variants/read", roles: [.clinician]) { request, context, session -> Response in
            let form = try await FormBody.read(request)
            let retry = Retry(collection: "variants", values: RecordForm.values(VariantFields.self, form: form), errors: FieldErrors([]))
            let reading = form.text("hgvs").map { RecordReadings.hgvs($0, knowledge: knowledge) } ?? "Type an HGVS expression to read it."
            return try await page(try Paths.id(context), session, retry: retry, reading: reading)
        }
        pages.post("/visits/:id", roles: [.clinician]) { request, context, session -> Response in
            return try await updateVisit(request, context, session)
        }
        pages.post("/visits/:id/delete", roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            let id = try Paths.id(context)
            let version = try await FormBody.read(request).version()
            let visit = try await store.get(VisitFields.self, id: id, by: who)
            do {
                try await store.delete(VisitFields.self, id: id, version: version, by: who)
            } catch RegistryError.conflict {
                return try await page(id, session, stale: StaleForm.message("visit", current: visit.version), status: .conflict)
            }
            return PageRenderer.redirect("/patients/\(visit.parentID)")
        }
        part(PhenotypicFeatureFields.self, "phenotypic-features", pages) { object in
            if let typed = object["hpoId"]?.stringValue { object["hpoId"] = .string(knowledge.hpoID(typed)) }
        }
        part(MeasurementFields.self, "measurements", pages)
        part(VariantFields.self, "variants", pages)
        part(DiagnosisFields.self, "diagnoses", pages)
        part(ProcedureFields.self, "procedures", pages)
        part(LesionFields.self, "lesions", pages)
        part(JointInvolvementFields.self, "joint-involvements", pages)
    }

    /// Add and delete routes of one kind of part. `prepare` adjusts the posted object first (the
    /// phenotype form takes a term's exact name as well as its id).
    func part<F: RecordFields>(_: F.Type, _ collection: String, _ pages: PageRouter,
                               prepare: @escaping @Sendable (inout [String: JSONValue]) -> Void = { _ in }) {
        pages.post(RouterPath("/visits/:id/\(collection)"), roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            let visitID = try Paths.id(context)
            let form = try await FormBody.read(request)
            var object = RecordForm.json(F.self, form: form)
            prepare(&object)
            let retry = Retry(collection: collection, values: RecordForm.values(F.self, form: form), errors: FieldErrors([]))
            switch RecordForm.read(F.self, object, check: check) {
            case .failure(let errors):
                return try await page(visitID, session, retry: Retry(collection: collection, values: retry.values, errors: errors),
                                      status: .unprocessableContent)
            case .success(let fields):
                do {
                    _ = try await store.create(fields, parent: visitID, by: who)
                } catch RegistryError.invalid(let problems) {
                    return try await page(visitID, session, retry: Retry(collection: collection, values: retry.values, errors: FieldErrors(problems)),
                                          status: .unprocessableContent)
                }
                return PageRenderer.redirect("/visits/\(visitID)#add-\(collection)")
            }
        }
        pages.get(RouterPath("/\(collection)/:id/edit"), roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            let stored = try await store.get(F.self, id: try Paths.id(context), by: who)
            return editPage(F.self, collection, stored, session, values: RecordForm.values(stored.json()), errors: FieldErrors([]),
                            version: stored.version)
        }
        pages.post(RouterPath("/\(collection)/:id"), roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            let id = try Paths.id(context)
            let form = try await FormBody.read(request)
            let version = try form.version()
            let stored = try await store.get(F.self, id: id, by: who)
            var object = RecordForm.json(F.self, form: form)
            prepare(&object)
            let values = RecordForm.values(F.self, form: form)
            switch RecordForm.read(F.self, object, check: check) {
            case .failure(let errors):
                return editPage(F.self, collection, stored, session, values: values, errors: errors, version: version,
                                status: .unprocessableContent)
            case .success(let fields):
                do {
                    _ = try await store.update(fields, id: id, version: version, by: who)
                } catch RegistryError.conflict {
                    return editPage(F.self, collection, stored, session, values: values, errors: FieldErrors([]), version: stored.version,
                                    stale: StaleForm.message(F.entity.rawValue, current: stored.version), status: .conflict)
                } catch RegistryError.invalid(let problems) {
                    return editPage(F.self, collection, stored, session, values: values, errors: FieldErrors(problems), version: version,
                                    status: .unprocessableContent)
                }
                return PageRenderer.redirect("/visits/\(stored.parentID)")
            }
        }
        pages.post(RouterPath("/\(collection)/:id/delete"), roles: [.clinician]) { request, context, session -> Response in
            let who = session.principal
            let id = try Paths.id(context)
            let version = try await FormBody.read(request).version()
            let stored = try await store.get(F.self, id: id, by: who)
            do {
                try await store.delete(F.self, id: id, version: version, by: who)
            } catch RegistryError.conflict {
                return try await page(stored.parentID, session, stale: StaleForm.message(F.entity.rawValue, current: stored.version),
                                      status: .conflict)
            }
            return PageRenderer.redirect("/visits/\(stored.parentID)")
        }
    }

    /// The edit page of one part, with the version the form sends.
    func editPage<F: RecordFields>(_: F.Type, _ collection: String, _ stored: Stored<F>, _ session: PageSession, values: [String: String],
                                   errors: FieldErrors, version: Int, stale: String? = nil,
                                   status: HTTPResponse.Status = .ok) -> Response {
        let spec = forms.spec(collection)
        let fields = spec.fields(F.self, values: values, errors: errors, formID: collection)
        let view = PartEditView(heading: "Edit: " + spec.heading.lowercased(), visitHref: "/visits/\(stored.parentID)",
                                action: "/\(collection)/\(stored.id)", version: String(version), fields: fields,
                                hasErrors: !errors.byField.isEmpty, unplaced: errors.unplaced(shown: fields.map(\.name)), stale: stale)
        return renderer.response("part-edit", view, chrome: session.chrome(spec.heading, scripts: ["hpo-autocomplete.js"]), status: status)
    }

    func updateVisit(_ request: Request, _ context: RegistryRequestContext, _ session: PageSession) async throws -> Response {
        let who = session.principal
        let id = try Paths.id(context)
        let form = try await FormBody.read(request)
        let version = try form.version()
        let values = RecordForm.values(VisitFields.self, form: form)
        switch RecordForm.read(VisitFields.self, RecordForm.json(VisitFields.self, form: form), check: check) {
        case .failure(let errors):
            return try await page(id, session, edit: (values, errors, version), status: .unprocessableContent)
        case .success(let fields):
            do {
                _ = try await store.update(fields, id: id, version: version, by: who)
            } catch RegistryError.conflict {
                let current = try await store.get(VisitFields.self, id: id, by: who)
                return try await page(id, session, edit: (values, FieldErrors([]), current.version),
                                      stale: StaleForm.message("visit", current: current.version), status: .conflict)
            }
            return PageRenderer.redirect("/visits/\(id)")
        }
    }

    /// The visit page; `edit`: the visit form shown again with the user's input and the version to
    /// send; `retry`: a part form shown again.
    func page(_ visitID: Int64, _ session: PageSession, edit: ([String: String], FieldErrors, Int)? = nil, retry: Retry? = nil,
              reading: String? = nil, stale: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let who = session.principal
        let visit = try await store.get(VisitFields.self, id: visitID, by: who)
        let document = try await store.document(patient: visit.parentID, by: who, includeAssessments: false)
        let record = document.json(.identified)
        let patient = record["patient"]?.objectValue ?? [:]
        let sex = patient["sex"]?.stringValue.flatMap(Sex.init) ?? .unknown
        let visitJSON = (record["visits"]?.arrayValue ?? []).first { $0["id"]?.intValue.map(Int64.init) == visitID }?.objectValue ?? [:]
        let entry = PatientPageView.visitEntry(visitJSON, view: .identified, sex: sex, knowledge: knowledge, actions: true)
        let editValues = edit?.0 ?? RecordForm.values(visit.json())
        let editErrors = edit?.1 ?? FieldErrors([])
        let view = VisitPageView(
            heading: "Visit \(visit.fields.date.map { "of " + $0 } ?? visit.fields.age.map { "at age " + $0 } ?? "of unknown date"), patient \(patient["pseudonym"]?.stringValue ?? String(visit.parentID))",
            patientHref: "/patients/\(visit.parentID)#visit-\(visitID)", action: "/visits/\(visitID)",
            deleteVisitAction: "/visits/\(visitID)/delete", visitVersion: String(edit?.2 ?? visit.version),
            edit: RecordForm.fields(VisitFields.self, values: editValues, errors: editErrors.byField, formID: "visit"),
            editErrors: !editErrors.byField.isEmpty, stale: stale, entry: entry,
            bodyMap: VisitBodyMap.svg(visitJSON, visitID: visitID),
            forms: forms.addForms(visitID: visitID, retry: retry, reading: reading))
        return renderer.response("visit", view, chrome: session.chrome("Visit", scripts: ["hpo-autocomplete.js", "bodymap.js"]),
                                 status: status)
    }
}
