/// Maps a data domain linearly onto a pixel range (which may run backwards, as a y axis does).
public struct LinearScale: Sendable, Equatable {
    public let domain: (lower: Double, upper: Double)
    public let range: (start: Double, end: Double)

    public init(domain lower: Double, _ upper: Double, range start: Double, _ end: Double) {
        domain = (lower, upper)
        range = (start, end)
    }

    /// A scale over the widened domain of `ticks`.
    public init(_ ticks: Ticks, range start: Double, _ end: Double) {
        self.init(domain: ticks.lower, ticks.upper, range: start, end)
    }

    /// The pixel position of `value`; a flat domain maps everything to the middle of the range.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span != 0, span.isFinite, value.isFinite else { return (range.start + range.end) / 2 }
        return range.start + (value - domain.lower) / span * (range.end - range.start)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.domain == b.domain && a.range == b.range
    }
}
