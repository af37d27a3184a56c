import HTTPTypes
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes

/// The open connections of the server, shared by the connections of every event loop.
final class ConnectionCounter: Sendable {
    let limit: Int
    private let open = NIOLockedValueBox(0)

    init(limit: Int) { self.limit = limit }

    /// Counts a new connection when there is room: false when the server is full.
    func admit() -> Bool {
        open.withLockedValue { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() { open.withLockedValue { $0 -= 1 } }

    var count: Int { open.withLockedValue { $0 } }
}

/// Caps the open connections: one over the cap is answered `503 Service Unavailable`
/// (problem+json, `Retry-After`, `Connection: close`) to its first request head and closed.
///
/// Hummingbird 2.28 has `MaximumAvailableConnections`, which stops accepting instead: the extra
/// clients then wait unanswered in the kernel's backlog until they give up, which a client cannot
/// tell from a dead server. This handler answers them at once. It sits after the HTTP decoder and
/// after `RequestDeadlineHandler`, so a refused client that never sends a head is still closed
/// when its header deadline passes.
final class ConnectionCapHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let counter: ConnectionCounter
    /// nil until decided.
    private var admitted: Bool?
    /// Whether this connection is in the counter's count.
    private var counted = false
    private var answered = false

    init(_ counter: ConnectionCounter) {
        self.counter = counter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { decide() }
    }

    func channelActive(context: ChannelHandlerContext) {
        decide()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard admitted == false else {
            context.fireChannelRead(data)
            return
        }
        // No part of a refused connection reaches the application; its first head gets the refusal.
        guard case .head = unwrapInboundIn(data), !answered else { return }
        answered = true
        let body = ByteBuffer(string: #"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"the server has too many open connections; try again shortly"}"#)
        let head = HTTPResponse(status: .serviceUnavailable, headerFields: [
            .contentType: "application/problem+json", .contentLength: String(body.readableBytes),
            .retryAfter: "1", .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    private func decide() {
        guard admitted == nil else { return }
        let admit = counter.admit()
        admitted = admit
        counted = admit
    }

    private func release() {
        guard counted else { return }
        counted = false
        counter.release()
    }
}

@available(*, unavailable)
extension ConnectionCapHandler: Sendable {}
