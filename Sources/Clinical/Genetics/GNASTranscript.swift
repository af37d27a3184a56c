#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The Gs-alpha transcript of GNAS (`Knowledge/gnas-transcript.json`): exon boundaries in c.
/// numbering where a source gives them, positions a source places in an exon, and the lengths.
public struct GNASTranscript: Sendable, Codable, Hashable {
    public var version: String
    public var gene: String
    /// Accession without version, e.g. `NM_000516`.
    public var transcript: String
    public var sources: [String: String]
    public var exonCount: SourcedValue
    public var proteinLength: SourcedValue
    public var codingLength: SourcedValue
    public var exons: [Exon]
    public var anchors: [Anchor]

    public static let fileName = "gnas-transcript.json"

    /// Why a variant's exon cannot be told: no exon boundary has a citable source yet.
    public var exonsUnknownReason: String {
        let known = exons.filter { $0.cdsStart != nil && $0.cdsEnd != nil }.count
        return known == exons.count
            ? "the variant lies outside the curated exons"
            : "the exon of the variant is unknown: \(exons.count - known) of \(exons.count) Gs-alpha exon boundaries (NM_000516) have no citable source yet (to be curated from the RefSeq record's exon features)"
    }

    public struct SourcedValue: Sendable, Codable, Hashable {
        public var value: Int
        public var source: String
        public var note: String?
    }

    /// One exon; `cdsStart`/`cdsEnd` are nil while unknown.
    public struct Exon: Sendable, Codable, Hashable {
        public var number: Int
        public var cdsStart: Int?
        public var cdsEnd: Int?
        public var source: String?
    }

    /// Coding positions `from...to` that a source places in `exon`.
    public struct Anchor: Sendable, Codable, Hashable {
        public var exon: Int
        public var from: Int
        public var to: Int
        public var source: String
        public var note: String?
        /// The placement is an inference from the source rather than stated in it.
        public var unconfirmed: Bool?
    }

    public static func load(from url: URL) throws(KnowledgeError) -> GNASTranscript {
        let t = try KnowledgeLoading.decode(GNASTranscript.self, from: url)
        try t.validate()
        return t
    }

    public static func load() throws(KnowledgeError) -> GNASTranscript {
        try load(from: KnowledgeLoading.directory().appendingPathComponent(fileName))
    }

    public func validate() throws(KnowledgeError) {
        guard exons.map(\.number) == Array(1...exonCount.value) else {
            throw KnowledgeError(file: Self.fileName, reason: "exons must be numbered 1 to \(exonCount.value) in order")
        }
        var previousEnd = 0
        for e in exons {
            if let s = e.cdsStart, let t = e.cdsEnd, s > t {
                throw KnowledgeError(file: Self.fileName, reason: "exon \(e.number) starts after it ends")
            }
            if e.cdsStart != nil || e.cdsEnd != nil, e.source.map({ sources[$0] == nil }) ?? true {
                throw KnowledgeError(file: Self.fileName, reason: "exon \(e.number) has a boundary without a known source")
            }
            if let s = e.cdsStart {
                guard s > previousEnd else { throw KnowledgeError(file: Self.fileName, reason: "exon \(e.number) overlaps the one before") }
            }
            if let t = e.cdsEnd { previousEnd = t }
        }
        for a in anchors {
            guard exons.contains(where: { $0.number == a.exon }), a.from <= a.to, sources[a.source] != nil else {
                throw KnowledgeError(file: Self.fileName, reason: "anchor for exon \(a.exon) is inconsistent")
            }
        }
    }

    /// Whether an HGVS reference names this transcript (any version), or the gene is this gene.
    public func applies(to variant: HGVSVariant) -> Bool {
        if let ref = variant.reference {
            return ref.split(separator: ".").first.map(String.init) == transcript
        }
        return variant.gene?.uppercased() == gene
    }

    /// The exon holding a coding position, when the data allow.
    public func locate(_ p: NucleotidePosition) -> ExonLocation {
        guard p.region == .main else {
            return ExonLocation(exon: nil, intronic: p.isIntronic,
                                note: p.region == .upstream ? "5' untranslated region" : "3' untranslated region", source: nil)
        }
        if p.base > codingLength.value {
            return ExonLocation(exon: nil, intronic: false,
                                note: "beyond the coding sequence (c.1 to c.\(codingLength.value)); 3' UTR positions are written c.*N",
                                source: codingLength.source)
        }
        let exon: (Int, String)? =
            exons.first { e in (e.cdsStart.map { $0 <= p.base } ?? false) && (e.cdsEnd.map { p.base <= $0 } ?? false) }
                .map { ($0.number, $0.source ?? "") }
            ?? anchors.first { $0.from <= p.base && p.base <= $0.to }.map { ($0.exon, $0.source + ($0.unconfirmed == true ? "; UNCONFIRMED" : "")) }
        guard let (number, source) = exon else {
            return ExonLocation(exon: nil, intronic: p.isIntronic,
                                note: "exon unknown: the exon boundaries of \(transcript) are not in the knowledge file yet", source: nil)
        }
        if p.isIntronic {
            let side = p.offset > 0 ? "after" : "before"
            return ExonLocation(exon: nil, intronic: true, note: "intron \(side) exon \(number)", source: source)
        }
        return ExonLocation(exon: number, intronic: false, note: "exon \(number)", source: source)
    }
}

/// Where a position lies in the Gs-alpha transcript.
public struct ExonLocation: Sendable, Codable, Hashable {
    /// The exon number, when known and exonic.
    public var exon: Int?
    public var intronic: Bool
    public var note: String
    public var source: String?
}
