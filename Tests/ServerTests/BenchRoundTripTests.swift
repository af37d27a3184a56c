import Clinical
import Foundation
import Registry
@testable import Server
import Testing

/// Every phenopacket of the shared bench (1,671 published cases) imported through the API and
/// exported again: each keeps every phenotypic feature with its onset, every measurement, its
/// diagnoses, its variants (every HGVS expression and the VCF position) and the age at the last encounter. Obsolete ids come back as the
/// current term the import's warning names.
@Suite("Bench phenopackets survive import and export")
struct BenchRoundTripTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var benchFile: URL? {
        [packageRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/dev-phenopackets.jsonl"),
         URL(fileURLWithPath: "/work/shared/bench/dev-phenopackets.jsonl")]
            .first { FileManager.default.isReadableFile(atPath: $0.path) }
    }

    /// What must survive, as comparable strings: features (type, excluded, onset), measurements
    /// (assay, value, unit, time), diagnoses (code, excluded), variants (HGVS), the last encounter.
    struct Content: Equatable {
        var features: [String] = []
        var measurements: [String] = []
        var diagnoses: Set<String> = []
        /// Each variant's HGVS expressions (hgvs.c, hgvs.g, hgvs.p) and its VCF position.
        var variants: Set<String> = []
        var lastEncounter: String?

        init(_ p: JSONValue, replacing ids: [String: String] = [:]) {
            func onset(_ t: JSONValue?) -> String {
                guard let t else { return "-" }
                if let text = t["age"]?["iso8601duration"]?.stringValue { return (try? Age(iso8601: text))?.description ?? text }
                if let id = t["ontologyClass"]?["id"]?.stringValue { return id }
                // A gestational age is read as Antenatal onset (HP:0030674), the term Ossify stores.
                if t["gestationalAge"] != nil { return "HP:0030674" }
                return t.jsonText
            }
            for f in p["phenotypicFeatures"]?.arrayValue ?? [] {
                let id = f["type"]?["id"]?.stringValue ?? "?"
                features.append("\(ids[id] ?? id) excluded=\(f["excluded"] == .bool(true)) onset=\(onset(f["onset"]))")
            }
            features.sort()
            for m in p["measurements"]?.arrayValue ?? [] {
                let q = m["value"]?["quantity"]
                measurements.append("\(m["assay"]?["id"]?.stringValue ?? "?") \(BenchRoundTripTests.number(q?["value"])) "
                                    + "\(q?["unit"]?["id"]?.stringValue ?? "?") at \(onset(m["timeObserved"]))")
            }
            measurements.sort()
            for i in p["interpretations"]?.arrayValue ?? [] {
                if let d = i["diagnosis"]?["disease"]?["id"]?.stringValue { diagnoses.insert(d) }
                for g in i["diagnosis"]?["genomicInterpretations"]?.arrayValue ?? [] {
                    let d = g["variantInterpretation"]?["variationDescriptor"]
                    let values = (d?["expressions"]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue }.sorted()
                    var vcf = "-"
                    if let r = d?["vcfRecord"] {
                        let pos = BenchRoundTripTests.number(r["pos"]).replacingOccurrences(of: ".0", with: "")
                        vcf = [r["genomeAssembly"]?.stringValue ?? "", r["chrom"]?.stringValue ?? "", pos,
                               r["ref"]?.stringValue ?? "", r["alt"]?.stringValue ?? ""].joined(separator: ":")
                    }
                    if !values.isEmpty || vcf != "-" { variants.insert(values.joined(separator: " ") + " vcf=" + vcf) }
                }
            }
            for d in p["diseases"]?.arrayValue ?? [] {
                if let id = d["term"]?["id"]?.stringValue { diagnoses.insert(d["excluded"] == .bool(true) ? "not " + id : id) }
            }
            lastEncounter = p["subject"]?["timeAtLastEncounter"]?["age"]?["iso8601duration"]?.stringValue
        }
    }

    static func number(_ v: JSONValue?) -> String {
        if case .number(let x)? = v { return "\(x)" }
        return v?.stringValue ?? "?"
    }

    @Test(.enabled(if: BenchRoundTripTests.benchFile != nil, "../shared/bench/dev-phenopackets.jsonl not found"))
    func everyBenchCaseSurvives() async throws {
        let engines = try TestEnvironment.engines.get()
        let env = try await TestEnvironment.make(engines: engines, settings: ServerSettings(bcryptCost: 4, logLevel: .error))
        let text = try String(contentsOf: try #require(Self.benchFile), encoding: .utf8)
        let originals = text.split(separator: "\n").compactMap { JSONValue(jsonText: String($0)) }
        try await env.test { c in
            let clin = try await c.login("clin-a")
            var differing: [String: Int] = [:]
            var example: [String: String] = [:]
            var refusals: [String: Int] = [:]
            var imported = 0, withReplacements = 0
            for (i, line) in text.split(separator: "\n").enumerated() {
                let reply = try await c.call(.post, "/api/v1/phenopackets", token: clin, raw: String(line))
                if reply.status == .unprocessableContent {
                    // Refused only for what the release or the grammar cannot vouch for, each named.
                    for p in reply["invalid-params"]?.arrayValue ?? [] {
                        let reason = p["reason"]?.stringValue ?? ""
                        let kind = reason.contains("is not a term of HPO") ? "HPO id unknown to the release in use"
                            : reason.hasPrefix("is not valid HGVS") ? "HGVS does not parse"
                            : reason == "is later than the patient's age at the visit" ? "onset after the last encounter"
                            : "other: \(reason)"
                        refusals[kind, default: 0] += 1
                    }
                    continue
                }
                try #require(reply.status == .created, "record \(i): \(reply.json.jsonText.prefix(500))")
                imported += 1
                // The ids the import's warnings replaced ("HP:x is obsolete ...; replaced by HP:y (name)").
                var replaced: [String: String] = [:]
                for w in reply["warnings"]?.arrayValue ?? [] {
                    guard let reason = w["reason"]?.stringValue, let from = reason.split(separator: " ").first,
                          let to = reason.components(separatedBy: "replaced by ").last?.split(separator: " ").first else { continue }
                    replaced[String(from)] = String(to)
                }
                if !replaced.isEmpty { withReplacements += 1 }
                let id = try #require(reply["records"]?.arrayValue?.first?["patientID"]?.int)
                let exported = try await c.call(.get, "/api/v1/patients/\(id)/phenopacket", token: clin)
                let before = Content(originals[i], replacing: replaced), after = Content(exported.json)
                func compare<T: Equatable>(_ name: String, _ a: T, _ b: T) {
                    guard a != b else { return }
                    differing[name, default: 0] += 1
                    if example[name] == nil { example[name] = "record \(i): \(a) -> \(b)" }
                }
                compare("features", before.features, after.features)
                compare("measurements", before.measurements.map { $0.replacingOccurrences(of: " at -", with: "") },
                        after.measurements.map { $0.replacingOccurrences(of: " at -", with: "") })
                compare("diagnoses", before.diagnoses, after.diagnoses)
                compare("variants", before.variants, after.variants)
                compare("lastEncounter", before.lastEncounter, after.lastEncounter)
                compare("hpoVersion", exported.json["metaData"]?["resources"]?.arrayValue?.first { $0["id"] == "hp" }?["version"]?.stringValue,
                        engines.diagnosis.kb.release.hpoVersion.split(separator: "/").last.map(String.init))
            }
            #expect(refusals.keys.allSatisfy { !$0.hasPrefix("other") }, "\(refusals)")
            #expect(imported > originals.count * 9 / 10)
            print("bench round trip: \(imported) of \(originals.count) imported (\(withReplacements) with obsolete or alternate ids replaced), "
                  + "refused fields: \(refusals); records differing after export, by part (variants: every HGVS expression and the VCF position): \(differing)")
            #expect(differing.isEmpty, "\(example)")
        }
    }
}
