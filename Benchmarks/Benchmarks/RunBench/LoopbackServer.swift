// A copy of Tests/InsiderClustersTests/Support/TestHTTPServer.swift (without its scripted routes): the benchmark package cannot import test targets.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request as the server saw it.
struct RecordedRequest: Sendable {
    var method: String
    /// Raw request target, e.g. `/screener?s=NVDA&fd=30`.
    var target: String
    /// The target before `?`.
    var path: String
    /// Percent-decoded query items (`+` as space); the last one wins.
    var query: [String: String]
    /// Headers with lower-cased names.
    var headers: [String: String]
    var receivedAt: Date
}

/// What the server answers.
struct CannedResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// Sleep before answering (timeout tests).
    var delay: Duration? = nil
    /// Drop the connection without answering (connection-error tests).
    var closeWithoutResponse = false

    static func ok(_ body: [UInt8], contentType: String = "text/html") -> CannedResponse {
        CannedResponse(status: 200, headers: [("Content-Type", contentType)], body: body)
    }
    static func text(_ status: Int, _ body: String, contentType: String = "text/html", headers: [(String, String)] = []) -> CannedResponse {
        CannedResponse(status: status, headers: [("Content-Type", contentType)] + headers, body: Array(body.utf8))
    }
    static let notFound = CannedResponse.text(404, "not found", contentType: "text/plain")
}

/// A small HTTP/1.1 server on 127.0.0.1 for tests: keep-alive, a thread per connection,
/// TCP_NODELAY (libcurl clients otherwise wait ~40 ms on delayed ACKs), and a log of requests.
final class TestHTTPServer: @unchecked Sendable {
    private let listener: Int32
    private let handler: @Sendable (RecordedRequest) -> CannedResponse
    private let lock = NSLock()
    private var log: [RecordedRequest] = []
    private var connections: Set<Int32> = []
    private var stopped = false
    private var inFlight = 0
    private var mostInFlight = 0
    /// The most requests the server was answering at once (received, answer not yet sent).
    var maxInFlight: Int { lock.withLock { mostInFlight } }
    let port: Int

    init(handler: @escaping @Sendable (RecordedRequest) -> CannedResponse) throws {
        self.handler = handler
        signal(SIGPIPE, SIG_IGN)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket failed") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw ServerError("bind/listen failed") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        let thread = Thread { [unowned self] in self.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    var requests: [RecordedRequest] { lock.withLock { log } }

    func requests(pathPrefix: String) -> [RecordedRequest] { requests.filter { $0.path.hasPrefix(pathPrefix) } }

    /// The most requests that arrived within any sliding window of `window` seconds.
    func maxRequests(within window: TimeInterval, pathPrefix: String? = nil) -> Int {
        let times = (pathPrefix.map { requests(pathPrefix: $0) } ?? requests).map(\.receivedAt).sorted()
        return TestHTTPServer.maxInWindow(times, window: window)
    }

    static func maxInWindow(_ sorted: [Date], window: TimeInterval) -> Int {
        var best = 0, start = 0
        for end in sorted.indices {
            while sorted[end].timeIntervalSince(sorted[start]) >= window { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }

    func stop() {
        let open: Set<Int32> = lock.withLock {
            guard !stopped else { return [] }
            stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
            return connections
        }
        for c in open { shutdown(c, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let c = accept(listener, nil, nil)
            if c < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR { continue }
                return
            }
            var one: Int32 = 1
            setsockopt(c, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let accepted = lock.withLock { () -> Bool in
                if stopped { return false }
                connections.insert(c)
                return true
            }
            guard accepted else { close(c); return }
            Thread { [self] in self.serve(c) }.start()
        }
    }

    private func serve(_ c: Int32) {
        defer {
            lock.withLock { _ = connections.remove(c) }
            close(c)
        }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            // Read until the end of the headers.
            var headerEnd: Int?
            while headerEnd == nil {
                if let r = TestHTTPServer.find([13, 10, 13, 10], in: buffer) { headerEnd = r; break }
                let n = chunk.withUnsafeMutableBytes { recv(c, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return }
                buffer.append(contentsOf: chunk[0..<n])
                // Not HTTP (a TLS ClientHello starts with 0x16): answer 400 in plain text and hang up,
                // as a plain HTTP server does; a TLS client reads that as a handshake failure.
                if let first = buffer.first, !(65...90).contains(first) {
                    let reply = Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
                    _ = reply.withUnsafeBytes { send(c, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    return
                }
            }
            guard let end = headerEnd else { return }
            let head = String(decoding: buffer[0..<end], as: UTF8.self)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            guard requestLine.count >= 2 else { return }
            var headers: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            var consumed = end + 4
            while buffer.count < consumed + length {
                let n = chunk.withUnsafeMutableBytes { recv(c, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return }
                buffer.append(contentsOf: chunk[0..<n])
            }
            consumed += length
            buffer.removeFirst(consumed)
            let target = String(requestLine[1])
            let request = RecordedRequest(method: String(requestLine[0]), target: target,
                                          path: String(target.split(separator: "?", maxSplits: 1).first ?? ""),
                                          query: TestHTTPServer.query(target), headers: headers, receivedAt: Date())
            lock.withLock {
                log.append(request)
                inFlight += 1
                mostInFlight = max(mostInFlight, inFlight)
            }
            defer { lock.withLock { inFlight -= 1 } }
            let response = handler(request)
            if let delay = response.delay { Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18) }
            if response.closeWithoutResponse { return }
            var out = "HTTP/1.1 \(response.status) \(TestHTTPServer.reason(response.status))\r\n"
            for (k, v) in response.headers { out += "\(k): \(v)\r\n" }
            out += "Content-Length: \(response.body.count)\r\nDate: \(TestHTTPServer.httpDate())\r\n"
            let close = headers["connection"]?.lowercased() == "close"
            if close { out += "Connection: close\r\n" }
            out += "\r\n"
            let bytes = Array(out.utf8) + response.body
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { send(c, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return }
                sent += n
            }
            if close { return }
        }
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<i + needle.count]) == needle { return i }
        return nil
    }

    static func query(_ target: String) -> [String: String] {
        guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return [:] }
        var out: [String: String] = [:]
        for pair in q.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            out[decode(kv[0])] = kv.count > 1 ? decode(kv[1]) : ""
        }
        return out
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    static func httpDate() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: Date())
    }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
