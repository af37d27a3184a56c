/// How long the server waits for a client, and how many clients it holds at once: the defence
/// against slow and idle clients (an audit held 20,000 connections that never finished their
/// headers until the health check timed out for everyone).
public struct ConnectionLimits: Sendable, Equatable {
    /// From accepting a connection to the end of the first request's head.
    public var headerTimeout: Duration
    /// From the end of a request's head to the end of its body, however the bytes trickle in.
    public var bodyTimeout: Duration
    /// A kept-alive connection with no request in progress, until the next request's head is read.
    public var idleTimeout: Duration
    /// Open connections at most; the next ones are answered 503 and closed.
    public var maxConnections: Int
    /// Connections the kernel queues before they are accepted (capped by `net.core.somaxconn`). A
    /// burst beyond it is dropped and retried by the client about a second later: 2,000 slow clients
    /// reconnecting at once after the header timeout cost other clients 1 s with the usual 256.
    public var acceptBacklog: Int

    /// Defaults: a first request head within 10 s, a body (8 MiB at most) within 60 s, 30 s idle,
    /// 8,192 connections (below the common 20,000 open-file limit, with room for the database).
    public init(headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(60),
                idleTimeout: Duration = .seconds(30), maxConnections: Int = 8192, acceptBacklog: Int = 4096) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.acceptBacklog = acceptBacklog
    }
}
