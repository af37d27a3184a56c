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
/// Each tail is read from cumulative sums over the terms within e^-70 of the mode (kept per
/// `remaining`) when it starts within e^-30 of the mode; otherwise it is summed term by term
/// outward until the terms fall below `floor`.
struct PairTails {
    let a: [Double]
    let b: [Double]

    struct Sums {
        let mode: Int
        let peak: Double
        let low: Int
        /// prefix[i - low]: Σ exp(t(j) − peak) for low ≤ j ≤ i; suffix[i - low]: for i ≤ j ≤ high.
        let prefix: [Double]
        let suffix: [Double]
        var high: Int { low + prefix.count - 1 }
    }

    var cache: [Int: Sums] = [:]

    init(a: [Double], b: [Double]) {
        self.a = a
        self.b = b
    }

    @inline(__always) func term(_ i: Int, _ remaining: Int) -> Double { a[i] + b[remaining - i] }

    mutating func sums(_ remaining: Int, lo: Int, hi: Int) -> Sums {
        if let cached = cache[remaining] { return cached }
        let countA = a.count - 1, countB = b.count - 1
        var mode = min(hi, max(lo, Int(Double(remaining + 1) * Double(countA + 1) / Double(countA + countB + 2))))
        while mode < hi, term(mode + 1, remaining) > term(mode, remaining) { mode += 1 }
        while mode > lo, term(mode - 1, remaining) > term(mode, remaining) { mode -= 1 }
        let peak = term(mode, remaining)
        var low = mode, high = mode
        while low > lo, term(low - 1, remaining) >= peak - 70 { low -= 1 }
        while high < hi, term(high + 1, remaining) >= peak - 70 { high += 1 }
        var prefix = Array(repeating: 0.0, count: high - low + 1), suffix = prefix
        var running = 0.0
        for i in low...high {
            running += exp(term(i, remaining) - peak)
            prefix[i - low] = running
        }
        running = 0
        for i in stride(from: high, through: low, by: -1) {
            running += exp(term(i, remaining) - peak)
            suffix[i - low] = running
        }
        let made = Sums(mode: mode, peak: peak, low: low, prefix: prefix, suffix: suffix)
        cache[remaining] = made
        return made
    }

    /// Σ exp(base + t(i)) over the i whose probability base + t(i) is at most `threshold`
    /// (terms below `floor` left out).
    mutating func sum(remaining: Int, base: Double, threshold: Double, floor: Double) -> Double {
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
        if first > lo {
            if first - 1 >= s.low, term(first - 1, remaining) >= s.peak - 30 {
                total += exp(base + s.peak) * s.prefix[first - 1 - s.low]
            } else {
                var i = first - 1
                while i >= lo {
                    let value = base + term(i, remaining)
                    if value < floor { break }
                    total += exp(value)
                    i -= 1
                }
            }
        }
        if last < hi {
            if last + 1 <= s.high, term(last + 1, remaining) >= s.peak - 30 {
                total += exp(base + s.peak) * s.suffix[last + 1 - s.low]
            } else {
                var i = last + 1
                while i <= hi {
                    let value = base + term(i, remaining)
                    if value < floor { break }
                    total += exp(value)
                    i += 1
                }
            }
        }
        return total
    }
}
