import Foundation

/// The binary snapshot of a built knowledge base: every term, graph index, annotation and count, so
/// that a warm start reads one file instead of parsing the release.
///
/// Layout: header, string table, id table, then four sections whose byte lengths precede them
/// (terms and graph; the first and second half of the diseases; genes and counts), so the sections
/// decode concurrently.
extension KnowledgeBase {
    /// Bumped whenever the layout changes, so old cached snapshots are rebuilt.
    public static let snapshotFormat = 4
    static let magic = "OSSIFY-KB"

    public func snapshotBytes() -> [UInt8] {
        var strings: [String] = []
        var stringIndex: [String: Int32] = [:]
        func intern(_ s: String) -> Int32 {
            if let i = stringIndex[s] { return i }
            let i = Int32(strings.count)
            strings.append(s)
            stringIndex[s] = i
            return i
        }
        var ids: [TermID] = []
        var idIndex: [TermID: Int32] = [:]
        func tid(_ id: TermID) -> Int32 {
            if let i = idIndex[id] { return i }
            let i = Int32(ids.count)
            ids.append(id)
            idIndex[id] = i
            return i
        }

        var termSection = BinaryWriter(capacity: 8 << 20)
        termSection.int(terms.count)
        for t in terms {
            termSection.int32(tid(t.id))
            termSection.string(t.name)
            termSection.optionalString(t.definition)
            termSection.optionalString(t.comment)
            termSection.int(t.synonyms.count)
            for s in t.synonyms {
                termSection.string(s.text)
                termSection.int32(Int32(SynonymScope.allCases.firstIndex(of: s.scope) ?? 0))
                termSection.int32(s.type.map(intern) ?? -1)
            }
            termSection.int32s(t.parents.map(tid))
            termSection.int32s(t.altIDs.map(tid))
            termSection.bool(t.isObsolete)
            termSection.int32(t.replacedBy.map(tid) ?? -1)
            termSection.int32s(t.consider.map(tid))
            termSection.int32s(t.xrefs.map(intern))
            termSection.int32s(t.subsets.map(intern))
        }
        for list in parents { termSection.int32s(list) }
        for list in ancestors { termSection.int32s(list) }

        func diseaseSection(_ range: Range<Int>) -> [UInt8] {
            var w = BinaryWriter(capacity: 8 << 20)
            w.int(range.count)
            for d in range {
                w.int32(tid(diseases[d].id))
                w.string(diseases[d].name)
                w.int(annotations[d].count)
                for a in annotations[d] {
                    w.int32(tid(a.term))
                    w.bool(a.negated)
                    w.int32s(a.references.map(intern))
                    w.int32(intern(a.evidence))
                    w.int32(a.onset.map(tid) ?? -1)
                    switch a.frequency {
                    case nil: w.int32(0)
                    case .term(let id): w.int32(1); w.int32(tid(id))
                    case .ratio(let n, let m): w.int32(2); w.int(n); w.int(m)
                    case .percent(let p): w.int32(3); w.double(p)
                    }
                    w.int32(a.sex == .male ? 1 : a.sex == .female ? 2 : 0)
                    w.int32s(a.modifiers.map(tid))
                    w.int32(Int32(AnnotationAspect.allCases.firstIndex(of: a.aspect) ?? 0))
                    w.int32(intern(a.biocuration))
                }
                w.int32s(genesOfDisease[d])
            }
            return w.bytes
        }
        let half = diseases.count / 2
        let diseasesA = diseaseSection(0..<half)
        let diseasesB = diseaseSection(half..<diseases.count)

        var rest = BinaryWriter()
        rest.int(genes.count)
        for g in genes {
            rest.int(g.ncbiID)
            rest.string(g.symbol)
        }
        for corpus in Corpus.allCases {
            rest.int(corpusSizes[corpus] ?? 0)
            rest.int32s(diseaseCounts[corpus] ?? [])
        }

        var w = BinaryWriter(capacity: 32 << 20)
        w.string(Self.magic)
        w.int(Self.snapshotFormat)
        w.string(release.hpoVersion)
        w.string(release.annotationVersion)
        w.string(release.checksum)
        w.string(release.source)
        w.int(strings.count)
        for s in strings { w.string(s) }
        w.int(ids.count)
        for id in ids {
            w.string(id.prefix)
            w.string(id.local)
        }
        var out = w.bytes
        for section in [termSection.bytes, diseasesA, diseasesB, rest.bytes] {
            var length = BinaryWriter(capacity: 8)
            length.int(section.count)
            out.append(contentsOf: length.bytes)
            out.append(contentsOf: section)
        }
        return out
    }

