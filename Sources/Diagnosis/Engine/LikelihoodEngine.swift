import Foundation
import Ontology

/// Scores every disease of a corpus for a query with likelihood ratios.
///
/// For an observed term q and a disease D the model probability P(q|D) is
/// - f, the highest frequency among D's annotations at or below q, when D has one (exact match or
///   patient term more general);
/// - otherwise partial credit through the ancestors c of q, p the share of diseases annotated at or
///   below a term: f_c * (p(q)/p(c))^s1 when D is annotated exactly at c (patient term more
///   specific), f_c * (p(q)/p(c))^s2 when D is only annotated below c (common ancestor); the best
///   over the ancestors. Credit falls with information content;
/// - 0 when D has a NOT annotation of q or of an ancestor of q.
/// A noise share bounds the penalty: P'(q|D) = (1-noise) P(q|D) + noise * bg(q), with bg(q) the mean of
/// P(q|D) over the corpus; LR = P'(q|D) / bg(q) >= noise.
///
/// Two rules a clinician can defend hold whatever the release and the constants, and are tested on
/// the real release (`ClinicalInvariantTests`):
/// - Specificity never turns support into evidence against: for a patient term q below a term t that
///   D is annotated with, LR(q|D) >= min(1, LR(t|D)). A more precise description of a feature the
///   disease has cannot count against it.
/// - Absence never supports a disease that has the feature: an excluded term e gives
///   LR = (1 - P'(e|D)) / (1 - bg(e)), at most 1 for every disease annotated at or below e, weighted.
///   A disease with a NOT annotation of e, or none at or below it, may gain.
/// Onset, sex (`DiagnosisIndex.sexLikelihoodRatio`) and genotype add their own ratios.
public struct LikelihoodEngine: Sendable {
    public let index: DiagnosisIndex

    public init(index: DiagnosisIndex) { self.index = index }

    var parameters: ScoringParameters { index.parameters }

    /// Reusable buffers of one scoring thread.
    public struct Scratch {
        var p: [Double]
        var lr: [Double]
        var logLR: [Double]
        /// Running products of likelihood ratios, folded into `logLR` every `foldEvery` terms:
        /// multiplying is much cheaper than a logarithm per disease and term, and 24 ratios within
        /// [1e-6, 1e6] stay far inside the range of a Double.
        var product: [Double]
        /// The same for excluded terms, unweighted: their weight is applied once, to the logarithm,
        /// at folding (a power per disease and term would cost more than the rest of the scoring).
        var excludedProduct: [Double]
        static let foldEvery = 24

        public init(count: Int) {
            p = [Double](repeating: 0, count: count)
            lr = [Double](repeating: 1, count: count)
            logLR = [Double](repeating: 0, count: count)
            product = [Double](repeating: 1, count: count)
            excludedProduct = [Double](repeating: 1, count: count)
        }

        mutating func fold(excludedWeight: Double) {
            for i in 0..<logLR.count {
                logLR[i] += log(product[i])
                if excludedProduct[i] != 1 { logLR[i] += excludedWeight * log(excludedProduct[i]) }
                product[i] = 1
                excludedProduct[i] = 1
            }
        }
    }

    /// Natural-log likelihood ratio sum per disease slot.
    public func score(_ query: DiagnosisQuery, scratch: inout Scratch) -> [Double] {
        let n = index.count
        if scratch.p.count != n { scratch = Scratch(count: n) }
        for i in 0..<n {
            scratch.logLR[i] = 0
            scratch.product[i] = 1
            scratch.excludedProduct[i] = 1
        }
        var pending = 0
        for f in query.observed {
            observedLikelihoodRatios(f.term, scratch: &scratch)
            for i in 0..<n { scratch.product[i] *= scratch.lr[i] }
            pending += 1
            if pending == Scratch.foldEvery { scratch.fold(excludedWeight: parameters.excludedWeight); pending = 0 }
        }
        for f in query.excluded {
            let bg = presenceProbabilities(f.term, into: &scratch.p)
            for i in 0..<n { scratch.excludedProduct[i] *= unweightedExcludedLR(presence: scratch.p[i], background: bg) }
            pending += 1
            if pending == Scratch.foldEvery { scratch.fold(excludedWeight: parameters.excludedWeight); pending = 0 }
        }
        scratch.fold(excludedWeight: parameters.excludedWeight)
        let scale = phenotypeScale(query)
        if scale < 1 { for i in 0..<n { scratch.logLR[i] *= scale } }
        if let onset = query.onset {
            for i in 0..<n { scratch.logLR[i] += log(onsetLR(onset, slot: Int32(i))) }
        }
        if index.sex == .female {
            for i in 0..<n where index.sexRatio[i] != 1 { scratch.logLR[i] += log(index.sexRatio[i]) }
        }
        for g in query.genes {
            for d in index.kb.diseasesOfGene[Int(g.gene)] {
                if let slot = index.slotOf[index.kb.diseases[Int(d)].id] {
                    scratch.logLR[Int(slot)] += log(geneLR(g, slot: slot))
                }
            }
        }
        for adj in query.genotypeAdjustments {
            for id in adj.diseases {
                if let slot = index.slotOf[id] { scratch.logLR[Int(slot)] += log(adj.likelihoodRatio) }
            }
        }
        return scratch.logLR
    }

