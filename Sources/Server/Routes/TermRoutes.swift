import FoundationEssentials
import Hummingbird
import Registry

/// `GET /api/v1/hpo/terms?q=`: HPO terms whose name or synonym matches, for the phenotype form's
/// autocomplete (the knowledge base's `TermSearch`), with each term's definition.
struct TermRoutes {
    let knowledge: PageKnowledge

    static let maxLimit = 50

    func register(_ api: APIRoutes) {
        api.add(.get, "/api/v1/hpo/terms", "Search HPO terms by name and synonym", tag: "knowledge", roles: Role.allCases,
                response: "TermList",
                query: [QueryParameter(name: "q", required: true,
                                       schema: .object(["type": "string", "minLength": 1, "maxLength": 100,
                                                        "pattern": .string(#"^[^\x00]*[^\s\x00][^\x00]*$"#)])),
                        QueryParameter(name: "limit", required: false,
                                       schema: .object(["type": "integer", "minimum": 1, "maximum": .number(Double(Self.maxLimit))]))]) { request, context, _ in
            guard let kb = knowledge.kb, let search = knowledge.search else {
                throw Problem(status: .serviceUnavailable, title: "Service Unavailable", detail: "the server runs without the knowledge base")
            }
            let q = Query(request: request)
            var problems: [FieldProblem] = []
            let text = q.string("q") ?? ""
            if text.trimmingCharacters(in: .whitespaces).isEmpty || text.count > 100 {
                problems.append(FieldProblem("q", "is required: 1 to 100 characters"))
            }
            let limit = q.int("limit", problems: &problems) ?? 10
            if !(1...Self.maxLimit).contains(limit) { problems.append(FieldProblem("limit", "must be between 1 and \(Self.maxLimit)")) }
            guard problems.isEmpty else { throw Problem.badRequest("invalid query parameters", problems) }
            let items: [JSONValue] = search.search(text, limit: limit).map { hit in
                let term = kb.term(at: hit.term)
                var object: [String: JSONValue] = ["id": .string(term.id.description), "name": .string(term.name),
                                                   "matched": .string(hit.matched), "synonym": .bool(hit.isSynonym)]
                if let definition = term.definition { object["definition"] = .string(definition) }
                return .object(object)
            }
            return JSONIO.response(.object(["items": .array(items)]))
        }
    }
}
