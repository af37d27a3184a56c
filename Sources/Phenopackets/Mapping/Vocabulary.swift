internal import Clinical
internal import Ontology

/// Fixed ontology terms the mapping uses, each checked against its ontology release.
enum Vocabulary {
    /// HP:0012831 Laterality and its children: a feature modifier that becomes `laterality`.
    static let laterality: Set<String> = ["HP:0012831", "HP:0012832", "HP:0012833", "HP:0012834", "HP:0012835"]
    static let left = TermID.hpo(12835), right = TermID.hpo(12834), bilateral = TermID.hpo(12832)
    /// The HPO laterality term of a side (a midline side has none).
    static func lateralityTerm(_ side: BodySide?) -> Phenopacket.OntologyClass? {
        switch side {
        case .left: Phenopacket.OntologyClass(left, label: "Left")
        case .right: Phenopacket.OntologyClass(right, label: "Right")
        case .bilateral: Phenopacket.OntologyClass(bilateral, label: "Bilateral")
        case .midline, nil: nil
        }
    }
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
