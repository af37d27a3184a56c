#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maximum-likelihood intensities of a progressive continuous-time Markov chain observed at
/// arbitrary times (panel data), as R's `msm` does: the likelihood multiplies P(Δt)[from, to] =
/// exp(QΔt)[from, to] over consecutive observations of each subject, conditional on the first. It
/// is maximised over log intensities by Newton-Raphson on numerical derivatives with step
/// halving; the 95% intervals are exp(log q ± 1.96 se) with se from the inverse of the negative
/// numerical Hessian at the maximum (msm's intervals).
public enum MultiStateModel {
    public struct Fit: Sendable, Equatable {
        /// q_i from stage i to i + 1; 0 (with no interval) when no exit from stage i was observed.
        public var intensities: [Double]
        public var lower: [Double?]
        public var upper: [Double?]
        public var logLikelihood: Double
        public var subjects: Int
        public var pairs: Int
        public var iterations: Int
        public var converged: Bool

        public var generator: ProgressiveGenerator { ProgressiveGenerator(intensities: intensities) }

        /// The states × states generator and its interval limits, as arrays of rows (msm's `qmatrix`
        /// layout; diagonal entries are minus the row's exit intensity, limits only off the diagonal).
        public var qMatrix: [[Double]] { generator.matrix.rows }
        public func limitMatrix(_ limits: [Double?]) -> [[Double?]] {
            let n = intensities.count + 1
            return (0..<n).map { i in (0..<n).map { j in j == i + 1 ? limits[i] : (j == i || i == n - 1 ? nil : 0) } }
        }

        /// P(stage ≥ `target` at time t | stage `from` at 0).
        public func probability(reaching target: Int, within t: Double, from: Int) -> Double {
            let g = generator
            return (target..<g.states).reduce(0) { $0 + g.probability(t, from: from, to: $1) }
        }

        /// The probabilities of being in each stage at each time of `grid`, starting in `from`.
        public func occupation(from: Int, grid: [Double]) -> [[Double]] {
            let g = generator
            return grid.map { t in (0..<g.states).map { g.probability(t, from: from, to: $0) } }
        }
    }

    /// Fits `observations` (sorted by subject, then time). nil when no pair of observations moves
    /// between stages or shows time in a stage.
    public static func fit(_ observations: [PanelObservation], states: Int = ProgressionState.allCases.count) -> Fit? {
        let data = TransitionCounts(observations, states: states)
        guard data.pairs > 0 else { return nil }
        // Crude start (and which intensities are estimable): exits over time at risk per stage.
        var exits = Array(repeating: 0.0, count: states - 1), exposure = exits
        for (k, dt) in data.intervals.enumerated() {
            for c in data.counts[k] {
                exposure[c.from] += c.n * dt
                if c.to > c.from { exits[c.from] += c.n }
            }
        }
        let free = (0..<(states - 1)).filter { exits[$0] > 0 && exposure[$0] > 0 }
        guard !free.isEmpty else { return nil }
        func intensities(_ theta: [Double]) -> [Double] {
            var q = Array(repeating: 0.0, count: states - 1)
            for (a, i) in free.enumerated() { q[i] = exp(theta[a]) }
            return q
        }
        func logLikelihood(_ theta: [Double]) -> Double {
            let g = ProgressiveGenerator(intensities: intensities(theta))
            var sum = 0.0
            for (k, dt) in data.intervals.enumerated() {
                for c in data.counts[k] {
                    let p = g.probability(dt, from: c.from, to: c.to)
                    guard p > 0 else { return -.infinity }
                    sum += c.n * log(p)
                }
            }
            return sum
        }
        var theta = free.map { log(exits[$0] / exposure[$0]) }
        var f = logLikelihood(theta)
        var iterations = 0, converged = false
        while iterations < 200 {
            iterations += 1
            let g = gradient(logLikelihood, theta)
            let h = hessian(logLikelihood, theta)
            var direction = g
            if let inv = h.scaled(-1).inverse(), case let d = multiply(inv, g), zip(d, g).reduce(0, { $0 + $1.0 * $1.1 }) > 0 {
                direction = d
            } else {
                let norm = g.map { $0 * $0 }.reduce(0, +).squareRoot()
                direction = g.map { $0 / max(norm, 1) }
            }
            var t = 1.0
            var candidate = zip(theta, direction).map { $0 + t * $1 }
            var next = logLikelihood(candidate)
            while !(next >= f - 1e-12) && t > 1e-10 {
                t /= 2
                candidate = zip(theta, direction).map { $0 + t * $1 }
                next = logLikelihood(candidate)
            }
            let moved = direction.map { abs($0 * t) }.max() ?? 0
            if next >= f - 1e-12 {
                theta = candidate
                f = next
            }
            if moved < 1e-9 {
                converged = true
                break
            }
        }
        let q = intensities(theta)
        var lower: [Double?] = Array(repeating: nil, count: states - 1), upper = lower
        if let covariance = hessian(logLikelihood, theta).scaled(-1).inverse() {
            for (a, i) in free.enumerated() where covariance[a, a] > 0 {
                let se = covariance[a, a].squareRoot()
                lower[i] = exp(theta[a] - Distributions.z975 * se)
                upper[i] = exp(theta[a] + Distributions.z975 * se)
            }
        }
        let subjects = Set(observations.map(\.id)).count
        return Fit(intensities: q, lower: lower, upper: upper, logLikelihood: f, subjects: subjects,
                   pairs: data.pairs, iterations: iterations, converged: converged)
    }

    static func multiply(_ m: Matrix, _ v: [Double]) -> [Double] {
        (0..<m.n).map { i in (0..<m.n).reduce(0) { $0 + m[i, $1] * v[$1] } }
    }

    static let step = 1e-4

    static func gradient(_ f: ([Double]) -> Double, _ x: [Double]) -> [Double] {
        x.indices.map { a in
            var up = x, down = x
            up[a] += step
            down[a] -= step
            return (f(up) - f(down)) / (2 * step)
        }
    }

    static func hessian(_ f: ([Double]) -> Double, _ x: [Double]) -> Matrix {
        let n = x.count
        var h = Matrix.zero(n)
        let center = f(x)
        for a in 0..<n {
            var up = x, down = x
            up[a] += step
            down[a] -= step
            h[a, a] = (f(up) - 2 * center + f(down)) / (step * step)
            for b in 0..<a {
                var pp = x, pm = x, mp = x, mm = x
                pp[a] += step; pp[b] += step
                pm[a] += step; pm[b] -= step
                mp[a] -= step; mp[b] += step
                mm[a] -= step; mm[b] -= step
                let value = (f(pp) - f(pm) - f(mp) + f(mm)) / (4 * step * step)
                h[a, b] = value
                h[b, a] = value
            }
        }
        return h
    }
}