    /// Fills `scratch.lr` with the likelihood ratio of an observed term q for every slot, the one
    /// the ranking and the explanation use, and `scratch.p` with the model probabilities P(q|D).
    /// Returns bg(q).
    ///
    /// The floor: for every ancestor t of q that a disease is annotated with (its own annotations,
    /// HPO or curated, not borrowed ones), LR(q|D) >= min(1, LR(t|D)), LR(t|D) the ratio the disease
    /// would get for an observed t. Diseases with a NOT annotation of q or of an ancestor keep the
    /// noise floor: the NOT annotation is the more specific statement.
    @discardableResult
    func observedLikelihoodRatios(_ q: Int32, scratch: inout Scratch) -> Double {
        let n = index.count
        let bg = modelProbabilities(q, into: &scratch.p)
        for i in 0..<n {
            let noise = index.noise[i]
            scratch.lr[i] = ((1 - noise) * scratch.p[i] + noise * bg) / bg
        }
        let kb = index.kb
        for c in kb.ancestors[Int(q)] where c != q {
            let row = index.ownDirectRow(c)
            guard !row.isEmpty else { continue }
            let known = termModel(c)
            let bgC = known.background
            for (j, k) in row.enumerated() {
                let slot = Int(index.ownDirectDisease[k])
                let noise = index.noise[slot]
                let floor = min(1, ((1 - noise) * known.ownDirectProbability[j] + noise * bgC) / bgC)
                if scratch.lr[slot] < floor { scratch.lr[slot] = floor }
            }
        }
        for t in kb.ancestors[Int(q)] {
            if let slots = index.negatedBy[t] { for slot in slots { scratch.lr[Int(slot)] = index.noise[Int(slot)] } }
        }
        return bg
    }

    /// bg(t), the mean of P(t|D) over the corpus, and P(t|D) of the diseases annotated exactly at t,
    /// from the index's shared cache.
    func termModel(_ t: Int32) -> TermModelCache.Entry {
        index.termModels.value(t) {
            var p = [Double](repeating: 0, count: index.count)
            let bg = modelProbabilities(t, into: &p)
            return .init(background: bg, ownDirectProbability: index.ownDirectRow(t).map { p[Int(index.ownDirectDisease[$0])] })
        }
    }

    /// Fills `p` with P(q|D) for every slot and returns the background, the mean over the corpus.
    func modelProbabilities(_ q: Int32, into p: inout [Double]) -> Double {
        let n = index.count
        for i in 0..<n { p[i] = -1 }
        let kb = index.kb
        // Ancestors of q from the most to the least specific (fewest diseases first).
        let ancestors = kb.ancestors[Int(q)].sorted { index.termShare[Int($0)] < index.termShare[Int($1)] }
        let shareQ = index.termShare[Int(q)]
        let sSpecific = parameters.specificityExponent
        let sCommon = parameters.commonAncestorExponent
        var generalShare = 1.0
        for c in ancestors {
            let share = index.termShare[Int(c)]
            if share > parameters.generalShare && c != q {
                // Terms this general give every disease about the same tiny credit: use the
                // disease's overall best frequency (below) instead of walking their long rows.
                generalShare = share
                break
            }
            if c == q {
                for k in index.row(c) { p[Int(index.inducedDisease[k])] = Double(index.inducedFrequency[k]) }
                continue
            }
            let ratio = shareQ / share
            let specific = pow(ratio, sSpecific), common = pow(ratio, sCommon)
            for k in index.row(c) {
                let slot = Int(index.inducedDisease[k])
                let credit = max(Double(index.directFrequency[k]) * specific, Double(index.inducedFrequency[k]) * common)
                if credit > p[slot] { p[slot] = credit }
            }
        }
        let fallback = pow(shareQ / generalShare, sCommon)
        for i in 0..<n where p[i] < 0 { p[i] = Double(index.bestFrequency[i]) * fallback }
        for t in kb.ancestors[Int(q)] {
            if let slots = index.negatedBy[t] { for slot in slots { p[Int(slot)] = 0 } }
        }
        var sum = 0.0
        for i in 0..<n {
            if p[i] < 0 { p[i] = 0 }
            sum += p[i]
        }
        return max(1e-9, sum / Double(max(1, n)))
    }

