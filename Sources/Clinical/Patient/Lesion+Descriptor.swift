extension Lesion {
    /// Parses a compact lesion description, as typed on the command line or in a form:
    /// `site=left forearm,depth=muscle,morphology=diffuse,onset=P3Y`.
    ///
    /// Keys: `site` (or `region`; a leading left/right/bilateral/midline becomes the side), `side`,
    /// `depth` (dermis, subcutis, fascia, muscle, tendon or ligament, joint; also skin, subcutaneous,
    /// tendon, ligament), `morphology` (circumscribed, diffuse, plaque, web crossing a joint),
    /// `onset` (or `age`, ISO 8601) and `id`.
    public init(descriptor text: String) throws(LesionDescriptorError) {
        var region: String?
        var side: BodySide?
        var depth: TissueDepth?
        var morphology: LesionMorphology?
        var age: Age?
        var id: String?
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { Self.trim($0) }
            guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else { throw .init(key: nil, reason: "expected key=value, e.g. site=left forearm") }
            let key = kv[0].lowercased(), value = kv[1]
            switch key {
            case "site", "region":
                var words = value.split(separator: " ").map(String.init)
                if words.count > 1, let s = BodySide(rawValue: words[0].lowercased()) {
                    side = side ?? s
                    words.removeFirst()
                }
                region = words.joined(separator: " ")
            case "side":
                guard let s = BodySide(rawValue: value.lowercased()) else {
                    throw .init(key: key, reason: "must be one of \(BodySide.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                side = s
            case "depth":
                guard let d = Self.depthAliases[value.lowercased()] ?? TissueDepth(rawValue: value.lowercased()) else {
                    throw .init(key: key, reason: "must be one of \(TissueDepth.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                depth = d
            case "morphology":
                guard let m = LesionMorphology(rawValue: value.lowercased()) ?? (value.lowercased() == "web" ? .webCrossingJoint : nil) else {
                    throw .init(key: key, reason: "must be one of \(LesionMorphology.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                morphology = m
            case "onset", "age":
                do { age = try Age(iso8601: value) } catch {
                    throw .init(key: key, reason: "must be an ISO 8601 duration such as P3Y or P18M")
                }
            case "id":
                id = value
            default:
                throw .init(key: nil, reason: "unknown key; use site, side, depth, morphology, onset, id")
            }
        }
        guard let region, !region.isEmpty else { throw .init(key: "site", reason: "is required, e.g. site=left forearm") }
        self.init(id: id, region: region, side: side, depth: depth, morphology: morphology, age: age)
    }

    static let depthAliases: [String: TissueDepth] = [
        "skin": .dermis, "dermal": .dermis, "cutaneous": .dermis,
        "subcutaneous": .subcutis, "subcutaneous fat": .subcutis,
        "tendon": .tendonOrLigament, "ligament": .tendonOrLigament,
    ]

    private static func trim(_ s: Substring) -> String {
        String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

/// A lesion description that cannot be read: the key concerned and what is expected. Values are
/// never repeated.
public struct LesionDescriptorError: Error, Hashable, Sendable, CustomStringConvertible {
    public let key: String?
    public let reason: String

    public var description: String { key.map { "\($0) \(reason)" } ?? reason }
}
