internal import Clinical
internal import Foundation

/// Body regions of the lesion chart and their UBERON terms: a lesion exported as a phenotypic feature
/// carries its region as a modifier, and an imported ossification feature with one of these modifiers
/// becomes a lesion again.
enum BodySite {
    /// (region name as in `Lesion.region`, UBERON id, UBERON label). The first row of an id is the name
    /// an import gives back.
    static let regions: [(name: String, id: String, label: String)] = [
        ("head", "UBERON:0000033", "head"),
        ("face", "UBERON:0001456", "face"),
        ("neck", "UBERON:0000974", "neck"),
        ("trunk", "UBERON:0002100", "trunk"),
        ("anterior trunk", "UBERON:0002100", "trunk"),
        ("chest", "UBERON:0001443", "chest"),
        ("abdomen", "UBERON:0000916", "abdomen"),
        ("posterior trunk", "UBERON:0001137", "dorsum"),
        ("back", "UBERON:0001137", "dorsum"),
        ("buttock", "UBERON:0013691", "buttock"),
        ("genitalia", "UBERON:0004176", "external genitalia"),
        ("upper arm", "UBERON:0001460", "arm"),
        ("forearm", "UBERON:0002386", "forelimb zeugopod"),
        ("hand", "UBERON:0002398", "manus"),
        ("thigh", "UBERON:0000376", "hindlimb stylopod"),
        ("lower leg", "UBERON:0003823", "hindlimb zeugopod"),
        ("foot", "UBERON:0002387", "pes"),
    ]

    static func term(forRegion name: String) -> Phenopacket.OntologyClass? {
        // The registry's region codes write the words with hyphens (upper-arm, anterior-trunk).
        let key = name.lowercased().replacingOccurrences(of: "-", with: " ").trimmingCharacters(in: .whitespaces)
        guard let row = regions.first(where: { $0.name == key }) else { return nil }
        return Phenopacket.OntologyClass(id: row.id, label: row.label)
    }

    static func region(forID id: String) -> String? {
        regions.first(where: { $0.id == id })?.name
    }

    /// The deepest tissue of a lesion as a UBERON term.
    static let depths: [(depth: TissueDepth, id: String, label: String)] = [
        (.dermis, "UBERON:0002067", "dermis"),
        (.subcutis, "UBERON:0002072", "hypodermis"),
        (.fascia, "UBERON:0008982", "fascia"),
        (.muscle, "UBERON:0002385", "muscle tissue"),
        (.tendonOrLigament, "UBERON:0000043", "tendon"),
        (.joint, "UBERON:0000982", "skeletal joint"),
    ]
}
