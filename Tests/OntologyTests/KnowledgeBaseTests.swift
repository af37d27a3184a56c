import Foundation
import Testing
import Ontology
import TestSupport

@Suite struct KnowledgeBaseTests {
    @Test func ancestorsAndChildren() throws {
        let kb = try Fixture.knowledgeBase()
        let c = try #require(kb.index(of: .hpo(300)))
        let ids = kb.ancestors[Int(c)].map { kb.term(at: $0).id }
        #expect(Set(ids) == [.hpo(1), .hpo(118), .hpo(100), .hpo(200), .hpo(300)])
        let a = try #require(kb.index(of: .hpo(100)))
        #expect(Set(kb.children[Int(a)].map { kb.term(at: $0).id }) == [.hpo(200), .hpo(400)])
    }

    /// IC = -ln(diseases annotated at or below / diseases), hand-computed for the fixture.
    @Test func informationContentByCorpus() throws {
        let kb = try Fixture.knowledgeBase()
        func ic(_ n: Int, _ corpus: Corpus) throws -> Double {
            kb.informationContent(try #require(kb.index(of: .hpo(n))), corpus: corpus)
        }
        #expect(kb.corpusSizes[.omim] == 4 && kb.corpusSizes[.orpha] == 1 && kb.corpusSizes[.all] == 5)
        // A: OMIM:1 (via B), OMIM:2 (via C), OMIM:3 (via D) of 4.
        #expect(abs(try ic(100, .omim) - -log(3.0 / 4)) < 1e-12)
        #expect(abs(try ic(200, .omim) - -log(2.0 / 4)) < 1e-12)
        #expect(abs(try ic(300, .omim) - -log(1.0 / 4)) < 1e-12)
        // F: only OMIM:4; the NOT annotation of OMIM:2 does not count.
        #expect(abs(try ic(600, .omim) - log(4.0)) < 1e-12)
        // A in all corpora: 3 OMIM + ORPHA:9 of 5.
        #expect(abs(try ic(100, .all) - -log(4.0 / 5)) < 1e-12)
        // The root carries no information.
        #expect(try ic(1, .omim) == 0)
        // No ORPHA disease reaches C: the IC of one disease in a corpus of one.
        #expect(try ic(300, .orpha) == 0)
        #expect(kb.directDiseaseCount(try #require(kb.index(of: .hpo(300))), corpus: .omim) == 1)
    }

    @Test func resolvesAltAndObsoleteIDs() throws {
        let kb = try Fixture.knowledgeBase()
        #expect(kb.resolve(.hpo(300)) == .current(try #require(kb.index(of: .hpo(300)))))
        let alt = kb.resolve(.hpo(301))
        #expect(alt.index == kb.index(of: .hpo(300)))
        #expect(kb.resolutionNote(alt)?.contains("alternative id of HP:0000300") == true)
        let old = kb.resolve(.hpo(700))
        #expect(old.index == kb.index(of: .hpo(300)))
        #expect(kb.resolutionNote(old)?.contains("obsolete; replaced by HP:0000300") == true)
        #expect(kb.resolve(.hpo(999)) == .unknown(.hpo(999)))
        #expect(kb.closeIDs(to: .hpo(900)).contains(.hpo(100)))
    }

    @Test func genesAndDiseases() throws {
        let kb = try Fixture.knowledgeBase()
        let g = try #require(kb.geneIndex["G1"])
        #expect(kb.diseasesOfGene[Int(g)].map { kb.diseases[Int($0)].id.description } == ["OMIM:1", "OMIM:2"])
        #expect(kb.genesOfDisease[Int(try #require(kb.diseaseIndex[TermID("OMIM:3")!]))].isEmpty)
    }

    @Test func snapshotRoundTripKeepsEverything() throws {
        let kb = try Fixture.knowledgeBase()
        let back = try #require(KnowledgeBase.fromSnapshot(kb.snapshotBytes()))
        #expect(back.terms == kb.terms)
        #expect(back.annotations == kb.annotations)
        #expect(back.diseases == kb.diseases)
        #expect(back.ancestors == kb.ancestors)
        #expect(back.children.map { $0.sorted() } == kb.children.map { $0.sorted() })
        #expect(back.diseaseCounts == kb.diseaseCounts)
        #expect(back.genes == kb.genes && back.diseasesOfGene == kb.diseasesOfGene)
        #expect(back.release == kb.release)
        #expect(back.altIndex == kb.altIndex)
    }

    @Test func damagedSnapshotIsRejectedNotCrashed() throws {
        let bytes = try Fixture.knowledgeBase().snapshotBytes()
        #expect(KnowledgeBase.fromSnapshot(Array(bytes.prefix(bytes.count / 2))) == nil)
        var flipped = bytes
        flipped[4] ^= 0xFF  // first byte of the magic string
        #expect(KnowledgeBase.fromSnapshot(flipped) == nil)
        var overlong = bytes
        overlong.append(0)  // trailing garbage
        #expect(KnowledgeBase.fromSnapshot(overlong) == nil)
        #expect(KnowledgeBase.fromSnapshot([]) == nil)
    }

    @Test func searchIsCaseHyphenAndWordOrderInsensitive() throws {
        let kb = try Fixture.knowledgeBase()
        let search = TermSearch(kb)
        func top(_ q: String) -> TermID? { search.search(q).first.map { kb.term(at: $0.term).id } }
        #expect(top("subcutaneous bony") == .hpo(300))
        #expect(top("BONY subcut") == .hpo(300))
        #expect(top("alpha type") == .hpo(100))
        #expect(top("c nod") == .hpo(300))
        #expect(search.search("zzz").isEmpty)
        // The obsolete term is never a hit.
        #expect(search.search("obsolete old").isEmpty)
    }
}
