extension KnowledgeBase {
    /// Builds the indexed knowledge base from parsed release files. Throws when the files do not fit
    /// together (a parent that is not a term, a cycle in is_a).
    public static func build(obo: OBODocument, hpoa: HPOADocument, genes links: [GeneDiseaseLink],
                             checksum: String, source: String) throws(DataFileError) -> KnowledgeBase {
        let terms = obo.terms
        var termIndex: [TermID: Int32] = [:]
        termIndex.reserveCapacity(terms.count)
        for (i, t) in terms.enumerated() { termIndex[t.id] = Int32(i) }
        var altIndex: [TermID: Int32] = [:]
        for (i, t) in terms.enumerated() where !t.isObsolete {
            for alt in t.altIDs where termIndex[alt] == nil { altIndex[alt] = Int32(i) }
        }
        var parents = [[Int32]](repeating: [], count: terms.count)
        var children = [[Int32]](repeating: [], count: terms.count)
        for (i, t) in terms.enumerated() {
            for p in t.parents {
                guard let pi = termIndex[p] else {
                    throw DataFileError(file: "hp.obo", line: nil, field: "is_a", reason: "\(t.id) names the parent \(p), which is not a term")
                }
                parents[i].append(pi)
                children[Int(pi)].append(Int32(i))
            }
        }
        let ancestors = try computeAncestors(parents: parents, terms: terms)

        var diseaseIndex: [TermID: Int32] = [:]
        var diseases: [Disease] = []
        for d in hpoa.diseases where diseaseIndex[d.id] == nil {
            diseaseIndex[d.id] = Int32(diseases.count)
            diseases.append(d)
        }
        var annotations = [[Annotation]](repeating: [], count: diseases.count)
        for a in hpoa.annotations {
            guard let d = diseaseIndex[a.disease] else { continue }
            annotations[Int(d)].append(a)
        }

        var genes: [Gene] = []
        var geneIndex: [String: Int32] = [:]
        var genesOfDisease = [[Int32]](repeating: [], count: diseases.count)
        var diseasesOfGene: [[Int32]] = []
        for link in links {
            let g: Int32
            if let existing = geneIndex[link.gene.symbol] {
                g = existing
            } else {
                g = Int32(genes.count)
                geneIndex[link.gene.symbol] = g
                genes.append(link.gene)
                diseasesOfGene.append([])
            }
            guard let d = diseaseIndex[link.disease] else { continue }
            if !genesOfDisease[Int(d)].contains(g) { genesOfDisease[Int(d)].append(g) }
            if !diseasesOfGene[Int(g)].contains(d) { diseasesOfGene[Int(g)].append(d) }
        }

        diseasesOfGene = diseasesOfGene.map { $0.sorted() }
        var kb = KnowledgeBase(
            release: Release(hpoVersion: obo.dataVersion ?? "unknown", annotationVersion: hpoa.version ?? "unknown",
                             checksum: checksum, source: source),
            terms: terms, termIndex: termIndex, altIndex: altIndex, parents: parents, children: children,
            ancestors: ancestors, diseases: diseases, diseaseIndex: diseaseIndex, annotations: annotations,
            genes: genes, geneIndex: geneIndex, genesOfDisease: genesOfDisease, diseasesOfGene: diseasesOfGene,
            diseaseCounts: [:], corpusSizes: [:])
        kb.computeDiseaseCounts()
        return kb
    }

    /// Ancestor sets (each including the term) by depth-first memoisation; a cycle is an error.
    static func computeAncestors(parents: [[Int32]], terms: [Term]) throws(DataFileError) -> [[Int32]] {
        let n = parents.count
        var result = [[Int32]?](repeating: nil, count: n)
        var onStack = [Bool](repeating: false, count: n)
        for start in 0..<n where result[start] == nil && !terms[start].isObsolete {
            // Iterative post-order walk.
            var stack: [(Int, Int)] = [(start, 0)]
            onStack[start] = true
            while let (node, next) = stack.last {
                let ps = parents[node]
                if next < ps.count {
                    stack[stack.count - 1].1 += 1
                    let p = Int(ps[next])
                    if result[p] != nil { continue }
                    if onStack[p] {
                        throw DataFileError(file: "hp.obo", line: nil, field: "is_a", reason: "is_a cycle through \(terms[p].id)")
                    }
                    onStack[p] = true
                    stack.append((p, 0))
                } else {
                    var set = Set<Int32>([Int32(node)])
                    for p in ps { if let a = result[Int(p)] { set.formUnion(a) } }
                    result[node] = set.sorted()
                    onStack[node] = false
                    stack.removeLast()
                }
            }
        }
        return result.map { $0 ?? [] }
    }

    /// Counts, per corpus and term, the diseases annotated to the term or a descendant.
    mutating func computeDiseaseCounts() {
        var counts: [Corpus: [Int32]] = [:]
        var sizes: [Corpus: Int] = [:]
        for corpus in Corpus.allCases {
            var c = [Int32](repeating: 0, count: terms.count)
            var mark = [Int32](repeating: -1, count: terms.count)
            var size = 0
            for (d, disease) in diseases.enumerated() where corpus.contains(disease.id) {
                size += 1
                for a in annotations[d] where !a.negated {
                    guard let t = termIndex[a.term] else { continue }
                    for anc in ancestors[Int(t)] where mark[Int(anc)] != Int32(d) {
                        mark[Int(anc)] = Int32(d)
                        c[Int(anc)] += 1
                    }
                }
            }
            counts[corpus] = c
            sizes[corpus] = size
        }
        diseaseCounts = counts
        corpusSizes = sizes
    }
}
