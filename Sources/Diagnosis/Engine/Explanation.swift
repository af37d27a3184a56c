import Foundation
public import Ontology

/// How a patient term met a disease's annotations: a stable code in JSON (the raw value), the human
/// text in `text`.
public enum MatchType: String, Sendable, Codable, CaseIterable {
    case exact = "exact"
    case patientMoreGeneral = "patient-more-general"
    case patientMoreSpecific = "patient-more-specific"
    case commonAncestor = "common-ancestor"
    case noMatch = "no-match"
    /// Not annotated to the disease but to another disease of its gene (weak, borrowed credit).
    case sameGeneDisease = "same-gene-disease"
    /// Observed, and the release has a NOT annotation of it (or of an ancestor) for the disease.
    case notAnnotation = "not-annotation"
    /// Observed, and a curated monograph states the disease lacks it (e.g. normal PTH in POH).
    case curatedExclusion = "curated-exclusion"
    case excludedAbsent = "excluded-absent"
    case excludedButAnnotated = "excluded-annotated"
    /// Excluded, as the release's NOT annotation of the disease says.
    case excludedNotAnnotation = "excluded-not-annotation"
    /// Excluded, as a curated monograph's exclusion says (not an HPO annotation).
    case excludedCuratedExclusion = "excluded-curated-exclusion"

    public var text: String {
        switch self {
        case .exact: "exact"
        case .patientMoreGeneral: "patient term more general"
        case .patientMoreSpecific: "patient term more specific"
        case .commonAncestor: "common ancestor"
        case .noMatch: "no match"
        case .sameGeneDisease: "annotated to a disease of the same gene"
        case .notAnnotation: "contradicted by the disease's HPO NOT annotation"
        case .curatedExclusion: "contradicted by a curated exclusion (Ossify monograph, cited literature)"
        case .excludedAbsent: "excluded and absent in disease"
        case .excludedButAnnotated: "excluded but annotated (capped at LR 1: absence never supports)"
        case .excludedNotAnnotation: "excluded, as the disease's HPO NOT annotation says"
        case .excludedCuratedExclusion: "excluded, as a curated exclusion says (Ossify monograph, cited literature)"
        }
    }
}

/// The evidence of one patient term for one disease.
public struct TermEvidence: Sendable, Codable, Equatable {
    public var patientTerm: TermID
    public var patientTermName: String
    public var excluded: Bool
    public var source: String
    /// The term's likelihood ratio on its own.
    public var likelihoodRatio: Double
    /// The ratio as combined into the score: `likelihoodRatio ^ phenotypeWeight` (see
    /// `LikelihoodEngine.phenotypeScale`).
    public var weightedLikelihoodRatio: Double
    public var match: MatchType
    public var matchText: String
    /// The disease's annotation (or the common ancestor) the term matched, and its frequency.
    public var diseaseTerm: TermID?
    public var diseaseTermName: String?
    public var frequency: String?
}

/// A feature the disease often shows that the patient was not reported to have.
public struct SuggestedFeature: Sendable, Codable, Equatable {
    public var term: TermID
    public var name: String
    public var frequency: String
}

/// The full explanation of one candidate disease.
public struct DiseaseExplanation: Sendable, Codable, Equatable {
    public var disease: TermID
    public var name: String
    public var rank: Int
    public var posterior: Double
    /// Natural logarithm of the combined likelihood ratio (`log10LikelihoodRatio` in base 10).
    public var logLikelihoodRatio: Double
    public var log10LikelihoodRatio: Double
    public var evidence: [TermEvidence]
    public var onset: OnsetEvidence?
    /// The ratio of the patient's sex for a disease inherited X-linked recessively or with
    /// male-limited expression (a female patient); nil when sex does not change the score.
    public var sexLikelihoodRatio: Double?
    public var genotype: [GenotypeEvidence]
    public var lookFor: [SuggestedFeature]
    /// Other databases' ids of the same disease, merged into this candidate (`--database all`).
    public var equivalents: [TermID] = []
}

