/// A sequence variant in HGVS nomenclature (https://hgvs-nomenclature.org), e.g.
/// `NM_000516.7:c.565_568del` or `NP_000507.1:p.(Arg201Cys)`.
///
/// Parse with ``HGVSVariant/init(parsing:)``; `description` gives the canonical form (three-letter
/// amino acids, deletions and duplications without the redundant sequence).
public struct HGVSVariant: Hashable, Sendable, Codable {
    /// The reference sequence, e.g. `NM_000516.7`; nil when the expression had none (`c.565_568del`).
    public var reference: String?
    /// A gene symbol given in brackets after the reference: `NM_000516.7(GNAS):c.601C>T`.
    public var gene: String?
    public var change: Change
    /// A protein consequence written after a DNA change, as in `NM_000516.7:c.601C>T (p.Arg201Cys)`.
    public var protein: ProteinChange?

    public init(reference: String? = nil, gene: String? = nil, change: Change, protein: ProteinChange? = nil) {
        self.reference = reference
        self.gene = gene
        self.change = change
        self.protein = protein
    }

    public enum Change: Hashable, Sendable, Codable {
        case nucleotide(SequenceType, NucleotideChange)
        case protein(ProteinChange)
    }

    /// The coordinate system of a DNA/RNA description.
    public enum SequenceType: String, Hashable, Sendable, Codable {
        /// Coding DNA: `c.`, numbered from the A of the ATG, with `-` before it and `*` after the stop.
        case coding = "c"
        case genomic = "g"
        /// Non-coding RNA transcript.
        case noncoding = "n"
        case mitochondrial = "m"
    }

    /// The protein change when there is one (a `p.` description or the bracketed trailer).
    public var proteinChange: ProteinChange? {
        if case .protein(let p) = change { return p }
        return protein
    }

    public var nucleotideChange: NucleotideChange? {
        if case .nucleotide(_, let n) = change { return n }
        return nil
    }
}

// MARK: - Nucleotides

/// One nucleotide position. In `c.` numbering: `c.123` (coding), `c.-14` (5' UTR), `c.*5` (3' UTR),
/// each with an optional intronic offset (`c.435+1`, `c.436-2`).
public struct NucleotidePosition: Hashable, Sendable, Codable {
    public enum Region: String, Hashable, Sendable, Codable {
        /// c.1 to the stop codon (or any position of g./n./m.).
        case main
        /// Before the ATG: `c.-14`.
        case upstream
        /// After the stop codon: `c.*5`.
        case downstream
    }

    public var region: Region
    /// Always positive: `c.-14` is region upstream, base 14.
    public var base: Int
    /// Intronic offset: +1 is the first intron base after `base`, -2 the second before it; 0 exonic.
    public var offset: Int

    public init(_ base: Int, region: Region = .main, offset: Int = 0) {
        self.region = region
        self.base = base
        self.offset = offset
    }

    public var isIntronic: Bool { offset != 0 }
}

/// A position that may be uncertain: `(?_-30)` or `(*1000_?)`, each bound known or `?`.
public enum PositionSpec: Hashable, Sendable, Codable {
    case exact(NucleotidePosition)
    case uncertain(NucleotidePosition?, NucleotidePosition?)

    public var exact: NucleotidePosition? {
        if case .exact(let p) = self { return p }
        return nil
    }
}

/// A nucleotide edit over a position or range.
public struct NucleotideChange: Hashable, Sendable, Codable {
    public var start: PositionSpec
    /// The end of a range (`c.565_568`); nil for a single position.
    public var end: PositionSpec?
    public var edit: NucleotideEdit

    public init(start: PositionSpec, end: PositionSpec? = nil, edit: NucleotideEdit) {
        self.start = start
        self.end = end
        self.edit = edit
    }

    /// Number of bases in the range, when both ends are exact, in the same region and exonic.
    public var length: Int? {
        guard let s = start.exact else { return nil }
        guard let end else { return 1 }
        guard let e = end.exact, s.offset == 0, e.offset == 0 else {
            if let e = end.exact, s.region == e.region, s.base == e.base { return e.offset - s.offset + 1 }
            return nil
        }
        switch (s.region, e.region) {
        case (.main, .main), (.downstream, .downstream): return e.base - s.base + 1
        case (.upstream, .upstream): return s.base - e.base + 1
        case (.upstream, .main): return s.base + e.base // c.-1 and c.1 are adjacent: there is no c.0
        default: return nil
        }
    }
}

public enum NucleotideEdit: Hashable, Sendable, Codable {
    /// `C>T`
    case substitution(reference: String, alternate: String)
    /// `del`. Deleted bases written after it (`delGACT`) are checked against the range and dropped,
    /// as current HGVS recommends.
    case deletion
    /// `dup`, likewise.
    case duplication
    /// `insAGT`
    case insertion(String)
    /// `delinsAG`
    case deletionInsertion(String)
    case inversion
    /// `=`: no change.
    case unchanged
}

// MARK: - Protein

/// A protein-level change, e.g. `p.(Arg201Cys)`, `p.Arg201GlyfsTer5`, `p.Met1?`, `p.0`.
public struct ProteinChange: Hashable, Sendable, Codable {
    /// Written in brackets: predicted from DNA, not shown on protein.
    public var predicted: Bool
    public var kind: Kind

    public init(predicted: Bool = false, kind: Kind) {
        self.predicted = predicted
        self.kind = kind
    }

    public enum Kind: Hashable, Sendable, Codable {
        /// `p.?`: effect unknown.
        case unknown
        /// `p.0`: no protein made.
        case noProtein
        /// `p.=`: no change.
        case unchanged
        case edit(ProteinEdit)
    }
}

/// An amino acid and its number: `Arg201`.
public struct ResiduePosition: Hashable, Sendable, Codable {
    public var aminoAcid: AminoAcid
    public var number: Int

    public init(_ aminoAcid: AminoAcid, _ number: Int) {
        self.aminoAcid = aminoAcid
        self.number = number
    }
}

/// Where a frameshift's or extension's new reading frame stops.
public enum NewStop: Hashable, Sendable, Codable {
    /// `Ter5`: the new stop is the 5th codon of the new frame.
    case at(Int)
    /// `Ter?`: no stop found.
    case unknown
}

public enum ProteinEdit: Hashable, Sendable, Codable {
    /// `Arg201Cys`; the alternate may be `Ter` (nonsense).
    case substitution(ResiduePosition, AminoAcid)
    /// `Arg201=`
    case synonymous(ResiduePosition)
    /// `Met1?`: the consequence for this residue is unknown (typically start-codon loss).
    case unknownEffect(ResiduePosition)
    case deletion(ResiduePosition, ResiduePosition?)
    case duplication(ResiduePosition, ResiduePosition?)
    /// Between two adjacent residues.
    case insertion(ResiduePosition, ResiduePosition, [AminoAcid])
    case deletionInsertion(ResiduePosition, ResiduePosition?, [AminoAcid])
    /// `Arg201GlyfsTer5` (first new residue and stop optional: `Arg201fs`).
    case frameshift(ResiduePosition, AminoAcid?, NewStop?)
    /// `Ter395GlnextTer?` (C-terminal; the stop codon is lost).
    case stopExtension(ResiduePosition, AminoAcid, NewStop)
    /// `Met1ext-5` (N-terminal: a new upstream start).
    case startExtension(ResiduePosition, Int)
}
