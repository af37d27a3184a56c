#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One term of a Cox model: the hazard ratio of a group against the reference group, its 95%
/// Wald interval and Wald p.
public struct CoxTerm: Sendable, Codable, Equatable {
    public var term: String
    public var hr: Double
    public var lower: Double
    public var upper: Double
    public var p: Double
}

/// Cox proportional hazards with Efron's handling of ties, fitted by Newton-Raphson from β = 0 with
/// step halving, as R's `coxph(ties = "efron")`. The covariate is the group, coded as one indicator
/// per group after the first in sorted order (the reference, as an R factor).
public enum CoxModel {
    public struct Fit: Sendable, Equatable {
        public var reference: String
        public var terms: [CoxTerm]
        public var coefficients: [Double]
        public var logLikelihood: Double
        public var iterations: Int
        public var converged: Bool
    }

    public static func fit(_ records: [SurvivalRecord], maxIterations: Int = 30) -> Fit? {
        let groups = Set(records.map(\.group)).sorted()
        guard groups.count >= 2, records.contains(where: \.isEvent) else { return nil }
        let p = groups.count - 1
        let level = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        // Descending time: each distinct time adds its subjects to the risk set.
        let sorted = records.sorted { $0.time > $1.time }
        let covariate = sorted.map { (level[$0.group] ?? 0) - 1 }  // -1: reference
        var beta = Array(repeating: 0.0, count: p)
        var current = evaluate(sorted, covariate, beta, p)
        var iterations = 0, converged = false
        while iterations < maxIterations {
            iterations += 1
            guard let inv = current.information.inverse() else { break }
            var step = Array(repeating: 0.0, count: p)
            for a in 0..<p { for b in 0..<p { step[a] += inv[a, b] * current.gradient[b] } }
            var factor = 1.0
            var next = evaluate(sorted, covariate, zip(beta, step).map { $0 + factor * $1 }, p)
            var halvings = 0
            while !(next.logLikelihood >= current.logLikelihood - 1e-12) && halvings < 30 {
                factor /= 2
                halvings += 1
                next = evaluate(sorted, covariate, zip(beta, step).map { $0 + factor * $1 }, p)
            }
            let newBeta = zip(beta, step).map { $0 + factor * $1 }
            let change = abs(1 - current.logLikelihood / next.logLikelihood)
            beta = newBeta
            current = next
            if change < 1e-12 || step.allSatisfy({ abs($0) * factor < 1e-12 }) {
                converged = true
                break
            }
        }
        guard let covariance = current.information.inverse() else { return nil }
        let z = Distributions.z975
        let terms = (0..<p).map { a -> CoxTerm in
            let se = covariance[a, a].squareRoot()
            return CoxTerm(term: groups[a + 1], hr: exp(beta[a]), lower: exp(beta[a] - z * se),
                           upper: exp(beta[a] + z * se), p: Distributions.twoSidedNormalP(beta[a] / se))
        }
        return Fit(reference: groups[0], terms: terms, coefficients: beta, logLikelihood: current.logLikelihood,
                   iterations: iterations, converged: converged)
    }

    struct Evaluation {
        var logLikelihood: Double
        var gradient: [Double]
        var information: Matrix
    }

    /// Log partial likelihood (Efron), its gradient and the observed information at β. The
    /// covariate of a subject is an indicator: x_a = 1 when `covariate == a`.
    static func evaluate(_ sorted: [SurvivalRecord], _ covariate: [Int], _ beta: [Double], _ p: Int) -> Evaluation {
        var loglik = 0.0
        var gradient = Array(repeating: 0.0, count: p)
        var information = Matrix.zero(p)
        // Risk-set sums: S0 = Σ e^η, S1[a] = Σ x_a e^η (S2 is diagonal for indicators: S2[a,a] = S1[a]).
        var s0 = 0.0
        var s1 = Array(repeating: 0.0, count: p)
        var i = 0
        while i < sorted.count {
            let t = sorted[i].time
            var d0 = 0.0, d = 0
            var d1 = Array(repeating: 0.0, count: p)
            while i < sorted.count, sorted[i].time == t {
                let c = covariate[i]
                let eta = c >= 0 ? beta[c] : 0
                let w = exp(eta)
                s0 += w
                if c >= 0 { s1[c] += w }
                if sorted[i].isEvent {
                    d += 1
                    d0 += w
                    if c >= 0 {
                        d1[c] += w
                        gradient[c] += 1
                    }
                    loglik += eta
                }
                i += 1
            }
            guard d > 0 else { continue }
            for r in 0..<d {
                let f = Double(r) / Double(d)
                let a0 = s0 - f * d0
                loglik -= log(a0)
                var mean = Array(repeating: 0.0, count: p)
                for a in 0..<p { mean[a] = (s1[a] - f * d1[a]) / a0 }
                for a in 0..<p {
                    gradient[a] -= mean[a]
                    for b in 0..<p {
                        let second = a == b ? mean[a] : 0
                        information[a, b] += second - mean[a] * mean[b]
                    }
                }
            }
        }
        return Evaluation(logLikelihood: loglik, gradient: gradient, information: information)
    }
}
