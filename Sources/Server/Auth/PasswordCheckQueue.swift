/// Bounds the bcrypt work of sign-ins, so that a flood of attempts cannot take every core from
/// the API or make real users wait behind it: at most `width` checks run at once; at most `depth`
/// more wait, and an attempt beyond that is refused at once (503) instead of queueing without
/// end. Attempts for a username at an address it has signed in from before (`priority`) wait in a
/// lane of their own that is served first, so a flood of invented usernames delays them by at
/// most the checks already running.
actor PasswordCheckQueue {
    let width: Int
    let depth: Int
    private var running = 0
    private var priorityWaiters: [CheckedContinuation<Void, Never>] = []
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(width: Int, depth: Int) {
        self.width = max(1, width)
        self.depth = max(0, depth)
    }

    /// Runs `check` when a slot is free; nil at once when the lane's queue is full.
    nonisolated func run<T: Sendable>(priority: Bool, _ check: @Sendable () async throws -> T) async throws -> T? {
        guard await enter(priority: priority) else { return nil }
        do {
            let value = try await check()
            await leave()
            return value
        } catch {
            await leave()
            throw error
        }
    }

    private func enter(priority: Bool) async -> Bool {
        if running < width {
            running += 1
            return true
        }
        if priority {
            guard priorityWaiters.count < depth else { return false }
            await withCheckedContinuation { priorityWaiters.append($0) }
        } else {
            guard waiters.count < depth else { return false }
            await withCheckedContinuation { waiters.append($0) }
        }
        return true
    }

    /// Hands the slot to the next waiter, priority lane first.
    private func leave() {
        if !priorityWaiters.isEmpty {
            priorityWaiters.removeFirst().resume()
        } else if !waiters.isEmpty {
            waiters.removeFirst().resume()
        } else {
            running -= 1
        }
    }

    /// Checks running and waiting, for tests.
    var load: (running: Int, waiting: Int) { (running, priorityWaiters.count + waiters.count) }
}
