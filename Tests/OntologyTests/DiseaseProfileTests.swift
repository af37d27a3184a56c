import Testing
@testable import Ontology

/// The pinned HPO release, loaded once (from the snapshot cache after the first run).
let profileKnowledgeBase: Result<KnowledgeBase, DataFileError> = Result { () throws(DataFileError) -> KnowledgeBase in
    try KnowledgeBaseLoader.load(try ReleaseStore.standard()).0
}

/// Profiles derived from the real HPO annotations.
@Suite struct DiseaseProfileTests {
    let kb: KnowledgeBase

    init() throws {
        kb = try profileKnowledgeBase.get()
    }

    func profile(_ id: String) throws -> DiseaseProfile {
        let termID = try #require(TermID(id))
        return try #require(DiseaseProfile(termID, in: kb))
    }

    func system(_ p: DiseaseProfile, _ id: Int) -> [TermID]? {
        p.systems.first { $0.system.id == .hpo(id) }?.features.map(\.term.id)
    }

    @Test func php1aGroupsFeaturesUnderTheirOrganSystems() throws {
        let p = try profile("OMIM:103580")
        #expect(p.name == "Pseudohypoparathyroidism, type IA")
        // Abnormality of limbs: brachydactyly, short metatarsal.
        #expect(system(p, 40064)?.contains(.hpo(1156)) == true)
        #expect(system(p, 40064)?.contains(.hpo(10743)) == true)
        // Abnormality of the endocrine system: pseudohypoparathyroidism.
        #expect(system(p, 818)?.contains(.hpo(852)) == true)
        // Abnormality of head or neck: round face.
        #expect(system(p, 152)?.contains(.hpo(311)) == true)
        // Brachydactyly is not an endocrine feature.
        #expect(system(p, 818)?.contains(.hpo(1156)) == false)
        // Every organ system is a child of Phenotypic abnormality.
        let root = try #require(kb.index(of: HPO.phenotypicAbnormality))
        for g in p.systems {
            #expect(kb.parents[Int(try #require(kb.index(of: g.system.id)))].contains(root))
        }
        #expect(p.inheritance.map(\.term.id) == [.hpo(6)])
        #expect(p.onset.map(\.term.id) == [.hpo(3593)])
        #expect(p.genes.map(\.symbol) == ["GNAS"])
        #expect(p.counts.organSystems == p.systems.count)
    }

    @Test func aFeatureUnderSeveralSystemsIsListedUnderEach() throws {
        let p = try profile("OMIM:103580")
        // Elevated circulating PTH lies under both metabolism/homeostasis and the endocrine system.
        #expect(system(p, 1939)?.contains(.hpo(3165)) == true)
        #expect(system(p, 818)?.contains(.hpo(3165)) == true)
        // ...but counts once.
        let listed = p.systems.flatMap(\.features).map(\.term.id)
        #expect(Set(listed).count + p.unclassified.count == p.counts.phenotypicFeatures)
        #expect(listed.count > p.counts.phenotypicFeatures)
        #expect(p.grouping == DiseaseProfile.groupingNote)
    }

    @Test func fopFrequenciesOnsetAndGene() throws {
        let p = try profile("OMIM:135100")
        // Ectopic ossification in muscle tissue: musculoskeletal system, annotated 1/1 with infantile onset.
        let muscle = try #require(p.systems.first { $0.system.id == .hpo(33127) }?.features.first { $0.term.id == .hpo(11987) })
        #expect(muscle.frequencies == ["1/1"])
        #expect(muscle.onsets.map(\.id) == [.hpo(3593)])
        #expect(muscle.references.count == 2, "two lines of phenotype.hpoa merged into one feature")
        #expect(p.genes.map(\.symbol) == ["ACVR1"])
        #expect(p.excluded.isEmpty)
        #expect(p.inheritance.map(\.term.id) == [.hpo(6)])
    }

    @Test func excludedFeaturesAndSex() throws {
        // ORPHA:79406 has the most NOT annotations of the release.
        let p = try profile("ORPHA:79406")
        #expect(p.excluded.count > 10)
        #expect(p.counts.excluded == p.excluded.count)
        let present = Set(p.systems.flatMap(\.features).map(\.term.id))
        #expect(p.excluded.allSatisfy { !present.contains($0.term.id) })
        let sexed = try profile("OMIM:605231")
        let male = sexed.systems.flatMap(\.features).first { $0.term.id == .hpo(47) }
        #expect(male?.sexes == [.male])
        #expect(sexed.text.contains("male only"))
    }

    @Test func textNamesTheSource() throws {
        let text = try profile("OMIM:135100").text
        #expect(text.hasPrefix("Fibrodysplasia ossificans progressiva (OMIM:135100)\nDerived from the HPO annotations"))
        #expect(text.contains("Abnormality of the musculoskeletal system (HP:0033127)"))
        #expect(text.contains("Genes (genes_to_phenotype): ACVR1"))
    }

    @Test func lookupAndCloseMatches() {
        let lookup = DiseaseLookup(kb)
        #expect(lookup.index(of: "omim:166350") == kb.diseaseIndex[TermID(prefix: "OMIM", local: "166350")])
        #expect(lookup.index(of: "Orphanet:2762") == kb.diseaseIndex[TermID(prefix: "ORPHA", local: "2762")])
        #expect(lookup.index(of: "OMIM:000000") == nil)
        #expect(lookup.closeMatches("OMIM:16635").first?.id == TermID(prefix: "OMIM", local: "166350"))
        // Word order does not matter: both spellings of POH come first.
        #expect(Set(lookup.closeMatches("progressive osseous heteroplasia").prefix(2).map(\.id))
                == [TermID(prefix: "ORPHA", local: "2762"), TermID(prefix: "OMIM", local: "166350")])
    }
}