    /// Reads a snapshot; nil when it is damaged or of another format (the caller then rebuilds it).
    public static func fromSnapshot(_ bytes: [UInt8]) -> KnowledgeBase? {
        guard let head = bytes.withUnsafeBytes({ raw -> SnapshotHead? in
            var r = BinaryReader(raw)
            return try? SnapshotHead(&r)
        }) else { return nil }
        let parts = SectionResults()
        DispatchQueue.concurrentPerform(iterations: 4) { job in
            let range = head.sections[job]
            let ok: Bool = bytes.withUnsafeBytes { raw in
                var r = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[range]))
                do {
                    switch job {
                    case 0: parts.terms = try TermSection(&r, head)
                    case 1: parts.diseasesA = try DiseaseSection(&r, head)
                    case 2: parts.diseasesB = try DiseaseSection(&r, head)
                    default: parts.rest = try RestSection(&r)
                    }
                    return r.isAtEnd
                } catch {
                    return false
                }
            }
            if !ok { parts.fail() }
        }
        return parts.assemble(head)
    }
}

struct SnapshotHead: Sendable {
    let release: KnowledgeBase.Release
    let strings: [String]
    let ids: [TermID]
    let sections: [Range<Int>]

    init(_ r: inout BinaryReader) throws(BinaryReader.Damaged) {
        guard try r.string() == KnowledgeBase.magic, try r.int() == KnowledgeBase.snapshotFormat else { throw .init() }
        release = .init(hpoVersion: try r.string(), annotationVersion: try r.string(), checksum: try r.string(), source: try r.string())
        let n = try r.count()
        var strings: [String] = []
        strings.reserveCapacity(n)
        for _ in 0..<n { strings.append(try r.string()) }
        let m = try r.count()
        var ids: [TermID] = []
        ids.reserveCapacity(m)
        for _ in 0..<m { ids.append(TermID(prefix: try r.string(), local: try r.string())) }
        var sections: [Range<Int>] = []
        for _ in 0..<4 {
            let length = try r.count()
            let start = r.offset
            try r.skip(length)
            sections.append(start..<(start + length))
        }
        guard r.isAtEnd else { throw .init() }
        self.strings = strings
        self.ids = ids
        self.sections = sections
    }

    func str(_ i: Int32) throws(BinaryReader.Damaged) -> String {
        guard i >= 0, Int(i) < strings.count else { throw .init() }
        return strings[Int(i)]
    }

    func id(_ i: Int32) throws(BinaryReader.Damaged) -> TermID {
        guard i >= 0, Int(i) < ids.count else { throw .init() }
        return ids[Int(i)]
    }

    func optionalID(_ i: Int32) throws(BinaryReader.Damaged) -> TermID? { i < 0 ? nil : try id(i) }

    func idList(_ r: inout BinaryReader) throws(BinaryReader.Damaged) -> [TermID] {
        let n = try r.listCount()
        if n == 0 { return [] }
        var out: [TermID] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try id(try r.int32())) }
        return out
    }

    func stringList(_ r: inout BinaryReader) throws(BinaryReader.Damaged) -> [String] {
        let n = try r.listCount()
        if n == 0 { return [] }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try str(try r.int32())) }
        return out
    }
}

struct TermSection: Sendable {
    var terms: [Term] = []
    var parents: [[Int32]] = []
    var ancestors: [[Int32]] = []

    init(_ r: inout BinaryReader, _ h: SnapshotHead) throws(BinaryReader.Damaged) {
        let n = try r.count()
        terms.reserveCapacity(n)
        for _ in 0..<n {
            var t = Term(id: try h.id(try r.int32()))
            t.name = try r.string()
            t.definition = try r.optionalString()
            t.comment = try r.optionalString()
            let synCount = try r.count()
            for _ in 0..<synCount {
                let text = try r.string()
                let scope = Int(try r.int32())
                guard scope >= 0, scope < SynonymScope.allCases.count else { throw .init() }
                let type = try r.int32()
                t.synonyms.append(Synonym(text: text, scope: SynonymScope.allCases[scope], type: type < 0 ? nil : try h.str(type)))
            }
            t.parents = try h.idList(&r)
            t.altIDs = try h.idList(&r)
            t.isObsolete = try r.bool()
            t.replacedBy = try h.optionalID(try r.int32())
            t.consider = try h.idList(&r)
            t.xrefs = try h.stringList(&r)
            t.subsets = try h.stringList(&r)
            terms.append(t)
        }
        parents.reserveCapacity(n)
        for _ in 0..<n { parents.append(try r.int32s()) }
        ancestors.reserveCapacity(n)
        for _ in 0..<n { ancestors.append(try r.int32s()) }
    }
}

struct DiseaseSection: Sendable {
    var diseases: [Disease] = []
    var annotations: [[Annotation]] = []
    var genesOfDisease: [[Int32]] = []

