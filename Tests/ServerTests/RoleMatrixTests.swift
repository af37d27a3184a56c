import Hummingbird
import Registry
@testable import Server
import Testing

/// Every route of the OpenAPI document, for every role, on a record of the caller's own site and
/// on one of another site: a role the route does not name is refused (403), a clinician reaching
/// another site's record is told it does not exist (404) and changes nothing there, the caller's
/// own records answer. Every response a researcher gets is scanned for the synthetic patients'
/// identifiers: pseudonyms, dates of birth, free texts, unshifted dates, numeric record ids.
@Suite("Role matrix and researcher identifier scan")
struct RoleMatrixTests {
    /// One synthetic patient with a visit holding one record of every part.
    struct Seeded {
        var patient: Int
        var researchID: String
        var visit: Int
        /// Collection name (`lesions`) -> record id.
        var parts: [String: Int]
        /// Texts no researcher may receive.
        var identifiers: [String]
    }

    /// The dates of the two patients lie over 180 days apart (the largest date shift), so a shifted
    /// date can never be taken for an unshifted one.
    static func seed(_ c: Client, _ token: String, tag: String, dates: [String]) async throws -> Seeded {
        let name = "Ottoline Brackenbury-\(tag)"
        let patient: JSONValue = .object([
            "pseudonym": .string("RM-\(tag)-QX7"), "sex": "female", "status": "alive", "birthDate": .string(dates[0]),
            "firstContactDate": .string(dates[1]), "notes": .string("synthetic patient \(name)"),
            "biobankLink": .string("BIOBANK-\(tag)-55821"), "orphaCode": "ORPHA:2762",
        ])
        let pid = try #require(try await c.call(.post, "/api/v1/patients", token: token, body: patient)["id"]?.int)
        let visit = try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: token,
                                     body: .object(["date": .string(dates[2]), "notes": .string("seen with \(name)'s mother")]))
        let vid = try #require(visit["id"]?.int)
        var parts: [String: Int] = ["visits": vid]
        for part in PartCase.all {
            var body = part.body.objectValue ?? [:]
            if part.collection == "lesions" { body["notes"] = .string("photographed by \(name)") }
            if part.collection == "procedures" {
                body["date"] = .string(dates[3])
                body["recurrence"] = true
                body["recurrenceDate"] = .string(dates[4])
                body["outcome"] = .string("\(name) recovered")
            }
            let created = try await c.call(.post, "/api/v1/visits/\(vid)/\(part.collection)", token: token, body: .object(body))
            parts[part.collection] = try #require(created["id"]?.int, "\(part.collection): \(created.json.jsonText)")
        }
        return Seeded(patient: pid, researchID: "", visit: vid, parts: parts,
                      identifiers: ["RM-\(tag)-QX7", "Brackenbury-\(tag)", "BIOBANK-\(tag)"] + dates)
    }

    /// A valid body for a change of `path`, or nil when the route takes none.
    static func body(_ method: String, _ path: String, version: Int?, serial: Int) -> JSONValue? {
        var object: [String: JSONValue]
        switch path {
        case "/api/v1/patients", "/api/v1/patients/{id}":
            object = ["pseudonym": .string("RM-NEW-\(serial)"), "sex": "male", "status": "alive"]
        case "/api/v1/patients/{id}/visits", "/api/v1/visits/{id}":
            object = ["date": "2018-08-08"]
        case "/api/v1/sites":
            object = ["code": .string("rm-site-\(serial)"), "name": "Matrix site"]
        case "/api/v1/users":
            object = ["username": .string("rm-user-\(serial)"), "password": "a long passphrase here", "role": "researcher"]
        case "/api/v1/users/{id}":
            object = ["active": true]
        case "/api/v1/phenopackets":
            object = ["id": .string("RM-PACKET-\(serial)"), "subject": .object(["id": .string("RM-PACKET-\(serial)"), "sex": "FEMALE"]),
                      "metaData": .object(["created": "2024-01-01T00:00:00Z", "createdBy": "matrix", "phenopacketSchemaVersion": "2.0"])]
        default:
            guard let part = PartCase.all.first(where: { path.contains("/\($0.collection)") }) else { return nil }
            object = part.body.objectValue ?? [:]
        }
        if method == "put", let version { object["version"] = .number(Double(version)) }
        return ["post", "put", "patch"].contains(method) ? .object(object) : nil
    }

    @Test(arguments: ServerBackend.available)
    func everyRouteEveryRoleOwnAndOtherSite(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend, engines: try TestEnvironment.engines.get())
        let siteA = Int(env.siteA.id), siteB = Int(env.siteB.id)
        try await env.test { c in
            let tokens: [Role: String] = [.admin: try await c.login("admin"), .clinician: try await c.login("clin-a"),
                                          .researcher: try await c.login("researcher")]
            let clinB = try await c.login("clin-b")
            var own = try await Self.seed(c, tokens[.clinician] ?? "", tag: "A",
                                          dates: ["2011-07-23", "2013-03-02", "2019-03-14", "2021-06-02", "2023-01-20"])
            var other = try await Self.seed(c, clinB, tag: "B",
                                            dates: ["2009-09-09", "2015-05-05", "2017-05-17", "2020-01-11", "2024-08-08"])
            // The researchers' ids of the two patients, from their own list.
            let listed = try await c.call(.get, "/api/v1/patients", token: tokens[.researcher])
            for item in listed["items"]?.arrayValue ?? [] {
                guard let id = item["id"]?.stringValue else { continue }
                if item["siteId"]?.int == siteA { own.researchID = id } else { other.researchID = id }
            }
            try #require(!own.researchID.isEmpty && !other.researchID.isEmpty)
            let admin = try await c.call(.post, "/api/v1/users", token: tokens[.admin],
                                         body: .object(["username": "rm-target", "password": "a long passphrase here", "role": "researcher"]))
            let targetUser = try #require(admin["id"]?.int)
            let beforeOther = try await c.call(.get, "/api/v1/patients/\(other.patient)/record", token: clinB).json

            let doc = try await c.call(.get, "/api/v1/openapi.json").json
            var operations: [(method: String, path: String, roles: [Role])] = []
            var requiredQuery: [String: String] = [:]
            for (path, methods) in doc["paths"]?.objectValue ?? [:] {
                for (method, op) in methods.objectValue ?? [:] {
                    guard let roles = op["x-roles"]?.arrayValue?.compactMap({ $0.stringValue.flatMap(Role.init) }),
                          path != "/api/v1/auth/logout" else { continue }
                    operations.append((method, path, roles))
                    // A required query parameter gets its first allowed value, or a word.
                    let required = (op["parameters"]?.arrayValue ?? []).filter { $0["in"] == "query" && $0["required"] == true }
                        .compactMap { p -> String? in
                            guard let name = p["name"]?.stringValue, name != "version" else { return nil }
                            return name + "=" + (p["schema"]?["enum"]?.arrayValue?.first?.stringValue ?? "bone")
                        }
                    if !required.isEmpty { requiredQuery[method + path] = required.joined(separator: "&") }
                }
            }
            // Deletions last, visits after their parts, so every other route still finds its records.
            func rank(_ o: (method: String, path: String, roles: [Role])) -> Int {
                o.method != "delete" ? 0 : (o.path.hasPrefix("/api/v1/visits/") ? 2 : 1)
            }
            operations.sort { (rank($0), $0.path, $0.method) < (rank($1), $1.path, $1.method) }

            var requests = 0
            var violations: [String] = []
            var scanned = 0
            var statuses: [Int: Int] = [:]
            for op in operations {
                for role in Role.allCases {
                    for (site, target) in [("own", own), ("other", other)] {
                        let token = tokens[role] ?? ""
                        let uri = try await Self.uri(op.path, op.method, query: requiredQuery[op.method + op.path],
                                                     target: target, role: role, user: targetUser,
                                                     otherSite: site == "other" ? siteB : nil, c: c, owner: site == "own" ? (tokens[.clinician] ?? "") : clinB)
                        guard let uri else { continue }
                        let version = op.method == "put" ? try await Self.version(op.path, uri, c: c, owner: site == "own" ? (tokens[.clinician] ?? "") : clinB) : nil
                        requests += 1
                        let reply = try await c.call(HTTPRequest.Method(rawValue: op.method.uppercased()) ?? .get, uri, token: token,
                                                     body: Self.body(op.method, op.path, version: version, serial: requests))
                        let label = "\(op.method.uppercased()) \(op.path) as \(role.rawValue), \(site) site: \(reply.status.code)"
                        let code = reply.status.code
                        statuses[code, default: 0] += 1
                        if !op.roles.contains(role) {
                            if code != 403 { violations.append(label + " (the role is not allowed: 403 expected)") }
                        } else if role == .clinician, site == "other" {
                            if op.path.contains("{id}") {
                                if code != 404 { violations.append(label + " (another site's record: 404 expected)") }
                            } else if code < 300, let n = reply["n"]?.int, n > 0 {
                                violations.append(label + " (another site's cohort: \(n) patients)")
                            } else if code < 300, reply["items"]?.arrayValue?.contains(where: { $0["id"]?.int == other.patient }) == true {
                                violations.append(label + " (another site's patient listed)")
                            }
                        } else if code == 403 || code == 404 || code == 401 {
                            violations.append(label + " (allowed: the record is the caller's to reach)")
                        }
                        if role == .researcher {
                            scanned += 1
                            violations += Self.leaks(reply.json, identifiers: own.identifiers + other.identifiers).map { label + ": " + $0 }
                        }
                    }
                }
            }
            let afterOther = try await c.call(.get, "/api/v1/patients/\(other.patient)/record", token: clinB).json
            if afterOther != beforeOther { violations.append("the other site's record changed") }
            print("role matrix (\(backend.rawValue)): \(operations.count) operations, \(requests) requests, "
                  + "\(scanned) researcher responses scanned, \(violations.count) violations; statuses "
                  + statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
            #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
        }
    }

    /// The URI of `path` aimed at `target` (nil when the route has no target for this case: a
    /// route without an id is asked once, as the own-site case, unless it takes a site filter).
    static func uri(_ path: String, _ method: String, query required: String?, target: Seeded, role: Role, user: Int,
                    otherSite: Int?, c: Client, owner: String) async throws -> String? {
        var uri = path
        if path.contains("{id}") {
            let id: String
            if path.hasPrefix("/api/v1/patients/{id}") {
                id = role == .researcher ? target.researchID : String(target.patient)
            } else if path.hasPrefix("/api/v1/visits/{id}") {
                id = String(target.visit)
            } else if path.hasPrefix("/api/v1/users/{id}") {
                guard otherSite == nil else { return nil }
                id = String(user)
            } else {
                let collection = path.split(separator: "/")[2]
                guard let part = target.parts[String(collection)] else { return nil }
                id = String(part)
            }
            uri = path.replacing("{id}", with: id)
        } else if let otherSite {
            // Lists and analyses filtered to the other site.
            guard path == "/api/v1/patients" && method == "get" || path.hasPrefix("/api/v1/cohort/") else { return nil }
            uri += "?siteId=\(otherSite)"
        }
        var query: [String] = required.map { [$0] } ?? []
        if method == "delete" { query.append("version=\(try await version(path, uri, c: c, owner: owner) ?? 1)") }
        if !query.isEmpty { uri += (uri.contains("?") ? "&" : "?") + query.joined(separator: "&") }
        return uri
    }

    /// The current version of the record at `uri`, read by its owner.
    static func version(_ path: String, _ uri: String, c: Client, owner: String) async throws -> Int? {
        guard path.hasSuffix("{id}"), !path.hasPrefix("/api/v1/users/") else { return nil }
        let read = String(uri.split(separator: "?")[0])
        return try await c.call(.get, read, token: owner)["version"]?.int
    }

    /// What in a researcher's response identifies a patient: an identifier's text anywhere, or a
    /// numeric record id (a researcher sees hashed ids only; site ids are not patient data).
    static func leaks(_ json: JSONValue, identifiers: [String]) -> [String] {
        var found: [String] = []
        let text = json.jsonText
        for identifier in identifiers where text.contains(identifier) { found.append("holds the identifier \(identifier)") }
        func walk(_ value: JSONValue, _ key: String) {
            switch value {
            case .object(let o): for (k, v) in o { walk(v, k) }
            case .array(let a): for v in a { walk(v, key) }
            case .number:
                let k = key.lowercased()
                if k.hasSuffix("id"), k != "siteid" { found.append("holds a numeric \(key)") }
            default: break
            }
        }
        walk(json, "")
        return found
    }
}
