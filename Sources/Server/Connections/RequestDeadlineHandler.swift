import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Drives `RequestDeadlines` on a connection: closes it when a request head, a body or the next
/// request of a kept-alive connection does not arrive in time.
///
/// Hummingbird 2.28's `HTTP1Channel.Configuration.idleTimeout` has one timeout for all three, and
/// a body that trickles a byte every few seconds resets it forever; this handler gives each phase
/// its own bound and counts the body's from its head. It sits after the HTTP decoder, in
/// `additionalChannelHandlers`.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var machine: RequestDeadlines
    private var timer: Scheduled<Void>?

    init(_ limits: ConnectionLimits) {
        machine = RequestDeadlines(limits)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { apply(machine.connected(now: .now()), context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        apply(machine.connected(now: .now()), context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: apply(machine.headRead(now: .now()), context)
        case .body: break
        case .end: apply(machine.endRead(now: .now()), context)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { apply(machine.responseEnded(now: .now()), context) }
        context.write(data, promise: promise)
    }

    private func apply(_ action: RequestDeadlines.Action, _ context: ChannelHandlerContext) {
        switch action {
        case .schedule(let deadline):
            disarm()
            timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
                self.timer = nil
                self.apply(self.machine.timerFired(now: .now()), context)
            }
        case .cancel:
            disarm()
        case .close:
            disarm()
            context.close(promise: nil)
        case .none:
            break
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}

@available(*, unavailable)
extension RequestDeadlineHandler: Sendable {}
