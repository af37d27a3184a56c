#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Fisher's exact test of a 2 × k table (feature present/absent by group), two-sided as R's
/// `fisher.test`: the sum of the probabilities, under fixed margins, of every table no more
/// probable than the observed one (with R's relative tolerance 1e-7).
///
/// The tables are enumerated column by column; the last two columns are summed in closed form
/// (Vandermonde) when every table below a prefix counts, else walked from both tails. When the
/// enumeration would exceed `limit` tables, the Pearson chi-square approximation is used instead
/// and `method` says so.
public struct FisherExactTest: Sendable, Equatable {
    public enum Method: String, Sendable, Codable {
        case fisherExact = "fisher-exact"
        case chiSquare = "chi-square"
    }

    public var p: Double
    public var method: Method

    /// `present[j]` and `absent[j]`: the two rows' counts in column j.
    public static func test(present: [Int], absent: [Int], budget: Int = 2_000_000) -> FisherExactTest {
        let columns = zip(present, absent).map { $0 + $1 }
        let kept = columns.indices.filter { columns[$0] > 0 }
        let c = kept.map { columns[$0] }, x = kept.map { present[$0] }
        let r1 = x.reduce(0, +), n = c.reduce(0, +)
        guard c.count >= 2, r1 > 0, r1 < n else { return FisherExactTest(p: 1, method: .fisherExact) }
        let logTotal = Distributions.logChoose(n, r1)
        let logChoose = c.map { cj in (0...cj).map { Distributions.logChoose(cj, $0) } }
        let observed = zip(logChoose, x).reduce(0) { $0 + $1.0[$1.1] } - logTotal
        let threshold = observed + log1p(1e-7)
        // suffix[j]: total of columns j..<k.
        var suffix = Array(repeating: 0, count: c.count + 1)
        for j in stride(from: c.count - 1, through: 0, by: -1) { suffix[j] = suffix[j + 1] + c[j] }
        var sum = 0.0
        var steps = 0
        func visit(_ j: Int, _ remaining: Int, _ logPrefix: Double) {
            if steps > budget { return }
            if j == c.count - 2 {
                let a = c[j], b = c[j + 1]
                let lo = max(0, remaining - b), hi = min(a, remaining)
                guard lo <= hi else { return }
                let base = logPrefix - logTotal
                // The mode of the hypergeometric term; if even it is below the threshold, all count.
                let mode = min(hi, max(lo, Int((Double(remaining + 1) * Double(a + 1)) / Double(a + b + 2))))
                let peak = base + logChoose[j][mode] + logChoose[j + 1][remaining - mode]
                if peak <= threshold {
                    sum += exp(base + Distributions.logChoose(a + b, remaining))
                    return
                }
                var i = lo
                while i <= hi {
                    let value = base + logChoose[j][i] + logChoose[j + 1][remaining - i]
                    if value > threshold { break }
                    sum += exp(value)
                    i += 1
                }
                steps += i - lo
                var k = hi
                while k > i {
                    let value = base + logChoose[j][k] + logChoose[j + 1][remaining - k]
                    if value > threshold { break }
                    sum += exp(value)
                    k -= 1
                }
                steps += hi - k + 1
                return
            }
            let rest = suffix[j + 1]
            for xj in max(0, remaining - rest)...min(c[j], remaining) {
                steps += 1
                let prefix = logPrefix + logChoose[j][xj]
                // Whole subtree negligible: its total probability is below 1e-30 of the observed one.
                let mass = prefix + Distributions.logChoose(rest, remaining - xj) - logTotal
                if mass < observed - 69 { continue }
                visit(j + 1, remaining - xj, prefix)
            }
        }
        visit(0, r1, 0)
        if steps > budget { return chiSquare(x: x, c: c, r1: r1, n: n) }
        return FisherExactTest(p: min(1, sum), method: .fisherExact)
    }

    static func chiSquare(x: [Int], c: [Int], r1: Int, n: Int) -> FisherExactTest {
        var statistic = 0.0
        let rows = [Double(r1), Double(n - r1)]
        for (j, cj) in c.enumerated() {
            for (row, observed) in [Double(x[j]), Double(cj - x[j])].enumerated() {
                let expected = rows[row] * Double(cj) / Double(n)
                statistic += (observed - expected) * (observed - expected) / expected
            }
        }
        return FisherExactTest(p: Distributions.chiSquareUpperTail(statistic, df: c.count - 1), method: .chiSquare)
    }
}

/// Benjamini-Hochberg adjusted p-values, as R's `p.adjust(method = "BH")`.
public enum MultipleTesting {
    public static func benjaminiHochberg(_ p: [Double]) -> [Double] {
        let n = p.count
        guard n > 0 else { return [] }
        let order = p.indices.sorted { p[$0] > p[$1] }
        var adjusted = Array(repeating: 0.0, count: n)
        var running = 1.0
        for (rank, i) in order.enumerated() {
            let position = n - rank
            running = min(running, p[i] * Double(n) / Double(position))
            adjusted[i] = min(1, running)
        }
        return adjusted
    }
}