public struct OnsetEvidence: Sendable, Codable, Equatable {
    public var patient: OnsetClass
    public var disease: [OnsetClass]
    public var likelihoodRatio: Double
}

public struct GenotypeEvidence: Sendable, Codable, Equatable {
    public var reason: String
    public var likelihoodRatio: Double
    public var source: String
}

extension LikelihoodEngine {
    /// Every term's ratios for every disease of one query, computed once and shared by the
    /// explanations of its candidates.
    public struct QueryRatios: Sendable {
        /// Per observed term: the likelihood ratio and P(q|D) of each slot.
        var observed: [(lr: [Double], p: [Double])]
        /// Per excluded term: P(e|D) of each slot (negative for a NOT annotation) and the background.
        var excluded: [(presence: [Double], background: Double)]
    }

    public func ratios(for query: DiagnosisQuery) -> QueryRatios {
        var scratch = Scratch(count: index.count)
        var ratios = QueryRatios(observed: [], excluded: [])
        for f in query.observed {
            observedLikelihoodRatios(f.term, scratch: &scratch)
            ratios.observed.append((scratch.lr, scratch.p))
        }
        for f in query.excluded {
            let bg = presenceProbabilities(f.term, into: &scratch.p)
            ratios.excluded.append((scratch.p, bg))
        }
        return ratios
    }

    /// Explains the ranked diseases term by term, computing each term's ratios once.
    public func explain(_ ranked: some Collection<RankedDisease>, query: DiagnosisQuery, lookForLimit: Int = 8) -> [DiseaseExplanation] {
        let shared = ratios(for: query)
        return ranked.map { explain($0, query: query, ratios: shared, lookForLimit: lookForLimit) }
    }

    /// Explains one ranked disease term by term, with the same numbers the ranking used.
    public func explain(_ ranked: RankedDisease, query: DiagnosisQuery, lookForLimit: Int = 8) -> DiseaseExplanation {
        explain(ranked, query: query, ratios: ratios(for: query), lookForLimit: lookForLimit)
    }

