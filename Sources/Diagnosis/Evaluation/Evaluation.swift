import Foundation
public import Ontology

/// A solved case to measure the engine on: the query and the true diagnosis (never shown to the engine).
public struct EvaluationCase: Sendable {
    public var id: String
    public var truth: TermID
    public var query: DiagnosisQuery
    public init(id: String, truth: TermID, query: DiagnosisQuery) {
        self.id = id
        self.truth = truth
        self.query = query
    }
}

/// Figures of an evaluation, with exactly the keys `ossify evaluate --json` prints.
public struct EvaluationSummary: Sendable, Codable, Equatable {
    public var cases: Int
    public var top1: Double
    public var top3: Double
    public var top5: Double
    public var top10: Double
    /// Top-10 per disease, averaged over the diseases (each disease counts once, whatever its number
    /// of cases).
    public var macroTop10: Double
    public var mrr: Double
    public var medianMillisPerCase: Double
    public var p95MillisPerCase: Double
    public var seconds: Double
}

public struct CaseRank: Sendable, Equatable {
    public var id: String
    public var truth: TermID
    /// Number of diseases scoring at least as high as the truth (ties count against it); the corpus
    /// size plus one when the truth is not in the corpus.
    public var rank: Int
    public var millis: Double
    /// The disease ranked first (the lowest slot among ties), to see what beats the truth.
    public var first: TermID?

    public init(id: String, truth: TermID, rank: Int, millis: Double, first: TermID? = nil) {
        self.id = id
        self.truth = truth
        self.rank = rank
        self.millis = millis
        self.first = first
    }
}

public enum Evaluation {
    /// Ranks every case's true disease, using every core; each case is timed on its own thread.
    /// `engines` holds one engine per patient sex (the index leaves out the other sex's annotations).
    public static func run(_ cases: [EvaluationCase], engines: [AnnotationSex?: LikelihoodEngine]) -> [CaseRank] {
        guard let any = engines.values.first else { return [] }
        let results = RankBox(count: cases.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, cases.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var scratch = LikelihoodEngine.Scratch(count: any.index.count)
            var i = w
            while i < cases.count {
                let c = cases[i]
                let engine = engines[c.query.sex] ?? any
                let start = DispatchTime.now().uptimeNanoseconds
                let scores = engine.score(c.query, scratch: &scratch)
                let rank = engine.rank(of: c.truth, scores: scores) ?? (engine.index.count + 1)
                let millis = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                let best = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }
                let first = best.map { engine.index.disease(slot: Int32($0)).id }
                results.set(i, CaseRank(id: c.id, truth: c.truth, rank: rank, millis: millis, first: first))
                i += workers
            }
        }
        return results.values()
    }

    public static func summarize(_ ranks: [CaseRank], seconds: Double) -> EvaluationSummary {
        let n = Double(max(1, ranks.count))
        func top(_ k: Int) -> Double { round4(Double(ranks.filter { $0.rank <= k }.count) / n) }
        let millis = ranks.map(\.millis).sorted()
        let median = millis.isEmpty ? 0 : millis[millis.count / 2]
        let p95 = millis.isEmpty ? 0 : millis[Int(0.95 * Double(millis.count - 1))]
        var byDisease: [TermID: (hits: Int, cases: Int)] = [:]
        for r in ranks {
            var entry = byDisease[r.truth] ?? (0, 0)
            entry.cases += 1
            if r.rank <= 10 { entry.hits += 1 }
            byDisease[r.truth] = entry
        }
        let macro = byDisease.isEmpty ? 0 : byDisease.values.reduce(0) { $0 + Double($1.hits) / Double($1.cases) } / Double(byDisease.count)
        return EvaluationSummary(cases: ranks.count, top1: top(1), top3: top(3), top5: top(5), top10: top(10), macroTop10: round4(macro),
                                 mrr: round4(ranks.reduce(0) { $0 + 1 / Double($1.rank) } / n),
                                 medianMillisPerCase: (median * 1000).rounded() / 1000,
                                 p95MillisPerCase: (p95 * 1000).rounded() / 1000,
                                 seconds: (seconds * 100).rounded() / 100)
    }

    static func round4(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
}

/// Results slots written by the evaluation threads, one slot per case.
private final class RankBox: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var slots: [CaseRank?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: CaseRank) { lock.withLock { slots[i] = r } }
    func values() -> [CaseRank] { lock.withLock { slots.compactMap { $0 } } }
}
