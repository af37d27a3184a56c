import Foundation
import Hummingbird
import Registry
@testable import Server
import Testing

/// Diagnosis, assessment and phenopacket exchange on stored records, with the real engines.
@Suite("Engine and exchange routes")
struct EngineRouteTests {
    /// A synthetic POH-like patient: subcutaneous and muscle ossification, a deep lesion, normal PTH,
    /// a paternal GNAS frameshift.
    func makePatient(_ c: Client, token: String) async throws -> Int {
        let patient = try await c.call(.post, "/api/v1/patients", token: token, body: patientBody)
        let pid = try #require(patient["id"]?.int)
        let visit = try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: token, body: .object(["date": "2024-05-01"]))
        let vid = try #require(visit["id"]?.int)
        for term in ["HP:0034282", "HP:0011987"] {
            let f = try await c.call(.post, "/api/v1/visits/\(vid)/phenotypic-features", token: token, body: .object(["hpoId": .string(term)]))
            #expect(f.status == .created)
        }
        let lab = try await c.call(.post, "/api/v1/visits/\(vid)/measurements", token: token,
                                   body: .object(["loinc": "2731-8", "value": 40, "unit": "pg/mL"]))
        #expect(lab.status == .created)
        let lesion = try await c.call(.post, "/api/v1/visits/\(vid)/lesions", token: token,
                                      body: .object(["lesionId": "L1", "region": "forearm", "side": "left", "depth": "muscle",
                                                     "percentOfRegion": 30]))
        #expect(lesion.status == .created, "\(lesion.json.jsonText)")
        let variant = try await c.call(.post, "/api/v1/visits/\(vid)/variants", token: token,
                                       body: .object(["gene": "GNAS", "hgvs": "NM_000516.7:c.565_568del", "zygosity": "heterozygous",
                                                      "parentOfOrigin": "paternal"]))
        #expect(variant.status == .created, "\(variant.json.jsonText)")
        return pid
    }

    @Test func diagnoseAndAssessStoreTheirResultsWithTheirVersions() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        let store = env.store
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let pid = try await makePatient(c, token: clin)
            let diagnosis = try await c.call(.post, "/api/v1/patients/\(pid)/diagnose", token: clin)
            #expect(diagnosis.status == .created)
            #expect(diagnosis["kind"] == "diagnosis")
            #expect(diagnosis["dataRelease"]?.stringValue?.contains("hp/releases/2025-01-16") == true)
            #expect(diagnosis["engineVersion"]?.stringValue?.hasPrefix("ossify-diagnosis") == true)
            let first = diagnosis["result"]?["candidates"]?.arrayValue?.first
            #expect(first?["disease"] == "OMIM:166350")

            let assessment = try await c.call(.post, "/api/v1/patients/\(pid)/assess", token: clin)
            #expect(assessment.status == .created)
            #expect(assessment["kind"] == "gnas-assessment")
            #expect(assessment["result"]?.jsonText.contains("POH") == true)

            let other = try await c.login("clin-b")
            #expect(try await c.call(.post, "/api/v1/patients/\(pid)/diagnose", token: other).status == .notFound)
            #expect(try await c.call(.post, "/api/v1/patients/\(pid)/diagnose", token: try await c.login("researcher")).status == .forbidden)
            let audit = try await store.auditLog(AuditFilter(), page: Page()).items
            #expect(audit.filter { $0.entity == .assessment && $0.action == .create }.count == 2)
        }
    }

    /// Issue 11's examples of invalid data once accepted with 201: each is now a 422 naming its field.
    @Test func recordPartsAreCheckedAgainstTheKnowledgeAtTheDoor() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let pid = try await makePatient(c, token: clin)
            let visit = try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin, body: .object(["date": "2024-06-01"]))
            let vid = try #require(visit["id"]?.int)
            let refused: [(String, JSONValue, String)] = [
                ("phenotypic-features", .object(["hpoId": "HP:9999999"]), "hpoId"),
                ("phenotypic-features", .object(["hpoId": "HP:0000057"]), "hpoId"),
                ("phenotypic-features", .object(["hpoId": "HP:0003674"]), "hpoId"),
                ("measurements", .object(["loinc": "17861-6", "value": .number(9.6), "unit": "mEq/L"]), "unit"),
                ("measurements", .object(["loinc": "17861-6", "value": .number(9.6), "unit": "mmol/L"]), "value"),
                ("variants", .object(["gene": "GNAS", "hgvs": "NM_000516.7:c.565_568dell"]), "hgvs"),
            ]
            for (collection, body, field) in refused {
                let r = try await c.call(.post, "/api/v1/visits/\(vid)/\(collection)", token: clin, body: body)
                #expect(r.status == .unprocessableContent, "\(collection) \(body.jsonText): \(r.status)")
                #expect(r.json.jsonText.contains("\"\(field)\""), "\(r.json.jsonText)")
            }
            // The same analyte in a right unit and range, and an unknown assay as given, are stored.
            let ok = try await c.call(.post, "/api/v1/visits/\(vid)/measurements", token: clin,
                                      body: .object(["loinc": "17861-6", "value": .number(2.4), "unit": "mmol/L"]))
            #expect(ok.status == .created)
            let other = try await c.call(.post, "/api/v1/visits/\(vid)/measurements", token: clin,
                                         body: .object(["loinc": "2345-7", "value": 90, "unit": "mg/dL"]))
            #expect(other.status == .created)
        }
    }

    @Test func exportThenImportGivesTheSameRecordAndTheExportIsValid() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let pid = try await makePatient(c, token: clin)
            let exported = try await c.call(.get, "/api/v1/patients/\(pid)/phenopacket", token: clin)
            #expect(exported.status == .ok)
            let text = exported.json.jsonText
            #expect(text.contains("HP:0034282") && text.contains("parentOfOrigin") && text.contains("paternal"))
            try ReferenceImplementation.check(text)
            let extent = try #require(Self.extent(exported.json))
            #expect(extent["quantity"]?["value"]?.intValue == 30)
            #expect(extent["quantity"]?["unit"]?["id"] == "UCUM:%")
            #expect(extent["bodySite"]?["id"] == "UBERON:0002386")
            #expect(extent["description"]?.stringValue?.hasSuffix("; id=L1") == true)

            let researcher = try await c.login("researcher")
            let list = try await c.call(.get, "/api/v1/patients", token: researcher)
            let rid = try #require(list["items"]?.arrayValue?.first?["id"]?.stringValue)
            let pseudonymised = try await c.call(.get, "/api/v1/patients/\(rid)/phenopacket", token: researcher)
            #expect(pseudonymised.status == .ok)
            #expect(!pseudonymised.json.jsonText.contains("P-1"))
            #expect(!pseudonymised.json.jsonText.contains("2016-01-02"))
            // The lesion id is hashed as in the pseudonymised record, in the feature and the measurement.
            let hashedNote = try #require(Self.extent(pseudonymised.json)?["description"]?.stringValue)
            #expect(!pseudonymised.json.jsonText.contains("id=L1") && hashedNote.contains("; id="))

            // The same patient again under another pseudonym (a pseudonym is unique in a site).
            let renamed = text.replacingOccurrences(of: "\"P-1\"", with: "\"P-1-copy\"")
            let imported = try await c.call(.post, "/api/v1/phenopackets", token: clin, raw: renamed)
            #expect(imported.status == .created, "\(imported.json.jsonText)")
            let newID = try #require(imported["records"]?.arrayValue?.first?["patientID"]?.int)
            let again = try await c.call(.get, "/api/v1/patients/\(newID)/phenopacket", token: clin)
            let features = { (j: JSONValue) in Set(j["phenotypicFeatures"]?.arrayValue?.compactMap { $0["type"]?["id"]?.stringValue } ?? []) }
            #expect(features(again.json) == features(exported.json))
            #expect(Self.extent(again.json) == Self.extent(exported.json), "the extent survives export, import and export")

            // An extent out of range is refused with the record and the measurement's field, and nothing is written.
            let bad = Self.editingExtent(exported.json, value: 140, pseudonym: "P-1-bad")
            let refused = try await c.call(.post, "/api/v1/phenopackets", token: clin, raw: bad.jsonText)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.invalidFields.contains { $0.hasPrefix("records[0]") && $0.hasSuffix(".value.quantity.value") },
                    "\(refused.invalidFields)")
            #expect(!refused.json.jsonText.contains("140"))
            #expect(try await c.call(.get, "/api/v1/patients", token: clin)["total"]?.int == 2)
        }
    }

    /// The lesion-extent measurement of an exported phenopacket: its quantity, body site and description.
    static func extent(_ packet: JSONValue) -> JSONValue? {
        guard let m = packet["measurements"]?.arrayValue?.first(where: { $0["assay"]?["id"] == "NCIT:C25157" }) else { return nil }
        return .object(["quantity": m["value"]?["quantity"] ?? .null, "bodySite": m["procedure"]?["bodySite"] ?? .null,
                        "description": m["description"] ?? .null])
    }

    /// The packet under another id with its lesion extent set to `value`.
    static func editingExtent(_ packet: JSONValue, value: Double, pseudonym: String) -> JSONValue {
        guard case .object(var object) = packet, case .array(var measurements)? = object["measurements"],
              let i = measurements.firstIndex(where: { $0["assay"]?["id"] == "NCIT:C25157" }),
              case .object(var m) = measurements[i], case .object(var v)? = m["value"], case .object(var q)? = v["quantity"] else {
            return packet
        }
        q["value"] = .number(value)
        v["quantity"] = .object(q)
        m["value"] = .object(v)
        measurements[i] = .object(m)
        object["measurements"] = .array(measurements)
        object["id"] = .string(pseudonym)
        return .object(object)
    }

    @Test func aBatchWithOneBadRecordWritesNothingAndNamesIt() async throws {
        let env = try await TestEnvironment.make(engines: try TestEnvironment.engines.get())
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let good = #"{"id": "syn-1", "subject": {"id": "s1", "sex": "MALE"}, "phenotypicFeatures": [{"type": {"id": "HP:0034282"}}], "metaData": {"phenopacketSchemaVersion": "2.0"}}"#
            let bad = #"{"id": "syn-2", "phenotypicFeatures": [{"type": {"id": "not an id"}}], "metaData": {"phenopacketSchemaVersion": "2.0"}}"#
            let before = try await c.call(.get, "/api/v1/patients", token: clin)["total"]?.int
            let reply = try await c.call(.post, "/api/v1/phenopackets", token: clin, raw: good + "\n" + bad + "\n")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.invalidFields.contains { $0.hasPrefix("records[1] (line 2).phenotypicFeatures[0].type.id") })
            #expect(!reply.invalidFields.contains { $0.hasPrefix("records[0]") })
            #expect(try await c.call(.get, "/api/v1/patients", token: clin)["total"]?.int == before)
            let ok = try await c.call(.post, "/api/v1/phenopackets", token: clin, raw: good)
            #expect(ok.status == .created && ok["imported"]?.int == 1)
        }
    }
}

/// The GA4GH reference implementation (PyPI `phenopackets`), when python3 has it.
enum ReferenceImplementation {
    static func check(_ json: String) throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import phenopackets"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { print("skipped: no python3"); return }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { print("skipped: python3 lacks the phenopackets package"); return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c",
                       "import sys, phenopackets; from google.protobuf.json_format import Parse; Parse(sys.stdin.read(), phenopackets.Phenopacket())"]
        let input = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardError = errors
        try p.run()
        input.fileHandleForWriting.write(Data(json.utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 0, "the reference implementation refused the export: \(message)")
    }
}

extension JSONValue {
    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
