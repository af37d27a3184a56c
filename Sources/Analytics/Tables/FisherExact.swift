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
/// The columns are ordered smallest first and the first k − 2 enumerated, each over the values
/// whose subtree holds a probability above e^-40 of the observed table's (the subtree's total is
/// hypergeometric, so the values form one interval around its mode). The last two columns, the
/// largest, are summed without enumeration (`PairTails`): their terms are unimodal, so the tables
/// no more probable than the observed one are two tails found by binary search, each read from
/// cumulative log-sums. A 2 × 4 table of 10,000 patients takes up to some 10^5 nodes. When the enumeration would pass `budget` nodes (2 × 5
/// and wider tables of thousands), Pearson's chi-square is used instead and `method` says so.
public struct FisherExactTest: Sendable, Equatable {
    public enum Method: String, Sendable, Codable {
        case fisherExact = "fisher-exact"
        case chiSquare = "chi-square"
    }

    public var p: Double
    public var method: Method

    /// A subtree or term below e^-40 of the observed table's probability is left out (its share of
    /// the p-value, at least the observed probability, stays below 1e-10 for up to 10^7 of them).
    static let negligible = 40.0

    /// `present[j]` and `absent[j]`: the two rows' counts in column j.
    public static func test(present: [Int], absent: [Int], budget: Int = 2_000_000) -> FisherExactTest {
        let columns = zip(present, absent).map { $0 + $1 }
        let kept = columns.indices.filter { columns[$0] > 0 }.sorted { columns[$0] < columns[$1] }
        let c = kept.map { columns[$0] }, x = kept.map { present[$0] }
        let r1 = x.reduce(0, +), n = c.reduce(0, +), k = c.count
        guard k >= 2, r1 > 0, r1 < n else { return FisherExactTest(p: 1, method: .fisherExact) }
        let logTotal = Distributions.logChoose(n, r1)
        let logChoose = c.map { cj in (0...cj).map { Distributions.logChoose(cj, $0) } }
        let observed = zip(logChoose, x).reduce(0) { $0 + $1.0[$1.1] } - logTotal
        let threshold = observed + log1p(1e-7), floor = observed - negligible
        // suffix[j]: total of columns j..<k.
        var suffix = Array(repeating: 0, count: k + 1)
        for j in stride(from: k - 1, through: 0, by: -1) { suffix[j] = suffix[j + 1] + c[j] }
        var pair = PairTails(a: logChoose[k - 2], b: logChoose[k - 1])
        var sum = 0.0
        var nodes = 0
        func visit(_ j: Int, _ remaining: Int, _ logPrefix: Double) {
            if nodes > budget { return }
            if j == k - 2 {
                nodes += 1
                sum += pair.sum(remaining: remaining, base: logPrefix - logTotal, threshold: threshold)
                return
            }
            let rest = suffix[j + 1]
            let lo = max(0, remaining - rest), hi = min(c[j], remaining)
            guard lo <= hi else { return }
            // The subtree's total probability, hypergeometric in x_j: walk out from its mode.
            func mass(_ xj: Int) -> Double {
                logPrefix + logChoose[j][xj] + Distributions.logChoose(rest, remaining - xj) - logTotal
            }
            let mode = min(hi, max(lo, Int(Double(remaining + 1) * Double(c[j] + 1) / Double(c[j] + rest + 2))))
            var xj = mode
            while xj >= lo, mass(xj) >= floor, nodes <= budget {
                visit(j + 1, remaining - xj, logPrefix + logChoose[j][xj])
                xj -= 1
            }
            xj = mode + 1
            while xj <= hi, mass(xj) >= floor, nodes <= budget {
                visit(j + 1, remaining - xj, logPrefix + logChoose[j][xj])
                xj += 1
            }
        }
        visit(0, r1, 0)
        if nodes > budget { return chiSquare(x: x, c: c, r1: r1, n: n) }
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
