import Testing
@testable import Clinical

@Suite struct VariantConsequenceTests {
    let transcript: GNASTranscript

    init() throws { transcript = try GNASTranscript.load() }

    @Test(arguments: [
        ("NM_000516.7:c.565_568del", ConsequenceClass.frameshift, LossOfFunctionExpectation.expected),
        ("NM_000516.7:c.565_566insA", .frameshift, .expected),
        ("NM_000516.7:c.565_567del", .inFrameIndel, .possible),
        ("NM_000516.7:c.565_567dup", .inFrameIndel, .possible),
        ("NM_000516.7:c.565_566insAGT", .inFrameIndel, .possible),
        ("NM_000516.7:c.565_568delinsT", .inFrameIndel, .possible),   // 4 lost, 1 gained: -3
        ("NM_000516.7:c.565_568delinsTT", .frameshift, .expected),    // -2
        ("NM_000516.7:c.435+1G>A", .spliceSite, .expected),
        ("NM_000516.7:c.436-2A>G", .spliceSite, .expected),
        ("NM_000516.7:c.435+5G>A", .spliceRegion, .possible),
        ("NM_000516.7:c.436-8A>G", .spliceRegion, .possible),
        ("NM_000516.7:c.435+40G>A", .intronic, .unknown),
        ("NM_000516.7:c.430_435+2del", .spliceSite, .expected),
        ("NM_000516.7:c.435+3_435+6del", .spliceRegion, .possible),
        ("NM_000516.7:c.2T>C", .startLoss, .expected),
        ("NM_000516.7:c.-5_10del", .startLoss, .expected),
        ("NM_000516.7:c.-14C>T", .untranslated, .unknown),
        ("NM_000516.7:c.*5G>A", .untranslated, .unknown),
        ("NM_000516.7:c.601C>T", .unknown, .unknown),
        ("NM_000516.7:c.601C>T (p.Arg201Cys)", .missense, .possible),
        ("NM_000516.7:c.601C>T (p.Arg201Ter)", .nonsense, .expected),
        ("NM_000516.7:c.435+1G>A (p.?)", .spliceSite, .expected),
        ("NM_000516.7:c.(?_-30)_(*100_?)del", .wholeGeneDeletion, .expected),
        ("NM_000516.7:c.-100_*200del", .wholeGeneDeletion, .expected),
        ("NM_000516.7:c.1_1185del", .wholeGeneDeletion, .expected),
        ("NM_000516.7:c.1180_*3del", .stopLoss, .possible),
        ("NM_000516.7:c.601=", .synonymous, .notExpected),
        ("NC_000020.11:g.58909365G>A", .unknown, .unknown),
        ("p.Arg201Cys", .missense, .possible),
        ("p.R201H", .missense, .possible),
        ("p.(Arg166Cys)", .missense, .possible),
        ("p.Gln227Ter", .nonsense, .expected),
        ("p.Q227*", .nonsense, .expected),
        ("p.Arg201=", .synonymous, .notExpected),
        ("p.Met1?", .startLoss, .expected),
        ("p.Met1Val", .startLoss, .expected),
        ("p.(Asp189MetfsTer14)", .frameshift, .expected),
        ("p.Arg201fs", .frameshift, .expected),
        ("p.Lys76del", .inFrameIndel, .possible),
        ("p.Lys76_Gly77insAla", .inFrameIndel, .possible),
        ("p.Lys76delinsTer", .nonsense, .expected),
        ("p.Ter395GlnextTer?", .stopLoss, .possible),
        ("p.0", .noProtein, .expected),
        ("p.?", .unknown, .unknown),
    ])
    func classifies(_ text: String, _ expected: ConsequenceClass, _ lof: LossOfFunctionExpectation) throws {
        let c = VariantConsequence(try HGVSVariant(parsing: text), transcript: transcript)
        #expect(c.consequence == expected, "\(text): \(c.reasons)")
        #expect(c.lossOfFunction == lof)
        #expect(!c.reasons.isEmpty)
    }

    @Test func exonLookupUsesSourcedAnchorsOnly() throws {
        let hotspot = VariantConsequence(try HGVSVariant(parsing: "NM_000516.7:c.565_568del"), transcript: transcript)
        #expect(hotspot.location.map(\.exon) == [7])
        #expect(hotspot.location.first?.source == "S12")
        let start = VariantConsequence(try HGVSVariant(parsing: "NM_000516.7:c.2T>C"), transcript: transcript)
        #expect(start.location.first?.exon == 1)
        // No source gives the exon of c.601: the answer must be unknown, not a guess.
        let unknown = VariantConsequence(try HGVSVariant(parsing: "NM_000516.7:c.601C>T"), transcript: transcript)
        #expect(unknown.location.first?.exon == nil)
        #expect(unknown.location.first?.note.contains("unknown") == true)
        // Other transcripts get no GNAS exon.
        let other = VariantConsequence(try HGVSVariant(parsing: "NM_000546.6:c.565_568del"), transcript: transcript)
        #expect(other.location.isEmpty)
    }

    @Test func warnsBeyondGsAlpha() throws {
        let c = VariantConsequence(try HGVSVariant(parsing: "NM_000516.7:c.1300A>G"), transcript: transcript)
        #expect(c.warnings.contains { $0.contains("beyond the coding sequence") })
        let p = VariantConsequence(try HGVSVariant(parsing: "NM_000516.7(GNAS):c.601C>T (p.Arg501Cys)"), transcript: transcript)
        #expect(p.warnings.contains { $0.contains("394") })
    }

    @Test func transcriptFileIsConsistent() throws {
        try transcript.validate()
        #expect(transcript.exons.count == 13)
        #expect(transcript.codingLength.value == (transcript.proteinLength.value + 1) * 3)
        // Every stated boundary must carry a source; none is stated without one.
        for e in transcript.exons where e.cdsStart != nil || e.cdsEnd != nil {
            #expect(e.source.flatMap { transcript.sources[$0] } != nil)
        }
    }
}
