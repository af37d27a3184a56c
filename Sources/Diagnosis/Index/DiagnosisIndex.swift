public import Ontology
import Foundation

/// The knowledge base rearranged for ranking one corpus fast: for every HPO term, the diseases
/// annotated to it or to a descendant with the highest frequency among those annotations
/// ("induced" annotations, in compressed rows), NOT annotations by term, onset classes and genes.
public struct DiagnosisIndex: Sendable {
    public let kb: KnowledgeBase
    public let corpus: Corpus
    public let sex: AnnotationSex?
    public let parameters: ScoringParameters
    /// Knowledge-base indices of the corpus's diseases; a disease's position here is its slot.
    public let diseases: [Int32]
    /// Row `t` of the induced table: slots `inducedStart[t]..<inducedStart[t+1]` of
    /// `inducedDisease`/`inducedFrequency`.
    let inducedStart: [Int32]
    let inducedDisease: [Int32]
    let inducedFrequency: [Float]
    /// The best frequency among the disease's own annotations at or below the row's term (borrowed
    /// ones left out), 0 when it has none.
    let ownFrequency: [Float]
    /// The frequency of the disease's annotation exactly at the row's term, 0 when it has none there.
    let directFrequency: [Float]
    /// Row `t` of the own-direct table: the slots of diseases with an own (HPO or curated, not
    /// borrowed) positive annotation exactly at `t`. `LikelihoodEngine` floors the likelihood ratio of a
    /// more specific patient term with it (see `LikelihoodEngine.observedLikelihoodRatios`).
    let ownDirectStart: [Int32]
    let ownDirectDisease: [Int32]
    /// bg(t) and P(t|D) of the own-direct row, computed once per term on first use and shared by every thread.
    let termModels: TermModelCache
    /// p(t): share of the corpus's diseases annotated at or below t, borrowed annotations left out
    /// (at least half a disease).
    let termShare: [Double]
    /// Slots of diseases with a NOT annotation of each term.
    let negatedBy: [Int32: [Int32]]
    /// Onset classes annotated for each disease slot.
    let onsetClasses: [[OnsetClass]]
    /// Each disease's highest phenotype annotation frequency (its row entry at the root).
    let bestFrequency: [Float]
    /// The noise share of each disease for observed terms: `noise * (mean count / count)^completenessExponent`
    /// (at most 0.5), count the disease's phenotype annotations. A feature a sparsely annotated
    /// disease lacks is weaker evidence against it than one a thoroughly annotated disease lacks.
    let noise: [Double]
    /// Knowledge-base indices of the diseases each slot borrows annotations from (see
    /// ``BorrowedAnnotations``), empty when `geneSiblingFactor` is 0.
    let siblings: [[Int32]]
    /// The lending factor of each sibling of each slot (`siblings`): `geneSiblingFactor`, or
    /// `sameDiseaseFactor` for the Orphanet entry of a sparsely annotated OMIM entry's disease.
    let siblingFactors: [[Double]]
    /// Modes of inheritance annotated for each disease slot.
    let inheritance: [[InheritanceMode]]
    /// The likelihood ratio of each slot for the patient's sex (1 for most; see `sexLikelihoodRatio(inheritance:sex:kb:parameters:)`).
    let sexRatio: [Double]
    /// Slot of a disease id.
    public let slotOf: [TermID: Int32]

    public var count: Int { diseases.count }

    /// Annotations from cited literature added to the HPO ones (see ``CuratedAnnotations``).
    public let curated: [TermID: [Annotation]]

