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
/// Each tail is read from cumulative log-sums of the terms (built once per `remaining`, in one flat
/// buffer), which hold their relative precision however far the tail lies from the mode.
struct PairTails {
    let a: [Double]
    let b: [Double]
    /// The cumulative sums kept, at most (2 x 8 bytes each): 2 × 5 tables of 10,000 patients keep
    /// up to 2e6 (measured, README).
    static let storeLimit = 16_000_000
    /// Per `remaining`: the start of its sums in `below`/`above`, or -1 before they are built.
    var start: [Int]
    var mode: [Int]
    var peak: [Double]
    /// below[start + i - lo]: log Σ exp(t(j)) for lo ≤ j ≤ i; above[...]: for i ≤ j ≤ hi.
    var below: [Double] = []
    var above: [Double] = []

    init(a: [Double], b: [Double]) {
        self.a = a
        self.b = b
        let most = a.count + b.count - 1
        start = Array(repeating: -1, count: most)
        mode = Array(repeating: 0, count: most)
        peak = Array(repeating: 0, count: most)
    }

    @inline(__always) func term(_ i: Int, _ remaining: Int) -> Double { a[i] + b[remaining - i] }

    @inline(__always) static func logAdd(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity { return y }
        return x > y ? x + log1p(exp(y - x)) : y + log1p(exp(x - y))
    }

    /// The largest term for `remaining` (the most probable split of the pair).
    mutating func longest(_ remaining: Int) -> Double {
        let countB = b.count - 1
        build(remaining, lo: max(0, remaining - countB), hi: min(a.count - 1, remaining))
        return peak[remaining]
    }

    mutating func build(_ remaining: Int, lo: Int, hi: Int) {
        guard start[remaining] < 0 else { return }
        let countA = a.count - 1, countB = b.count - 1
        var top = min(hi, max(lo, Int(Double(remaining + 1) * Double(countA + 1) / Double(countA + countB + 2))))
        while top < hi, term(top + 1, remaining) > term(top, remaining) { top += 1 }
        while top > lo, term(top - 1, remaining) > term(top, remaining) { top -= 1 }
        let first = below.count
        var running = -Double.infinity
        for i in lo...hi {
            running = Self.logAdd(running, term(i, remaining))
            below.append(running)
        }
        above.append(contentsOf: repeatElement(0, count: hi - lo + 1))
        running = -.infinity
        for i in stride(from: hi, through: lo, by: -1) {
            running = Self.logAdd(running, term(i, remaining))
            above[first + i - lo] = running
        }
        start[remaining] = first
        mode[remaining] = top
        peak[remaining] = term(top, remaining)
    }

    /// Σ exp(base + t(i)) over the i whose probability base + t(i) is at most `threshold`.
    mutating func sum(remaining: Int, base: Double, threshold: Double) -> Double {
        let countA = a.count - 1, countB = b.count - 1
        let lo = max(0, remaining - countB), hi = min(countA, remaining)
        guard lo <= hi else { return 0 }
        build(remaining, lo: lo, hi: hi)
        let limit = threshold - base, offset = start[remaining] - lo
        // Every term counts: the whole column pair, C(A + B, remaining).
        if peak[remaining] <= limit { return exp(base + below[offset + hi]) }
        // first: the smallest i ≤ mode above the limit; last: the largest i ≥ mode above it.
        var left = lo, right = mode[remaining]
        while left < right {
            let mid = (left + right) / 2
            if term(mid, remaining) > limit { right = mid } else { left = mid + 1 }
        }
        let first = left
        left = mode[remaining]
        right = hi
        while left < right {
            let mid = (left + right + 1) / 2
            if term(mid, remaining) > limit { left = mid } else { right = mid - 1 }
        }
        let last = left
        var total = 0.0
        if first > lo { total += exp(base + below[offset + first - 1]) }
        if last < hi { total += exp(base + above[offset + last + 1]) }
        return total
    }
}
