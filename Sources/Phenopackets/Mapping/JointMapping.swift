internal import Clinical
internal import Ontology

/// A scored joint (``JointInvolvement``) as a phenotypic feature, and back.
///
/// - `type`: score 0 is HP:0001376 Limitation of joint mobility, `excluded`; score 1 the same term
///   observed; score 2 HP:0031013 Ankylosis (a child of HP:0001376);
/// - `modifiers`: the joint's UBERON term where one was confirmed (shoulder UBERON:0001470
///   glenohumeral joint, elbow UBERON:0001490, wrist UBERON:0001491, hip UBERON:0001486, knee
///   UBERON:0001485, ankle UBERON:0001488; none for jaw, neck, spine, hand and foot), then the side as
///   an HPO laterality term (left, right, bilateral);
/// - `onset`: the age when the joint was scored (the visit's), as for lesions;
/// - `description`: `Ossify joint: joint=elbow; side=left; score=2`. Import reads the joint from this
///   note alone (a feature without it stays a phenotype), so the terms are for other readers.
enum JointMapping {
    static let prefix = "Ossify joint:"
    static let limitation = Phenopacket.OntologyClass(id: "HP:0001376", label: "Limitation of joint mobility")
    static let ankylosis = Phenopacket.OntologyClass(id: "HP:0031013", label: "Ankylosis")
    static let sites: [Joint: Phenopacket.OntologyClass] = [
        .shoulder: .init(id: "UBERON:0001470", label: "glenohumeral joint"),
        .elbow: .init(id: "UBERON:0001490", label: "elbow joint"),
        .wrist: .init(id: "UBERON:0001491", label: "wrist joint"),
        .hip: .init(id: "UBERON:0001486", label: "hip joint"),
        .knee: .init(id: "UBERON:0001485", label: "knee joint"),
        .ankle: .init(id: "UBERON:0001488", label: "ankle joint"),
    ]

    static func feature(_ joint: JointInvolvement) -> Phenopacket.PhenotypicFeature {
        var modifiers: [Phenopacket.OntologyClass] = []
        if let site = sites[joint.joint] { modifiers.append(site) }
        if let side = Vocabulary.lateralityTerm(joint.side) { modifiers.append(side) }
        var note = ["joint=" + joint.joint.rawValue]
        if let side = joint.side { note.append("side=" + side.rawValue) }
        note.append("score=\(joint.score)")
        return Phenopacket.PhenotypicFeature(type: joint.score >= 2 ? ankylosis : limitation, excluded: joint.score == 0,
                                             description: prefix + " " + note.joined(separator: "; "), modifiers: modifiers,
                                             onset: joint.age.map { .age(iso8601duration: $0.description) })
    }

    /// The joint of a feature described by an Ossify joint note; nil when the feature has no such
    /// note. A note naming no known joint, side or score 0 to 2 is an issue at `path`.
    static func joint(_ feature: Phenopacket.PhenotypicFeature, age: Age?, path: String) -> Result<JointInvolvement, PhenopacketError>? {
        guard let fields = LesionNote.fields(feature.description, prefix: prefix) else { return nil }
        guard let joint = fields["joint"].flatMap(Joint.init(rawValue:)) else {
            return .failure(PhenopacketError(issues: [.init(path: path + ".description", problem: .unknownValue(allowed: Joint.allCases.map(\.rawValue)))]))
        }
        guard let score = fields["score"].flatMap({ Int($0) }), (0...2).contains(score) else {
            return .failure(PhenopacketError(issues: [.init(path: path + ".description", problem: .outOfRange(allowed: "a joint score of 0, 1 or 2"))]))
        }
        var side: BodySide?
        if let text = fields["side"] {
            guard let s = BodySide(rawValue: text) else {
                return .failure(PhenopacketError(issues: [.init(path: path + ".description", problem: .unknownValue(allowed: BodySide.allCases.map(\.rawValue)))]))
            }
            side = s
        }
        return .success(JointInvolvement(joint: joint, side: side, score: score, age: age))
    }
}
