import Foundation
import Registry
@testable import Server
import Testing

/// Lossless exchange (the registry issue, item 1): a record with every part and every field the
/// phenopacket carries, exported, imported under another pseudonym and exported again, gives the
/// same phenopacket: features with onset, severity, laterality and exclusion; labs with their time
/// and reference range; lesions with depth, extent, morphology and id; variants with zygosity,
/// origin, class, every HGVS expression and the VCF position; diagnoses with status; the patient's
/// test results; the ages; joints with side and score; procedures with their lesion and recurrence;
/// the patient's ORPHA and OMIM codes; a limb length's region and side; a lesion's surface and
/// imaging. Free text (a procedure's outcome, notes) stays in the registry, and the researcher's
/// phenopacket shows hashed lesion ids and shifted dates.
@Suite("Export, import, export: the same phenopacket")
struct ExchangeRoundTripTests {
    static let patient: JSONValue = .object([
        "pseudonym": "RT-1", "sex": "female", "status": "alive", "birthDate": "2012-04-20", "orphaCode": "ORPHA:2762", "omimCode": "OMIM:166350",
        "gnasSequencing": "variant", "gnasMethylation": "normal", "acvr1": "negative", "lesionImaging": "bone",
        "flareUps": false,
    ])

    /// Two visits, each part with every field the exchange holds. The dates in `secretDates` lie more
    /// than the largest date shift apart, so no shifted date lands on another real one (a biopsy on
    /// 2019-11-04, 180 days before the excision, once did, at a shift of +180).
    static let visits: [(visit: JSONValue, parts: [(String, JSONValue)])] = [
        (.object(["date": "2016-05-02"]), [
            ("phenotypic-features", .object(["hpoId": "HP:0034282", "onset": "P2Y", "severity": "HP:0012826", "laterality": "HP:0012834"])),
            ("phenotypic-features", .object(["hpoId": "HP:0001249", "excluded": true])),
            ("measurements", .object(["loinc": "2731-8", "value": 40, "unit": "pg/mL", "referenceLow": 15, "referenceHigh": 65])),
            ("lesions", .object(["lesionId": "L1", "region": "forearm", "side": "left", "surface": "anterior", "percentOfRegion": 12,
                                 "depth": "dermis", "morphology": "plaque"])),
        ]),
        (.object(["date": "2020-05-02"]), [
            ("phenotypic-features", .object(["hpoId": "HP:0011987", "onset": "P7Y"])),
            ("measurements", .object(["loinc": "2000-8", "value": .number(2.3), "unit": "mmol/L", "referenceLow": .number(2.2), "referenceHigh": .number(2.7)])),
            ("measurements", .object(["loinc": "8302-2", "name": "lower leg length", "value": .number(24.5), "unit": "cm",
                                      "bodySite": "lower-leg", "side": "right"])),
            ("lesions", .object(["lesionId": "L1", "region": "forearm", "side": "left", "percentOfRegion": 30, "depth": "muscle",
                                 "morphology": "diffuse", "imaging": "radiograph"])),
            ("joint-involvements", .object(["joint": "elbow", "side": "left", "score": 2])),
            ("joint-involvements", .object(["joint": "knee", "side": "right", "score": 1])),
            ("joint-involvements", .object(["joint": "spine", "score": 0])),
            ("procedures", .object(["kind": "excision", "date": "2020-05-02", "lesionId": "L1", "outcome": "Wound healed by Dr Outcometext",
                                    "recurrence": true, "recurrenceDate": "2021-02-01"])),
            ("procedures", .object(["kind": "biopsy", "date": "2019-08-06", "recurrence": false])),
            ("variants", .object(["gene": "GNAS", "hgvs": "NM_000516.7:c.565_568del", "zygosity": "heterozygous",
                                  "parentOfOrigin": "paternal", "acmgClass": "pathogenic",
                                  "otherHgvs": "NC_000020.11:g.58909000_58909003del NP_000507.1:p.Asp189fs",
                                  "vcf": "hg38:chr20:58908999:GGACT:G"])),
            ("diagnoses", .object(["code": "OMIM:166350", "status": "confirmed"])),
            ("diagnoses", .object(["code": "OMIM:135100", "status": "excluded"])),
        ]),
    ]

    /// The real dates the researcher's phenopacket must not show.
    static let secretDates = ["2019-08-06", "2020-05-02", "2021-02-01"]

