import Foundation
import InsiderCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Serves a run from a WARC recording instead of the network. Each URL's recorded responses are
/// served in the order they were recorded (a recorded 503 then 200 replays as a retry), the last
/// one again once they run out. A URL the recording lacks is a miss: the request fails at once,
/// without retries, and the job fails naming it.
public final class WARCReplay: HTTPTransport, @unchecked Sendable {
    /// The file replayed.
    public let file: String
    /// The `warcinfo` fields of the recording (the sources it asked).
    public let info: [String: String]
    private let responses: [String: [HTTPResponse]]
    private let lock = NSLock()
    private var served: [String: Int] = [:]
    private var missed: [String] = []

    /// Reads a `.warc.gz` (concatenated gzip members) or a plain `.warc`.
    public init(contentsOf url: URL) throws {
        file = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else { throw WARCError("--replay: cannot read \(url.path)") }
        let bytes = Array(data)
        let records: [WARCRecord]
        do {
            let plain = Gzip.isGzip(bytes) ? try Gzip.members(bytes).flatMap { $0 } : bytes
            records = try WARCRecord.parseAll(plain)
        } catch {
            throw WARCError("--replay: \(url.path) is not a readable WARC file: \(error)")
        }
        var info: [String: String] = [:]
        var responses: [String: [HTTPResponse]] = [:]
        for record in records {
            switch record.field("WARC-Type") {
            case "warcinfo":
                for (k, v) in HTTPMessage.fields(HTTPMessage.lines(record.block[...])) { info[k] = v }
            case "response":
                guard let uri = record.field("WARC-Target-URI"), let target = URL(string: uri),
                      let response = WARCReplay.parseResponse(record.block, url: target) else {
                    throw WARCError("--replay: \(url.path): a response record without a target URI or HTTP status line")
                }
                responses[uri, default: []].append(response)
            default:
                continue
            }
        }
        self.info = info
        self.responses = responses
    }

    /// Recorded responses, all URLs together.
    public var responseCount: Int { responses.values.reduce(0) { $0 + $1.count } }

    public func send(_ request: URLRequest) async throws -> HTTPResponse {
        let uri = request.url?.absoluteString ?? ""
        let next: HTTPResponse? = lock.withLock {
            guard let list = responses[uri], !list.isEmpty else { missed.append(uri); return nil }
            let n = served[uri, default: 0]
            served[uri] = n + 1
            return list[min(n, list.count - 1)]
        }
        guard let next else { throw WARCError("\(uri) is not in the recording \(file)") }
        return next
    }

    public var isOffline: Bool { true }
    public var misses: [String] { lock.withLock { missed } }

    static func parseResponse(_ block: [UInt8], url: URL) -> HTTPResponse? {
        guard let end = HTTPMessage.headerEnd(block, from: 0) else { return nil }
        let lines = HTTPMessage.lines(block[0..<end])
        let status = lines.first?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        guard let status else { return nil }
        var headers: [String: String] = [:]
        for (k, v) in HTTPMessage.fields(lines.dropFirst()) { headers[k.lowercased()] = v }
        return HTTPResponse(status: status, headers: headers, body: Array(block[(end + 4)...]), url: url)
    }
}

extension WARCReplay {
    /// The `warcinfo` fields a recording starts with: the sources the run asked and its as-of date.
    public static func info(sources: SourceConfig, asOf: Day) -> [(String, String)] {
        var fields = [("software", "insider-clusters/\(SourceConfig.version)"), ("format", "WARC File Format 1.1"),
                      ("openinsider-base-url", sources.openInsiderBaseURL.absoluteString),
                      ("sec-base-url", sources.secBaseURL.absoluteString),
                      ("sec-data-base-url", sources.secDataBaseURL.absoluteString), ("as-of", asOf.description)]
        if let agent = sources.secUserAgent { fields.append(("sec-user-agent", agent)) }
        return fields
    }

    /// The environment a replay runs in: the recorded sources (the URLs in the file are theirs)
    /// and SEC access exactly as recorded, so the replay takes the recorded run's path; the
    /// recorded as-of date unless `INSIDER_CLUSTERS_AS_OF` (or `--as-of`) says otherwise.
    public func environment(over env: RunEnvironment) -> RunEnvironment {
        var values = env.values
        for (field, key) in [("openinsider-base-url", "OPENINSIDER_BASE_URL"), ("sec-base-url", "SEC_BASE_URL"),
                             ("sec-data-base-url", "SEC_DATA_BASE_URL")] {
            if let v = info[field] { values[key] = v }
        }
        values["SEC_USER_AGENT"] = info["sec-user-agent"]
        if env.first("INSIDER_CLUSTERS_AS_OF") == nil, let asOf = info["as-of"] { values["INSIDER_CLUSTERS_AS_OF"] = asOf }
        return RunEnvironment(values)
    }
}
