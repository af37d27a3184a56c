/// The predicted effect class of a variant on the protein.
public enum ConsequenceClass: String, Sendable, Codable, CaseIterable {
    case frameshift
    case nonsense
    case missense
    case synonymous
    case spliceSite = "splice site"
    case spliceRegion = "splice region"
    case inFrameIndel = "in-frame indel"
    case startLoss = "start loss"
    case stopLoss = "stop loss"
    case wholeGeneDeletion = "whole-gene deletion"
    case noProtein = "no protein"
    case intronic
    case untranslated = "untranslated region"
    case unknown

    /// Whether loss of Gs-alpha function is to be expected from this class alone.
    public var lossOfFunction: LossOfFunctionExpectation {
        switch self {
        case .frameshift, .nonsense, .spliceSite, .startLoss, .wholeGeneDeletion, .noProtein: .expected
        case .missense, .inFrameIndel, .stopLoss, .spliceRegion: .possible
        case .synonymous: .notExpected
        case .intronic, .untranslated, .unknown: .unknown
        }
    }
}

public enum LossOfFunctionExpectation: String, Sendable, Codable {
    case expected
    /// Depends on the residue and needs functional or segregation evidence.
    case possible
    case notExpected = "not expected"
    case unknown
}

/// What a variant does, with the reasoning in words.
public struct VariantConsequence: Sendable, Codable, Hashable {
    public var consequence: ConsequenceClass
    public var lossOfFunction: LossOfFunctionExpectation
    public var reasons: [String]
    /// Exon of the start (and end) of the change in Gs-alpha, when the variant is on NM_000516.
    public var location: [ExonLocation]
    public var warnings: [String]

    /// Splice-site and splice-region offsets (+/-1..2 donor/acceptor; 3..8 region), as used by
    /// Sequence Ontology-based annotators.
    static let spliceSiteOffsets = 1...2
    static let spliceRegionOffsets = 3...8

    /// Classifies a parsed variant; `transcript` adds exon locations and range checks for GNAS.
    public init(_ variant: HGVSVariant, transcript: GNASTranscript? = nil) {
        var reasons: [String] = []
        var warnings: [String] = []
        var dna: ConsequenceClass?
        var location: [ExonLocation] = []
        let gnas = transcript.flatMap { $0.applies(to: variant) ? $0 : nil }

        if case .nucleotide(let type, let change) = variant.change {
            if type == .coding {
                var dnaReasons: [String] = []
                let cls = Self.classify(change, codingLength: gnas?.codingLength.value, reasons: &dnaReasons)
                dna = cls
                // A DNA change the protein trailer explains better adds nothing but noise.
                if !(cls == .unknown && variant.protein != nil) { reasons += dnaReasons }
                if let gnas {
                    for spec in [change.start, change.end].compactMap({ $0 }) {
                        if let p = spec.exact, !location.contains(gnas.locate(p)) { location.append(gnas.locate(p)) }
                    }
                    for loc in location where loc.note.hasPrefix("beyond") { warnings.append(loc.note) }
                }
            } else {
                reasons.append("the consequence is read from c. numbering; \(type.rawValue). positions need a transcript")
            }
        }
        var protein: ConsequenceClass?
        if let p = variant.proteinChange {
            protein = Self.classify(p, reasons: &reasons)
            if let gnas, case .edit(let e) = p.kind, e.firstResidue > gnas.proteinLength.value + 1 {
                warnings.append("residue \(e.firstResidue) is beyond the \(gnas.proteinLength.value) amino acids of Gs-alpha")
            }
        }
        let decisive: Set<ConsequenceClass> = [.spliceSite, .wholeGeneDeletion, .startLoss]
        let result: ConsequenceClass
        if let dna, decisive.contains(dna) {
            result = dna
        } else if let protein, protein != .unknown {
            result = protein
        } else {
            result = dna ?? protein ?? .unknown
        }
        if let dna, let protein, dna != .unknown, protein != .unknown, dna != protein, !decisive.contains(dna) {
            warnings.append("the DNA change reads as \(dna.rawValue) but the protein change as \(protein.rawValue)")
        }
        consequence = result
        lossOfFunction = result.lossOfFunction
        if case .nucleotide(.coding, let change) = variant.change, variant.proteinChange == nil,
           let effect = Self.proteinEffect(change, result, codingLength: gnas?.codingLength.value) {
            reasons.append(effect)
        }
        self.reasons = reasons
        self.location = location
        self.warnings = warnings
    }

