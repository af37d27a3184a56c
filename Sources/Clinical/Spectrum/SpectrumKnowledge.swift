#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import Ontology

/// The GNAS-spectrum rules of `Knowledge/gnas-spectrum.json`: criteria with their HPO terms,
/// thresholds and next steps; ordered decision rules; the categories; the follow-up screens.
public struct SpectrumKnowledge: Sendable, Codable, Hashable {
    public var version: String
    public var sources: [String: String]
    public var thresholds: Thresholds
    public var depths: Depths
    public var criteria: [CriterionDefinition]
    public var rules: [Rule]
    public var classifications: [ClassificationInfo]
    public var ippsd: Note
    public var followUp: FollowUp
    /// Transcripts whose gene and isoform are known, checked against the gene entered.
    public var transcripts: [TranscriptEntry]
    /// Body regions where FOP ossification typically begins (axial and proximal).
    public var axialProximalRegions: RegionList
    /// What to avoid while FOP is suspected or not yet excluded.
    public var fopPrecautions: Precautions
    /// Conditions that look like heterotopic ossification but are calcification.
    public var calcinosisDifferential: Precautions
    /// Combinations of genetics and biochemistry that disagree, reported as CONFLICT.
    public var conflicts: [Conflict]

    public static let fileName = "gnas-spectrum.json"

    public struct Thresholds: Sendable, Codable, Hashable {
        /// Number of AHO feature groups that counts as "multiple".
        public var ahoFeaturesForMultiple: SourcedNumber
    }

    public struct SourcedNumber: Sendable, Codable, Hashable {
        public var value: Int
        public var source: String
        public var unconfirmed: Bool?
        public var note: String?
    }

    public struct Depths: Sendable, Codable, Hashable {
        public var superficial: [TissueDepth]
        public var deep: [TissueDepth]
        public var source: String
    }

    public struct CriterionDefinition: Sendable, Codable, Hashable {
        public var id: CriterionID
        public var name: String
        public var source: String
        public var unconfirmed: Bool?
        public var terms: [SourcedTerm]?
        /// Not met when every one of these terms is explicitly excluded.
        public var exclusionTerms: [TermID]?
        public var supportive: [SourcedTerm]?
        public var featureGroups: [FeatureGroup]?
        public var notCounted: [SourcedTermNote]?
        /// Lab analyte id in labs.json whose high value meets the criterion.
        public var labAnalyte: String?
        public var genes: [String]?
        public var transcripts: [String]?
        public var keywords: [String]?
        /// Not met when any exclusion term is excluded (an examination reported normal), not all.
        public var exclusionAny: Bool?
        public var note: String?
        public var nextStep: String
        /// The next step is proposed only when these requirements hold.
        public var askWhen: [String: Requirement]?
    }

    public struct TranscriptEntry: Sendable, Codable, Hashable {
        /// Accession without version, e.g. `NM_000516`.
        public var accession: String
        public var gene: String
        public var isoform: String
        public var source: String
        public var unconfirmed: Bool?
    }

    public struct Conflict: Sendable, Codable, Hashable {
        public var when: [String: Requirement]
        public var text: String
        public var source: String
    }

    public struct RegionList: Sendable, Codable, Hashable {
        public var regions: [String]
        public var source: String
        public var unconfirmed: Bool?
    }

    public struct Precautions: Sendable, Codable, Hashable {
        public var title: String
        public var items: [String]
        public var source: String
    }

    public struct FeatureGroup: Sendable, Codable, Hashable {
        public var group: String
        public var label: String
        public var source: String
        public var terms: [SourcedTerm]
    }

    public struct SourcedTermNote: Sendable, Codable, Hashable {
        public var id: TermID
        public var label: String
        public var source: String
        public var note: String?
    }

    /// One decision rule: the first rule whose every requirement holds gives the classification.
    public struct Rule: Sendable, Codable, Hashable {
        public var classification: SpectrumClass
        public var when: [String: Requirement]
        public var provisional: Bool?
        public var reason: String
        public var source: String
        public var unconfirmed: Bool?
        /// Genetics and biochemistry disagree: shown as a CONFLICT, never resolved silently.
        public var conflict: String?
    }

    public enum Requirement: String, Sendable, Codable, Hashable {
        case met, notMet, unknown, notMetOrUnknown, metOrUnknown

        func holds(_ s: CriterionStatus) -> Bool {
            switch self {
            case .met: s == .met
            case .notMet: s == .notMet
            case .unknown: s == .unknown
            case .notMetOrUnknown: s != .met
            case .metOrUnknown: s != .notMet
            }
        }
    }

    public struct ClassificationInfo: Sendable, Codable, Hashable {
        public var id: SpectrumClass
        public var name: String
        public var omim: String?
        public var mondo: String?
        public var orpha: String?
        public var ippsd: String?
        /// Within the GNAS spectrum (false for FOP and unclassified).
        public var gnas: Bool
        public var note: String?
    }

    public struct Note: Sendable, Codable, Hashable {
        public var source: String
        public var unconfirmed: Bool
        public var note: String
    }

    public struct FollowUp: Sendable, Codable, Hashable {
        public var source: String
        public var unconfirmed: Bool
        public var note: String
        public var screens: [Screen]
    }

    public struct Screen: Sendable, Codable, Hashable {
        public var screen: String
        public var appliesTo: [SpectrumClass]
    }

