import Registry

/// The OpenAPI 3.1 document of the API, built from the routes as registered and the column lists
/// of the record types, so it cannot leave a route or a field out.
enum OpenAPIDocument {
    static func make(_ routes: [RouteDoc], version: String) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for route in routes {
            paths[route.path, default: [:]][route.method] = operation(route)
        }
        return .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "Ossify registry API",
                "version": .string(version),
                "description": "Longitudinal registry of progressive osseous heteroplasia and the GNAS-related disorders. Errors are application/problem+json (RFC 9457) with invalid-params naming each invalid field.",
            ]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(schemas()),
                "securitySchemes": .object([
                    "bearer": .object(["type": "http", "scheme": "bearer",
                                       "description": "the token answered by POST /api/v1/auth/login, for API clients"]),
                    "sessionCookie": .object(["type": "apiKey", "in": "cookie", "name": .string(SessionCookies.session),
                                              "description": .string(sessionCookieText)]),
                ]),
            ]),
        ])
    }

    static let sessionCookieText = "the same token in the HttpOnly, SameSite=Strict cookie set by POST /api/v1/auth/login, for the pages. "
        + "A change (POST, PUT, PATCH, DELETE) authenticated by it must send the value of the ossify_csrf cookie in the "
        + "X-Ossify-CSRF header, and an Origin header, when sent, must name this server; otherwise 403. Bearer requests need neither."

    /// A record id as the paths take it (`Canonical.positiveID`): at most 18 digits keeps it in 64 bits.
    static let idPattern = "[1-9][0-9]{0,17}"

    static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }

    static func operation(_ r: RouteDoc) -> JSONValue {
        var op: [String: JSONValue] = [
            "summary": .string(r.summary),
            "tags": .array([.string(r.tag)]),
            "operationId": .string(r.method + r.path.split(separator: "/").dropFirst(2).map { part in
                part.hasPrefix("{") ? "By" + part.dropFirst().dropLast().capitalized : part.capitalized.replacing("-", with: "")
            }.joined()),
        ]
        var parameters: [JSONValue] = []
        for part in r.path.split(separator: "/") where part.hasPrefix("{") {
            let name = String(part.dropFirst().dropLast())
            let hashed = r.path.hasPrefix("/api/v1/patients/{") && r.roles?.contains(.researcher) == true
            parameters.append(.object(["name": .string(name), "in": "path", "required": true,
                                       "description": .string(hashed ? "the patient's numeric id for clinicians, its hashed id for researchers"
                                                                     : "numeric id in canonical form (digits, no sign, no leading zeros; others are 404)"),
                                       "schema": .object(["type": "string",
                                                          "pattern": .string(hashed ? "^(\(idPattern)|\(RegistryStore.researchIDPattern))$" : "^\(idPattern)$")])]))
        }
        for q in r.queryParameters {
            parameters.append(.object(["name": .string(q.name), "in": "query", "required": .bool(q.required), "schema": q.schema]))
        }
        if r.roles != nil, !["get", "head", "options", "trace"].contains(r.method) {
            parameters.append(.object(["name": .string(CSRFCheck.header.rawName), "in": "header", "required": false,
                                       "description": "with the session cookie only: the value of the ossify_csrf cookie",
                                       "schema": .object(["type": "string"])]))
        }
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        if !r.queryRules.isEmpty {
            // Each a JSON Schema over the query as an object of its parameters, with the parameter it is about.
            op["x-query-rules"] = .array(r.queryRules.compactMap { rule in
                ruleSchema(rule).map { .object(["field": .string(rule.field), "schema": $0]) }
            })
            op["description"] = .string("Rules between parameters: " + r.queryRules.map(\.reason).joined(separator: "; ") + ".")
        }
        if let request = r.requestSchema {
            op["requestBody"] = .object(["required": true, "content": .object(["application/json": .object(["schema": ref(request)])])])
        }
        var responses: [String: JSONValue] = [:]
        if let response = r.responseSchema {
            var content: [String: JSONValue] = ["application/json": .object(["schema": ref(response)])]
            if r.queryParameters.contains(where: { $0.name == "plot" }) {
                content["image/svg+xml"] = .object(["schema": .object(["type": "string"])])
            }
            responses[String(r.successStatus)] = .object(["description": "success", "content": .object(content)])
        } else {
            responses[String(r.successStatus)] = .object(["description": "success"])
        }
        let problem: JSONValue = .object(["application/problem+json": .object(["schema": ref("Problem")])])
        var errors: [(Int, String)] = [(400, "malformed request or query")]
        if r.requestSchema != nil {
            errors.append((422, "invalid fields, each named in invalid-params (the first 20; invalid-params-omitted counts the rest). "
                           + "Besides what the request schema states: dates must not come before the dates named in the schema's "
                           + "x-not-before (a date of death before the date of birth); a phenotypic feature's hpoId must be a current "
                           + "term under Phenotypic abnormality, a measurement of a known analyte must use one of its units with a "
                           + "plausible value, a variant's hgvs must parse; a user's site must be the code of an existing site"))
            errors.append((413, "the body is larger than 8 MiB"))
        }
        if r.roles != nil {
            errors += [(401, "no or expired session token"),
                       (403, "role not allowed, or a cookie-authenticated change without the right X-Ossify-CSRF header or from another Origin")]
        } else {
            errors += [(401, "wrong credentials"), (429, "too many failed sign-ins")]
            if r.requestSchema != nil { errors.append((503, "too many sign-ins waiting for a password check; see Retry-After")) }
        }
        if r.path.contains("{") { errors.append((404, "no such record visible to you")) }
        if r.method == "put" || r.method == "delete" || r.method == "patch" || r.successStatus == 201 {
            errors.append((409, "edit conflict (stale version) or duplicate"))
        }
        if r.tag == "cohort" { errors.append((422, "the analysis cannot be made with these parameters, each problem named")) }
        if r.tag == "engines" || r.tag == "phenopackets" {
            errors.append((422, "the record or the document cannot be used, each problem named"))
            errors.append((503, "the engines are not loaded in this server"))
        }
        for (code, text) in errors { responses[String(code)] = .object(["description": .string(text), "content": problem]) }
        op["responses"] = .object(responses)
        if let roles = r.roles {
            op["security"] = .array([.object(["bearer": .array([])]), .object(["sessionCookie": .array([])])])
            op["x-roles"] = .array(roles.map { .string($0.rawValue) })
        } else {
            op["security"] = .array([])
        }
        return .object(op)
    }

    /// The schema of one column; with `limits`, what a request must satisfy (`ColumnSpec.problems(of:)`).
    static func property(_ c: ColumnSpec, limits: Bool) -> JSONValue {
        var p: [String: JSONValue] = ["description": .string(c.summary)]
        switch c.kind {
        case .text: p["type"] = "string"
        case .date: p["type"] = "string"; p["format"] = "date"
        case .integer: p["type"] = "integer"
        case .real: p["type"] = "number"
        case .boolean: p["type"] = "boolean"
        }
        if let allowed = c.allowed {
            p["enum"] = .array(allowed.map { c.kind == .integer ? .number(Double($0) ?? 0) : .string($0) })
        }
        if limits {
            if let v = c.limits.minLength { p["minLength"] = .number(Double(v)) }
            if let v = c.limits.maxLength { p["maxLength"] = .number(Double(v)) }
            if c.allowed == nil, let v = c.effectivePattern { p["pattern"] = .string(v) }
            if let v = c.limits.minimum { p["minimum"] = .number(v) }
            if let v = c.limits.maximum { p["maximum"] = .number(v) }
        }
        if c.privacy == .freeText || c.privacy == .identifying { p["x-pseudonymised"] = "omitted for researchers" }
        if c.privacy == .date { p["x-pseudonymised"] = "shifted by the patient's fixed offset for researchers" }
        return .object(p)
    }

    /// A rule between fields as JSON Schema; nil for an order of dates or numbers, which JSON
    /// Schema cannot state (`x-not-before` and the description state it).
    static func ruleSchema(_ rule: FieldRule) -> JSONValue? {
        func when(_ key: String, _ condition: JSONValue) -> JSONValue {
            .object(["properties": .object([key: condition]), "required": [.string(key)]])
        }
        switch rule {
        case .exactlyWhen(let f, let key, let value):
            return .object(["if": when(key, .object(["const": .string(value)])), "then": .object(["required": [.string(f)]]),
                            "else": .object(["not": .object(["required": [.string(f)]])])])
        case .onlyWhen(let f, let key, let value):
            return .object(["if": .object(["required": [.string(f)]]), "then": when(key, .object(["const": value]))])
        case .requiredWhen(let f, let key, let values):
            return .object(["if": when(key, .object(["enum": .array(values.map { .string($0) })])),
                            "then": .object(["required": [.string(f)]])])
        case .excludedWhen(let f, let excluded, let key, let values):
            return .object(["if": when(key, .object(["enum": .array(values.map { .string($0) })])),
                            "then": .object(["properties": .object([f: .object(["not": .object(["enum": .array(excluded.map { .string($0) })])])])])])
        case .anyOf(let fields):
            return .object(["anyOf": .array(fields.map { when($0, .object(["minLength": 1])) })])
        case .notBefore:
            return nil
        }
    }

    /// The schema of an object of `columns`: a request's (`limits`, by default when `closed`, with
    /// what the server checks) or a response's.
    static func fieldsSchema(_ columns: [ColumnSpec], rules: [FieldRule] = [], extra: [String: JSONValue] = [:],
                             extraRequired: [String] = [], closed: Bool = true, limits: Bool? = nil,
                             requireFields: Bool = true) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for c in columns { properties[c.key] = property(c, limits: limits ?? closed) }
        for (key, value) in extra { properties[key] = value }
        var schema: [String: JSONValue] = [
            "type": "object",
            "additionalProperties": .bool(!closed),
            "required": .array(((requireFields ? columns.filter(\.required).map(\.key) : []) + extraRequired).map { .string($0) }),
            "properties": .object(properties),
        ]
        if !rules.isEmpty {
            let conditions = rules.compactMap(ruleSchema)
            if !conditions.isEmpty { schema["allOf"] = .array(conditions) }
            var order: [String: JSONValue] = [:]
            for case .notBefore(let f, let other) in rules { order[f] = .string(other) }
            if !order.isEmpty { schema["x-not-before"] = .object(order) }
            schema["description"] = .string("Rules between fields: " + rules.map(\.reason).joined(separator: "; ") + ".")
        }
        return .object(schema)
    }

    static func recordSchemas<F: RecordFields>(_: F.Type, _ name: String, into s: inout [String: JSONValue]) {
        s["\(name)Fields"] = fieldsSchema(F.columns, rules: F.rules)
        s["\(name)Update"] = fieldsSchema(F.columns, rules: F.rules,
                                          extra: ["version": .object(["type": "integer", "minimum": 1, "maximum": .number(maxExactInteger),
                                                                      "description": "the version you read"])],
                                          extraRequired: ["version"])
        var stored: [String: JSONValue] = [
            "id": .object(["type": .array(["integer", "string"]), "description": "id; hashed for researchers"]),
            F.parentKey: .object(["type": .array(["integer", "string"])]),
            "version": .object(["type": "integer"]),
            "createdAt": .object(["type": "string", "format": "date-time"]),
            "updatedAt": .object(["type": "string", "format": "date-time"]),
        ]
        if F.self == VisitFields.self { stored["ageAtVisit"] = .object(["type": "string", "description": "ISO 8601 duration"]) }
        if F.self == PatientFields.self { stored["ageYears"] = .object(["type": "integer", "description": "researchers only"]) }
        // Responses: researchers get some fields left out, so none is required.
        s[name] = fieldsSchema(F.columns, extra: stored, closed: false, requireFields: false)
        s["\(name)List"] = list(name)
    }

    /// The largest integer a JSON number of the body reader holds exactly (2^53 - 1).
    static let maxExactInteger = 9_007_199_254_740_991.0

    static func list(_ item: String) -> JSONValue {
        .object(["type": "object", "properties": .object([
            "items": .object(["type": "array", "items": ref(item)]),
            "total": .object(["type": "integer"]), "limit": .object(["type": "integer"]), "offset": .object(["type": "integer"]),
        ])])
    }

    static func object(_ properties: [String: String], required: [String] = []) -> JSONValue {
        .object(["type": "object", "required": .array(required.map { .string($0) }),
                 "properties": .object(properties.mapValues { .object(["type": .string($0)]) })])
    }

    static func schemas() -> [String: JSONValue] {
        var s: [String: JSONValue] = [:]
        recordSchemas(PatientFields.self, "Patient", into: &s)
        recordSchemas(VisitFields.self, "Visit", into: &s)
        recordSchemas(PhenotypicFeatureFields.self, "PhenotypicFeature", into: &s)
        recordSchemas(MeasurementFields.self, "Measurement", into: &s)
        recordSchemas(LesionFields.self, "Lesion", into: &s)
        recordSchemas(JointInvolvementFields.self, "JointInvolvement", into: &s)
        recordSchemas(ProcedureFields.self, "Procedure", into: &s)
        recordSchemas(VariantFields.self, "Variant", into: &s)
        recordSchemas(DiagnosisFields.self, "Diagnosis", into: &s)
        s["Login"] = .object(["type": "object", "required": ["username", "password"], "properties": .object([
            "username": .object(["type": "string", "minLength": 1]), "password": .object(["type": "string", "minLength": 1]),
        ])])
        s["Token"] = object(["token": "string", "expiresAt": "string", "role": "string"], required: ["token"])
        s["Site"] = object(["id": "integer", "code": "string", "name": "string"])
        s["NewSite"] = fieldsSchema(Site.newSiteColumns, closed: false, limits: true)
        s["SiteList"] = .object(["type": "object", "properties": .object(["items": .object(["type": "array", "items": ref("Site")])])])
        s["User"] = object(["id": "integer", "username": "string", "role": "string", "siteID": "integer", "active": "boolean"])
        s["NewUser"] = .object(["type": "object", "required": ["username", "password", "role"], "properties": .object([
            "username": property(User.usernameColumn, limits: true),
            "password": .object(["type": "string", "minLength": .number(Double(User.minimumPasswordLength))]),
            "role": .object(["type": "string", "enum": .array(Role.allCases.map { .string($0.rawValue) })]),
            "site": .object(["type": "string", "description": "the code of an existing site; required for a clinician"]),
        ]), "allOf": [ruleSchema(.requiredWhen("site", key: "role", in: [Role.clinician.rawValue])) ?? .null]])
        s["UserActive"] = object(["active": "boolean"], required: ["active"])
        s["UserList"] = .object(["type": "object", "properties": .object(["items": .object(["type": "array", "items": ref("User")])])])
        s["AuditEntry"] = .object(["type": "object", "properties": .object([
            "id": .object(["type": "integer"]), "at": .object(["type": "string"]), "userID": .object(["type": "integer"]),
            "username": .object(["type": "string"]),
            "action": .object(["type": "string", "enum": .array(AuditAction.allCases.map { .string($0.rawValue) })]),
            "entity": .object(["type": "string", "enum": .array(EntityKind.allCases.map { .string($0.rawValue) })]),
            "recordID": .object(["type": "string"]), "patientID": .object(["type": "integer"]),
            "before": .object([:]), "after": .object([:]),
        ])])
        s["AuditList"] = list("AuditEntry")
        s["Term"] = object(["id": "string", "name": "string", "matched": "string", "synonym": "boolean", "definition": "string"],
                           required: ["id", "name"])
        s["TermList"] = .object(["type": "object", "properties": .object(["items": .object(["type": "array", "items": ref("Term")])])])
        s["Assessment"] = object(["kind": "string", "dataRelease": "string", "engineVersion": "string", "result": "object"])
        s["VisitRecord"] = .object(["allOf": .array([ref("Visit"), .object(["type": "object", "properties": .object([
            "phenotypicFeatures": .object(["type": "array", "items": ref("PhenotypicFeature")]),
            "measurements": .object(["type": "array", "items": ref("Measurement")]),
            "lesions": .object(["type": "array", "items": ref("Lesion")]),
            "jointInvolvements": .object(["type": "array", "items": ref("JointInvolvement")]),
            "procedures": .object(["type": "array", "items": ref("Procedure")]),
            "variants": .object(["type": "array", "items": ref("Variant")]),
            "diagnoses": .object(["type": "array", "items": ref("Diagnosis")]),
        ])])])])
        s["PatientRecord"] = .object(["type": "object", "properties": .object([
            "patient": ref("Patient"),
            "visits": .object(["type": "array", "items": ref("VisitRecord")]),
            "assessments": .object(["type": "array", "items": ref("Assessment")]),
        ])])
        for (name, what) in [("SurvivalReport", "event, n, excluded, data, curves, logrank, cox (see ossify cohort survival --json)"),
                             ("ProgressionReport", "n, states, data, q, qLower, qUpper, pDeep5y, pDeep10y"),
                             ("FeatureReport", "by, n, excluded, groups, groupSizes, tables with p and pAdjusted"),
                             ("RatesReport", "n, excluded, regionsPerYear, bsaPerYear, data, limbDiscrepancy")] {
            s[name] = .object(["type": "object", "description": .string("Cohort analysis: " + what)])
        }
        s["Phenopacket"] = .object(["type": "object", "description": "GA4GH Phenopacket v2 (JSON); a JSONL batch for import"])
        s["ImportReport"] = .object(["type": "object", "description": "per record: imported or refused, with the reasons"])
        s["Problem"] = .object(["type": "object", "properties": .object([
            "type": .object(["type": "string"]), "title": .object(["type": "string"]), "status": .object(["type": "integer"]),
            "detail": .object(["type": "string"]),
            "invalid-params": .object(["type": "array", "maxItems": .number(Double(Problem.maxListed)),
                                       "items": object(["field": "string", "reason": "string"])]),
            "invalid-params-omitted": .object(["type": "integer", "minimum": 1,
                                               "description": "invalid fields found beyond those listed"]),
        ])])
        return s
    }
}

