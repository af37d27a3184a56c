import ArgumentParser
import Clinical
import Foundation
import Ontology

/// A case read for evaluation: the record (no diagnosis in it) and, apart, the true diagnoses.
struct LoadedCase {
    var id: String
    var truth: [TermID]
    var record: PatientRecord
}

/// TEMPORARY reader until the Phenopackets module lands: reads the fields evaluation needs.
enum CaseFiles {
    static func load(_ paths: [String]) throws -> [LoadedCase] {
        var out: [LoadedCase] = []
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                guard let obj = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
                var record = PatientRecord()
                let subject = obj["subject"] as? [String: Any]
                record.sex = (subject?["sex"] as? String).flatMap { Sex(rawValue: $0.lowercased()) } ?? .unknown
                var earliest: Age?
                for f in obj["phenotypicFeatures"] as? [[String: Any]] ?? [] {
                    guard let type = f["type"] as? [String: Any], let idText = type["id"] as? String, let id = TermID(idText) else { continue }
                    record.phenotypes.append(PhenotypeObservation(term: id, excluded: f["excluded"] as? Bool ?? false))
                    if let onset = f["onset"] as? [String: Any], let age = onset["age"] as? [String: Any],
                       let iso = age["iso8601duration"] as? String, let a = try? Age(iso8601: iso) {
                        if earliest.map({ a < $0 }) ?? true { earliest = a }
                    }
                }
                if let earliest { record.onset = .age(earliest) }
                var truth: [TermID] = []
                for i in obj["interpretations"] as? [[String: Any]] ?? [] {
                    if let diag = i["diagnosis"] as? [String: Any] {
                        if let d = diag["disease"] as? [String: Any], let id = (d["id"] as? String).flatMap({ TermID($0) }) { truth.append(id) }
                        for g in diag["genomicInterpretations"] as? [[String: Any]] ?? [] {
                            let vi = g["variantInterpretation"] as? [String: Any]
                            let vd = vi?["variationDescriptor"] as? [String: Any]
                            let gc = vd?["geneContext"] as? [String: Any]
                            let gd = g["gene"] as? [String: Any]
                            if let sym = (gc?["symbol"] as? String) ?? (gd?["symbol"] as? String) {
                                record.variants.append(VariantObservation(gene: sym))
                            }
                        }
                    }
                }
                out.append(LoadedCase(id: obj["id"] as? String ?? "", truth: truth, record: record))
            }
        }
        return out
    }
}
