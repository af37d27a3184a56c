/// Median and quartiles of a sample (R's default `quantile`, type 7).
public struct Summary: Sendable, Codable, Equatable {
    public var n: Int
    public var median: Double?
    public var q1: Double?
    public var q3: Double?

    public init(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        n = sorted.count
        median = Summary.quantile(sorted, 0.5)
        q1 = Summary.quantile(sorted, 0.25)
        q3 = Summary.quantile(sorted, 0.75)
    }

    /// Type 7: linear interpolation between order statistics at (n − 1)p.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