    /// Fills `p` with the probability that a patient with D shows the excluded term e (or something
    /// below it) and returns the mean over the corpus. NOT annotations at or below e give 0.
    func presenceProbabilities(_ e: Int32, into p: inout [Double]) -> Double {
        let n = index.count
        for i in 0..<n { p[i] = 0 }
        for k in index.row(e) { p[Int(index.inducedDisease[k])] = Double(index.ownFrequency[k]) }
        var sum = 0.0
        for i in 0..<n { sum += p[i] }
        // A NOT annotation: the disease is known to lack the feature (marked negative: "annotated").
        for slot in index.negatedBy[e] ?? [] where p[Int(slot)] == 0 { p[Int(slot)] = -1 }
        return min(1 - 1e-6, max(1e-9, sum / Double(max(1, n))))
    }

    /// The terms of one patient are not independent evidence: a case report listing 150 features is
    /// not 150 independent tests. The phenotype log LR is scaled so that it counts as at most
    /// `independentTerms` terms' worth, which keeps it commensurate with onset and genotype evidence
    /// (the order of diseases on phenotype alone is unchanged).
    public func phenotypeScale(_ query: DiagnosisQuery) -> Double {
        let n = Double(query.observed.count + query.excluded.count)
        return n > parameters.independentTerms ? parameters.independentTerms / n : 1
    }

    /// Likelihood ratio of an excluded term for a disease whose probability of showing it is
    /// `presence` (negative for a disease with a NOT annotation of it, 0 for one not annotated at or
    /// below it): P(e absent|D) / P(e absent), with the noise share as for observed terms, weighted
    /// by `excludedWeight`.
    ///
    /// A disease annotated at or below e never gains from its absence (the ratio is capped at 1):
    /// a clinician reports absent features to rule diseases out, and a disease's rare feature being
    /// absent is no evidence for it. Case reports list the absent features of the very disease they
    /// describe; modelling that habit (as an earlier engine did) rewards absence, which no clinician
    /// would accept.
    func excludedLR(presence: Double, background bg: Double) -> Double {
        let lr = unweightedExcludedLR(presence: presence, background: bg)
        return parameters.excludedWeight == 1 ? lr : pow(lr, parameters.excludedWeight)
    }

    /// The ratio before `excludedWeight` is applied.
    @inline(__always)
    func unweightedExcludedLR(presence: Double, background bg: Double) -> Double {
        let noise = parameters.noise
        let present = (1 - noise) * max(0, presence) + noise * bg
        let lr = max(1e-6, 1 - present) / max(1e-6, 1 - bg)
        return presence > 0 ? min(1, lr) : lr
    }

    /// LR of a gene finding for a disease of that gene: `geneLR`, times `inheritanceMismatchLR` when
    /// the number of affected alleles cannot fit any of the disease's modes of inheritance (one
    /// heterozygous variant for a recessive disease, two alleles for a dominant one).
    func geneLR(_ g: GeneFinding, slot: Int32) -> Double {
        let modes = index.inheritance[Int(slot)]
        guard let alleles = g.alleles, !modes.isEmpty else { return parameters.geneLR }
        let fits = modes.contains { $0.fits(alleles: alleles, hemizygous: g.hemizygous) }
        return parameters.geneLR * (fits ? 1 : parameters.inheritanceMismatchLR)
    }

    func onsetLR(_ onset: OnsetClass, slot: Int32) -> Double {
        let classes = index.onsetClasses[Int(slot)]
        guard !classes.isEmpty else { return 1 }
        let distance = classes.map { abs($0.rawValue - onset.rawValue) }.min() ?? 0
        switch distance {
        case 0: return parameters.onsetMatchLR
        case 1: return 1
        default: return parameters.onsetMismatchLR
        }
    }
}

