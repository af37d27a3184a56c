internal import Clinical
internal import Foundation
internal import Ontology

extension Phenopacket {
    /// The extension name under which Ossify writes the parent of origin of a variant:
    /// `{"name": "parentOfOrigin", "value": "paternal"}`, the value one of `paternal`, `maternal`,
    /// `de novo`, `unknown` (``ParentOfOrigin`` raw values). Reading also accepts `parent_of_origin`.
    public static let parentOfOriginExtension = "parentOfOrigin"
    static let parentOfOriginExtensionNames: Set<String> = ["parentOfOrigin", "parent_of_origin"]
}

extension ParentOfOrigin {
    /// Reads the value of a parent-of-origin extension: the raw values, case-insensitively, and the
    /// spellings `de_novo`, `denovo`, `de-novo`.
    init?(extensionValue text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        switch key {
        case "paternal": self = .paternal
        case "maternal": self = .maternal
        case "de novo", "denovo": self = .deNovo
        case "unknown": self = .unknown
        default: return nil
        }
    }
}

/// Fixed ontology terms the mapping uses, each checked against its ontology release.
enum Vocabulary {
    /// HP:0012831 Laterality and its children: a feature modifier that becomes `laterality`.
    static let laterality: Set<String> = ["HP:0012831", "HP:0012832", "HP:0012833", "HP:0012834", "HP:0012835"]
    static let left = TermID.hpo(12835), right = TermID.hpo(12834), bilateral = TermID.hpo(12832)
    /// HP:0030674 Antenatal onset: the onset of a feature given as a gestational age.
    static let antenatalOnset = TermID.hpo(30674)

    /// HP:0011986 Ectopic ossification: the default term of a lesion.
    static let ectopicOssification = TermID.hpo(11986)
    /// The phenotype terms of heterotopic ossification that a lesion feature may carry.
    static let ossificationTerms: Set<TermID> = [
        TermID.hpo(11986),                          // Ectopic ossification
        TermID.hpo(11987),                          // Ectopic ossification in muscle tissue
        TermID.hpo(11988),                          // Ectopic ossification in tendon tissue
        TermID.hpo(11989),                          // Ectopic ossification in ligament tissue
        TermID.hpo(34282),                          // Subcutaneous ossification
        TermID.hpo(25027),                          // Osteoma cutis
        TermID(prefix: "HP", local: "6000071"),     // Heterotopic dermal ossification
    ]

    /// The most specific HPO term for a lesion of a given depth.
    static func ossificationTerm(for depth: TissueDepth?) -> TermID {
        switch depth {
        case .dermis: TermID(prefix: "HP", local: "6000071")   // Heterotopic dermal ossification
        case .subcutis: TermID.hpo(34282)                      // Subcutaneous ossification
        case .muscle: TermID.hpo(11987)                        // Ectopic ossification in muscle tissue
        case .fascia, .tendonOrLigament, .joint, nil: ectopicOssification
        }
    }

    /// Allelic states (GENO) and the zygosity words of `VariantObservation`.
    static let zygosity: [(id: String, label: String)] = [
        ("GENO:0000135", "heterozygous"), ("GENO:0000136", "homozygous"), ("GENO:0000134", "hemizygous"),
        ("GENO:0000402", "compound heterozygous"),
    ]

    static let acmg: [(Phenopacket.AcmgPathogenicityClassification, String)] = [
        (.pathogenic, "pathogenic"), (.likelyPathogenic, "likely pathogenic"),
        (.uncertainSignificance, "uncertain significance"), (.likelyBenign, "likely benign"), (.benign, "benign"),
    ]

    /// HGNC ids of the genes Ossify knows, for `geneContext.valueId` on export.
    static let hgnc: [String: String] = ["GNAS": "HGNC:4392"]
}

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
        let key = name.lowercased().trimmingCharacters(in: .whitespaces)
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
