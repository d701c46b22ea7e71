import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Writes down every HTTP exchange of a run as WARC 1.1 `request`/`response` records, each
/// record its own gzip member, so `--replay` and any WARC tool can read the run back.
///
/// The response is recorded as the program received it: URLSession has already undone any
/// `Content-Encoding`, so that header is dropped and `Content-Length` states the body recorded.
/// Credentials (`Authorization`, cookies, token headers) are never written.
public final class WARCRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var gz: [UInt8] = []
    private var exchanges = 0
    private var failure: (any Error)?

    /// Starts a recording with a `warcinfo` record holding `info` (the sources the run asked,
    /// so a replay can ask the same ones).
    public init(info: [(String, String)]) throws {
        let block = info.map { "\($0.0): \($0.1)\r\n" }.joined()
        let record = WARCRecord(fields: [("WARC-Type", "warcinfo"), ("WARC-Record-ID", WARCRecorder.newID()),
                                         ("WARC-Date", WARCRecorder.now()), ("Content-Type", "application/warc-fields")],
                                block: Array(block.utf8))
        gz = try Gzip.member(record.bytes)
    }

    /// Exchanges recorded so far.
    public var count: Int { lock.withLock { exchanges } }

    /// Records one exchange: the request as sent (without credentials) and the response.
    public func record(_ request: URLRequest, _ response: HTTPResponse) {
        guard let url = request.url else { return }
        let requestID = WARCRecorder.newID(), responseID = WARCRecorder.newID(), date = WARCRecorder.now()
        let uri = url.absoluteString
        let req = WARCRecord(fields: [("WARC-Type", "request"), ("WARC-Record-ID", requestID), ("WARC-Date", date),
                                      ("WARC-Target-URI", uri), ("WARC-Concurrent-To", responseID),
                                      ("Content-Type", "application/http;msgtype=request")],
                             block: WARCRecorder.requestMessage(request))
        let res = WARCRecord(fields: [("WARC-Type", "response"), ("WARC-Record-ID", responseID), ("WARC-Date", date),
                                      ("WARC-Target-URI", uri), ("WARC-Concurrent-To", requestID),
                                      ("Content-Type", "application/http;msgtype=response")],
                             block: WARCRecorder.responseMessage(response))
        do {
            let members = try Gzip.member(req.bytes) + Gzip.member(res.bytes)
            lock.withLock { gz += members; exchanges += 1 }
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    /// Writes the recording to `url` (temporary file, then rename).
    public func write(to url: URL) throws {
        let (bytes, error) = lock.withLock { (gz, failure) }
        if let error { throw WARCError("recording \(url.path): \(error)") }
        try AtomicFile.write(Data(bytes), to: url)
    }

    static func requestMessage(_ request: URLRequest) -> [UInt8] {
        let url = request.url!
        var target = url.path.isEmpty ? "/" : url.path
        if let q = url.query { target += "?" + q }
        var text = "\(request.httpMethod ?? "GET") \(target) HTTP/1.1\r\nHost: \(HTTPClient.hostKey(url))\r\n"
        let headers = (request.allHTTPHeaderFields ?? [:]).filter { !HTTPMessage.isSecret($0.key) }
        for (k, v) in headers.sorted(by: { $0.key.lowercased() < $1.key.lowercased() }) { text += "\(k): \(v)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    static func responseMessage(_ response: HTTPResponse) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status) \(HTTPMessage.reasons[response.status] ?? "Status")\r\n"
        let dropped: Set<String> = ["content-encoding", "transfer-encoding", "content-length", "connection"]
        for (k, v) in response.headers.sorted(by: { $0.key < $1.key }) where !dropped.contains(k) && !HTTPMessage.isSecret(k) {
            text += "\(k): \(v)\r\n"
        }
        text += "content-length: \(response.body.count)\r\n\r\n"
        return Array(text.utf8) + response.body
    }

    static func newID() -> String { "<urn:uuid:\(UUID().uuidString.lowercased())>" }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
