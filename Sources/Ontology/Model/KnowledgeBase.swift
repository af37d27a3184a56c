import Foundation

/// The parsed HPO release with every index the rest of Ossify needs: terms by dense integer index,
/// parents, children and ancestor sets, diseases with their annotations, genes, and information
/// content per disease corpus. Built once from the release files (``KnowledgeBase/build``) and then
/// kept as a binary snapshot for fast start.
public struct KnowledgeBase: Sendable {
    public struct Release: Hashable, Sendable, Codable {
        public var hpoVersion: String
        public var annotationVersion: String
        /// A checksum of the release files, which keys the snapshot cache.
        public var checksum: String
        public var source: String
    }

    public internal(set) var release: Release
    /// Every term of hp.obo, obsolete ones included, in file order; a term's position is its index.
    public internal(set) var terms: [Term]
    /// Index of each primary id.
    public internal(set) var termIndex: [TermID: Int32]
    /// Index of the term each alt_id now belongs to.
    public internal(set) var altIndex: [TermID: Int32]
    public internal(set) var parents: [[Int32]]
    public internal(set) var children: [[Int32]]
    /// Each term's ancestors including itself, ascending by index. Empty for obsolete terms.
    public internal(set) var ancestors: [[Int32]]

    public internal(set) var diseases: [Disease]
    public internal(set) var diseaseIndex: [TermID: Int32]
    /// The annotations of each disease (parallel to `diseases`).
    public internal(set) var annotations: [[Annotation]]

    public internal(set) var genes: [Gene]
    public internal(set) var geneIndex: [String: Int32]
    public internal(set) var genesOfDisease: [[Int32]]
    public internal(set) var diseasesOfGene: [[Int32]]

    /// Per corpus: for each term, the number of the corpus's diseases annotated to it or to a
    /// descendant (positive annotations only), and the corpus size.
    public internal(set) var diseaseCounts: [Corpus: [Int32]]
    public internal(set) var corpusSizes: [Corpus: Int]

    public var termCount: Int { terms.count }

    public func index(of id: TermID) -> Int32? { termIndex[id] }
    public func term(_ id: TermID) -> Term? { termIndex[id].map { terms[Int($0)] } }
    public func term(at index: Int32) -> Term { terms[Int(index)] }

    /// True when `ancestor` is `term` or one of its ancestors.
    public func isAncestor(_ ancestor: Int32, of term: Int32) -> Bool {
        sortedContains(ancestors[Int(term)], ancestor)
    }

    /// Information content -ln(p) of a term in a corpus, p the fraction of the corpus's diseases
    /// annotated to the term or a descendant. A term no disease reaches gets the IC of one disease.
    public func informationContent(_ index: Int32, corpus: Corpus = .omim) -> Double {
        guard let n = corpusSizes[corpus], n > 0, let counts = diseaseCounts[corpus] else { return 0 }
        let c = max(1, Int(counts[Int(index)]))
        return -log(Double(c) / Double(n))
    }

    /// Number of diseases annotated directly with a term (positive annotations), per corpus.
    public func directDiseaseCount(_ index: Int32, corpus: Corpus = .all) -> Int {
        let id = terms[Int(index)].id
        var n = 0
        for (d, list) in annotations.enumerated() where corpus.contains(diseases[d].id) {
            if list.contains(where: { $0.term == id && !$0.negated }) { n += 1 }
        }
        return n
    }

    public func disease(_ id: TermID) -> Disease? { diseaseIndex[id].map { diseases[Int($0)] } }
}

/// Binary search in an ascending array.
@inlinable
func sortedContains(_ array: [Int32], _ value: Int32) -> Bool {
    var lo = 0, hi = array.count
    while lo < hi {
        let mid = (lo + hi) >> 1
        let v = array[mid]
        if v == value { return true }
        if v < value { lo = mid + 1 } else { hi = mid }
    }
    return false
}
