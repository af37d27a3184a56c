#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The last two columns of a 2 × k table in Fisher's exact test: for `remaining` cases to share
/// between columns of sizes A and B, the terms t(i) = log C(A, i) + log C(B, remaining − i) are
/// unimodal in i, so the terms at or below a threshold form two tails, found by binary search.
/// Each tail is read from cumulative log-sums of the terms (kept per `remaining`), which hold their
/// relative precision however far the tail lies from the mode.
struct PairTails {
    let a: [Double]
    let b: [Double]

    struct Sums {
        let mode: Int
        let peak: Double
        let lo: Int
        /// below[i - lo]: log Σ exp(t(j)) for lo ≤ j ≤ i; above[i - lo]: for i ≤ j ≤ hi.
        let below: [Double]
        let above: [Double]
    }

    var cache: [Int: Sums] = [:]

    init(a: [Double], b: [Double]) {
        self.a = a
        self.b = b
    }

    @inline(__always) func term(_ i: Int, _ remaining: Int) -> Double { a[i] + b[remaining - i] }

    @inline(__always) static func logAdd(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity { return y }
        return x > y ? x + log1p(exp(y - x)) : y + log1p(exp(x - y))
    }

    mutating func sums(_ remaining: Int, lo: Int, hi: Int) -> Sums {
        if let cached = cache[remaining] { return cached }
        let countA = a.count - 1, countB = b.count - 1
        var mode = min(hi, max(lo, Int(Double(remaining + 1) * Double(countA + 1) / Double(countA + countB + 2))))
        while mode < hi, term(mode + 1, remaining) > term(mode, remaining) { mode += 1 }
        while mode > lo, term(mode - 1, remaining) > term(mode, remaining) { mode -= 1 }
        var below = Array(repeating: 0.0, count: hi - lo + 1), above = below
        var running = -Double.infinity
        for i in lo...hi {
            running = Self.logAdd(running, term(i, remaining))
            below[i - lo] = running
        }
        running = -.infinity
        for i in stride(from: hi, through: lo, by: -1) {
            running = Self.logAdd(running, term(i, remaining))
            above[i - lo] = running
        }
        let made = Sums(mode: mode, peak: term(mode, remaining), lo: lo, below: below, above: above)
        cache[remaining] = made
        return made
    }

    /// Σ exp(base + t(i)) over the i whose probability base + t(i) is at most `threshold`.
    mutating func sum(remaining: Int, base: Double, threshold: Double) -> Double {
        let countA = a.count - 1, countB = b.count - 1
        let lo = max(0, remaining - countB), hi = min(countA, remaining)
        guard lo <= hi else { return 0 }
        let s = sums(remaining, lo: lo, hi: hi)
        let limit = threshold - base
        // Every term counts: the whole column pair, C(A + B, remaining).
        if s.peak <= limit { return exp(base + Distributions.logChoose(countA + countB, remaining)) }
        // first: the smallest i ≤ mode above the limit; last: the largest i ≥ mode above it.
        var left = lo, right = s.mode
        while left < right {
            let mid = (left + right) / 2
            if term(mid, remaining) > limit { right = mid } else { left = mid + 1 }
        }
        let first = left
        left = s.mode
        right = hi
        while left < right {
            let mid = (left + right + 1) / 2
            if term(mid, remaining) > limit { left = mid } else { right = mid - 1 }
        }
        let last = left
        var total = 0.0
        if first > lo { total += exp(base + s.below[first - 1 - lo]) }
        if last < hi { total += exp(base + s.above[last + 1 - lo]) }
        return total
    }
}