    func explain(_ ranked: RankedDisease, query: DiagnosisQuery, ratios: QueryRatios, lookForLimit: Int) -> DiseaseExplanation {
        let kb = index.kb
        let slot = ranked.slot
        let d = Int(index.diseases[Int(slot)])
        let weight = phenotypeScale(query)
        var evidence: [TermEvidence] = []
        let annotations = index.annotations(ofDisease: Int32(d)).filter { a in
            a.aspect == .phenotype && (index.sex == nil || a.sex == nil || a.sex == index.sex)
        }
        func frequencyText(_ a: Annotation?) -> String? {
            guard let a else { return nil }
            return a.frequency?.display ?? "frequency not stated"
        }
        // The annotations with their term indices, resolved once for all the patient's terms.
        let resolved = ResolvedAnnotations(annotations, kb: kb)
        var lent: ResolvedAnnotations?
        for (i, f) in query.observed.enumerated() {
            let lr = ratios.observed[i].lr[Int(slot)]
            let p = ratios.observed[i].p
            var (match, term, annotation) = classifyObserved(f.term, annotations: resolved)
            var frequency = frequencyText(annotation)
            // Named as borrowed only when the lent frequency is what the ranking used (it beat the
            // disease's own partial credit).
            if match == .noMatch || match == .commonAncestor, let (borrowed, factor) = borrowedMatch(f.term, slot: slot, lent: &lent),
               Float(freq(borrowed) * factor) >= Float(p[Int(slot)]) {
                (match, term, annotation) = (.sameGeneDisease, kb.index(of: borrowed.term), borrowed)
                frequency = "\(frequencyText(borrowed) ?? "") in \(borrowed.disease), weighted \(factor)"
            }
            evidence.append(TermEvidence(
                patientTerm: kb.term(at: f.term).id, patientTermName: kb.term(at: f.term).name, excluded: false,
                source: f.source, likelihoodRatio: lr, weightedLikelihoodRatio: pow(lr, weight), match: match, matchText: match.text,
                diseaseTerm: term.map { kb.term(at: $0).id },
                diseaseTermName: term.map { kb.term(at: $0).name }, frequency: frequency))
        }
        for (i, f) in query.excluded.enumerated() {
            let lr = excludedLR(presence: ratios.excluded[i].presence[Int(slot)], background: ratios.excluded[i].background)
            let below = annotations.filter { a in
                !a.negated && kb.index(of: a.term).map { kb.isAncestor(f.term, of: $0) } == true
            }
            let best = below.max { freq($0) < freq($1) }
            let negation = annotations.first { a in a.negated && kb.index(of: a.term) == f.term }
            let match: MatchType = best != nil ? .excludedButAnnotated
                : negation.map { CuratedAnnotations.isCurated($0) ? .excludedCuratedExclusion : .excludedNotAnnotation } ?? .excludedAbsent
            let shown = best ?? negation
            evidence.append(TermEvidence(
                patientTerm: kb.term(at: f.term).id, patientTermName: kb.term(at: f.term).name, excluded: true,
                source: f.source, likelihoodRatio: lr, weightedLikelihoodRatio: pow(lr, weight), match: match, matchText: match.text,
                diseaseTerm: shown?.term, diseaseTermName: shown.flatMap { kb.term($0.term)?.name }, frequency: frequencyText(best)))
        }
        var onset: OnsetEvidence?
        if let o = query.onset, !index.onsetClasses[Int(slot)].isEmpty {
            onset = OnsetEvidence(patient: o, disease: index.onsetClasses[Int(slot)], likelihoodRatio: onsetLR(o, slot: slot))
        }
        let sexRatio = index.sexRatio[Int(slot)]
        var genotype: [GenotypeEvidence] = []
        for g in query.genes where kb.diseasesOfGene[Int(g.gene)].contains(Int32(d)) {
            let lr = geneLR(g, slot: slot)
            var reason = "variant reported in \(kb.genes[Int(g.gene)].symbol), a gene of this disease"
            if lr < parameters.geneLR {
                reason += "; \(g.hemizygous ? "hemizygous" : g.alleles == 2 ? "two alleles" : "one allele") does not fit its inheritance (\(index.inheritance[Int(slot)].map(\.rawValue).joined(separator: ", ")))"
            }
            genotype.append(GenotypeEvidence(reason: reason, likelihoodRatio: lr,
                                             source: "geneLR as LIRICAL's pathogenic-allele ratio (Robinson et al. AJHG 2020); inheritance fit from the HPO annotations"))
        }
        for adj in query.genotypeAdjustments where adj.diseases.contains(kb.diseases[d].id) {
            genotype.append(GenotypeEvidence(reason: adj.reason, likelihoodRatio: adj.likelihoodRatio, source: adj.source))
        }
        return DiseaseExplanation(
            disease: ranked.disease.id, name: ranked.disease.name, rank: ranked.rank, posterior: ranked.posterior,
            logLikelihoodRatio: ranked.logLikelihoodRatio, log10LikelihoodRatio: ranked.logLikelihoodRatio / log(10), evidence: evidence, onset: onset,
            sexLikelihoodRatio: sexRatio == 1 ? nil : sexRatio, genotype: genotype,
            lookFor: lookFor(annotations: annotations, query: query, limit: lookForLimit))
    }

    /// A disease's annotations with the index of each term (those the release knows), negated and
    /// positive apart.
    struct ResolvedAnnotations {
        var negated: [(Annotation, Int32)] = []
        var positive: [(Annotation, Int32)] = []
        /// Both, in the annotations' order.
        var all: [(Annotation, Int32)] = []

        init(_ annotations: [Annotation], kb: KnowledgeBase) {
            for a in annotations {
                guard let t = kb.index(of: a.term) else { continue }
                all.append((a, t))
                if a.negated { negated.append((a, t)) } else { positive.append((a, t)) }
            }
        }
    }

