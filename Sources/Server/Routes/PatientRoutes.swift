import Clinical
import Hummingbird
import Registry

/// Patients: list, create, read, update, the full record. Clinicians see their own site's
/// patients identified; researchers see all, pseudonymised, by hashed id.
struct PatientRoutes {
    let store: RegistryStore
    let check: RecordKnowledgeCheck

    func register(_ api: APIRoutes) {
        api.add(.get, "/api/v1/patients", "List patients (researchers: pseudonymised, all sites)", tag: "patients",
                roles: [.clinician, .researcher], response: "PatientList",
                query: [.enumeration("status", PatientStatus.self), .enumeration("sex", Sex.self), .text("orphaCode"),
                        .integer("siteId"), .text("pseudonym")] + QueryParameter.page) { request, context, who in
            let q = Query(request: request)
            var problems: [FieldProblem] = []
            let filter = PatientFilter(siteID: q.int("siteId", problems: &problems).map(Int64.init),
                                       status: q.enumValue("status", PatientStatus.self, problems: &problems),
                                       sex: q.enumValue("sex", Sex.self, problems: &problems),
                                       orphaCode: q.text("orphaCode", problems: &problems),
                                       pseudonym: who.role == .researcher ? nil : q.text("pseudonym", problems: &problems))
            if who.role == .researcher, q.string("pseudonym") != nil {
                throw Problem(status: .forbidden, title: "Forbidden", detail: "researchers cannot search by pseudonym")
            }
            let page = q.page(problems: &problems)
            problems += page.problems()
            guard problems.isEmpty else { throw Problem.badRequest("invalid query parameters", problems) }
            let listing = try await store.listPatients(filter, page: page, by: who)
            let view = View(role: who.role)
            let viewContext = try await store.patientViewContext()
            return JSONIO.response(listing.json { $0.json(view, researchKey: viewContext) })
        }
        api.add(.post, "/api/v1/patients", "Register a patient at your site", tag: "patients", roles: [.clinician],
                request: "PatientFields", response: "Patient", status: 201) { request, context, who in
            let fields = try JSONIO.fields(PatientFields.self, from: try await JSONIO.object(request, context: context))
            let problems = check.problems(fields)
            guard problems.isEmpty else { throw Problem.invalid(problems) }
            let stored = try await store.create(fields, parent: who.siteID ?? 0, by: who)
            return created(stored.json(), path: "/api/v1/patients/\(stored.id)")
        }
        api.add(.get, "/api/v1/patients/{id}", "Read a patient (researchers: by hashed id, pseudonymised)", tag: "patients",
                roles: [.clinician, .researcher], response: "Patient") { _, context, who in
            let id = try await patientID(context, who)
            let stored = try await store.get(PatientFields.self, id: id, by: who)
            return JSONIO.response(stored.json(View(role: who.role), researchKey: try await store.patientViewContext()))
        }
        api.add(.put, "/api/v1/patients/{id}", "Replace a patient's fields (send the version you read)", tag: "patients",
                roles: [.clinician], request: "PatientUpdate", response: "Patient") { request, context, who in
            let id = try Paths.id(context)
            let body = try await JSONIO.object(request, context: context)
            let version = try JSONIO.version(body)
            let fields = try JSONIO.fields(PatientFields.self, from: body, extraKeys: ["version"])
            let problems = check.problems(fields)
            guard problems.isEmpty else { throw Problem.invalid(problems) }
            return JSONIO.response(try await store.update(fields, id: id, version: version, by: who).json())
        }
        api.add(.get, "/api/v1/patients/{id}/record", "The whole record: patient, visits with all parts, assessments",
                tag: "patients", roles: [.clinician, .researcher], response: "PatientRecord") { _, context, who in
            let id = try await patientID(context, who)
            return JSONIO.response(bytes: try await store.recordJSON(patient: id, by: who))
        }
    }

    func patientID(_ context: RegistryRequestContext, _ who: Principal) async throws -> Int64 {
        try await Paths.patientID(context, who, store: store)
    }
}

func created(_ value: JSONValue, path: String) -> Response {
    var response = JSONIO.response(value, status: .created)
    response.headers[.location] = path
    return response
}
