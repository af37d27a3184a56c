import Testing
@testable import Clinical

@Suite struct HGVSParserTests {
    /// Canonical expressions: parsing and printing gives the same string.
    @Test(arguments: [
        // substitution, with and without reference and gene
        "NM_000516.7:c.601C>T",
        "NM_000516.7(GNAS):c.601C>T",
        "c.601C>T",
        "NC_000020.11:g.58909365G>A",
        "NR_003259.1:n.120A>G",
        "NC_012920.1:m.3243A>G",
        // intronic and UTR positions
        "NM_000516.7:c.435+1G>A",
        "NM_000516.7:c.436-2A>G",
        "NM_000516.7:c.-14C>T",
        "NM_000516.7:c.*5G>A",
        "NM_000516.7:c.-14+3A>G",
        "NM_000516.7:c.*5-10T>C",
        // deletions, duplications, insertions, delins, inversion, unchanged
        "NM_000516.7:c.565_568del",
        "NM_000516.7:c.565del",
        "NM_000516.7:c.565_567dup",
        "NM_000516.7:c.565_566insAGT",
        "NM_000516.7:c.-1_1insA",
        "NM_000516.7:c.565_568delinsTT",
        "NM_000516.7:c.565_570inv",
        "NM_000516.7:c.565=",
        "NM_000516.7:c.435+1_435+4del",
        "NM_000516.7:c.430_435+2del",
        // uncertain ranges, whole-gene deletion
        "NM_000516.7:c.(?_-30)_(*100_?)del",
        "NC_000020.11:g.(?_57414794)_(57486249_?)del",
        "NM_000516.7:c.(500_510)_(600_610)dup",
        // protein: substitution, nonsense, synonymous, predicted, start loss, no protein, unknown
        "NP_000507.1:p.Arg201Cys",
        "NP_000507.1:p.(Arg201Cys)",
        "p.Arg201Ter",
        "p.Arg201=",
        "p.(=)",
        "p.=",
        "p.Met1?",
        "p.(Met1?)",
        "p.0",
        "p.0?",
        "p.?",
        // protein: del, dup, ins, delins, frameshift, extension
        "p.Lys76del",
        "p.Lys76_Gly78del",
        "p.Lys76_Gly78dup",
        "p.Lys76_Gly77insAlaSer",
        "p.Lys76delinsAlaSer",
        "p.Lys76_Gly78delinsTer",
        "p.Arg201GlyfsTer5",
        "p.(Asp189MetfsTer14)",
        "p.Arg201fs",
        "p.Arg201GlyfsTer?",
        "p.Ter395GlnextTer?",
        "p.Ter395GlnextTer12",
        "p.Met1ext-5",
        // DNA with its protein consequence
        "NM_000516.7:c.601C>T (p.Arg201Cys)",
        "NM_000516.7:c.565_568del (p.(Asp189MetfsTer14))",
    ])
    func canonicalRoundTrip(_ text: String) throws {
        let v = try HGVSVariant(parsing: text)
        #expect(v.description == text)
        #expect(try HGVSVariant(parsing: v.description) == v)
    }

    /// Accepted forms that print differently: one-letter code, `*` stops, deleted bases.
    @Test(arguments: [
        ("p.R201C", "p.Arg201Cys", "p.R201C"),
        ("p.(R201H)", "p.(Arg201His)", "p.(R201H)"),
        ("p.R201*", "p.Arg201Ter", "p.R201*"),
        ("p.Arg201*", "p.Arg201Ter", "p.R201*"),
        ("p.R201Gfs*5", "p.Arg201GlyfsTer5", "p.R201Gfs*5"),
        ("p.Asp189Metfs*14", "p.Asp189MetfsTer14", "p.D189Mfs*14"),
        ("p.R201fs", "p.Arg201fs", "p.R201fs"),
        ("p.M1?", "p.Met1?", "p.M1?"),
        ("p.*395Qext*?", "p.Ter395GlnextTer?", "p.*395Qext*?"),
        ("p.K76_G77insAS", "p.Lys76_Gly77insAlaSer", "p.K76_G77insAS"),
        ("p.K76del", "p.Lys76del", "p.K76del"),
        ("NM_000516.7:c.565_568delGACT", "NM_000516.7:c.565_568del", "NM_000516.7:c.565_568del"),
        ("NM_000516.7:c.565_567dupGAC", "NM_000516.7:c.565_567dup", "NM_000516.7:c.565_567dup"),
        ("NM_000516.7:c.601C>T p.(Arg201Cys)", "NM_000516.7:c.601C>T (p.(Arg201Cys))", "NM_000516.7:c.601C>T (p.(R201C))"),
    ])
    func normalizedForms(_ input: String, _ canonical: String, _ oneLetter: String) throws {
        let v = try HGVSVariant(parsing: input)
        #expect(v.description == canonical)
        #expect(v.description(style: .oneLetter) == oneLetter)
        #expect(try HGVSVariant(parsing: canonical) == v)
        #expect(try HGVSVariant(parsing: oneLetter) == v)
    }