    /// The codons a coding change touches, as the protein consequence the c. position allows
    /// (the amino acids themselves need the reference sequence).
    static func proteinEffect(_ c: NucleotideChange, _ cls: ConsequenceClass, codingLength: Int?) -> String? {
        guard let s = c.start.exact, s.region == .main, s.offset == 0, s.base >= 1 else { return nil }
        if let codingLength, s.base > codingLength { return nil }
        let first = (s.base - 1) / 3 + 1
        let last = c.end?.exact.map { ($0.base - 1) / 3 + 1 } ?? first
        let codons = last > first ? "codons \(first)-\(last)" : "codon \(first)"
        switch cls {
        case .frameshift: return "protein: frameshift from \(codons), p.(\(first)fs) expected to end in a premature stop"
        case .inFrameIndel: return "protein: \(codons) changed in frame"
        case .unknown:
            if case .substitution = c.edit { return "protein: \(codons) (p.\(first)); the amino-acid change needs the reference sequence" }
            return nil
        default: return nil
        }
    }

    // MARK: DNA

    static func classify(_ c: NucleotideChange, codingLength: Int?, reasons: inout [String]) -> ConsequenceClass {
        if case .unchanged = c.edit {
            reasons.append("'=': the sequence is unchanged")
            return .synonymous
        }
        guard let s = c.start.exact, let e = (c.end ?? c.start).exact else {
            // Uncertain bounds: only a deletion from before the start codon to after the stop is read.
            if case .deletion = c.edit, Self.reachesUpstream(c.start), Self.reachesDownstream(c.end ?? c.start, codingLength) {
                reasons.append("a deletion from before the start codon to after the stop codon removes the whole coding sequence")
                return .wholeGeneDeletion
            }
            reasons.append("a change with uncertain bounds cannot be classified")
            return .unknown
        }
        if case .deletion = c.edit, Self.reachesUpstream(c.start), Self.reachesDownstream(c.end ?? c.start, codingLength) {
            reasons.append("a deletion from before the start codon to after the stop codon removes the whole coding sequence")
            return .wholeGeneDeletion
        }
        // Splicing: which intronic offsets the change touches.
        let offsets: ClosedRange<Int>? = {
            if s.region == e.region, s.base == e.base { return s.offset...e.offset }
            if s.offset != 0 || e.offset != 0 { return nil } // crosses an exon-intron junction
            return 0...0
        }()
        guard let offsets else {
            reasons.append("the change crosses an exon-intron junction, removing or shifting the canonical splice site")
            return .spliceSite
        }
        if offsets != 0...0 {
            let touches: (ClosedRange<Int>) -> Bool = { r in offsets.overlaps(r) || offsets.overlaps(-r.upperBound...(-r.lowerBound)) }
            if touches(spliceSiteOffsets) {
                reasons.append("intronic position within 2 bases of the exon (canonical splice donor +1/+2 or acceptor -1/-2)")
                return .spliceSite
            }
            if touches(spliceRegionOffsets) {
                reasons.append("intronic position 3-8 bases from the exon (splice region)")
                return .spliceRegion
            }
            if offsets.contains(0) {
                reasons.append("the change crosses an exon-intron junction")
                return .spliceSite
            }
            reasons.append("deep intronic position (more than 8 bases from the exon)")
            return .intronic
        }
        // Exonic.
        if s.region == .upstream, e.region == .upstream {
            reasons.append("5' untranslated region (c.-N)")
            return .untranslated
        }
        if s.region == .downstream {
            reasons.append("3' untranslated region (c.*N)")
            return .untranslated
        }
        let startBase = s.region == .upstream ? 0 : s.base
        let endBase = e.region == .downstream ? Int.max : e.base
        if let codingLength, s.region == .main, s.base > codingLength {
            reasons.append("c.\(s.base) is beyond the coding sequence (c.1 to c.\(codingLength)): check the transcript and the position")
            return .unknown
        }
        let touchesStart = startBase <= 3 && endBase >= 1
        if case .insertion = c.edit, s.region == .upstream {
            // c.-1_1ins: before the ATG; the start codon itself is intact.
            reasons.append("insertion just before the start codon")
            return .untranslated
        }
        if touchesStart {
            reasons.append("the change touches the start codon c.1-c.3 (ATG)")
            return .startLoss
        }
        if e.region == .downstream {
            reasons.append("the change reaches past the stop codon into the 3' UTR")
            return .stopLoss
        }
        let lengthChange: Int?
        switch c.edit {
        case .deletion: lengthChange = c.length.map { -$0 }
        case .duplication: lengthChange = c.length
        case .insertion(let seq): lengthChange = seq.count
        case .deletionInsertion(let seq): lengthChange = c.length.map { seq.count - $0 }
        case .substitution:
            if let codingLength, ((codingLength - 2)...codingLength).contains(s.base) {
                reasons.append("substitution in the stop codon: stop loss or synonymous, depending on the new codon")
            } else {
                reasons.append("single-nucleotide substitution in the coding sequence: missense, nonsense or synonymous; give the protein change, e.g. (p.Arg201Cys)")
            }
            return .unknown
        case .inversion:
            reasons.append("an inversion keeps the reading frame; its effect on the amino acids needs the sequence")
            return .unknown
        case .unchanged: lengthChange = 0
        }
        guard let lengthChange else { return .unknown }
        if lengthChange % 3 != 0 {
            reasons.append("\(abs(lengthChange)) nucleotides \(lengthChange < 0 ? "lost" : "gained") in the coding sequence: not a multiple of 3, the reading frame shifts")
            return .frameshift
        }
        reasons.append("\(abs(lengthChange)) nucleotides \(lengthChange < 0 ? "lost" : "gained"): a multiple of 3, the reading frame is kept")
        return .inFrameIndel
    }

