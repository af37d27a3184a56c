import Hummingbird
import Registry

/// Read, update and delete of visits and visit parts, and list and create under their parent.
/// Clinicians only: researchers read them inside GET /patients/{id}/record.
struct RecordRoutes {
    let store: RegistryStore
    let check: RecordKnowledgeCheck

    func register(_ api: APIRoutes) {
        add(VisitFields.self, collection: "visits", schema: "Visit", parentPath: "/api/v1/patients/{id}", api)
        add(PhenotypicFeatureFields.self, collection: "phenotypic-features", schema: "PhenotypicFeature", api)
        add(MeasurementFields.self, collection: "measurements", schema: "Measurement", api)
        add(LesionFields.self, collection: "lesions", schema: "Lesion", api)
        add(JointInvolvementFields.self, collection: "joint-involvements", schema: "JointInvolvement", api)
        add(ProcedureFields.self, collection: "procedures", schema: "Procedure", api)
        add(VariantFields.self, collection: "variants", schema: "Variant", api)
        add(DiagnosisFields.self, collection: "diagnoses", schema: "Diagnosis", api)
    }

    func add<F: RecordFields>(_: F.Type, collection: String, schema: String, parentPath: String = "/api/v1/visits/{id}",
                              _ api: APIRoutes) {
        let name = F.entity.rawValue
        api.add(.get, "\(parentPath)/\(collection)", "List the \(name) records", tag: collection, roles: [.clinician],
                response: "\(schema)List", query: QueryParameter.page) { request, context, who in
            let parent = try Paths.id(context)
            var problems: [FieldProblem] = []
            let page = Query(request: request).page(problems: &problems)
            problems += page.problems()
            guard problems.isEmpty else { throw Problem.badRequest("invalid query parameters", problems) }
            let listing = try await store.list(F.self, parent: parent, page: page, by: who)
            return JSONIO.response(listing.json { $0.json() })
        }
        api.add(.post, "\(parentPath)/\(collection)", "Add a \(name)", tag: collection, roles: [.clinician],
                request: "\(schema)Fields", response: schema, status: 201) { request, context, who in
            let parent = try Paths.id(context)
            let fields = try JSONIO.fields(F.self, from: try await JSONIO.object(request, context: context))
            let problems = check.problems(fields)
            guard problems.isEmpty else { throw Problem.invalid(problems) }
            let stored = try await store.create(fields, parent: parent, by: who)
            return created(stored.json(), path: "/api/v1/\(collection)/\(stored.id)")
        }
        api.add(.get, "/api/v1/\(collection)/{id}", "Read a \(name)", tag: collection, roles: [.clinician],
                response: schema) { _, context, who in
            return JSONIO.response(try await store.get(F.self, id: try Paths.id(context), by: who).json())
        }
        api.add(.put, "/api/v1/\(collection)/{id}", "Replace a \(name) (send the version you read)", tag: collection,
                roles: [.clinician], request: "\(schema)Update", response: schema) { request, context, who in
            let id = try Paths.id(context)
            let body = try await JSONIO.object(request, context: context)
            let version = try JSONIO.version(body)
            let fields = try JSONIO.fields(F.self, from: body, extraKeys: ["version"])
            let problems = check.problems(fields)
            guard problems.isEmpty else { throw Problem.invalid(problems) }
            return JSONIO.response(try await store.update(fields, id: id, version: version, by: who).json())
        }
        api.add(.delete, "/api/v1/\(collection)/{id}", "Delete a \(name) (give ?version= you read)", tag: collection,
                roles: [.clinician], status: 204, query: [.integer("version", required: true)]) { request, context, who in
            let id = try Paths.id(context)
            var problems: [FieldProblem] = []
            guard let version = Query(request: request).int("version", problems: &problems), version >= 1 else {
                throw Problem.badRequest("the version you read is required", [FieldProblem("version", "is required: a positive integer")])
            }
            try await store.delete(F.self, id: id, version: version, by: who)
            return Response(status: .noContent)
        }
    }
}
