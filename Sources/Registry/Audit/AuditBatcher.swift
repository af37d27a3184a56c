/// Group commit of audit entries: the entries that requests hand in while one batch is being
/// written are written together as the next batch, in one transaction, and each request is
/// answered only when the transaction holding its entry has committed.
///
/// Why no timer ("write every few ms"): a batch starts as soon as the previous one has committed,
/// so a lone request waits for one commit only, and under load the batches grow by themselves with
/// the number of requests that arrived during the last commit. A fixed interval would add its
/// length to every read's latency at low load and gain nothing at high load.
actor AuditBatcher {
    typealias Sink = @Sendable ([AuditRow]) async throws -> Void

    /// Entries per transaction at most; more wait for the next one.
    static let maxBatch = 1000

    private let sink: Sink
    private var waiting: [(row: AuditRow, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false

    init(sink: @escaping Sink) {
        self.sink = sink
    }

    /// Returns once `row` is committed; throws what the sink threw for its batch.
    func append(_ row: AuditRow) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append((row, done))
            if !writing {
                writing = true
                Task { await self.writeBatches() }
            }
        }
    }

    private func writeBatches() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.maxBatch))
            waiting.removeFirst(batch.count)
            let result: Result<Void, any Error>
            do {
                try await sink(batch.map(\.row))
                result = .success(())
            } catch {
                result = .failure(error)
            }
            for entry in batch { entry.done.resume(with: result) }
        }
        writing = false
    }
}
