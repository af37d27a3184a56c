import Foundation
import Testing
import Ontology

/// The pinned HPO release in Data/, parsed for real and read back from its snapshot.
@Suite(.serialized) struct ReleaseTests {
    static func store() throws -> ReleaseStore {
        let data = try #require(ReleaseStore.bundledDataDirectory())
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("ossify-test-cache-\(getpid())")
        return ReleaseStore(dataDirectory: data, cacheDirectory: cache, origin: "test")
    }

    @Test func parsesThePinnedReleaseAndReloadsItFromTheSnapshot() throws {
        let store = try Self.store()
        defer { try? FileManager.default.removeItem(at: store.cacheDirectory) }
        let (kb, first) = try KnowledgeBaseLoader.load(store)
        #expect(first.path == .parsed)
        #expect(kb.release.hpoVersion == "hp/releases/2025-01-16")
        #expect(kb.terms.count == 19_484)
        #expect(kb.terms.filter(\.isObsolete).count == 450)
        #expect(kb.corpusSizes[.omim] == 8_359 && kb.corpusSizes[.orpha] == 4_281 && kb.corpusSizes[.decipher] == 47)
        let t = try #require(kb.term(.hpo(34282)))
        #expect(t.name == "Subcutaneous ossification" && t.parents == [.hpo(11986)])
        let poh = try #require(kb.disease(TermID("OMIM:166350")!))
        #expect(poh.name == "Osseous heteroplasia, progressive")
        let gnas = try #require(kb.geneIndex["GNAS"])
        #expect(kb.genes[Int(gnas)].ncbiID == 2778)
        #expect(kb.diseasesOfGene[Int(gnas)].count == 16)

        let (again, second) = try KnowledgeBaseLoader.load(store)
        #expect(second.path == .snapshot)
        #expect(again.terms == kb.terms && again.annotations == kb.annotations && again.diseaseCounts == kb.diseaseCounts)
    }

    @Test func aMissingReleaseFileIsAClearError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ossify-empty-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            _ = try KnowledgeBaseLoader.readRelease(empty)
        } throws: { error in
            (error as? DataFileError)?.description.contains("hp.obo") == true
        }
    }

    @Test func aCorruptGzipIsAClearError() throws {
        #expect(throws: DataFileError.self) { _ = try Gzip.decompress([0x1f, 0x8b, 8, 0, 1, 2, 3], name: "x.gz") }
    }
}
