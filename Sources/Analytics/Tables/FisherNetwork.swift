#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The network algorithm of Mehta & Patel (as R's FEXACT), for a 2 × k table: the sum of the
/// probabilities of every table with the observed margins that is no more probable than the
/// observed one.
///
/// Columns are ordered smallest first; a node is (column j, cases left for columns j..<k) reached
/// with the log-product `prefix` of the binomial coefficients chosen so far. Below a node, the
/// completions' log-products lie between `shortest(j, m)` and `longest(j, m)`:
/// - if even the longest (most probable) completion is no more probable than the observed table,
///   the whole subtree counts, and its total is C(columns j..<k, m) by Vandermonde: one term;
/// - if even the shortest (least probable) one is more probable, the subtree counts nothing;
/// - only the nodes between recurse. The last two columns are summed by `PairTails`.
///
/// The log-product of binomial coefficients is concave in each cell, so the longest completion is
/// found greedily from the proportional split, and the shortest lies at a vertex of the region
/// (every cell but one at 0 or its column's size, where log C is 0).
///
/// A straddling subtree whose total is below e^-`negligible` of the observed table's probability
/// is left out: its share of the p-value, at least the observed probability, stays below 1e-10
/// for up to 10^7 of them (the budget). Past `PairTails.storeLimit` stored sums (tables of millions
/// of cases) the run ends as past the budget.
struct FisherNetwork {
    let c: [Int]
    let r1: Int
    let logChoose: [[Double]]
    let suffix: [Int]
    /// logFactorial[i] = log i!, i ≤ n: the totals of subtrees, log C(columns j..<k, m), from three reads.
    let logFactorial: [Double]
    let logTotal: Double
    /// The unnormalised log-product at or below which a table counts (R's relative 1e-7).
    let threshold: Double
    /// Subtrees of smaller total (normalised, log) are negligible.
    let floor: Double
    var pair: PairTails
    /// The bounds of node (j, m), at j * (r1 + 1) + m: in a flat array up to `BoundCache.flatLimit` nodes,
    /// past it (tables of millions of cases, wide) in dictionaries, so memory stays with the budget.
    var longestCache: BoundCache
    var shortestCache: BoundCache
    var nodes = 0
    var sum = 0.0
    let budget: Int

    static let negligible = 40.0

    /// `c`: column sizes, ascending, at least 3 columns; `x`: the observed first row.
    init(c: [Int], x: [Int], budget: Int) {
        self.c = c
        self.budget = budget
        let k = c.count
        r1 = x.reduce(0, +)
        logTotal = Distributions.logChoose(c.reduce(0, +), r1)
        logChoose = c.map { cj in (0...cj).map { Distributions.logChoose(cj, $0) } }
        let observed = zip(logChoose, x).reduce(0) { $0 + $1.0[$1.1] }
        threshold = observed + log1p(1e-7)
        floor = observed - logTotal - Self.negligible
        var suffix = Array(repeating: 0, count: k + 1)
        for j in stride(from: k - 1, through: 0, by: -1) { suffix[j] = suffix[j + 1] + c[j] }
        self.suffix = suffix
        logFactorial = (0...suffix[0]).map { lgamma(Double($0) + 1) }
        pair = PairTails(a: logChoose[k - 2], b: logChoose[k - 1])
        longestCache = BoundCache(count: k * (r1 + 1))
        shortestCache = longestCache
    }

    /// The p-value, or nil past the node budget.
    mutating func run() -> Double? {
        visit(0, r1, 0)
        return nodes > budget ? nil : min(1, sum)
    }

    mutating func visit(_ j: Int, _ m: Int, _ prefix: Double) {
        nodes += 1
        if nodes > budget { return }
        let k = c.count
        if j == k - 2 {
            // The pair's sums past their store limit end the run as the budget does.
            if pair.below.count > PairTails.storeLimit {
                nodes = budget + 1
                return
            }
            sum += pair.sum(remaining: m, base: prefix - logTotal, threshold: threshold - logTotal)
            return
        }
        let rest = suffix[j + 1]
        let lo = max(0, m - rest), hi = min(c[j], m)
        guard lo <= hi else { return }
        // The children's totals are hypergeometric in x_j: walk out from the mode while they matter.
        let mode = min(hi, max(lo, Int(Double(m + 1) * Double(c[j] + 1) / Double(c[j] + rest + 2))))
        var xj = mode
        while xj >= lo, child(j, m, xj, prefix), nodes <= budget { xj -= 1 }
        xj = mode + 1
        while xj <= hi, child(j, m, xj, prefix), nodes <= budget { xj += 1 }
    }

