import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// The platform's event WebSocket (`ACTOR_EVENTS_WEBSOCKET_URL`) on 127.0.0.1: accepts
/// WebSocket clients, sends them the frames a test asks for, answers their close, and keeps what they sent
/// (pongs, closes) for the test to check.
final class FakeEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var channel: Channel!
    private var clients: [Channel] = []
    private var received: [WebSocketFrame] = []

    init() throws {
        channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [weak self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOWebSocketServerUpgrader(
                        shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture(HTTPHeaders()) },
                        upgradePipelineHandler: { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHandler(Handler(owner: self))
                            }
                        })
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
    }
    deinit { try? close() }

    /// Stops listening (the port is free again).
    func close() throws { try channel.close().wait() }

    var url: String { "ws://127.0.0.1:\(channel.localAddress!.port!)/events/run1" }

    /// `{"name": name, "data": data}` as a text frame.
    static func message(_ name: String, data: String? = "{}") -> WebSocketFrame {
        let text = data.map { #"{"name":"\#(name)","data":\#($0)}"# } ?? #"{"name":"\#(name)"}"#
        return WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: text))
    }

    /// Sends a frame to every connected client and waits until it is written.
    func send(_ frame: WebSocketFrame) {
        for client in lock.withLock({ clients }) { try? client.writeAndFlush(frame).wait() }
    }

    /// Waits up to `timeout` for a client.
    func waitForClient(timeout: Duration = .seconds(10)) -> Bool {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if lock.withLock({ !clients.isEmpty }) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    /// Frames the clients sent.
    var frames: [WebSocketFrame] { lock.withLock { received } }

    fileprivate func connected(_ channel: Channel) { lock.withLock { clients.append(channel) } }
    fileprivate func got(_ frame: WebSocketFrame) { lock.withLock { received.append(frame) } }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = WebSocketFrame
        typealias OutboundOut = WebSocketFrame
        weak var owner: FakeEvents?
        init(owner: FakeEvents?) { self.owner = owner }

        func handlerAdded(context: ChannelHandlerContext) {
            owner?.connected(context.channel)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = unwrapInboundIn(data)
            owner?.got(frame)
            if frame.opcode == .connectionClose {
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: ByteBuffer())), promise: nil)
                context.close(promise: nil)
            }
        }
    }
}
