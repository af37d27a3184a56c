import Hummingbird
import Registry
@testable import Server
import Testing

/// One sample body per visit part: valid, an edit of it, and an invalid one with the fields it
/// breaks.
struct PartCase: Sendable, CustomTestStringConvertible {
    let collection: String
    let body: JSONValue
    let edit: [String: JSONValue]
    let invalid: JSONValue
    let invalidFields: Set<String>

    var testDescription: String { collection }

    static let all: [PartCase] = [
        PartCase(collection: "phenotypic-features", body: .object(["hpoId": "HP:0034282", "onset": "P2Y"]),
                 edit: ["excluded": true], invalid: .object(["hpoId": "HP:34282", "onset": "two years"]),
                 invalidFields: ["hpoId", "onset"]),
        PartCase(collection: "measurements", body: .object(["loinc": "8302-2", "value": .number(121.5), "unit": "cm"]),
                 edit: ["value": .number(122)], invalid: .object(["loinc": "height", "value": "tall", "unit": "cm"]),
                 invalidFields: ["value"]),
        PartCase(collection: "lesions",
                 body: .object(["lesionId": "L1", "region": "forearm", "side": "left", "surface": "anterior",
                                "percentOfRegion": .number(12), "depth": "fascia", "morphology": "plaque", "imaging": "radiograph"]),
                 edit: ["depth": "muscle"], invalid: .object(["lesionId": "L1", "region": "tail", "depth": "bone", "percentOfRegion": .number(120)]),
                 invalidFields: ["depth", "region"]),
        PartCase(collection: "joint-involvements", body: .object(["joint": "elbow", "side": "left", "score": .number(1)]),
                 edit: ["score": .number(2)], invalid: .object(["joint": "elbow", "score": .number(3)]), invalidFields: ["score"]),
        PartCase(collection: "procedures", body: .object(["kind": "excision", "date": "2024-05-02", "lesionId": "L1"]),
                 edit: ["recurrence": true, "recurrenceDate": "2025-01-01"],
                 invalid: .object(["kind": "excision", "date": "2024-05-02", "recurrenceDate": "2023-01-01"]),
                 invalidFields: ["recurrenceDate"]),
        PartCase(collection: "variants", body: .object(["gene": "GNAS", "hgvs": "NM_000516.7:c.565C>T", "parentOfOrigin": "paternal"]),
                 edit: ["acmgClass": "pathogenic"], invalid: .object(["hgvs": "c.565C>T", "parentOfOrigin": "uncle"]),
                 invalidFields: ["parentOfOrigin"]),
        PartCase(collection: "diagnoses", body: .object(["code": "ORPHA:2762", "status": "confirmed"]),
                 edit: ["status": "suspected"], invalid: .object(["code": "POH", "status": "confirmed"]), invalidFields: ["code"]),
    ]
}

