import Foundation
import InsiderCore

/// OpenInsider pages kept for a while (`OPENINSIDER_CACHE_TTL`, default 6 h) in the named
/// key-value store `openinsider-pages`, so a second run on the same day asks OpenInsider nothing.
///
/// A page older than the TTL is never served: it is asked for again, conditionally
/// (`If-None-Match` / `If-Modified-Since`) when the server gave a validator, and a `304` renews it.
/// Unlike a filing, a screener page changes as filings arrive, hence the expiry.
public struct PageCache: Sendable {
    /// Name of the key-value store.
    public static let storeName = "openinsider-pages"
    /// The default time to live: 6 hours.
    public static let defaultTTL: TimeInterval = 6 * 3600

    /// A kept page.
    public struct Entry: Sendable {
        /// The page's bytes.
        public var body: [UInt8]
        /// When it was fetched or last confirmed by a `304`.
        public var fetchedAt: Date
        /// The server's `ETag`, if any.
        public var etag: String?
        /// The server's `Last-Modified`, if any.
        public var lastModified: String?
    }

    let store: KeyValueStore
    let ttl: TimeInterval
    let now: @Sendable () -> Date

    /// A cache in `store` whose pages live `ttl` seconds by `now`.
    public init(store: KeyValueStore, ttl: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store; self.ttl = ttl; self.now = now
    }

    static func key(_ url: URL) -> String { "page-" + FNV1a64.hex(url.absoluteString.utf8) }

    /// The kept page for `url`, fresh or not; nil when none (or its record is unreadable).
    public func entry(for url: URL) -> Entry? {
        let key = PageCache.key(url)
        guard let metaData = store.get(key + ".meta"), let meta = try? JSONValue.parse(Array(metaData)),
              meta["url"]?.stringValue == url.absoluteString, let at = meta["fetched_at"]?.doubleValue,
              let body = store.get(key, fileExtension: "html") else { return nil }
        return Entry(body: Array(body), fetchedAt: Date(timeIntervalSince1970: at), etag: meta["etag"]?.stringValue,
                     lastModified: meta["last_modified"]?.stringValue)
    }

    /// Whether `entry` may be served without asking: younger than the TTL.
    public func isFresh(_ entry: Entry) -> Bool { now().timeIntervalSince(entry.fetchedAt) < ttl }

    /// The conditional headers that revalidate `entry`.
    public static func validators(_ entry: Entry?) -> [String: String] {
        var headers: [String: String] = [:]
        if let etag = entry?.etag { headers["If-None-Match"] = etag }
        if let modified = entry?.lastModified { headers["If-Modified-Since"] = modified }
        return headers
    }

    /// Keeps `body` as the page at `url`, fetched now. A page that cannot be kept is fetched
    /// again next time: nothing else depends on it.
    public func keep(_ url: URL, body: [UInt8], etag: String?, lastModified: String?) {
        let key = PageCache.key(url)
        var meta: [(String, JSONValue)] = [("url", .string(url.absoluteString)),
                                           ("fetched_at", .number(String(format: "%.3f", now().timeIntervalSince1970)))]
        if let etag { meta.append(("etag", .string(etag))) }
        if let lastModified { meta.append(("last_modified", .string(lastModified))) }
        // Body first, then the record that makes it count: a crash between the two leaves no entry.
        try? store.set(key, Data(body), fileExtension: "html")
        try? store.set(key + ".meta", Data(JSONValue.object(meta).compactText.utf8))
    }

    /// Reads `OPENINSIDER_CACHE_TTL`: seconds, or a number with `s`, `m`, `h` or `d`; `0` turns the cache off.
    public static func ttl(from env: [String: String]) throws -> TimeInterval {
        guard let raw = env.nonEmpty("OPENINSIDER_CACHE_TTL")?.trimmingCharacters(in: .whitespaces).lowercased() else { return defaultTTL }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var number = Substring(raw), unit = 1.0
        if let last = raw.last, let u = units[last] { number = raw.dropLast(); unit = u }
        guard let v = Double(number), v >= 0, v.isFinite else {
            throw ConfigurationError("OPENINSIDER_CACHE_TTL: \"\(raw)\" is not a duration (seconds, or a number with s, m, h or d, e.g. 6h; 0 turns the cache off)")
        }
        return v * unit
    }
}
