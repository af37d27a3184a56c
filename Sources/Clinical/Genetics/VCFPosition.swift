/// A variant's position as a VCF line gives it: genome assembly, chromosome, 1-based position,
/// reference and alternate alleles (a phenopacket's `vcfRecord`). Its text form,
/// `hg38:chr5:61541917:C:T`, is how the registry stores it.
public struct VCFPosition: Hashable, Sendable, Codable, CustomStringConvertible {
    public var assembly: String
    public var chrom: String
    public var pos: UInt64
    public var ref: String
    public var alt: String

    public init(assembly: String, chrom: String, pos: UInt64, ref: String, alt: String) {
        self.assembly = assembly
        self.chrom = chrom
        self.pos = pos
        self.ref = ref
        self.alt = alt
    }

    /// Reads `assembly:chrom:pos:ref:alt`; nil unless there are five non-empty parts without
    /// spaces and the position is a positive integer.
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }),
              let pos = UInt64(parts[2]), pos > 0 else { return nil }
        self.init(assembly: parts[0], chrom: parts[1], pos: pos, ref: parts[3], alt: parts[4])
    }

    public var description: String { "\(assembly):\(chrom):\(pos):\(ref):\(alt)" }
}
