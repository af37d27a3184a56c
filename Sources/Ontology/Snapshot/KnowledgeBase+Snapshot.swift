/// The binary snapshot of a built knowledge base: every term, graph index, annotation and count, so
/// that a warm start reads one file instead of parsing the release.
extension KnowledgeBase {
    /// Bumped whenever the layout below changes, so old cached snapshots are rebuilt.
    public static let snapshotFormat = 3
    static let magic = "OSSIFY-KB"

    public func snapshotBytes() -> [UInt8] {
        var w = BinaryWriter(capacity: 24 << 20)
        w.string(Self.magic)
        w.int(Self.snapshotFormat)
        w.string(release.hpoVersion)
        w.string(release.annotationVersion)
        w.string(release.checksum)
        w.string(release.source)

        // Strings that repeat (references, biocuration, evidence, disease names) go in one table.
        var table: [String] = []
        var tableIndex: [String: Int32] = [:]
        func intern(_ s: String) -> Int32 {
            if let i = tableIndex[s] { return i }
            let i = Int32(table.count)
            table.append(s)
            tableIndex[s] = i
            return i
        }
        func tid(_ id: TermID) -> Int32 { intern(id.description) }

        var body = BinaryWriter(capacity: 24 << 20)
        body.int(terms.count)
        for t in terms {
            body.int32(tid(t.id))
            body.string(t.name)
            body.optionalString(t.definition)
            body.optionalString(t.comment)
            body.int(t.synonyms.count)
            for s in t.synonyms {
                body.string(s.text)
                body.int32(Int32(SynonymScope.allCases.firstIndex(of: s.scope) ?? 0))
                body.int32(s.type.map(intern) ?? -1)
            }
            body.int32s(t.parents.map(tid))
            body.int32s(t.altIDs.map(tid))
            body.bool(t.isObsolete)
            body.int32(t.replacedBy.map(tid) ?? -1)
            body.int32s(t.consider.map(tid))
            body.int32s(t.xrefs.map(intern))
            body.int32s(t.subsets.map(intern))
        }
        for list in parents { body.int32s(list) }
        for list in ancestors { body.int32s(list) }

        body.int(diseases.count)
        for (d, disease) in diseases.enumerated() {
            body.int32(tid(disease.id))
            body.string(disease.name)
            body.int(annotations[d].count)
            for a in annotations[d] {
                body.int32(tid(a.term))
                body.bool(a.negated)
                body.int32s(a.references.map(intern))
                body.int32(intern(a.evidence))
                body.int32(a.onset.map(tid) ?? -1)
                switch a.frequency {
                case nil: body.int32(0)
                case .term(let id): body.int32(1); body.int32(tid(id))
                case .ratio(let n, let m): body.int32(2); body.int(n); body.int(m)
                case .percent(let p): body.int32(3); body.double(p)
                }
                body.int32(a.sex == .male ? 1 : a.sex == .female ? 2 : 0)
                body.int32s(a.modifiers.map(tid))
                body.int32(Int32(AnnotationAspect.allCases.firstIndex(of: a.aspect) ?? 0))
                body.int32(intern(a.biocuration))
            }
            body.int32s(genesOfDisease[d])
        }
        body.int(genes.count)
        for g in genes {
            body.int(g.ncbiID)
            body.string(g.symbol)
        }
        for corpus in Corpus.allCases {
            body.int(corpusSizes[corpus] ?? 0)
            body.int32s(diseaseCounts[corpus] ?? [])
        }

        w.int(table.count)
        for s in table { w.string(s) }
        var out = w.bytes
        out.append(contentsOf: body.bytes)
        return out
    }

