import Testing
@testable import Clinical

/// Mistyped ranges, positions beyond the coding sequence and the protein effect of coding changes.
@Suite struct HGVSTypoTests {
    let transcript: GNASTranscript

    init() throws { transcript = try GNASTranscript.load() }

    @Test func aRangeTypedWithADashIsRefusedAtTheDash() {
        #expect(throws: HGVSError.self) { try HGVSVariant(parsing: "NM_000516.7:c.565-568del") }
        do {
            _ = try HGVSVariant(parsing: "NM_000516.7:c.565-568del")
        } catch {
            #expect(error.offset == "NM_000516.7:c.565".count)
            #expect(error.message.contains("c.565_568del"))
        }
        // A real intronic offset is still read.
        #expect((try? HGVSVariant(parsing: "NM_000516.7:c.436-2A>G")) != nil)
        #expect((try? HGVSVariant(parsing: "NM_000516.7:c.10-500del")) != nil)
    }

    @Test func beyondTheCodingSequenceIsNotAFrameshift() throws {
        let c = VariantConsequence(try HGVSVariant(parsing: "NM_000516.7:c.2000del"), transcript: transcript)
        #expect(c.consequence == .unknown)
        #expect(c.lossOfFunction == .unknown)
        #expect(c.reasons.contains { $0.contains("beyond the coding sequence") })
    }

    @Test func codingChangesNameTheirCodons() throws {
        let fs = VariantConsequence(try HGVSVariant(parsing: "NM_000516.7:c.565_568del"), transcript: transcript)
        #expect(fs.reasons.contains { $0.contains("frameshift from codons 189-190") })
        let sub = VariantConsequence(try HGVSVariant(parsing: "NM_000516.7:c.601C>T"), transcript: transcript)
        #expect(sub.reasons.contains { $0.contains("codon 201") })
    }
}
