#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The generator of a progressive continuous-time Markov chain: intensity q_i from stage i to
/// i + 1, the last stage absorbing. Transition probabilities P(t) = exp(Qt) come from the
/// eigen-decomposition of Q (upper bidiagonal, eigenvalues −q_i and 0), or from the series of
/// `Matrix.exponential` when two intensities are too close for the eigenvectors to be reliable
/// (the eigenvector matrix or its inverse has entries whose product exceeds 1e6).
public struct ProgressiveGenerator: Sendable {
    public let intensities: [Double]
    public var states: Int { intensities.count + 1 }
    let vectors: Matrix?
    let inverseVectors: Matrix?
    let eigenvalues: [Double]

    public init(intensities: [Double]) {
        self.intensities = intensities
        let n = intensities.count + 1
        let lambda = intensities.map { -$0 } + [0]
        eigenvalues = lambda
        var distinct = true
        for a in 0..<n {
            for b in (a + 1)..<max(a + 1, n) {
                let scale = max(abs(lambda[a]), abs(lambda[b]), 1e-300)
                if abs(lambda[a] - lambda[b]) < 1e-6 * scale { distinct = false }
            }
        }
        if distinct {
            // Right eigenvector k: v_k = 1, v_j = 0 for j > k, back-substitution for j < k.
            var v = Matrix.zero(n)
            for k in 0..<n {
                v[k, k] = 1
                var j = k - 1
                while j >= 0 {
                    v[j, k] = -intensities[j] * v[j + 1, k] / (lambda[j] - lambda[k])
                    j -= 1
                }
            }
            // Cancellation in Σ v e^{λt} w grows with the size of the entries: past 1e6 the series is
            // the more accurate route.
            if let w = v.inverse(), (v.values.map(abs).max() ?? 0) * (w.values.map(abs).max() ?? 0) < 1e6 {
                vectors = v
                inverseVectors = w
            } else {
                vectors = nil
                inverseVectors = nil
            }
        } else {
            vectors = nil
            inverseVectors = nil
        }
    }

    /// The generator matrix Q.
    public var matrix: Matrix {
        var q = Matrix.zero(states)
        for (i, rate) in intensities.enumerated() {
            q[i, i] = -rate
            q[i, i + 1] = rate
        }
        return q
    }

    /// P(t)[from, to].
    public func probability(_ t: Double, from: Int, to: Int) -> Double {
        if let v = vectors, let w = inverseVectors {
            guard to >= from else { return 0 }
            var sum = 0.0
            for k in from...to { sum += v[from, k] * exp(eigenvalues[k] * t) * w[k, to] }
            return min(1, max(0, sum))
        }
        return transitionMatrix(t)[from, to]
    }

    /// The whole P(t).
    public func transitionMatrix(_ t: Double) -> Matrix {
        if vectors != nil {
            var p = Matrix.zero(states)
            for i in 0..<states { for j in i..<states { p[i, j] = probability(t, from: i, to: j) } }
            return p
        }
        return matrix.scaled(t).exponential()
    }
}
