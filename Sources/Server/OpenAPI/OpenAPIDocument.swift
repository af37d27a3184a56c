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
            parameters.append(.object(["name": .string(name), "in": "path", "required": true,
                                       "description": "numeric id in canonical form (digits, no sign, no leading zeros; others are 404); for researchers on /patients, the hashed id",
                                       "schema": .object(["type": "string"])]))
        }
        for name in r.queryParameters {
            let integer = ["limit", "offset", "version", "userId", "patientId", "siteId"].contains(name)
            parameters.append(.object(["name": .string(name), "in": "query", "required": .bool(name == "version"),
                                       "schema": .object(["type": .string(integer ? "integer" : "string")])]))
        }
        if r.roles != nil, !["get", "head", "options", "trace"].contains(r.method) {
            parameters.append(.object(["name": .string(CSRFCheck.header.rawName), "in": "header", "required": false,
                                       "description": "with the session cookie only: the value of the ossify_csrf cookie",
                                       "schema": .object(["type": "string"])]))
        }
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        if let request = r.requestSchema {
            op["requestBody"] = .object(["required": true, "content": .object(["application/json": .object(["schema": ref(request)])])])
        }
        var responses: [String: JSONValue] = [:]
        if let response = r.responseSchema {
            responses[String(r.successStatus)] = .object(["description": "success",
                                                         "content": .object(["application/json": .object(["schema": ref(response)])])])
        } else {
            responses[String(r.successStatus)] = .object(["description": "success"])
        }
        let problem: JSONValue = .object(["application/problem+json": .object(["schema": ref("Problem")])])
        var errors: [(Int, String)] = [(400, "malformed request or query")]
        if r.requestSchema != nil {
            errors.append((422, "invalid fields, each named in invalid-params (the first 20; invalid-params-omitted counts the rest)"))
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

    static func fieldsSchema<F: RecordFields>(_: F.Type, extra: [String: JSONValue] = [:], extraRequired: [String] = [],
                                              closed: Bool = true, requireFields: Bool = true) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for c in F.columns {
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
            if c.privacy == .freeText || c.privacy == .identifying { p["x-pseudonymised"] = "omitted for researchers" }
            if c.privacy == .date { p["x-pseudonymised"] = "shifted by the patient's fixed offset for researchers" }
            properties[c.key] = .object(p)
        }
        for (key, value) in extra { properties[key] = value }
        return .object([
            "type": "object",
            "additionalProperties": .bool(!closed),
            "required": .array(((requireFields ? F.columns.filter(\.required).map(\.key) : []) + extraRequired).map { .string($0) }),
            "properties": .object(properties),
        ])
    }

    static func recordSchemas<F: RecordFields>(_: F.Type, _ name: String, into s: inout [String: JSONValue]) {
        s["\(name)Fields"] = fieldsSchema(F.self)
        s["\(name)Update"] = fieldsSchema(F.self, extra: ["version": .object(["type": "integer", "minimum": .number(1),
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
        s[name] = fieldsSchema(F.self, extra: stored, closed: false, requireFields: false)
        s["\(name)List"] = list(name)
    }

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
        s["Login"] = object(["username": "string", "password": "string"], required: ["username", "password"])
        s["Token"] = object(["token": "string", "expiresAt": "string", "role": "string"], required: ["token"])
        s["Site"] = object(["id": "integer", "code": "string", "name": "string"])
        s["NewSite"] = object(["code": "string", "name": "string"], required: ["code", "name"])
        s["SiteList"] = .object(["type": "object", "properties": .object(["items": .object(["type": "array", "items": ref("Site")])])])
        s["User"] = object(["id": "integer", "username": "string", "role": "string", "siteID": "integer", "active": "boolean"])
        s["NewUser"] = object(["username": "string", "password": "string", "role": "string", "site": "string"],
                              required: ["username", "password", "role"])
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

