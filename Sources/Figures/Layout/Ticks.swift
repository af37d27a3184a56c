/// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, about `count` of them, and the domain
/// widened to whole steps. An empty series gets 0 to 1; a single value (or a flat series) is padded
/// by 10% of its size (1 for zero) on each side so the point sits mid-axis.
public struct Ticks: Sendable, Equatable {
    /// The widened domain: the first and last tick.
    public let lower: Double
    public let upper: Double
    public let step: Double
    public let values: [Double]

    /// Ticks covering `values` (non-finite ones ignored); `includeZero` starts or ends the axis at 0.
    public init(covering values: [Double], count: Int = 5, includeZero: Bool = false) {
        var finite = values.filter(\.isFinite)
        if includeZero { finite.append(0) }
        guard let lo = finite.min(), let hi = finite.max() else {
            self.init(lower: 0, upper: 1, count: count)
            return
        }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            let padded = (includeZero && lo == 0) ? (0, 1) : (lo - pad, hi + pad)
            self.init(lower: padded.0, upper: padded.1, count: count)
        } else {
            self.init(lower: lo, upper: hi, count: count)
        }
    }

    /// Ticks for the domain `lower...upper` (swapped if reversed).
    public init(lower: Double, upper: Double, count: Int = 5) {
        var (a, b) = lower <= upper ? (lower, upper) : (upper, lower)
        if !a.isFinite || !b.isFinite { (a, b) = (0, 1) }
        let step = Ticks.step(span: b - a, count: max(count, 1))
        let first = (a / step).rounded(.down), last = (b / step).rounded(.up)
        let n = Int(min(max(last - first, 1), 1000))
        self.step = step
        self.lower = Ticks.clean(first * step, step)
        self.values = (0...n).map { Ticks.clean((first + Double($0)) * step, step) }
        self.upper = values.last ?? self.lower + step
    }

    /// The nice step (1, 2 or 5 times a power of ten) at or above `span / count`.
    public static func step(span: Double, count: Int) -> Double {
        let raw = span / Double(max(count, 1))
        guard raw > 0, raw.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        return [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    }

    /// Decimals needed to tell ticks `step` apart.
    public var decimals: Int { Ticks.decimals(step) }

    static func decimals(_ step: Double) -> Int {
        var d = 0, s = step
        while s < 1 - 1e-9, d < 10 {
            s *= 10
            d += 1
        }
        return d
    }

    /// A tick value as text with the decimals of the step ("0.5", "10", "-2").
    public func label(_ value: Double) -> String { Ticks.format(value, decimals: decimals) }

    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        if decimals == 0 { return String(Int(value.rounded())) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return "\(sign)\(whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
    }

    /// Removes floating-point noise (0.30000000000000004 -> 0.3) at the step's precision.
    static func clean(_ value: Double, _ step: Double) -> Double {
        var scale = 1.0
        for _ in 0..<(decimals(step) + 2) { scale *= 10 }
        let v = (value * scale).rounded() / scale
        return v == 0 ? 0 : v
    }
}