    private static func reachesUpstream(_ spec: PositionSpec) -> Bool {
        switch spec {
        case .exact(let p): return p.region == .upstream || (p.region == .main && p.base == 1 && p.offset == 0)
        case .uncertain(let low, let high):
            return low == nil || low?.region == .upstream || high?.region == .upstream
        }
    }

    private static func reachesDownstream(_ spec: PositionSpec, _ codingLength: Int?) -> Bool {
        func past(_ p: NucleotidePosition) -> Bool {
            p.region == .downstream || (p.region == .main && codingLength.map { p.base >= $0 } ?? false)
        }
        switch spec {
        case .exact(let p): return past(p)
        case .uncertain(let low, let high): return high == nil || high.map(past) ?? false || low.map(past) ?? false
        }
    }

    // MARK: Protein

    static func classify(_ p: ProteinChange, reasons: inout [String]) -> ConsequenceClass {
        switch p.kind {
        case .unknown:
            reasons.append("p.?: the effect on the protein is unknown")
            return .unknown
        case .noProtein:
            reasons.append("p.0: no protein is made")
            return .noProtein
        case .unchanged:
            reasons.append("p.=: the protein is unchanged")
            return .synonymous
        case .edit(let e):
            switch e {
            case .substitution(let r, let alt):
                if r.number == 1, r.aminoAcid == .met {
                    reasons.append("the initiating methionine is replaced")
                    return .startLoss
                }
                if alt == .ter {
                    reasons.append("a premature stop codon")
                    return .nonsense
                }
                if r.aminoAcid == .ter {
                    reasons.append("the stop codon is replaced")
                    return .stopLoss
                }
                reasons.append("one amino acid replaced by another")
                return .missense
            case .synonymous:
                reasons.append("the amino acid is unchanged")
                return .synonymous
            case .unknownEffect(let r):
                if r.number == 1, r.aminoAcid == .met {
                    reasons.append("p.Met1?: the start codon is lost, the effect on translation unknown")
                    return .startLoss
                }
                reasons.append("the effect on this residue is unknown")
                return .unknown
            case .deletion(let a, _), .duplication(let a, _):
                if a.number == 1 {
                    reasons.append("the initiating methionine is affected")
                    return .startLoss
                }
                reasons.append("amino acids removed or repeated without a frameshift")
                return .inFrameIndel
            case .insertion:
                reasons.append("amino acids inserted without a frameshift")
                return .inFrameIndel
            case .deletionInsertion(let a, _, let seq):
                if seq.contains(.ter) {
                    reasons.append("the replacement contains a stop codon")
                    return .nonsense
                }
                if a.number == 1 {
                    reasons.append("the initiating methionine is affected")
                    return .startLoss
                }
                reasons.append("amino acids replaced without a frameshift")
                return .inFrameIndel
            case .frameshift:
                reasons.append("fs: the reading frame shifts")
                return .frameshift
            case .stopExtension:
                reasons.append("ext: the stop codon is lost and the protein extended")
                return .stopLoss
            case .startExtension:
                reasons.append("ext-N: a new upstream start codon extends the protein at its N terminus")
                return .unknown
            }
        }
    }
}

extension ProteinEdit {
    /// The number of the first residue the edit names.
    public var firstResidue: Int {
        switch self {
        case .substitution(let r, _), .synonymous(let r), .unknownEffect(let r), .deletion(let r, _),
             .duplication(let r, _), .insertion(let r, _, _), .deletionInsertion(let r, _, _),
             .frameshift(let r, _, _), .stopExtension(let r, _, _), .startExtension(let r, _):
            r.number
        }
    }
}
