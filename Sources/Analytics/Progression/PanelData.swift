/// The depth stages of the progression model, in order. A patient's stage at a visit is the
/// deepest tissue any lesion has reached by then (stages never go back).
public enum ProgressionState: Int, Sendable, Codable, CaseIterable, Comparable {
    case none, dermis, subcutis, deep, joint

    public var name: String {
        switch self {
        case .none: "none"
        case .dermis: "dermis"
        case .subcutis: "subcutis"
        case .deep: "deep"
        case .joint: "joint"
        }
    }

    public static func < (a: ProgressionState, b: ProgressionState) -> Bool { a.rawValue < b.rawValue }
}

/// One observation of panel data: a subject's stage at a time (years).
public struct PanelObservation: Sendable, Hashable, Codable {
    public var id: String
    public var time: Double
    public var state: Int

    public init(id: String, time: Double, state: Int) {
        self.id = id
        self.time = time
        self.state = state
    }
}

/// Consecutive observation pairs aggregated by interval length: the sufficient statistics of the
/// panel-data likelihood. Most registries see a few hundred distinct intervals (whole days), so the
/// likelihood needs one transition matrix per distinct interval, not per pair.
struct TransitionCounts {
    var intervals: [Double] = []
    /// For each interval, (from, to, count) with count > 0.
    var counts: [[(from: Int, to: Int, n: Double)]] = []
    var pairs = 0

    /// `observations` sorted by subject and time; pairs with no time between them or going back a
    /// stage are ignored (the extractor never produces them).
    init(_ observations: [PanelObservation], states: Int) {
        var index: [Double: Int] = [:]
        var cells: [[Double]] = []
        var previous: PanelObservation?
        for o in observations {
            defer { previous = o }
            guard let p = previous, p.id == o.id else { continue }
            let dt = o.time - p.time
            guard dt > 0, o.state >= p.state, p.state < states - 1 else { continue }
            let k: Int
            if let existing = index[dt] { k = existing } else {
                k = intervals.count
                index[dt] = k
                intervals.append(dt)
                cells.append(Array(repeating: 0, count: states * states))
            }
            cells[k][p.state * states + o.state] += 1
            pairs += 1
        }
        counts = cells.map { row in
            row.enumerated().compactMap { i, n in n > 0 ? (i / states, i % states, n) : nil }
        }
    }
}