    /// Reads a snapshot; nil when it is damaged or of another format (the caller then rebuilds it).
    public static func fromSnapshot(_ bytes: [UInt8]) -> KnowledgeBase? {
        bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            return try? decode(&r)
        }
    }

    private static func decode(_ r: inout BinaryReader) throws(BinaryReader.Damaged) -> KnowledgeBase {
        guard try r.string() == magic, try r.int() == snapshotFormat else { throw .init() }
        let release = Release(hpoVersion: try r.string(), annotationVersion: try r.string(),
                              checksum: try r.string(), source: try r.string())
        let tableCount = try r.count()
        var table: [String] = []
        table.reserveCapacity(tableCount)
        for _ in 0..<tableCount { table.append(try r.string()) }
        var ids: [TermID?] = Array(repeating: nil, count: tableCount)
        func str(_ i: Int32) throws(BinaryReader.Damaged) -> String {
            guard i >= 0, Int(i) < table.count else { throw .init() }
            return table[Int(i)]
        }
        func tid(_ i: Int32) throws(BinaryReader.Damaged) -> TermID {
            guard i >= 0, Int(i) < table.count else { throw .init() }
            if let id = ids[Int(i)] { return id }
            guard let id = TermID(table[Int(i)]) else { throw .init() }
            ids[Int(i)] = id
            return id
        }
        func optTid(_ i: Int32) throws(BinaryReader.Damaged) -> TermID? { i < 0 ? nil : try tid(i) }

        let termCount = try r.count()
        var terms: [Term] = []
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount {
            var t = Term(id: try tid(try r.int32()))
            t.name = try r.string()
            t.definition = try r.optionalString()
            t.comment = try r.optionalString()
            let synCount = try r.count()
            for _ in 0..<synCount {
                let text = try r.string()
                let scope = Int(try r.int32())
                guard scope >= 0, scope < SynonymScope.allCases.count else { throw .init() }
                let type = try r.int32()
                t.synonyms.append(Synonym(text: text, scope: SynonymScope.allCases[scope], type: type < 0 ? nil : try str(type)))
            }
            t.parents = try r.int32s().map { i throws(BinaryReader.Damaged) in try tid(i) }
            t.altIDs = try r.int32s().map { i throws(BinaryReader.Damaged) in try tid(i) }
            t.isObsolete = try r.bool()
            t.replacedBy = try optTid(try r.int32())
            t.consider = try r.int32s().map { i throws(BinaryReader.Damaged) in try tid(i) }
            t.xrefs = try r.int32s().map { i throws(BinaryReader.Damaged) in try str(i) }
            t.subsets = try r.int32s().map { i throws(BinaryReader.Damaged) in try str(i) }
            terms.append(t)
        }
        var parents: [[Int32]] = []
        parents.reserveCapacity(termCount)
        for _ in 0..<termCount { parents.append(try r.int32s()) }
        var ancestors: [[Int32]] = []
        ancestors.reserveCapacity(termCount)
        for _ in 0..<termCount { ancestors.append(try r.int32s()) }
        var children = [[Int32]](repeating: [], count: termCount)
        for (i, ps) in parents.enumerated() {
            for p in ps {
                guard p >= 0, Int(p) < termCount else { throw .init() }
                children[Int(p)].append(Int32(i))
            }
        }
        var termIndex: [TermID: Int32] = [:]
        termIndex.reserveCapacity(termCount)
        for (i, t) in terms.enumerated() { termIndex[t.id] = Int32(i) }
        var altIndex: [TermID: Int32] = [:]
        for (i, t) in terms.enumerated() where !t.isObsolete {
            for alt in t.altIDs where termIndex[alt] == nil { altIndex[alt] = Int32(i) }
        }

        let diseaseCount = try r.count()
        var diseases: [Disease] = []
        var annotations: [[Annotation]] = []
        var genesOfDisease: [[Int32]] = []
        var diseaseIndex: [TermID: Int32] = [:]
        diseases.reserveCapacity(diseaseCount)
        for d in 0..<diseaseCount {
            let disease = Disease(id: try tid(try r.int32()), name: try r.string())
            diseaseIndex[disease.id] = Int32(d)
            diseases.append(disease)
            let n = try r.count()
            var list: [Annotation] = []
            list.reserveCapacity(n)
            for _ in 0..<n {
                var a = Annotation(disease: disease.id, term: try tid(try r.int32()))
                a.negated = try r.bool()
                a.references = try r.int32s().map { i throws(BinaryReader.Damaged) in try str(i) }
                a.evidence = try str(try r.int32())
                a.onset = try optTid(try r.int32())
                switch try r.int32() {
                case 0: a.frequency = nil
                case 1: a.frequency = .term(try tid(try r.int32()))
                case 2: a.frequency = .ratio(try r.int(), try r.int())
                case 3: a.frequency = .percent(try r.double())
                default: throw .init()
                }
                switch try r.int32() {
                case 1: a.sex = .male
                case 2: a.sex = .female
                default: a.sex = nil
                }
                a.modifiers = try r.int32s().map { i throws(BinaryReader.Damaged) in try tid(i) }
                let aspect = Int(try r.int32())
                guard aspect >= 0, aspect < AnnotationAspect.allCases.count else { throw .init() }
                a.aspect = AnnotationAspect.allCases[aspect]
                a.biocuration = try str(try r.int32())
                list.append(a)
            }
            annotations.append(list)
            genesOfDisease.append(try r.int32s())
        }
        let geneCount = try r.count()
        var genes: [Gene] = []
        var geneIndex: [String: Int32] = [:]
        for g in 0..<geneCount {
            let gene = Gene(ncbiID: try r.int(), symbol: try r.string())
            genes.append(gene)
            geneIndex[gene.symbol] = Int32(g)
        }
        var diseasesOfGene = [[Int32]](repeating: [], count: geneCount)
        for (d, gs) in genesOfDisease.enumerated() {
            for g in gs {
                guard g >= 0, Int(g) < geneCount else { throw .init() }
                diseasesOfGene[Int(g)].append(Int32(d))
            }
        }
        var counts: [Corpus: [Int32]] = [:]
        var sizes: [Corpus: Int] = [:]
        for corpus in Corpus.allCases {
            sizes[corpus] = try r.int()
            let c = try r.int32s()
            guard c.count == termCount else { throw .init() }
            counts[corpus] = c
        }
        guard r.isAtEnd else { throw .init() }
        return KnowledgeBase(release: release, terms: terms, termIndex: termIndex, altIndex: altIndex,
                             parents: parents, children: children, ancestors: ancestors, diseases: diseases,
                             diseaseIndex: diseaseIndex, annotations: annotations, genes: genes,
                             geneIndex: geneIndex, genesOfDisease: genesOfDisease,
                             diseasesOfGene: diseasesOfGene, diseaseCounts: counts, corpusSizes: sizes)
    }
}
