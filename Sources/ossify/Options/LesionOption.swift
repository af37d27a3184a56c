import ArgumentParser
import Clinical

/// `--lesion "site=left forearm,depth=muscle,morphology=diffuse,onset=P3Y"`: one dated lesion
/// observation. Keys: site (or region), side, depth, morphology, onset (or age), id.
enum LesionOption {
    static func parse(_ text: String, position: Int) throws -> Lesion {
        func fail(_ message: String) -> ValidationError { ValidationError("--lesion #\(position): \(message)") }
        var region: String?
        var side: BodySide?
        var depth: TissueDepth?
        var morphology: LesionMorphology?
        var age: Age?
        var id: String?
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard kv.count == 2, !kv[1].isEmpty else { throw fail("expected key=value, e.g. site=left forearm") }
            let value = kv[1]
            switch kv[0].lowercased() {
            case "site", "region":
                var words = value.split(separator: " ").map(String.init)
                if let first = words.first, let s = BodySide(rawValue: first.lowercased()), words.count > 1 {
                    side = side ?? s
                    words.removeFirst()
                }
                region = words.joined(separator: " ")
            case "side":
                guard let s = BodySide(rawValue: value.lowercased()) else {
                    throw fail("side must be one of \(BodySide.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                side = s
            case "depth":
                guard let d = depthAliases[value.lowercased()] ?? TissueDepth(rawValue: value.lowercased()) else {
                    throw fail("depth must be one of \(TissueDepth.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                depth = d
            case "morphology":
                guard let m = LesionMorphology(rawValue: value.lowercased()) ?? (value.lowercased() == "web" ? .webCrossingJoint : nil) else {
                    throw fail("morphology must be one of \(LesionMorphology.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                morphology = m
            case "onset", "age":
                do { age = try Age(iso8601: value) } catch { throw fail("onset: \(error.description)") }
            case "id":
                id = value
            default:
                throw fail("unknown key '\(kv[0])'; use site, side, depth, morphology, onset, id")
            }
        }
        guard let region, !region.isEmpty else { throw fail("site is required, e.g. site=left forearm") }
        return Lesion(id: id, region: region, side: side, depth: depth, morphology: morphology, age: age)
    }

    static let depthAliases: [String: TissueDepth] = [
        "skin": .dermis, "dermal": .dermis, "cutaneous": .dermis,
        "subcutaneous": .subcutis, "subcutaneous fat": .subcutis,
        "tendon": .tendonOrLigament, "ligament": .tendonOrLigament,
    ]
}
