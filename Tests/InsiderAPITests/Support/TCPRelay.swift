import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP forwarder from 127.0.0.1 to a database server: the test's way to make the database "go
/// away" and come back without touching the server other tests share. `cut()` drops every open
/// connection and turns new ones away; `restore()` lets them through again.
final class TCPRelay: @unchecked Sendable {
    /// The port clients connect to.
    let port: Int
    private let listener: Int32
    private let upstream: sockaddr_in
    private let lock = NSLock()
    private var live: Set<Int32> = []
    private var refusing = false
    private var stopped = false

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Listens on a free port, forwarding to `host` (an IPv4 address or `localhost`) and `port`.
    init(to host: String, port targetPort: Int) throws {
        signal(SIGPIPE, SIG_IGN)
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = in_port_t(UInt16(targetPort).bigEndian)
        target.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        upstream = target

        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr("127.0.0.1")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &local) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                fd >= 0 && bind(fd, $0, length) == 0 && listen(fd, 32) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ready else { if fd >= 0 { close(fd) }; throw Failure(description: "relay: cannot listen on 127.0.0.1") }
        listener = fd
        self.port = Int(UInt16(bigEndian: local.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// Drops every connection through the relay and refuses new ones (the server is "down").
    func cut() {
        let open: Set<Int32> = lock.withLock { refusing = true; return live }
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    /// Lets connections through again (the server is "back").
    func restore() { lock.withLock { refusing = false } }

    /// Stops listening and drops every connection.
    func stop() {
        guard lock.withLock({ () -> Bool in defer { stopped = true }; return !stopped }) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        cut()
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue } else { return }
            }
            guard !lock.withLock({ refusing || stopped }), let server = connectUpstream() else {
                close(client)
                continue
            }
            lock.withLock { live.formUnion([client, server]) }
            let pair = Pair(client, server, relay: self)
            Thread.detachNewThread { pair.pump(from: client, to: server) }
            Thread.detachNewThread { pair.pump(from: server, to: client) }
        }
    }

    private func connectUpstream() -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var target = upstream
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if !connected { close(fd); return nil }
        return fd
    }

    fileprivate func forget(_ fds: [Int32]) { lock.withLock { live.subtract(fds) } }

    /// Two sockets joined both ways; closed once both directions have ended, so a descriptor is
    /// never reused while the other direction still reads it.
    private final class Pair: @unchecked Sendable {
        let a: Int32, b: Int32
        let relay: TCPRelay
        let lock = NSLock()
        var running = 2

        init(_ a: Int32, _ b: Int32, relay: TCPRelay) { self.a = a; self.b = b; self.relay = relay }

        func pump(from source: Int32, to sink: Int32) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            copying: while true {
                let n = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                var sent = 0
                while sent < n {
                    let w = buffer.withUnsafeBytes { write(sink, $0.baseAddress! + sent, n - sent) }
                    if w <= 0 { break copying }
                    sent += w
                }
            }
            shutdown(a, Int32(SHUT_RDWR))
            shutdown(b, Int32(SHUT_RDWR))
            let last = lock.withLock { running -= 1; return running == 0 }
            if last {
                relay.forget([a, b])
                close(a)
                close(b)
            }
        }
    }
}
