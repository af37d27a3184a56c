/// Results of the tests that steer the GNAS-spectrum assessment, as entered (CLI flags, phenopacket
/// genomic interpretations and measurements). Every field is optional: absent means not known.
public struct TestResults: Hashable, Sendable, Codable {
    /// GNAS (Gs-alpha exons 1-13) sequencing with deletion/duplication analysis.
    public enum Sequencing: String, Hashable, Sendable, Codable, CaseIterable {
        case variant, negative
        case notDone = "not-done"
    }

    /// GNAS methylation analysis (e.g. MS-MLPA).
    public enum Methylation: String, Hashable, Sendable, Codable, CaseIterable {
        /// Isolated loss of methylation at exon A/B.
        case lossAB = "loss-AB"
        /// Broad methylation changes at all GNAS DMRs.
        case broadLoss = "broad-loss"
        case stx16Deletion = "stx16-deletion"
        /// Paternal uniparental disomy of 20q.
        case patUPD20q
        case normal

        public var isDefect: Bool { self != .normal }
    }

    public enum ACVR1: String, Hashable, Sendable, Codable, CaseIterable {
        case variant, negative
    }

    /// Erythrocyte Gs-alpha activity (legacy assay).
    public enum GsAlphaActivity: String, Hashable, Sendable, Codable, CaseIterable {
        case reduced, normal
    }

    /// What imaging or histology shows a lesion to be.
    public enum LesionNature: String, Hashable, Sendable, Codable, CaseIterable {
        /// Cortex and trabeculae on imaging, lamellar bone with osteocytes on histology.
        case bone
        /// Amorphous calcium deposits without bone structure.
        case calcification
    }

    public var gnasSequencing: Sequencing?
    public var gnasMethylation: Methylation?
    public var acvr1: ACVR1?
    public var gsAlphaActivity: GsAlphaActivity?
    public var lesionImaging: LesionNature?
    /// Episodic painful soft-tissue swellings (flare-ups) preceding new bone; nil when not asked.
    public var flareUps: Bool?

    public init(gnasSequencing: Sequencing? = nil, gnasMethylation: Methylation? = nil, acvr1: ACVR1? = nil,
                gsAlphaActivity: GsAlphaActivity? = nil, lesionImaging: LesionNature? = nil, flareUps: Bool? = nil) {
        self.gnasSequencing = gnasSequencing
        self.gnasMethylation = gnasMethylation
        self.acvr1 = acvr1
        self.gsAlphaActivity = gsAlphaActivity
        self.lesionImaging = lesionImaging
        self.flareUps = flareUps
    }

    public var isEmpty: Bool { self == TestResults() }

    /// The fields of `other` that are set win.
    public func merging(_ other: TestResults) -> TestResults {
        TestResults(gnasSequencing: other.gnasSequencing ?? gnasSequencing,
                    gnasMethylation: other.gnasMethylation ?? gnasMethylation,
                    acvr1: other.acvr1 ?? acvr1,
                    gsAlphaActivity: other.gsAlphaActivity ?? gsAlphaActivity,
                    lesionImaging: other.lesionImaging ?? lesionImaging,
                    flareUps: other.flareUps ?? flareUps)
    }
}