    init(_ r: inout BinaryReader, _ h: SnapshotHead) throws(BinaryReader.Damaged) {
        let n = try r.count()
        diseases.reserveCapacity(n)
        annotations.reserveCapacity(n)
        for _ in 0..<n {
            let disease = Disease(id: try h.id(try r.int32()), name: try r.string())
            diseases.append(disease)
            let count = try r.count()
            var list: [Annotation] = []
            list.reserveCapacity(count)
            for _ in 0..<count {
                let term = try h.id(try r.int32())
                let negated = try r.bool()
                let references = try h.stringList(&r)
                let evidence = try h.str(try r.int32())
                let onset = try h.optionalID(try r.int32())
                let frequency: AnnotationFrequency?
                switch try r.int32() {
                case 0: frequency = nil
                case 1: frequency = .term(try h.id(try r.int32()))
                case 2: frequency = .ratio(try r.int(), try r.int())
                case 3: frequency = .percent(try r.double())
                default: throw .init()
                }
                let sexCode = try r.int32()
                let modifiers = try h.idList(&r)
                let aspect = Int(try r.int32())
                guard aspect >= 0, aspect < AnnotationAspect.allCases.count else { throw .init() }
                list.append(Annotation(
                    disease: disease.id, term: term, negated: negated, references: references, evidence: evidence,
                    onset: onset, frequency: frequency, sex: sexCode == 1 ? .male : sexCode == 2 ? .female : nil,
                    modifiers: modifiers, aspect: AnnotationAspect.allCases[aspect], biocuration: try h.str(try r.int32())))
            }
            annotations.append(list)
            genesOfDisease.append(try r.int32s())
        }
    }
}

struct RestSection: Sendable {
    var genes: [Gene] = []
    var counts: [Corpus: [Int32]] = [:]
    var sizes: [Corpus: Int] = [:]

    init(_ r: inout BinaryReader) throws(BinaryReader.Damaged) {
        let n = try r.count()
        for _ in 0..<n { genes.append(Gene(ncbiID: try r.int(), symbol: try r.string())) }
        for corpus in Corpus.allCases {
            sizes[corpus] = try r.int()
            counts[corpus] = try r.int32s()
        }
    }
}

/// The sections decoded by the concurrent jobs; each slot is written by one job.
private final class SectionResults: @unchecked Sendable {
    // Guarded by `lock`; @unchecked because the compiler cannot see the lock protects them.
    private let lock = NSLock()
    private var _terms: TermSection?
    private var _a: DiseaseSection?
    private var _b: DiseaseSection?
    private var _rest: RestSection?
    private var failed = false

    var terms: TermSection? { get { lock.withLock { _terms } } set { lock.withLock { _terms = newValue } } }
    var diseasesA: DiseaseSection? { get { lock.withLock { _a } } set { lock.withLock { _a = newValue } } }
    var diseasesB: DiseaseSection? { get { lock.withLock { _b } } set { lock.withLock { _b = newValue } } }
    var rest: RestSection? { get { lock.withLock { _rest } } set { lock.withLock { _rest = newValue } } }
    func fail() { lock.withLock { failed = true } }

    func assemble(_ head: SnapshotHead) -> KnowledgeBase? {
        guard !lock.withLock({ failed }), let t = terms, let a = diseasesA, let b = diseasesB, let rest else { return nil }
        let termCount = t.terms.count
        guard t.parents.count == termCount, t.ancestors.count == termCount,
              rest.counts.values.allSatisfy({ $0.count == termCount }) else { return nil }
        var children = [[Int32]](repeating: [], count: termCount)
        for (i, ps) in t.parents.enumerated() {
            for p in ps {
                guard p >= 0, Int(p) < termCount else { return nil }
                children[Int(p)].append(Int32(i))
            }
        }
        var termIndex: [TermID: Int32] = [:]
        termIndex.reserveCapacity(termCount)
        for (i, term) in t.terms.enumerated() { termIndex[term.id] = Int32(i) }
        var altIndex: [TermID: Int32] = [:]
        for (i, term) in t.terms.enumerated() where !term.isObsolete {
            for alt in term.altIDs where termIndex[alt] == nil { altIndex[alt] = Int32(i) }
        }
        let diseases = a.diseases + b.diseases
        var diseaseIndex: [TermID: Int32] = [:]
        diseaseIndex.reserveCapacity(diseases.count)
        for (i, d) in diseases.enumerated() { diseaseIndex[d.id] = Int32(i) }
        let genesOfDisease = a.genesOfDisease + b.genesOfDisease
        var geneIndex: [String: Int32] = [:]
        for (i, g) in rest.genes.enumerated() { geneIndex[g.symbol] = Int32(i) }
        var diseasesOfGene = [[Int32]](repeating: [], count: rest.genes.count)
        for (d, gs) in genesOfDisease.enumerated() {
            for g in gs {
                guard g >= 0, Int(g) < rest.genes.count else { return nil }
                diseasesOfGene[Int(g)].append(Int32(d))
            }
        }
        return KnowledgeBase(release: head.release, terms: t.terms, termIndex: termIndex, altIndex: altIndex,
                             parents: t.parents, children: children, ancestors: t.ancestors, diseases: diseases,
                             diseaseIndex: diseaseIndex, annotations: a.annotations + b.annotations, genes: rest.genes,
                             geneIndex: geneIndex, genesOfDisease: genesOfDisease, diseasesOfGene: diseasesOfGene,
                             diseaseCounts: rest.counts, corpusSizes: rest.sizes)
    }
}