    @Test func parsedStructure() throws {
        let v = try HGVSVariant(parsing: "NM_000516.7:c.435+1G>A")
        #expect(v.reference == "NM_000516.7")
        guard case .nucleotide(.coding, let n) = v.change else { Issue.record("not c."); return }
        #expect(n.start == .exact(NucleotidePosition(435, offset: 1)))
        #expect(n.edit == .substitution(reference: "G", alternate: "A"))
        let utr = try HGVSVariant(parsing: "c.-14_*5del")
        #expect(utr.nucleotideChange?.start.exact == NucleotidePosition(14, region: .upstream))
        #expect(utr.nucleotideChange?.end?.exact == NucleotidePosition(5, region: .downstream))
        let fs = try HGVSVariant(parsing: "p.(Asp189Metfs*14)")
        #expect(fs.proteinChange == ProteinChange(predicted: true, kind: .edit(.frameshift(ResiduePosition(.asp, 189), .met, .at(14)))))
    }

    /// Malformed expressions, each with the offset of the character at fault.
    @Test(arguments: [
        ("", 0),
        ("NM_000516.7:", 12),
        ("NM_000516.7:c", 13),
        ("NM_000516.7:x.601C>T", 12),
        ("NM_000516.7:r.601c>u", 12),
        ("NM_000516.7:c.601", 17),
        ("NM_000516.7:c.C>T", 14),
        ("NM_000516.7:c.601C>", 19),
        ("NM_000516.7:c.601C>C", 19),
        ("NM_000516.7:c.601c>t", 17),
        ("NM_000516.7:c.601C>TT", 20),
        ("NM_000516.7:c.565_568dl", 21),
        ("NM_000516.7:c.568_565del", 14),
        ("NM_000516.7:c.565_568delGAC", 24),
        ("NM_000516.7:c.565insA", 17),
        ("NM_000516.7:c.565_570insA", 14),
        ("NM_000516.7:c.565_566ins", 24),
        ("NM_000516.7:c.0del", 14),
        ("NM_000516.7:c.435+0G>A", 18),
        ("NM_000516.7:c.565_568del extra", 25),
        ("NC_000020.11:g.-5del", 15),
        ("NC_000020.11:g.100+2del", 18),
        ("NM 000516.7:c.601C>T", 2),
        ("NM_000516.x:c.601C>T", 10),
        ("NM_000516.7(GNAS:c.601C>T", 11),
        ("NM_000516.7:c.(?_?)del", 18),
        ("NM_000516.7:c.565_568delGACTinsA", 28),
        ("p.Arg201Xaa", 8),
        ("p.R201X", 6),
        ("p.Arg201", 8),
        ("p.Arg201Cyss", 11),
        ("p.Arg201Arg", 10),
        ("p.Arx201Cys", 2),
        ("p.R201Cys", 6),
        ("p.Arg201C", 8),
        ("p.(Arg201Cys", 12),
        ("p.Arg201GlyfsTer0", 16),
        ("p.Arg0Cys", 5),
        ("p.Lys78_Gly76del", 8),
        ("p.Lys76_Gly78insAla", 16),
        ("p.Arg201ext*5", 11),
        ("p.Arg201GlyextTer5", 14),
    ])
    func malformed(_ text: String, _ offset: Int) {
        do {
            let v = try HGVSVariant(parsing: text)
            Issue.record("parsed '\(text)' as \(v)")
        } catch {
            #expect(error.offset == offset, "\(text): \(error.description)")
            #expect(error.caretLine.count == offset + 1)
            #expect(error.description.contains("character \(offset + 1)"))
        }
    }

    @Test(arguments: ["NM_000516.7:c.565_568dZ", "NM_000516.7:Q.565del", "NM_000516.7:c.565_568del extraQ", "p.Arg201Qqq", "NM_0005#16:c.1A>G", "c.601Q>T"])
    func errorsDoNotRepeatTheInput(_ text: String) {
        do {
            _ = try HGVSVariant(parsing: text)
            Issue.record("expected an error")
        } catch {
            #expect(!error.message.contains("Q") && !error.message.contains("Z") && !error.message.contains("565"),
                    "\(error.message)")
        }
    }
}