    public static func load(from url: URL) throws(KnowledgeError) -> SpectrumKnowledge {
        let k = try KnowledgeLoading.decode(SpectrumKnowledge.self, from: url)
        try k.validate()
        return k
    }

    public static func load() throws(KnowledgeError) -> SpectrumKnowledge {
        try load(from: KnowledgeLoading.directory().appendingPathComponent(fileName))
    }

    public func definition(_ id: CriterionID) -> CriterionDefinition? { criteria.first { $0.id == id } }

    public func info(_ c: SpectrumClass) -> ClassificationInfo? { classifications.first { $0.id == c } }

    /// Source keys ("S1, S9") as the literature they stand for, so no user sees a bare key.
    public func citation(_ keys: String) -> String {
        Self.sourceKeys(keys).map { sources[$0] ?? $0 }.joined(separator: "; ")
    }

    /// The list with its source keys spelled out as the literature.
    public func cited(_ p: Precautions) -> Precautions {
        Precautions(title: p.title, items: p.items, source: citation(p.source))
    }

    /// The known transcript an HGVS expression is written on (`NM_080425.4:c.…` -> XLas), if any.
    public func transcriptEntry(_ hgvs: String?) -> TranscriptEntry? {
        guard let hgvs else { return nil }
        let accession = hgvs.prefix { $0 != "." && $0 != ":" && $0 != "(" }
        return transcripts.first { $0.accession == accession }
    }

    /// Every criterion defined once, every rule naming known criteria, every category described,
    /// a catch-all last rule, known sources.
    public func validate() throws(KnowledgeError) {
        func fail(_ reason: String) -> KnowledgeError { KnowledgeError(file: Self.fileName, reason: reason) }
        for id in CriterionID.allCases where criteria.filter({ $0.id == id }).count != 1 {
            throw fail("criterion '\(id.rawValue)' must be defined exactly once")
        }
        for c in SpectrumClass.allCases where info(c) == nil {
            throw fail("classification '\(c.rawValue)' is not described")
        }
        for (index, rule) in rules.enumerated() {
            for key in rule.when.keys where CriterionID(rawValue: key) == nil {
                throw fail("rule \(index + 1) names an unknown criterion '\(key)'")
            }
            for s in Self.sourceKeys(rule.source) where sources[s] == nil {
                throw fail("rule \(index + 1) cites an unknown source '\(s)'")
            }
        }
        guard let last = rules.last, last.when.isEmpty else { throw fail("the last rule must have no conditions (the fallback)") }
        for c in criteria {
            for key in (c.askWhen ?? [:]).keys where CriterionID(rawValue: key) == nil {
                throw fail("criterion '\(c.id.rawValue)' asks about an unknown criterion '\(key)'")
            }
            for s in Self.sourceKeys(c.source) where sources[s] == nil {
                throw fail("criterion '\(c.id.rawValue)' cites an unknown source '\(s)'")
            }
        }
        for (index, c) in conflicts.enumerated() {
            for key in c.when.keys where CriterionID(rawValue: key) == nil {
                throw fail("conflict \(index + 1) names an unknown criterion '\(key)'")
            }
            for s in Self.sourceKeys(c.source) where sources[s] == nil {
                throw fail("conflict \(index + 1) cites an unknown source '\(s)'")
            }
        }
        for t in transcripts {
            for s in Self.sourceKeys(t.source) where sources[s] == nil {
                throw fail("transcript '\(t.accession)' cites an unknown source '\(s)'")
            }
        }
        for p in [fopPrecautions, calcinosisDifferential] where p.items.isEmpty || Self.sourceKeys(p.source).contains(where: { sources[$0] == nil }) {
            throw fail("'\(p.title)' needs items and known sources")
        }
        guard thresholds.ahoFeaturesForMultiple.value >= 1 else { throw fail("ahoFeaturesForMultiple must be at least 1") }
    }

    static func sourceKeys(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0.drop(while: \.isWhitespace)) }.filter { !$0.isEmpty }
    }
}

/// The criteria the evaluator knows how to judge; their definitions come from the knowledge file.
public enum CriterionID: String, Sendable, Codable, Hashable, CaseIterable {
    case heterotopicOssification = "heterotopic-ossification"
    case cutaneousOssification = "cutaneous-ossification"
    case deepOssification = "deep-ossification"
    case progression
    case ahoFeatures = "aho-features"
    case pthResistance = "pth-resistance"
    case tshResistance = "tsh-resistance"
    case hormoneResistance = "hormone-resistance"
    case gnasVariant = "gnas-variant"
    case paternalOrigin = "paternal-origin"
    case maternalOrigin = "maternal-origin"
    case exon13 = "exon-13"
    case methylationDefect = "methylation-defect"
    case acvr1Variant = "acvr1-variant"
    case greatToeMalformation = "great-toe-malformation"
    // Judged before lesion-is-bone, which reads it.
    case calcinosisFeatures = "calcinosis-features"
    case lesionIsBone = "lesion-is-bone"
    case gsAlphaReduced = "gs-alpha-activity-reduced"
    case fopFlareUps = "fop-flare-ups"
}

/// The categories of the GNAS heterotopic-ossification spectrum, in the traditional names.
public enum SpectrumClass: String, Sendable, Codable, Hashable, CaseIterable {
    case poh
    case pohAHOOverlap = "poh-aho-overlap"
    case osteomaCutis = "osteoma-cutis"
    case pphp
    case php1a
    case php1b
    case php1c
    case fopSuspected = "fop-suspected"
    case calcinosis
    case unclassified
}
