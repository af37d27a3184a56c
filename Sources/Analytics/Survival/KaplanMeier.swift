#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A Kaplan-Meier curve, one row per distinct event time, with Greenwood's variance and the
/// log-transformed 95% interval (`conf.type = "log"`, the default of R's `survfit`):
/// S·exp(±1.96·se), se² = Σ d / (n (n − d)), the upper limit capped at 1.
public struct SurvivalCurve: Sendable, Codable, Equatable {
    public var group: String
    public var time: [Double]
    public var nRisk: [Int]
    public var nEvent: [Int]
    public var survival: [Double]
    /// nil where the survival is 0 (R gives NA there).
    public var lower: [Double?]
    public var upper: [Double?]
    public var median: Double?
    public var medianLower: Double?
    public var medianUpper: Double?
    /// Every censoring time, for the marks of the plot.
    public var censorTimes: [Double]
    public var subjects: Int

    /// The number at risk just before or at `t` (the subjects whose time is ≥ t).
    public func atRisk(_ t: Double, in records: [SurvivalRecord]) -> Int {
        records.lazy.filter { $0.group == group && $0.time >= t }.count
    }

    /// The survival at `t` (right-continuous step function).
    public func survival(at t: Double) -> Double {
        var s = 1.0
        for (i, ti) in time.enumerated() where ti <= t { s = survival[i] }
        return s
    }
}

public enum KaplanMeier {
    /// The curve of `records` (all taken as one group, named `group`).
    public static func fit(_ records: [SurvivalRecord], group: String = "all") -> SurvivalCurve {
        let table = RiskTable(records)
        let z = Distributions.z975
        var curve = SurvivalCurve(group: group, time: [], nRisk: [], nEvent: [], survival: [], lower: [], upper: [],
                                  median: nil, medianLower: nil, medianUpper: nil,
                                  censorTimes: [], subjects: records.count)
        var s = 1.0, greenwood = 0.0
        for i in table.time.indices {
            if table.nCensor[i] > 0 { curve.censorTimes.append(table.time[i]) }
            let n = table.nRisk[i], d = table.nEvent[i]
            guard d > 0 else { continue }
            s *= 1 - Double(d) / Double(n)
            if n > d { greenwood += Double(d) / (Double(n) * Double(n - d)) } else { greenwood = .infinity }
            let se = greenwood.squareRoot()
            curve.time.append(table.time[i])
            curve.nRisk.append(n)
            curve.nEvent.append(d)
            curve.survival.append(s)
            if s > 0, se.isFinite {
                curve.lower.append(s * exp(-z * se))
                curve.upper.append(min(1, s * exp(z * se)))
            } else {
                curve.lower.append(nil)
                curve.upper.append(nil)
            }
        }
        let end = table.time.last ?? 0
        curve.median = quantileTime(curve.time, curve.survival.map { Optional($0) }, end: end)
        curve.medianLower = quantileTime(curve.time, curve.lower, end: end)
        curve.medianUpper = quantileTime(curve.time, curve.upper, end: end)
        return curve
    }

    /// One curve per group, groups in sorted order.
    public static func fitByGroup(_ records: [SurvivalRecord]) -> [SurvivalCurve] {
        let groups = Set(records.map(\.group)).sorted()
        return groups.map { g in fit(records.filter { $0.group == g }, group: g) }
    }

    /// R's rule for the median of a step curve (`quantile.survfit`): the first time the curve is
    /// at or below 0.5; when it is exactly 0.5 (within √ε) from some time on, the midpoint between
    /// that time and the next event time, or the last observed time (`end`) when no event follows.
    /// nil when the curve never gets there. Applied to the lower limits it gives the median's lower
    /// limit, to the upper limits its upper limit; missing limits (R's NA where S = 0) are skipped.
    static func quantileTime(_ time: [Double], _ values: [Double?], end: Double) -> Double? {
        let tolerance = Double.ulpOfOne.squareRoot()
        for i in values.indices {
            guard let v = values[i] else { continue }
            if abs(v - 0.5) < tolerance {
                var j = i + 1
                while j < values.count, let w = values[j], abs(w - 0.5) < tolerance { j += 1 }
                if j < values.count, values[j] != nil { return (time[i] + time[j]) / 2 }
                return (time[i] + end) / 2
            }
            if v < 0.5 { return time[i] }
        }
        return nil
    }

    /// Numbers at risk of each curve at `times` (for the table under the plot).
    public static func numbersAtRisk(_ records: [SurvivalRecord], groups: [String], times: [Double]) -> [[Int]] {
        groups.map { g in
            let ts = records.filter { $0.group == g }.map(\.time)
            return times.map { t in ts.lazy.filter { $0 >= t }.count }
        }
    }
}
