/// The log-rank test of equal survival across groups, as R's `survdiff` (rho = 0): observed minus
/// expected events per group with the hypergeometric variance; groups with no expected events are
/// left out and the first remaining group is dropped to make the variance invertible.
public struct LogRankTest: Sendable, Codable, Equatable {
    public var chisq: Double
    public var df: Int
    public var p: Double

    public init(chisq: Double, df: Int, p: Double) {
        self.chisq = chisq
        self.df = df
        self.p = p
    }

    /// nil with fewer than two groups.
    public static func test(_ records: [SurvivalRecord]) -> LogRankTest? {
        let groups = Set(records.map(\.group)).sorted()
        guard groups.count >= 2 else { return nil }
        let index = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        let k = groups.count
        let sorted = records.sorted { $0.time < $1.time }
        var atRisk = Array(repeating: 0.0, count: k)
        for r in sorted { atRisk[index[r.group] ?? 0] += 1 }
        var observed = Array(repeating: 0.0, count: k), expected = observed
        var variance = Matrix.zero(k)
        var i = 0
        while i < sorted.count {
            let t = sorted[i].time
            var events = Array(repeating: 0.0, count: k), leaving = events
            while i < sorted.count, sorted[i].time == t {
                let g = index[sorted[i].group] ?? 0
                if sorted[i].isEvent { events[g] += 1 }
                leaving[g] += 1
                i += 1
            }
            let d = events.reduce(0, +), n = atRisk.reduce(0, +)
            if d > 0 {
                for g in 0..<k {
                    observed[g] += events[g]
                    expected[g] += d * atRisk[g] / n
                }
                if n > 1 {
                    let factor = d * (n - d) / (n - 1)
                    for g in 0..<k {
                        for h in 0..<k {
                            let delta = g == h ? 1.0 : 0.0
                            variance[g, h] += factor * atRisk[g] / n * (delta - atRisk[h] / n)
                        }
                    }
                }
            }
            for g in 0..<k { atRisk[g] -= leaving[g] }
        }
        let kept = (0..<k).filter { expected[$0] > 0 }
        guard kept.count >= 2 else { return LogRankTest(chisq: 0, df: 0, p: 1) }
        let used = Array(kept.dropFirst())
        var v = Matrix.zero(used.count)
        for (a, g) in used.enumerated() {
            for (b, h) in used.enumerated() { v[a, b] = variance[g, h] }
        }
        guard let inv = v.inverse() else { return nil }
        let diff = used.map { observed[$0] - expected[$0] }
        var chisq = 0.0
        for a in used.indices {
            for b in used.indices { chisq += diff[a] * inv[a, b] * diff[b] }
        }
        let df = used.count
        return LogRankTest(chisq: chisq, df: df, p: Distributions.chiSquareUpperTail(chisq, df: df))
    }
}