@Suite("Visit and part routes")
struct RecordRouteTests {
    @Test(arguments: ServerBackend.available)
    func visits(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let pid = try #require(try await c.call(.post, "/api/v1/patients", token: clin, body: patientBody)["id"]?.int)
            let created = try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin, body: .object(["date": "2024-05-01"]))
            #expect(created.status == .created)
            let vid = try #require(created["id"]?.int)
            #expect(try await c.call(.get, "/api/v1/visits/\(vid)", token: clin)["ageAtVisit"] == "P8Y3M")
            let list = try await c.call(.get, "/api/v1/patients/\(pid)/visits", token: clin)
            #expect(list["total"]?.int == 1)
            // Two clinicians edit the same visit from version 1: the second is told, not overwritten.
            let first = try await c.call(.put, "/api/v1/visits/\(vid)", token: clin, body: .object(["date": "2024-05-02", "version": .int(1)]))
            #expect(first.status == .ok)
            let second = try await c.call(.put, "/api/v1/visits/\(vid)", token: clin, body: .object(["date": "2024-05-03", "version": .int(1)]))
            #expect(second.status == .conflict)
            #expect(try await c.call(.get, "/api/v1/visits/\(vid)", token: clin)["date"] == "2024-05-02")
            let bad = try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin, body: .object(["date": "yesterday"]))
            #expect(bad.status == .unprocessableContent && bad.invalidFields == ["date"])
            #expect(try await c.call(.delete, "/api/v1/visits/\(vid)", token: clin).status == .badRequest)
            #expect(try await c.call(.delete, "/api/v1/visits/\(vid)?version=1", token: clin).status == .conflict)
            #expect(try await c.call(.delete, "/api/v1/visits/\(vid)?version=2", token: clin).status == .noContent)
            #expect(try await c.call(.get, "/api/v1/visits/\(vid)", token: clin).status == .notFound)
        }
    }

    @Test(arguments: ServerBackend.available, PartCase.all)
    func part(_ backend: ServerBackend, _ part: PartCase) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let clin = try await c.login("clin-a"), other = try await c.login("clin-b")
            let pid = try #require(try await c.call(.post, "/api/v1/patients", token: clin, body: patientBody)["id"]?.int)
            let vid = try #require(try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin,
                                                    body: .object(["date": "2024-05-01"]))["id"]?.int)
            let base = "/api/v1/visits/\(vid)/\(part.collection)"
            let created = try await c.call(.post, base, token: clin, body: part.body)
            #expect(created.status == .created)
            let id = try #require(created["id"]?.int)
            #expect(created["visitId"]?.int == vid)
            #expect(try await c.call(.get, base, token: clin)["total"]?.int == 1)
            #expect(try await c.call(.get, base, token: other).status == .notFound)
            #expect(try await c.call(.get, "/api/v1/visits/999/\(part.collection)", token: clin).status == .notFound)
            let item = "/api/v1/\(part.collection)/\(id)"
            #expect(try await c.call(.get, item, token: clin).status == .ok)
            #expect(try await c.call(.get, item, token: other).status == .notFound)
            let edit = part.body.merging(part.edit).merging(["version": .int(1)])
            let updated = try await c.call(.put, item, token: clin, body: edit)
            #expect(updated.status == .ok && updated["version"]?.int == 2)
            for (key, value) in part.edit { #expect(updated[key] == value, "\(key)") }
            #expect(try await c.call(.put, item, token: clin, body: edit).status == .conflict)
            let invalid = try await c.call(.post, base, token: clin, body: part.invalid)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.invalidFields == part.invalidFields)
            #expect(try await c.call(.delete, "\(item)?version=2", token: clin).status == .noContent)
            #expect(try await c.call(.get, item, token: clin).status == .notFound)
            let record = try await c.call(.get, "/api/v1/patients/\(pid)/record", token: clin)
            #expect(record.status == .ok)
        }
    }

    @Test(arguments: ServerBackend.available)
    func fullRecordHoldsEveryPart(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let pid = try #require(try await c.call(.post, "/api/v1/patients", token: clin, body: patientBody)["id"]?.int)
            let vid = try #require(try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin,
                                                    body: .object(["date": "2024-05-01"]))["id"]?.int)
            for part in PartCase.all {
                #expect(try await c.call(.post, "/api/v1/visits/\(vid)/\(part.collection)", token: clin, body: part.body).status == .created)
            }
            let record = try await c.call(.get, "/api/v1/patients/\(pid)/record", token: clin)
            guard case .array(let visits)? = record["visits"], let visit = visits.first else { Issue.record("no visit"); return }
            for key in ["phenotypicFeatures", "measurements", "lesions", "jointInvolvements", "procedures", "variants", "diagnoses"] {
                guard case .array(let items)? = visit[key] else { Issue.record("no \(key)"); continue }
                #expect(items.count == 1, "\(key)")
            }
        }
    }
}

@Suite("Edit conflicts over HTTP")
struct ConflictRouteTests {
    @Test("simultaneous edits from one version: exactly one wins, the others get 409", arguments: ServerBackend.available)
    func simultaneousEdits(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend)
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let pid = try #require(try await c.call(.post, "/api/v1/patients", token: clin, body: patientBody)["id"]?.int)
            let vid = try #require(try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin,
                                                    body: .object(["date": "2024-05-01"]))["id"]?.int)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<16 {
                    group.addTask {
                        let day = n < 9 ? "0\(n + 1)" : "\(n + 1)"
                        return Int(try await c.call(.put, "/api/v1/visits/\(vid)", token: clin,
                                                    body: .object(["date": .string("2024-06-\(day)"), "version": 1])).status.code)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 15)
            #expect(try await c.call(.get, "/api/v1/visits/\(vid)", token: clin)["version"]?.int == 2)
        }
    }
}
