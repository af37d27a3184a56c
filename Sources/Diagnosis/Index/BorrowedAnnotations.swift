import Ontology

/// Annotations a disease borrows, weakly, from the other diseases of its gene.
///
/// Allelic diseases of one gene share much of their phenotype, and HPO annotates them separately and
/// unevenly: an OMIM entry from a single early report may list a third of what the Orphanet entry or
/// a sibling OMIM entry of the same gene lists. A patient feature annotated only to a sibling is
/// therefore weak evidence for the disease, far weaker than its own annotation and far stronger than
/// no relation at all. The siblings come from the HPO release (genes_to_phenotype), any corpus.
enum BorrowedAnnotations {
    /// The other diseases (OMIM, Orphanet or DECIPHER) of a disease's gene, when the disease and the
    /// sibling each have that one gene only; a disease of several genes (a contiguous deletion, a
    /// digenic disease) borrows nothing.
    static func geneSiblings(of d: Int32, in kb: KnowledgeBase) -> [Int32] {
        let genes = kb.genesOfDisease[Int(d)]
        guard genes.count == 1 else { return [] }
        return kb.diseasesOfGene[Int(genes[0])].filter { $0 != d && kb.genesOfDisease[Int($0)].count == 1 }
    }

    /// The positive phenotype annotations of the siblings.
    static func annotations(of siblings: [Int32], in kb: KnowledgeBase) -> [Annotation] {
        siblings.flatMap { kb.annotations[Int($0)].filter { $0.aspect == .phenotype && !$0.negated } }
    }
}
