import Synchronization

/// Renderings of whole patient records (the JSON of `GET /api/v1/patients/{id}/record`), each kept
/// with the patient's `revision` it was rendered at (migration 0009: database triggers move the
/// revision on every change to anything the record shows). A rendering is served only while the
/// current revision, read from the database on every request, is still that one, so a cached
/// answer is never older than the committed record, on any number of servers sharing a database.
///
/// Written here rather than taken from a package: none of the packages this project may use has
/// an in-memory cache; this one is a dictionary with a byte budget and least-recently-used
/// eviction.
final class DocumentCache: Sendable {
    struct Key: Hashable, Sendable {
        var patient: Int64
        /// "identified", or "pseudonymised@YYYY-MM-DD": the researchers' view depends on the day.
        var view: String
    }

    private struct Entry {
        var revision: Int64
        var bytes: [UInt8]
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    /// The budget in bytes of rendered JSON; 0 turns the cache off.
    let budget: Int
    private let state = Mutex(State())

    init(budget: Int) {
        self.budget = max(0, budget)
    }

    /// The rendering of `key` at `revision`, if it is the one kept.
    func bytes(_ key: Key, revision: Int64) -> [UInt8]? {
        state.withLock { s in
            guard var entry = s.entries[key], entry.revision == revision else {
                s.misses += 1
                return nil
            }
            s.clock += 1
            s.hits += 1
            entry.lastUse = s.clock
            s.entries[key] = entry
            return entry.bytes
        }
    }

    /// Keeps a rendering unless a newer revision of the same record is already kept; evicts the
    /// least recently used renderings (an eighth of the budget at a time) when over budget.
    func store(_ key: Key, revision: Int64, bytes: [UInt8]) {
        guard budget > 0, bytes.count <= budget / 8 else { return }
        state.withLock { s in
            if let old = s.entries[key] {
                if old.revision > revision { return }
                s.bytes -= old.bytes.count
            }
            s.clock += 1
            s.entries[key] = Entry(revision: revision, bytes: bytes, lastUse: s.clock)
            s.bytes += bytes.count
            guard s.bytes > budget else { return }
            let target = budget - budget / 8
            for (key, entry) in s.entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
                if s.bytes <= target { break }
                s.entries[key] = nil
                s.bytes -= entry.bytes.count
            }
        }
    }

    /// Renderings kept, their bytes, and the hits and misses so far.
    var statistics: (entries: Int, bytes: Int, hits: Int, misses: Int) {
        state.withLock { ($0.entries.count, $0.bytes, $0.hits, $0.misses) }
    }
}