    @Test("no date shift can move one secret date onto another, so the researcher check cannot pass or fail by chance")
    func secretDatesLieFartherApartThanAnyShift() throws {
        let days = try Self.secretDates.map { try #require(CivilDate($0)).dayNumber }
        for (i, a) in days.enumerated() {
            for b in days[(i + 1)...] {
                #expect(abs(a - b) > RegistryStore.dateShiftMagnitude.upperBound)
            }
        }
    }

    /// The packet as canonical text (keys sorted, lists in a fixed order), without what names this
    /// copy: the packet's and the subject's ids, the variants' ids, the creation time.
    static func comparable(_ packet: JSONValue) -> String {
        func text(_ value: JSONValue, path: [String]) -> String {
            switch value {
            case .object(let object):
                let kept = object.filter { key, _ in
                    !(key == "id" && (path.isEmpty || ["subject", "variationDescriptor", "interpretations"].contains(path.last ?? "")))
                        && key != "created" && key != "subjectOrBiosampleId"
                }
                return "{" + kept.keys.sorted().map { "\($0):" + text(kept[$0]!, path: path + [$0]) }.joined(separator: ",") + "}"
            case .array(let items):
                return "[" + items.map { text($0, path: path) }.sorted().joined(separator: ",") + "]"
            default:
                return value.jsonText
            }
        }
        return text(packet, path: [])
    }

    @Test(arguments: ServerBackend.available)
    func everyFieldSurvives(_ backend: ServerBackend) async throws {
        let env = try await TestEnvironment.make(backend, engines: try TestEnvironment.engines.get())
        try await env.test { c in
            let clin = try await c.login("clin-a")
            let created = try await c.call(.post, "/api/v1/patients", token: clin, body: Self.patient)
            let pid = try #require(created["id"]?.int, "\(created.json.jsonText)")
            for (visit, parts) in Self.visits {
                let v = try await c.call(.post, "/api/v1/patients/\(pid)/visits", token: clin, body: visit)
                let vid = try #require(v["id"]?.int)
                for (collection, body) in parts {
                    let r = try await c.call(.post, "/api/v1/visits/\(vid)/\(collection)", token: clin, body: body)
                    #expect(r.status == .created, "\(collection): \(r.json.jsonText)")
                }
            }
            let first = try await c.call(.get, "/api/v1/patients/\(pid)/phenopacket", token: clin)
            try ReferenceImplementation.check(first.json.jsonText)
            let copy = first.json.jsonText.replacingOccurrences(of: "\"RT-1\"", with: "\"RT-1-copy\"")
            let imported = try await c.call(.post, "/api/v1/phenopackets", token: clin, raw: copy)
            let newID = try #require(imported["records"]?.arrayValue?.first?["patientID"]?.int, "\(imported.json.jsonText)")
            let second = try await c.call(.get, "/api/v1/patients/\(newID)/phenopacket", token: clin)
            let a = Self.comparable(first.json), b = Self.comparable(second.json)
            #expect(a == b)
            // What the comparison covers is really there.
            for text in ["HP:0012826", "HP:0012834", "excluded:true", "2731-8", "low:15", "NP_000507.1:p.Asp189fs", "58908999",
                         "OMIM:135100", "GENO:0000135", "paternal", "morphology=diffuse", "value:30", "gnas-methylation=normal",
                         "Ossify joint: joint=elbow; side=left; score=2", "joint=knee; side=right; score=1", "joint=spine; score=0",
                         "HP:0031013", "OSSIFY:excision", "NCIT:C15189", "2020-05-02T00:00:00Z", "2019-08-06T00:00:00Z", "NCIT:C38155",
                         "lesion=L1; recurrence=yes; recurrenceDate=2021-02-01", "recurrence=no", "ORPHA:2762", "OMIM:166350",
                         "site=lower-leg; side=right", "surface=anterior", "imaging=radiograph"] {
                #expect(a.contains(text), "the export has no \(text)")
            }
            // Free text stays in the registry.
            #expect(!a.contains("Outcometext") && !a.contains("lower leg length"))
            // Every part was stored again: the copy's record holds the joints, procedures and codes.
            let copyRecord = try await c.call(.get, "/api/v1/patients/\(newID)/record", token: clin)
            let copyText = copyRecord.json.jsonText
            for text in ["\"orphaCode\":\"ORPHA:2762\"", "\"omimCode\":\"OMIM:166350\"", "\"recurrenceDate\":\"2021-02-01\"",
                         "\"joint\":\"knee\"", "\"surface\":\"anterior\"", "\"bodySite\":\"lower-leg\""] {
                #expect(copyText.contains(text), "the imported record has no \(text)")
            }
            // The researcher's phenopackets of both: the same parts, no free text, lesion ids hashed,
            // dates shifted.
            let researcher = try await c.login("researcher")
            let list = try await c.call(.get, "/api/v1/patients", token: researcher)
            let researchIDs = (list["items"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            #expect(researchIDs.count == 2)
            for rid in researchIDs {
                let research = try await c.call(.get, "/api/v1/patients/\(rid)/phenopacket", token: researcher)
                #expect(research.status == .ok)
                let r = research.json.jsonText
                try ReferenceImplementation.check(r)
                #expect(r.contains("OSSIFY:excision") && r.contains("joint=elbow") && r.contains("ORPHA:2762") && r.contains("recurrenceDate="))
                for secret in ["Outcometext", "lesion=L1", "id=L1", "RT-1"] + Self.secretDates {
                    #expect(!r.contains(secret), "the researcher's phenopacket shows \(secret)")
                }
            }
        }
    }
}
