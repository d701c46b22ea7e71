import Foundation
import InsiderCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A system event the Apify platform sends a run over the WebSocket at `ACTOR_EVENTS_WEBSOCKET_URL`
/// (DOMAIN.md 3.1): each a JSON text message `{"name": "<event>", "data": {...}}`, `data` optional.
public enum PlatformEvent: Sendable, Equatable {
    /// Save progress now (periodically, and with `isMigrating: true` right after `migrating`).
    case persistState(isMigrating: Bool)
    /// The run moves to another container soon: save progress and exit; it resumes there.
    case migrating
    /// The run is being aborted (by the user or the budget); a forced stop follows.
    case aborting
    /// Resource usage figures (not used).
    case systemInfo
    /// Any other name (`cpuInfo`, future events): ignored.
    case other(String)

    /// Decodes one message; nil when it is not a JSON object with a string `name`.
    public init?(message: String) {
        guard let json = try? JSONValue.parse(Array(message.utf8)), let name = json["name"]?.stringValue else { return nil }
        switch name {
        case "persistState":
            self = .persistState(isMigrating: json["data"]?["isMigrating"]?.boolValue ?? false)
        case "migrating": self = .migrating
        case "aborting": self = .aborting
        case "systemInfo": self = .systemInfo
        default: self = .other(name)
        }
    }
}

/// The client of the platform's event WebSocket: connects (plain `ws://`), answers pings and
/// hands the decoded events on as an `AsyncStream`.
///
/// Events are best effort, as in the SDKs: no URL (a local run) gives a stream that ends at
/// once, and a URL that cannot be reached is logged as a warning and gives the same.
public enum PlatformEvents {
    /// The environment variable with the WebSocket URL.
    public static let variable = "ACTOR_EVENTS_WEBSOCKET_URL"

    /// Connects to `url` (waiting up to `connectTimeout` for the connection, then as long for
    /// the WebSocket handshake) and returns its events; the stream ends when the platform closes the socket.
    public static func connect(url text: String?, logger: Logger, connectTimeout: Duration = .seconds(10)) async -> AsyncStream<PlatformEvent> {
        let (stream, continuation) = AsyncStream<PlatformEvent>.makeStream()
        guard let text else {
            logger.debug("\(variable) is not set: no platform events (local run)")
            continuation.finish()
            return stream
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            logger.warning("\(variable): \"\(text)\" is not a ws:// URL; the run goes on without platform events")
            continuation.finish()
            return stream
        }
        guard scheme == "ws" else {
            let why = scheme == "wss" ? "wss:// is not supported (this build has no TLS for WebSockets)" : "\(scheme):// is not a WebSocket scheme"
            logger.warning("\(variable): \(why); the run goes on without platform events (no migration or abort handling)")
            continuation.finish()
            return stream
        }
        let port = url.port ?? 80
        let target = (url.path.isEmpty ? "/" : url.path) + (url.query.map { "?" + $0 } ?? "")
        let timeout = TimeAmount.milliseconds(Int64(connectTimeout / .milliseconds(1)))
        do {
            let upgrade = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: 1 << 20) { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                Upgrade.websocket(try NIOAsyncChannel<WebSocketFrame, WebSocketFrame>(wrappingChannelSynchronously: channel))
                            }
                        }
                        var headers = HTTPHeaders()
                        headers.add(name: "Host", value: url.port == nil ? host : "\(host):\(port)")
                        headers.add(name: "Content-Length", value: "0")
                        let config = NIOTypedHTTPClientUpgradeConfiguration<Upgrade>(
                            upgradeRequestHead: HTTPRequestHead(version: .http1_1, method: .GET, uri: target, headers: headers),
                            upgraders: [upgrader],
                            notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(Upgrade.refused) })
                        let upgraded = try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: .init(upgradeConfiguration: config))
                        // A server that accepts but never answers the upgrade must not hold the run up.
                        let deadline = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
                        upgraded.whenComplete { _ in deadline.cancel() }
                        return upgraded
                    }
                }
            switch try await upgrade.get() {
            case .websocket(let channel):
                logger.info("listening to platform events at \(text)")
                Task { await pump(channel, into: continuation, logger: logger) }
            case .refused:
                logger.warning("\(variable): \(text) refused the WebSocket upgrade; the run goes on without platform events")
                continuation.finish()
            }
        } catch {
            logger.warning("\(variable): cannot connect to \(text) (\(error)); the run goes on without platform events")
            continuation.finish()
        }
        return stream
    }

    enum Upgrade: Sendable {
        case websocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused
    }

    /// Reads frames until the socket closes: text messages (reassembled from fragments) become
    /// events, pings are answered; a client's frames are masked (RFC 6455 5.3).
    static func pump(_ channel: NIOAsyncChannel<WebSocketFrame, WebSocketFrame>, into continuation: AsyncStream<PlatformEvent>.Continuation,
                     logger: Logger) async {
        do {
            try await channel.executeThenClose { inbound, outbound in
                var message: ByteBuffer?
                for try await frame in inbound {
                    switch frame.opcode {
                    case .text:
                        message = frame.unmaskedData
                    case .continuation:
                        var part = frame.unmaskedData
                        message?.writeBuffer(&part)
                    case .ping:
                        try await outbound.write(WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData))
                        continue
                    case .connectionClose:
                        var data = frame.unmaskedData
                        let code = data.readSlice(length: 2) ?? ByteBuffer()
                        try? await outbound.write(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: code))
                        return
                    default:
                        continue
                    }
                    guard frame.fin, let complete = message else { continue }
                    message = nil
                    let text = String(buffer: complete)
                    if let event = PlatformEvent(message: text) {
                        logger.debug("platform event: \(text.prefix(200))")
                        continuation.yield(event)
                    } else {
                        logger.warning("platform event not understood: \(text.prefix(200))")
                    }
                }
            }
        } catch {
            logger.warning("platform events: the WebSocket failed (\(error)); no more events in this run")
        }
        continuation.finish()
    }
}
