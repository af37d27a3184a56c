import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A bare TCP connection to a live server, for the clients the test client cannot play: one that
/// stops halfway through its headers, trickles a body, or just holds the connection.
struct RawConnection: Sendable {
    let channel: any Channel
    private let received: NIOLockedValueBox<ByteBuffer>

    static func open(port: Int) async throws -> RawConnection {
        let box = NIOLockedValueBox(ByteBuffer())
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(box)) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, received: box)
    }

    func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text)).get()
    }

    /// What the server has sent so far.
    var text: String { received.withLockedValue { String(buffer: $0) } }

    /// How long the server took to close the connection, or nil when it was still open after
    /// `limit` (the connection is then closed here).
    func waitForClose(within limit: Duration) async -> Duration? {
        let start = ContinuousClock.now
        let closed = channel.closeFuture
        let byServer = await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await closed.get()) != nil }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await group.next() ?? false
            if !first { try? await channel.close() }
            group.cancelAll()
            return first
        }
        return byServer ? ContinuousClock.now - start : nil
    }

    /// A whole request with `Connection: close`; the response as text once the server closes.
    static func request(port: Int, _ head: String = "GET /api/v1/health HTTP/1.1") async throws -> String {
        let connection = try await open(port: port)
        try await connection.send(head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        _ = await connection.waitForClose(within: .seconds(10))
        return connection.text
    }

    func close() async {
        try? await channel.close()
    }

    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let box: NIOLockedValueBox<ByteBuffer>

        init(_ box: NIOLockedValueBox<ByteBuffer>) { self.box = box }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            box.withLockedValue { _ = $0.writeBuffer(&bytes) }
        }
    }
}
