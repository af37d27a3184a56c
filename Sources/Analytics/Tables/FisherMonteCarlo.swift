#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Monte Carlo estimate of Fisher's exact p for a 2 × k table too large for the network
/// within its budget, as R's `fisher.test(simulate.p.value = TRUE)`: `samples` tables drawn with
/// the observed margins under independence (each column's first-row count hypergeometric given the
/// cases still to place), p = (1 + the draws no more probable than the observed table) / (samples + 1),
/// with R's relative tolerance 1e-7. Seeded: the same table gives the same estimate.
struct FisherMonteCarlo {
    static let samples = 100_000
    static let seed: UInt64 = 2762

    /// `c`: column sizes; `x`: the observed first row.
    static func p(c: [Int], x: [Int]) -> Double {
        let k = c.count, r1 = x.reduce(0, +)
        var suffix = Array(repeating: 0, count: k + 1)
        for j in stride(from: k - 1, through: 0, by: -1) { suffix[j] = suffix[j + 1] + c[j] }
        let logChoose = c.map { cj in (0...cj).map { Distributions.logChoose(cj, $0) } }
        let threshold = zip(logChoose, x).reduce(0) { $0 + $1.0[$1.1] } + log1p(1e-7)
        var rng = SplitMix64(state: seed)
        var atMost = 0
        for _ in 0..<samples {
            var left = r1, log = 0.0
            for j in 0..<(k - 1) {
                let xj = hypergeometric(draws: c[j], successes: left, population: suffix[j], using: &rng)
                log += logChoose[j][xj]
                left -= xj
            }
            log += logChoose[k - 1][left]
            if log <= threshold { atMost += 1 }
        }
        return Double(1 + atMost) / Double(samples + 1)
    }

    /// One draw of the successes among `draws` taken without replacement from `population` holding
    /// `successes`: inversion from the mode outwards, always to the more probable neighbour.
    static func hypergeometric(draws n: Int, successes s: Int, population total: Int, using rng: inout SplitMix64) -> Int {
        let lo = max(0, n + s - total), hi = min(n, s)
        if lo == hi { return lo }
        func logP(_ x: Int) -> Double {
            Distributions.logChoose(s, x) + Distributions.logChoose(total - s, n - x) - Distributions.logChoose(total, n)
        }
        let mode = min(hi, max(lo, Int(Double(n + 1) * Double(s + 1) / Double(total + 2))))
        var u = Double.random(in: 0..<1, using: &rng)
        let pMode = exp(logP(mode))
        u -= pMode
        if u < 0 { return mode }
        // pUp: P(up), pDown: P(down), advanced by the ratio of neighbouring terms.
        var up = mode + 1, down = mode - 1
        var pUp = up <= hi ? pMode * ratio(mode, n, s, total) : 0
        var pDown = down >= lo ? pMode / ratio(down, n, s, total) : 0
        while up <= hi || down >= lo {
            if up <= hi, pUp >= pDown || down < lo {
                u -= pUp
                if u < 0 { return up }
                pUp *= ratio(up, n, s, total)
                up += 1
                if up > hi { pUp = 0 }
            } else {
                u -= pDown
                if u < 0 { return down }
                down -= 1
                pDown = down >= lo ? pDown / ratio(down, n, s, total) : 0
            }
        }
        // Rounding left a sliver of u: the mode.
        return mode
    }

    /// P(x + 1) / P(x) for the hypergeometric above.
    @inline(__always) static func ratio(_ x: Int, _ n: Int, _ s: Int, _ total: Int) -> Double {
        Double(n - x) * Double(s - x) / (Double(x + 1) * Double(total - n - s + x + 1))
    }
}
