import Clinical
import Hummingbird
import Registry
@testable import Server
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test func describesEveryRouteAndResolvesEveryReference() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let doc = try await c.call(.get, "/api/v1/openapi.json")
            #expect(doc.status == .ok)
            #expect(doc["openapi"] == "3.1.0")
            guard let paths = doc["paths"]?.objectValue, let schemas = doc["components"]?["schemas"]?.objectValue else {
                Issue.record("no paths or schemas"); return
            }
            // Every route the router answers is in the document: the expected list is written out here.
            let expected: [(String, String)] = [
                ("post", "/api/v1/auth/login"), ("post", "/api/v1/auth/logout"),
                ("get", "/api/v1/sites"), ("post", "/api/v1/sites"), ("get", "/api/v1/users"), ("post", "/api/v1/users"),
                ("patch", "/api/v1/users/{id}"), ("get", "/api/v1/audit"),
                ("get", "/api/v1/patients"), ("post", "/api/v1/patients"), ("get", "/api/v1/patients/{id}"),
                ("put", "/api/v1/patients/{id}"), ("get", "/api/v1/patients/{id}/record"),
                ("get", "/api/v1/patients/{id}/visits"), ("post", "/api/v1/patients/{id}/visits"),
                ("post", "/api/v1/patients/{id}/diagnose"), ("post", "/api/v1/patients/{id}/assess"),
                ("get", "/api/v1/patients/{id}/phenopacket"), ("post", "/api/v1/phenopackets"),
                ("get", "/api/v1/health"), ("get", "/api/v1/openapi.json"),
                ("get", "/api/v1/cohort/survival"), ("get", "/api/v1/cohort/progression"),
                ("get", "/api/v1/cohort/features"), ("get", "/api/v1/cohort/rates"), ("get", "/api/v1/hpo/terms"),
            ] + ["visits", "phenotypic-features", "measurements", "lesions", "joint-involvements", "procedures", "variants", "diagnoses"]
                .flatMap { collection -> [(String, String)] in
                    var routes = [("get", "/api/v1/\(collection)/{id}"), ("put", "/api/v1/\(collection)/{id}"),
                                  ("delete", "/api/v1/\(collection)/{id}")]
                    if collection != "visits" {
                        routes += [("get", "/api/v1/visits/{id}/\(collection)"), ("post", "/api/v1/visits/{id}/\(collection)")]
                    }
                    return routes
                }
            for (method, path) in expected {
                #expect(paths[path]?[method] != nil, "\(method) \(path) is not documented")
            }
            let documented = paths.values.reduce(0) { $0 + ($1.objectValue?.count ?? 0) }
            #expect(documented == expected.count)
            // Every $ref points at a schema that exists.
            var refs: [String] = []
            func collect(_ v: JSONValue) {
                switch v {
                case .object(let o):
                    if let r = o["$ref"]?.stringValue { refs.append(r) }
                    o.values.forEach(collect)
                case .array(let a): a.forEach(collect)
                default: break
                }
            }
            collect(doc.json)
            #expect(!refs.isEmpty)
            for r in Set(refs) {
                #expect(schemas[String(r.dropFirst("#/components/schemas/".count))] != nil, "\(r) does not resolve")
            }
            #expect(schemas["LesionFields"]?["properties"]?["region"]?["enum"] != nil)
        }
    }

    /// The limits the server checks are in the document, read from the same declarations.
    @Test func statesTheConstraintsTheServerEnforces() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let doc = try await c.call(.get, "/api/v1/openapi.json")
            let schemas = doc["components"]?["schemas"]
            let patient = schemas?["PatientFields"]
            #expect(patient?["additionalProperties"] == false)
            #expect(patient?["properties"]?["pseudonym"]?["maxLength"]?.int == 64)
            #expect(patient?["properties"]?["pseudonym"]?["minLength"]?.int == 1)
            #expect(patient?["properties"]?["orphaCode"]?["pattern"] == "^ORPHA:[0-9]+$")
            #expect(patient?["properties"]?["notes"]?["maxLength"]?.int == 4000)
            #expect(patient?["x-not-before"]?["deathDate"] == "birthDate")
            #expect(patient?["allOf"]?.arrayValue?.count == 3)
            #expect(schemas?["PatientUpdate"]?["properties"]?["version"]?["minimum"]?.int == 1)
            #expect(schemas?["LesionFields"]?["properties"]?["percentOfRegion"]?["maximum"]?.int == 100)
            #expect(schemas?["NewSite"]?["properties"]?["code"]?["pattern"] != nil)
            #expect(schemas?["NewUser"]?["properties"]?["password"]?["minLength"]?.int == 12)
            let list = doc["paths"]?["/api/v1/patients"]?["get"]?["parameters"]?.arrayValue ?? []
            let limit = list.first { $0["name"] == "limit" }
            #expect(limit?["schema"]?["maximum"]?.int == Page.maxLimit)
            #expect(list.first { $0["name"] == "sex" }?["schema"]?["enum"]?.arrayValue?.count == Sex.allCases.count)
            let id = doc["paths"]?["/api/v1/visits/{id}"]?["get"]?["parameters"]?.arrayValue?.first { $0["in"] == "path" }
            #expect(id?["schema"]?["pattern"] == "^[1-9][0-9]{0,17}$")
        }
    }

    /// Every declared pattern compiles in Swift (a pattern that does not would refuse every value).
    @Test func everyDeclaredPatternCompiles() throws {
        let columns = PatientFields.columns + VisitFields.columns + PhenotypicFeatureFields.columns + MeasurementFields.columns
            + LesionFields.columns + JointInvolvementFields.columns + ProcedureFields.columns + VariantFields.columns
            + DiagnosisFields.columns + Site.newSiteColumns + [User.usernameColumn]
        for column in columns {
            guard let pattern = column.effectivePattern else { continue }
            #expect(throws: Never.self, "\(column.key)") { _ = try Regex(pattern) }
        }
        #expect(ColumnSpec.matches("P3Y2M", PhenotypicFeatureFields.onsetLimits.pattern ?? ""))
        #expect(!ColumnSpec.matches("P", PhenotypicFeatureFields.onsetLimits.pattern ?? ""))
        #expect(!ColumnSpec.matches("a\u{0}b", FieldLimits.noNUL))
        #expect(!ColumnSpec.matches(" \t", FieldLimits.nonBlank(max: 10).pattern ?? ""))
        #expect(ColumnSpec.matches(" x ", FieldLimits.nonBlank(max: 10).pattern ?? ""))
    }

    @Test func documentsTheSessionCookieAndItsCSRFHeader() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let doc = try await c.call(.get, "/api/v1/openapi.json")
            let cookie = doc["components"]?["securitySchemes"]?["sessionCookie"]
            #expect(cookie?["type"] == "apiKey")
            #expect(cookie?["in"] == "cookie")
            #expect(cookie?["name"] == "ossify_session")
            #expect(cookie?["description"]?.stringValue?.contains("X-Ossify-CSRF") == true)
            #expect(doc["components"]?["securitySchemes"]?["bearer"]?["scheme"] == "bearer")
            // Protected operations take either scheme; changes document the CSRF header.
            let create = doc["paths"]?["/api/v1/patients"]?["post"]
            let schemes = create?["security"]?.arrayValue?.compactMap { $0.objectValue?.keys.first } ?? []
            #expect(Set(schemes) == ["bearer", "sessionCookie"])
            let headers = create?["parameters"]?.arrayValue?.filter { $0["in"] == "header" }.compactMap { $0["name"]?.stringValue }
            #expect(headers == ["X-Ossify-CSRF"])
            #expect(doc["paths"]?["/api/v1/patients"]?["get"]?["parameters"]?.arrayValue?.contains { $0["in"] == "header" } != true)
            #expect(doc["paths"]?["/api/v1/auth/login"]?["post"]?["security"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test func unknownRoutesAndMethodsAnswerProblems() async throws {
        let env = try await TestEnvironment.make()
        try await env.test { c in
            let clin = try await c.login("clin-a")
            #expect(try await c.call(.get, "/api/v1/nothing-here", token: clin).status == .notFound)
            let wrongMethod = try await c.call(.patch, "/api/v1/patients", token: clin)
            #expect(wrongMethod.status == .notFound || wrongMethod.status == .methodNotAllowed)
            #expect(try await c.call(.get, "/api/v1/health").status == .ok)
        }
    }
}
