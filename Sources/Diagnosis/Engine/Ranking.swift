import Foundation
public import Ontology

/// One disease in a ranking.
public struct RankedDisease: Sendable, Equatable {
    public var slot: Int32
    public var disease: Disease
    /// Sum of the natural-log likelihood ratios.
    public var logLikelihoodRatio: Double
    /// Post-test probability: uniform pre-test probability over the corpus, normalised over all diseases.
    public var posterior: Double
    public var rank: Int
}

extension LikelihoodEngine {
    /// Every disease of the corpus ranked by likelihood (ties share the worse rank: the number of
    /// diseases scoring at least as high), or only the first `limit` of them (ranks and post-test
    /// probabilities are those of the full ranking).
    public func rank(_ query: DiagnosisQuery, limit: Int? = nil) -> [RankedDisease] {
        var scratch = Scratch(count: index.count)
        let scores = score(query, scratch: &scratch)
        let maxScore = scores.max() ?? 0
        var z = 0.0
        for s in scores { z += exp(s - maxScore) }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let wanted = min(order.count, max(0, limit ?? order.count))
        var result: [RankedDisease] = []
        result.reserveCapacity(wanted)
        var i = 0
        while i < wanted {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...min(j, wanted - 1) {
                let slot = order[k]
                result.append(RankedDisease(slot: Int32(slot), disease: index.disease(slot: Int32(slot)),
                                            logLikelihoodRatio: scores[slot], posterior: exp(scores[slot] - maxScore) / z,
                                            rank: j + 1))
            }
            i = j + 1
        }
        return result
    }

    /// The rank of one disease (number of diseases scoring at least as high), or nil when it is not
    /// in the corpus.
    public func rank(of disease: TermID, scores: [Double]) -> Int? {
        guard let slot = index.slotOf[disease] else { return nil }
        let s = scores[Int(slot)]
        var r = 0
        for x in scores where x >= s { r += 1 }
        return r
    }
}
