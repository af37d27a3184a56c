extension DiseaseProfile {
    /// Derives the profile of a disease of the knowledge base (`disease` is its index).
    public init(disease: Int32, in kb: KnowledgeBase) {
        let d = kb.diseases[Int(disease)]
        let annotations = kb.annotations[Int(disease)]
        let phenotypeRoot = kb.index(of: HPO.phenotypicAbnormality)
        let systemIndices: [Int32] = phenotypeRoot.map { kb.children[Int($0)] } ?? []

        func ref(_ id: TermID) -> TermRef {
            let index = Self.resolve(id, in: kb)
            return TermRef(id: index.map { kb.term(at: $0).id } ?? id, name: index.map { kb.term(at: $0).name } ?? id.description)
        }

        // Merge the lines of each term, keeping file order: excluded ones, and present ones per aspect.
        var excluded: [Feature] = []
        func merge(_ a: Annotation, into list: inout [Feature]) {
            let term = ref(a.term)
            if let i = list.firstIndex(where: { $0.term.id == term.id }) {
                list[i].absorb(a, ref: ref)
            } else {
                var f = Feature(term: term, frequencies: [], onsets: [], sexes: [], modifiers: [], references: [], frequencyValue: nil)
                f.absorb(a, ref: ref)
                list.append(f)
            }
        }
        var byAspect: [AnnotationAspect: [Feature]] = [:]
        for a in annotations {
            if a.negated {
                merge(a, into: &excluded)
            } else {
                merge(a, into: &byAspect[a.aspect, default: []])
            }
        }

        var groups: [Int32: [Feature]] = [:]
        var unclassified: [Feature] = []
        let phenotypic = byAspect[.phenotype] ?? []
        for f in phenotypic {
            guard let index = Self.resolve(f.term.id, in: kb) else {
                unclassified.append(f)
                continue
            }
            let systems = systemIndices.filter { kb.isAncestor($0, of: index) }
            if systems.isEmpty { unclassified.append(f) }
            for s in systems { groups[s, default: []].append(f) }
        }
        let systemGroups = groups.map { s, features in
            SystemGroup(system: TermRef(id: kb.term(at: s).id, name: kb.term(at: s).name), features: Self.ordered(features))
        }.sorted { $0.system.name < $1.system.name }

        let genes = kb.genesOfDisease[Int(disease)].map { kb.genes[Int($0)] }.sorted { $0.symbol < $1.symbol }
        self.init(
            id: d.id, name: d.name,
            hpoVersion: kb.release.hpoVersion, annotationVersion: kb.release.annotationVersion,
            grouping: Self.groupingNote,
            systems: systemGroups, unclassified: Self.ordered(unclassified), excluded: Self.ordered(excluded),
            onset: byAspect[.course] ?? [], inheritance: byAspect[.inheritance] ?? [],
            modifiers: byAspect[.modifier] ?? [], history: byAspect[.history] ?? [],
            genes: genes,
            counts: Counts(phenotypicFeatures: phenotypic.count, organSystems: systemGroups.count,
                           excluded: excluded.count, annotations: annotations.count, genes: genes.count))
    }

    /// The profile of a disease by id, or nil when the release does not annotate it.
    public init?(_ id: TermID, in kb: KnowledgeBase) {
        guard let index = kb.diseaseIndex[id] else { return nil }
        self.init(disease: index, in: kb)
    }

    /// The current index of a term id: its own, the term that took it over as an alt id, or an
    /// obsolete term's replacement.
    static func resolve(_ id: TermID, in kb: KnowledgeBase) -> Int32? {
        guard let index = kb.termIndex[id] ?? kb.altIndex[id] else { return nil }
        let term = kb.term(at: index)
        if term.isObsolete, let replacement = term.replacedBy, let r = kb.termIndex[replacement] { return r }
        return index
    }

    /// Most frequent first, unknown frequencies last, then by name.
    static func ordered(_ features: [Feature]) -> [Feature] {
        features.sorted { a, b in
            let fa = a.frequencyValue ?? -1, fb = b.frequencyValue ?? -1
            return fa != fb ? fa > fb : a.term.name < b.term.name
        }
    }
}

extension DiseaseProfile.Feature {
    mutating func absorb(_ a: Annotation, ref: (TermID) -> DiseaseProfile.TermRef) {
        if let f = a.frequency {
            if !frequencies.contains(f.display) { frequencies.append(f.display) }
            if let v = f.value { frequencyValue = max(frequencyValue ?? v, v) }
        }
        if let o = a.onset, !onsets.contains(where: { $0.id == o }) { onsets.append(ref(o)) }
        if let s = a.sex, !sexes.contains(s) { sexes.append(s) }
        for m in a.modifiers where !modifiers.contains(where: { $0.id == m }) { modifiers.append(ref(m)) }
        for r in a.references where !references.contains(r) { references.append(r) }
    }
}
