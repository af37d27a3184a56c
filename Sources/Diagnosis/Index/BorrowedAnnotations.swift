import Ontology

/// Annotations a disease borrows, weakly, from the other diseases of its gene.
///
/// Allelic diseases of one gene share much of their phenotype, and HPO annotates them separately and
/// unevenly: an OMIM entry from a single early report may list a third of what the Orphanet entry or
/// a sibling OMIM entry of the same gene lists. A patient feature annotated only to a sibling is
/// therefore weak evidence for the disease, far weaker than its own annotation and far stronger than
/// no relation at all. The siblings come from the HPO release (genes_to_phenotype), any corpus.
///
/// Only diseases of one mechanism lend to each other: the same gene can cause a germline
/// loss-of-function disease and a somatic gain-of-function one (GNAS: PHP1A and POH against
/// McCune-Albright syndrome), whose features say nothing about each other. Two diseases lend only
/// when the release gives both a mode of inheritance, they share one, and neither is somatic
/// (see ``Mechanisms``).
enum BorrowedAnnotations {
    /// The other diseases (OMIM, Orphanet or DECIPHER) of a disease's gene that share its mechanism,
    /// when the disease and the sibling each have that one gene only; a disease of several genes (a
    /// contiguous deletion, a digenic disease) borrows nothing.
    static func geneSiblings(of d: Int32, in kb: KnowledgeBase, mechanisms: Mechanisms) -> [Int32] {
        let genes = kb.genesOfDisease[Int(d)]
        guard genes.count == 1, let own = mechanisms.modes(of: d) else { return [] }
        return kb.diseasesOfGene[Int(genes[0])].filter { o in
            guard o != d, kb.genesOfDisease[Int(o)].count == 1, let other = mechanisms.modes(of: o) else { return false }
            return !own.isDisjoint(with: other)
        }
    }

    /// Whether the OMIM entry `d` and its sibling `o` name the same disease, by the release's gene
    /// links (as `DiseaseEquivalence`): `o` is the Orphanet entry, and their one gene has no other
    /// OMIM or Orphanet entry. A sparsely annotated OMIM entry (one early report: fewer than
    /// `sparseAnnotationCount` phenotype annotations) then borrows the Orphanet entry's annotations
    /// with `sameDiseaseFactor` rather than `geneSiblingFactor`: Orphanet describes the same disease
    /// from the later literature, so its features are much stronger evidence than a sibling's,
    /// yet they stay borrowed (never used for the specificity floor, the term shares or absence).
    static func isSameDisease(_ d: Int32, _ o: Int32, in kb: KnowledgeBase) -> Bool {
        let genes = kb.genesOfDisease[Int(d)]
        guard genes.count == 1, let pair = DiseaseEquivalence.geneLinkedPair(kb.diseasesOfGene[Int(genes[0])], in: kb) else { return false }
        return pair.omim == d && pair.orpha == o
    }

    /// The positive phenotype annotations of the siblings.
    static func annotations(of siblings: [Int32], in kb: KnowledgeBase) -> [Annotation] {
        siblings.flatMap { kb.annotations[Int($0)].filter { $0.aspect == .phenotype && !$0.negated } }
    }

    /// The germline modes of inheritance of each disease as the release states them, or nil when the
    /// release does not tell them or the disease is somatic (it lends to no one and borrows from no one).
    ///
    /// - A disease annotated with Somatic mosaicism (HP:0001442) or Somatic mutation (HP:0001428), or
    ///   named ", somatic" (OMIM's marking of a phenotype caused by somatic variants: "Pituitary
    ///   adenoma 3, multiple types, somatic"), is somatic.
    /// - A disease with no inheritance annotation (every Orphanet entry of the 2025 releases) takes
    ///   the modes of the other diseases of its single gene when they all have the same modes and
    ///   none is somatic; otherwise its mechanism is unknown.
    struct Mechanisms: Sendable {
        private var annotated: [Set<InheritanceMode>?]
        private var somatic: [Bool]
        private let kb: KnowledgeBase

        init(kb: KnowledgeBase) {
            self.kb = kb
            annotated = Array(repeating: nil, count: kb.diseases.count)
            somatic = Array(repeating: false, count: kb.diseases.count)
            for d in 0..<kb.diseases.count {
                var modes = Set<InheritanceMode>()
                for a in kb.annotations[d] where a.aspect == .inheritance && !a.negated {
                    guard let t = kb.index(of: a.term) else { continue }
                    modes.formUnion(InheritanceMode.of(t, in: kb))
                }
                let name = kb.diseases[d].name.lowercased()
                somatic[d] = modes.contains(.somatic) || name.contains(", somatic") || name.hasSuffix(" somatic")
                annotated[d] = modes.isEmpty ? nil : modes
            }
        }

        func modes(of d: Int32) -> Set<InheritanceMode>? {
            if somatic[Int(d)] { return nil }
            if let own = annotated[Int(d)] { return own }
            let genes = kb.genesOfDisease[Int(d)]
            guard genes.count == 1 else { return nil }
            var agreed: Set<InheritanceMode>?
            for o in kb.diseasesOfGene[Int(genes[0])] where o != d {
                if somatic[Int(o)] { return nil }
                guard let m = annotated[Int(o)] else { continue }
                if let a = agreed, a != m { return nil }
                agreed = m
            }
            return agreed
        }
    }
}
