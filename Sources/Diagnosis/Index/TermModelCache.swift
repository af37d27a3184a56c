import Synchronization

/// What the engine computes for an observed term that depends on the term and the index only, never
/// on the patient: its background probability bg(t) (the mean of P(t|D) over the corpus) and P(t|D)
/// for the diseases with an own annotation exactly at t (the entries of its own-direct row). Computed
/// on first use and kept for the life of the index, shared by every scoring thread and request.
final class TermModelCache: Sendable {
    struct Entry: Sendable {
        var background: Double
        /// P(t|D) for each entry of the term's own-direct row, in row order.
        var ownDirectProbability: [Double]
    }

    private let values: Mutex<[Entry?]>

    init(termCount: Int) { values = Mutex([Entry?](repeating: nil, count: termCount)) }

    /// The cached entry, or `compute()` stored for the next caller. Two threads may both compute a
    /// missing entry; they compute the same values.
    func value(_ t: Int32, compute: () -> Entry) -> Entry {
        if let cached = values.withLock({ $0[Int(t)] }) { return cached }
        let v = compute()
        values.withLock { $0[Int(t)] = v }
        return v
    }
}
