internal import Foundation

/// Keys of a phenopacket document that the schema does not have (`phenotypicFeature` for
/// `phenotypicFeatures`): proto3 JSON parsers refuse them, and a misspelt key read as absent would
/// turn a patient with features into one without.
///
/// The model's `Codable` conformances are the schema: a key is unknown when it holds a value other
/// than a proto3 default (null, "", 0, false, [], {}) and the decoded phenopacket, encoded again,
/// has no key of that name at the same path. Map fields (`fileAttributes`) hold data as keys and are
/// not checked.
enum UnknownKeys {
    /// JSON paths (`phenotypicFeatures[0].typ`) of the unknown keys of a document, in document order
    /// of objects (keys sorted within an object).
    static func paths(in json: Data, decoded: some Encodable) -> [String] {
        guard let input = try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]),
              let encodedData = try? JSONEncoder().encode(decoded),
              let known = try? JSONSerialization.jsonObject(with: encodedData, options: [.fragmentsAllowed]) else { return [] }
        var out: [String] = []
        walk(ProtoFieldNames.convert(input), known, path: "", into: &out)
        return out
    }

    private static func walk(_ input: Any, _ known: Any?, path: String, into out: inout [String]) {
        if let object = input as? [String: Any] {
            let knownObject = known as? [String: Any]
            for key in object.keys.sorted() {
                guard let value = object[key] else { continue }
                let child = path.isEmpty ? key : path + "." + key
                if ProtoFieldNames.mapFields.contains(key) { continue }
                if let k = knownObject?[key] {
                    walk(value, k, path: child, into: &out)
                } else if !isDefault(value) {
                    out.append(child)
                }
            }
        } else if let array = input as? [Any] {
            let knownArray = known as? [Any] ?? []
            for (i, element) in array.enumerated() {
                walk(element, i < knownArray.count ? knownArray[i] : nil, path: path + "[\(i)]", into: &out)
            }
        }
    }

    /// The default (number 0) names of the schema's enums, which the encoder leaves out.
    static let enumDefaults: Set<String> = [
        Phenopacket.Individual.Sex.protoDefault.rawValue, Phenopacket.Individual.KaryotypicSex.protoDefault.rawValue,
        Phenopacket.VitalStatus.Status.protoDefault.rawValue, Phenopacket.Interpretation.ProgressStatus.protoDefault.rawValue,
        Phenopacket.GenomicInterpretation.InterpretationStatus.protoDefault.rawValue,
        Phenopacket.Pedigree.Person.AffectedStatus.protoDefault.rawValue,
        Phenopacket.AcmgPathogenicityClassification.protoDefault.rawValue,
        Phenopacket.TherapeuticActionability.protoDefault.rawValue, Phenopacket.MoleculeContext.protoDefault.rawValue,
    ]

    /// A proto3 default value, which an encoder leaves out: its key may be absent after a round trip.
    private static func isDefault(_ value: Any) -> Bool {
        switch value {
        case is NSNull: return true
        case let s as String: return s.isEmpty || enumDefaults.contains(s)
        case let n as NSNumber: return n.doubleValue == 0
        case let a as [Any]: return a.isEmpty
        case let o as [String: Any]: return o.values.allSatisfy(isDefault)
        default: return false
        }
    }
}
