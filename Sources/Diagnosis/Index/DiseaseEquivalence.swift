import Foundation
public import Ontology
public import Clinical

/// OMIM, Orphanet and DECIPHER entries that name the same disease, for `--database all`, where
/// ranking both would list one disease twice and split its probability.
///
/// Two sources, both citable: the curated monographs (each lists its disease's OMIM, Orphanet and
/// MONDO ids with sources), and the release's gene links: an OMIM and an Orphanet entry that are
/// each their one gene's only entry of their database, and have that one gene only, are the same
/// disease (the HPO 2025 files carry no OMIM-Orphanet cross-references of their own).
public struct DiseaseEquivalence: Sendable {
    /// The representative id of each merged id (the OMIM id where there is one).
    private let representative: [TermID: TermID]
    /// Every id of a class, representative first.
    private let members: [TermID: [TermID]]

    public init(kb: KnowledgeBase, catalog: MonographCatalog?) {
        var groups: [[TermID]] = []
        for m in catalog?.monographs ?? [] {
            let ids = m.identifiers.map(\.value).filter { ["OMIM", "ORPHA", "DECIPHER"].contains($0.prefix) }
            if ids.count > 1 { groups.append(ids) }
        }
        for diseases in kb.diseasesOfGene {
            if let pair = Self.geneLinkedPair(diseases, in: kb) { groups.append([kb.diseases[Int(pair.omim)].id, kb.diseases[Int(pair.orpha)].id]) }
        }
        // Union of overlapping groups, with the OMIM id (or the smallest) as representative.
        var parent: [TermID: TermID] = [:]
        func find(_ x: TermID) -> TermID {
            var r = x
            while let p = parent[r], p != r { r = p }
            return r
        }
        for group in groups {
            for id in group where parent[id] == nil { parent[id] = id }
            for id in group.dropFirst() {
                let a = find(group[0]), b = find(id)
                if a != b { parent[b] = a }
            }
        }
        var classes: [TermID: [TermID]] = [:]
        for id in parent.keys { classes[find(id), default: []].append(id) }
        var representative: [TermID: TermID] = [:]
        var members: [TermID: [TermID]] = [:]
        for ids in classes.values {
            let sorted = ids.sorted { a, b in (a.prefix == "OMIM") != (b.prefix == "OMIM") ? a.prefix == "OMIM" : a < b }
            for id in sorted { representative[id] = sorted[0] }
            members[sorted[0]] = sorted
        }
        self.representative = representative
        self.members = members
    }

    /// The OMIM and the Orphanet entry that one gene's entries (`diseases`, knowledge-base indices)
    /// show to be the same disease: the gene's only OMIM entry and its only Orphanet entry, each
    /// with that one gene only; nil otherwise.
    static func geneLinkedPair(_ diseases: [Int32], in kb: KnowledgeBase) -> (omim: Int32, orpha: Int32)? {
        let omim = diseases.filter { kb.diseases[Int($0)].id.prefix == "OMIM" }
        let orpha = diseases.filter { kb.diseases[Int($0)].id.prefix == "ORPHA" }
        guard omim.count == 1, orpha.count == 1,
              kb.genesOfDisease[Int(omim[0])].count == 1, kb.genesOfDisease[Int(orpha[0])].count == 1 else { return nil }
        return (omim[0], orpha[0])
    }

    /// The id that stands for the disease of `id` (itself when it is merged with nothing).
    public func representative(of id: TermID) -> TermID { representative[id] ?? id }

    /// The other ids of the same disease.
    public func equivalents(of id: TermID) -> [TermID] {
        (members[representative(of: id)] ?? []).filter { $0 != id }
    }

    /// A ranking with each disease once: the best-scoring entry of each class stands for it, its
    /// post-test probability recomputed over the merged diseases (uniform over diseases, not
    /// entries); ties share the worse rank as before.
    public func merge(_ ranked: [RankedDisease]) -> [RankedDisease] {
        var seen = Set<TermID>()
        var kept: [RankedDisease] = []
        for r in ranked where seen.insert(representative(of: r.disease.id)).inserted { kept.append(r) }
        guard let top = kept.first?.logLikelihoodRatio else { return kept }
        var z = 0.0
        for r in kept { z += exp(r.logLikelihoodRatio - top) }
        var i = 0
        while i < kept.count {
            var j = i
            while j + 1 < kept.count && kept[j + 1].logLikelihoodRatio == kept[i].logLikelihoodRatio { j += 1 }
            for k in i...j {
                kept[k].rank = j + 1
                kept[k].posterior = exp(kept[k].logLikelihoodRatio - top) / z
            }
            i = j + 1
        }
        return kept
    }
}