    func classifyObserved(_ q: Int32, annotations: ResolvedAnnotations) -> (MatchType, Int32?, Annotation?) {
        let kb = index.kb
        let qAncestors = kb.ancestors[Int(q)]
        for (a, t) in annotations.negated where kb.isAncestor(t, of: q) {
            return (CuratedAnnotations.isCurated(a) ? .curatedExclusion : .notAnnotation, t, a)
        }
        let positive = annotations.positive
        if let (a, t) = positive.first(where: { $0.1 == q }) { return (.exact, t, a) }
        let below = positive.filter { kb.isAncestor(q, of: $0.1) }
        if let best = below.max(by: { freq($0.0) < freq($1.0) }) { return (.patientMoreGeneral, best.1, best.0) }
        // The most specific ancestor of q reached by the disease's annotations.
        let candidates = qAncestors.sorted { index.termShare[Int($0)] < index.termShare[Int($1)] }
        for c in candidates where c != q {
            let hits = positive.filter { kb.isAncestor(c, of: $0.1) }
            guard let best = hits.max(by: { freq($0.0) < freq($1.0) }) else { continue }
            if kb.term(at: c).id == HPO.root || kb.term(at: c).id == HPO.phenotypicAbnormality { return (.noMatch, nil, nil) }
            if best.1 == c { return (.patientMoreSpecific, c, best.0) }
            return (.commonAncestor, c, best.0)
        }
        return (.noMatch, nil, nil)
    }

    func freq(_ a: Annotation) -> Double { parameters.frequency(a.frequency) }

    /// The annotation at or below `q` of the diseases the slot borrows from with the highest weighted
    /// frequency, if any, and its lending factor (`DiagnosisIndex.siblingFactors`).
    /// `lent`: the lent annotations of the slot, resolved on first use and kept by the caller.
    func borrowedMatch(_ q: Int32, slot: Int32, lent: inout ResolvedAnnotations?) -> (Annotation, Double)? {
        let kb = index.kb
        if lent == nil {
            lent = ResolvedAnnotations(BorrowedAnnotations.annotations(of: index.siblings[Int(slot)], in: kb).filter { a in
                index.sex == nil || a.sex == nil || a.sex == index.sex
            }, kb: kb)
        }
        let borrowed = lent?.all ?? []
        var factorOf: [TermID: Double] = [:]
        for (o, factor) in zip(index.siblings[Int(slot)], index.siblingFactors[Int(slot)]) { factorOf[kb.diseases[Int(o)].id] = factor }
        return borrowed.filter { kb.isAncestor(q, of: $0.1) }
            .map { ($0.0, factorOf[$0.0.disease] ?? parameters.geneSiblingFactor) }
            .max { freq($0.0) * $0.1 < freq($1.0) * $1.1 }
    }

    /// Frequent features of the disease not implied by, implying or excluded by the patient's terms,
    /// most frequent and most specific first.
    func lookFor(annotations: [Annotation], query: DiagnosisQuery, limit: Int) -> [SuggestedFeature] {
        let kb = index.kb
        let patient = query.observed.map(\.term) + query.excluded.map(\.term)
        var out: [(Double, Double, SuggestedFeature)] = []
        var seen = Set<Int32>()
        for a in annotations where !a.negated {
            guard let t = kb.index(of: a.term), seen.insert(t).inserted else { continue }
            let f = freq(a)
            guard f >= 0.5 else { continue }
            if patient.contains(where: { kb.isAncestor($0, of: t) || kb.isAncestor(t, of: $0) }) { continue }
            out.append((f, kb.informationContent(t, corpus: index.corpus),
                        SuggestedFeature(term: a.term, name: kb.term(at: t).name, frequency: a.frequency?.display ?? "frequency not stated")))
        }
        return out.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.prefix(limit).map(\.2)
    }
}