    /// Builds the index. Annotations restricted to the other sex than `sex` are left out.
    public init(kb: KnowledgeBase, corpus: Corpus, sex: AnnotationSex? = nil, parameters: ScoringParameters = .standard,
                curated: [TermID: [Annotation]] = [:]) {
        self.kb = kb
        self.curated = curated
        self.corpus = corpus
        self.sex = sex
        self.parameters = parameters
        var diseases: [Int32] = []
        var slotOf: [TermID: Int32] = [:]
        for (d, disease) in kb.diseases.enumerated() where corpus.contains(disease.id) {
            slotOf[disease.id] = Int32(diseases.count)
            diseases.append(Int32(d))
        }
        let termCount = kb.terms.count
        let onsetRoot = kb.index(of: HPO.onset)
        // Induced entries in disease order, each (term, slot, best, direct, own); sorted into rows by
        // term below. One flat array is much cheaper to grow than one small array per term.
        var entries: [(term: Int32, slot: Int32, best: Float, direct: Float, own: Float)] = []
        entries.reserveCapacity(1 << 20)
        var rowCount = [Int](repeating: 0, count: termCount)
        var best = [Float](repeating: -1, count: termCount)
        var bestOwn = [Float](repeating: 0, count: termCount)
        var direct = [Float](repeating: 0, count: termCount)
        var ownDirect = [Bool](repeating: false, count: termCount)
        var ownDirectEntries: [(term: Int32, slot: Int32)] = []
        var ownDirectCount = [Int](repeating: 0, count: termCount)
        let mechanisms = parameters.geneSiblingFactor > 0 ? BorrowedAnnotations.Mechanisms(kb: kb) : nil
        var touched: [Int32] = []
        var negatedBy: [Int32: [Int32]] = [:]
        var onsetClasses = [[OnsetClass]](repeating: [], count: diseases.count)
        var inheritance = [[InheritanceMode]](repeating: [], count: diseases.count)
        var inheritanceTerms = [[Int32]](repeating: [], count: diseases.count)
        var annotationCount = [Double](repeating: 0, count: diseases.count)
        var siblings = [[Int32]](repeating: [], count: diseases.count)
        var siblingFactors = [[Double]](repeating: [], count: diseases.count)
        // What each lending disease gives, computed once: its weighted frequencies at its annotated
        // terms (`direct`) and at every ancestor of them (`induced`, the best per term).
        var lent = [Lent?](repeating: nil, count: parameters.geneSiblingFactor > 0 ? kb.diseases.count : 0)
        var lentScratch = [Float](repeating: 0, count: parameters.geneSiblingFactor > 0 ? termCount : 0)
        func add(_ t: Int32, _ f: Float) {
            direct[Int(t)] = max(direct[Int(t)], f)
            ownDirect[Int(t)] = true
            for anc in kb.ancestors[Int(t)] {
                if best[Int(anc)] < 0 { touched.append(anc); best[Int(anc)] = 0 }
                best[Int(anc)] = max(best[Int(anc)], f)
                bestOwn[Int(anc)] = max(bestOwn[Int(anc)], f)
            }
        }
        for (slot, d) in diseases.enumerated() {
            for a in kb.annotations[Int(d)] + (curated[kb.diseases[Int(d)].id] ?? []) {
                if let sex, let only = a.sex, only != sex { continue }
                guard let t = kb.index(of: a.term) else { continue }
                if a.aspect == .course, let onsetRoot, kb.isAncestor(onsetRoot, of: t),
                   let c = OnsetClass.of(a.term, in: kb), !onsetClasses[slot].contains(c) {
                    onsetClasses[slot].append(c)
                    continue
                }
                if a.aspect == .inheritance, !a.negated {
                    inheritanceTerms[slot].append(t)
                    for mode in InheritanceMode.of(t, in: kb) where !inheritance[slot].contains(mode) { inheritance[slot].append(mode) }
                    continue
                }
                guard a.aspect == .phenotype else { continue }
                if a.negated {
                    negatedBy[t, default: []].append(Int32(slot))
                    continue
                }
                let f = Float(parameters.frequency(a.frequency))
                guard f > 0 else { continue }
                annotationCount[slot] += 1
                add(t, f)
            }
            if let mechanisms {
                siblings[slot] = BorrowedAnnotations.geneSiblings(of: d, in: kb, mechanisms: mechanisms)
                let sparse = parameters.sameDiseaseFactor > 0 && annotationCount[slot] < parameters.sparseAnnotationCount
                siblingFactors[slot] = siblings[slot].map { o in
                    sparse && BorrowedAnnotations.isSameDisease(d, o, in: kb) ? parameters.sameDiseaseFactor : parameters.geneSiblingFactor
                }
                for (o, factor) in zip(siblings[slot], siblingFactors[slot]) {
                    if lent[Int(o)] == nil { lent[Int(o)] = Lent(o, kb: kb, sex: sex, parameters: parameters, scratch: &lentScratch) }
                    guard let given = lent[Int(o)] else { continue }
                    // `Lent` weighs with geneSiblingFactor; the same disease's entry is rescaled.
                    let scale = Float(factor / parameters.geneSiblingFactor)
                    for (t, f) in given.direct { direct[Int(t)] = max(direct[Int(t)], min(1, f * scale)) }
                    for (t, f) in given.induced {
                        if best[Int(t)] < 0 { touched.append(t); best[Int(t)] = 0 }
                        best[Int(t)] = max(best[Int(t)], min(1, f * scale))
                    }
                }
            }
            for t in touched {
                entries.append((t, Int32(slot), best[Int(t)], direct[Int(t)], bestOwn[Int(t)]))
                if ownDirect[Int(t)] {
                    ownDirectEntries.append((t, Int32(slot)))
                    ownDirectCount[Int(t)] += 1
                    ownDirect[Int(t)] = false
                }
                rowCount[Int(t)] += 1
                best[Int(t)] = -1
                bestOwn[Int(t)] = 0
                direct[Int(t)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        let start = Self.rowStarts(rowCount)
        let total = Int(start[termCount])
        let odStart = Self.rowStarts(ownDirectCount)
        let odTotal = Int(odStart[termCount])
        var odDisease = [Int32](repeating: 0, count: odTotal)
        var odNext = odStart.map(Int.init)
        for e in ownDirectEntries {
            let k = odNext[Int(e.term)]
            odNext[Int(e.term)] = k + 1
            odDisease[k] = e.slot
        }
        ownDirectStart = odStart
        ownDirectDisease = odDisease
        termModels = TermModelCache(termCount: termCount)
        var dis = [Int32](repeating: 0, count: total)
        var freq = [Float](repeating: 0, count: total)
        var directFreq = [Float](repeating: 0, count: total)
        var ownFreq = [Float](repeating: 0, count: total)
        var ownCount = [Int](repeating: 0, count: termCount)
        var next = start.map(Int.init)
        // A stable scatter: within a row, slots stay in increasing order.
        for e in entries {
            let k = next[Int(e.term)]
            next[Int(e.term)] = k + 1
            dis[k] = e.slot
            freq[k] = e.best
            directFreq[k] = e.direct
            ownFreq[k] = e.own
            if e.own > 0 { ownCount[Int(e.term)] += 1 }
        }
        let n = Double(max(1, diseases.count))
        // Shares count the diseases' own annotations only: borrowing must not change how specific a term is.
        let share = ownCount.map { max(0.5, Double($0)) / n }
        var bestFrequency = [Float](repeating: 0, count: diseases.count)
        if let root = kb.index(of: HPO.root) {
            for k in Int(start[Int(root)])..<Int(start[Int(root) + 1]) { bestFrequency[Int(dis[k])] = freq[k] }
        }
        self.bestFrequency = bestFrequency
        self.inheritance = inheritance
        sexRatio = inheritanceTerms.map { Self.sexLikelihoodRatio(inheritance: $0, sex: sex, kb: kb, parameters: parameters) }
        self.siblings = siblings
        self.siblingFactors = siblingFactors
        let meanCount = annotationCount.reduce(0, +) / Double(max(1, annotationCount.count))
        noise = annotationCount.map { c in
            min(0.5, parameters.noise * pow(meanCount / max(1, c), parameters.completenessExponent))
        }
        self.diseases = diseases
        self.slotOf = slotOf
        inducedStart = start
        inducedDisease = dis
        inducedFrequency = freq
        directFrequency = directFreq
        ownFrequency = ownFreq
        termShare = share
        self.negatedBy = negatedBy
        self.onsetClasses = onsetClasses
    }

    /// The likelihood ratio of a disease for the patient's sex, from its modes of inheritance
    /// (`terms`, the disease's inheritance annotations). A disease inherited only X-linked
    /// recessively (HP:0001419), or with male-limited expression (HP:0001475), is uncommon in a
    /// female patient: heterozygous carriers are mostly unaffected; manifesting heterozygotes
    /// (skewed X inactivation, X-autosome translocations, Turner syndrome) are the exception. So a
    /// factor `femaleXRecessiveLR`, not an exclusion. X-linked dominant or unspecified X-linked
    /// diseases, and Y-linked ones (46,XY phenotypic females exist), are left alone; so are male
    /// patients and patients of unknown sex.
    static func sexLikelihoodRatio(inheritance terms: [Int32], sex: AnnotationSex?, kb: KnowledgeBase,
                                   parameters: ScoringParameters) -> Double {
        guard sex == .female, !terms.isEmpty else { return 1 }
        func under(_ root: TermID, _ t: Int32) -> Bool { kb.index(of: root).map { kb.isAncestor($0, of: t) } ?? false }
        let maleLimited = terms.contains { under(.hpo(1475), $0) }
        // The modes proper, qualifiers (HP:0034335: penetrance, anticipation, sex-limited expression) left out.
        let modes = terms.filter { !under(.hpo(34335), $0) }
        let onlyXRecessive = !modes.isEmpty && modes.allSatisfy { under(.hpo(1419), $0) }
        return maleLimited || onlyXRecessive ? parameters.femaleXRecessiveLR : 1
    }

    /// The weighted annotations one disease lends to the other diseases of its gene.
    struct Lent {
        var direct: [(Int32, Float)] = []
        var induced: [(Int32, Float)] = []

        /// `scratch` holds one 0 per term on entry and on return.
        init(_ d: Int32, kb: KnowledgeBase, sex: AnnotationSex?, parameters: ScoringParameters, scratch: inout [Float]) {
            var touched: [Int32] = []
            for a in kb.annotations[Int(d)] where a.aspect == .phenotype && !a.negated {
                if let sex, let only = a.sex, only != sex { continue }
                guard let t = kb.index(of: a.term) else { continue }
                let f = Float(parameters.frequency(a.frequency) * parameters.geneSiblingFactor)
                guard f > 0 else { continue }
                direct.append((t, f))
                for anc in kb.ancestors[Int(t)] {
                    if scratch[Int(anc)] == 0 { touched.append(anc) }
                    scratch[Int(anc)] = max(scratch[Int(anc)], f)
                }
            }
            induced = touched.map { ($0, scratch[Int($0)]) }
            for t in touched { scratch[Int(t)] = 0 }
        }
    }

    /// The induced row of a term: disease slots and their best frequency at or below the term.
    func row(_ t: Int32) -> (Range<Int>) { Int(inducedStart[Int(t)])..<Int(inducedStart[Int(t) + 1]) }

    /// Compressed-row starts from the number of entries of each row: row `t` is
    /// `starts[t]..<starts[t+1]`, and `starts[count]` is the total.
    static func rowStarts(_ counts: [Int]) -> [Int32] {
        var starts = [Int32](repeating: 0, count: counts.count + 1)
        var total = 0
        for (t, c) in counts.enumerated() {
            starts[t] = Int32(total)
            total += c
        }
        starts[counts.count] = Int32(total)
        return starts
    }

    /// The own-direct row of a term (see `ownDirectStart`).
    func ownDirectRow(_ t: Int32) -> Range<Int> { Int(ownDirectStart[Int(t)])..<Int(ownDirectStart[Int(t) + 1]) }

    /// The best frequency of a disease's annotations at or below a term, or nil.
    func inducedFrequency(slot: Int32, term: Int32) -> Float? {
        for k in row(term) where inducedDisease[k] == slot { return inducedFrequency[k] }
        return nil
    }

    public func disease(slot: Int32) -> Disease { kb.diseases[Int(diseases[Int(slot)])] }

    /// A disease's HPO annotations followed by its curated ones.
    public func annotations(ofDisease d: Int32) -> [Annotation] {
        let hpo = kb.annotations[Int(d)]
        guard let extra = curated[kb.diseases[Int(d)].id] else { return hpo }
        return hpo + extra
    }
}