    /// Counts or visits the child x_j of node (j, m); false once its total is negligible.
    mutating func child(_ j: Int, _ m: Int, _ xj: Int, _ prefix: Double) -> Bool {
        let below = prefix + logChoose[j][xj], left = m - xj
        let rest = suffix[j + 1]
        let mass = below + logFactorial[rest] - logFactorial[left] - logFactorial[rest - left] - logTotal
        if mass < floor { return false }
        if below + longest(j + 1, left) <= threshold {
            sum += exp(mass)
        } else if below + shortest(j + 1, left) <= threshold {
            visit(j + 1, left, below)
        }
        return true
    }

    /// The largest log-product of columns j..<k holding m cases.
    mutating func longest(_ j: Int, _ m: Int) -> Double {
        let key = j * (r1 + 1) + m
        if let cached = longestCache[key] { return cached }
        if j == c.count - 2 { return pair.longest(m) }
        let columns = Array(j..<c.count)
        let total = suffix[j]
        // The continuous optimum equalises the marginal gains log((c - x) / (x + 1)).
        let lambda = Double(total - m) / Double(m + columns.count)
        var x = columns.map { i in min(c[i], max(0, Int((Double(c[i]) - lambda) / (1 + lambda)))) }
        func gain(_ t: Int) -> Double { x[t] < c[columns[t]] ? logChoose[columns[t]][x[t] + 1] - logChoose[columns[t]][x[t]] : -.infinity }
        func loss(_ t: Int) -> Double { x[t] > 0 ? logChoose[columns[t]][x[t]] - logChoose[columns[t]][x[t] - 1] : .infinity }
        var placed = x.reduce(0, +)
        while placed < m, let t = x.indices.max(by: { gain($0) < gain($1) }) { x[t] += 1; placed += 1 }
        while placed > m, let t = x.indices.min(by: { loss($0) < loss($1) }) { x[t] -= 1; placed -= 1 }
        // Exchange while a move raises the sum (concave: a local optimum is the optimum).
        while let up = x.indices.max(by: { gain($0) < gain($1) }), let down = x.indices.min(by: { loss($0) < loss($1) }),
              up != down, gain(up) > loss(down) {
            x[up] += 1
            x[down] -= 1
        }
        let value = x.indices.reduce(0.0) { $0 + logChoose[columns[$1]][x[$1]] }
        longestCache[key] = value
        return value
    }

    /// The smallest log-product of columns j..<k holding m cases: at a vertex, every column but one
    /// empty or full (log C = 0 there), the one left holding the rest. Past 10 columns, 0 (a bound).
    mutating func shortest(_ j: Int, _ m: Int) -> Double {
        let key = j * (r1 + 1) + m
        if let cached = shortestCache[key] { return cached }
        let columns = Array(j..<c.count)
        var value = 0.0
        if columns.count <= 10 {
            value = .infinity
            for (t, free) in columns.enumerated() {
                let others = columns.enumerated().filter { $0.offset != t }.map { c[$0.element] }
                for subset in 0..<(1 << others.count) {
                    var full = 0
                    for (bit, size) in others.enumerated() where subset & (1 << bit) != 0 { full += size }
                    let held = m - full
                    if held >= 0, held <= c[free] { value = min(value, logChoose[free][held]) }
                }
            }
        }
        shortestCache[key] = value
        return value
    }
}

/// A cache of node bounds: flat while small, a dictionary past `flatLimit` entries.
struct BoundCache {
    static let flatLimit = 4_000_000
    var flat: [Double]
    var table: [Int: Double] = [:]

    init(count: Int) { flat = count <= Self.flatLimit ? Array(repeating: .nan, count: count) : [] }

    subscript(key: Int) -> Double? {
        get {
            if flat.isEmpty { return table[key] }
            let value = flat[key]
            return value.isNaN ? nil : value
        }
        set {
            if flat.isEmpty { table[key] = newValue } else { flat[key] = newValue ?? .nan }
        }
    }
}
