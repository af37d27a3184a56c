import NIOCore

/// The deadlines of one HTTP/1 connection as a pure state machine (no clock, no I/O), in the style
/// of PostgresNIO's: each event answers what the channel handler must do with its one timer.
///
/// - Waiting for a request head: until `headerTimeout` after the connection opened, or
///   `idleTimeout` after the last response of a kept-alive connection. Bytes of an unfinished head
///   do not move the deadline (a slow-loris client gains nothing by trickling).
/// - Reading a body: until `bodyTimeout` after its head, however slowly the bytes come.
/// - The server working on a request: no deadline (handlers have their own limits).
///
/// A missed deadline closes the connection.
struct RequestDeadlines: Sendable {
    enum Action: Equatable, Sendable {
        /// (Re)arm the one timer for this deadline.
        case schedule(NIODeadline)
        /// Disarm the timer.
        case cancel
        /// Close the connection.
        case close
        case none
    }

    let headerTimeout: TimeAmount
    let bodyTimeout: TimeAmount
    let idleTimeout: TimeAmount

    private var started = false
    /// A request head was read and its end not yet.
    private var readingBody = false
    /// Requests read whose response has not ended.
    private var inFlight = 0
    private var deadline: NIODeadline?

    init(_ limits: ConnectionLimits) {
        headerTimeout = TimeAmount(limits.headerTimeout)
        bodyTimeout = TimeAmount(limits.bodyTimeout)
        idleTimeout = TimeAmount(limits.idleTimeout)
    }

    /// The connection is open (called from both `handlerAdded` and `channelActive`; only the first counts).
    mutating func connected(now: NIODeadline) -> Action {
        guard !started else { return .none }
        started = true
        return arm(now + headerTimeout)
    }

    mutating func headRead(now: NIODeadline) -> Action {
        readingBody = true
        inFlight += 1
        return arm(now + bodyTimeout)
    }

    mutating func endRead(now: NIODeadline) -> Action {
        readingBody = false
        deadline = nil
        return .cancel
    }

    mutating func responseEnded(now: NIODeadline) -> Action {
        inFlight = max(0, inFlight - 1)
        // A body still coming (answered before it was read) keeps its deadline; so does a pipelined request.
        guard !readingBody, inFlight == 0 else { return .none }
        return arm(now + idleTimeout)
    }

    mutating func timerFired(now: NIODeadline) -> Action {
        guard let deadline else { return .none }
        if now >= deadline { return .close }
        return .schedule(deadline)
    }

    private mutating func arm(_ at: NIODeadline) -> Action {
        deadline = at
        return .schedule(at)
    }
}
