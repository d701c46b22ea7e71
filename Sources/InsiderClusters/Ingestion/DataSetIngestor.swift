import Foundation
import InsiderCore
import Logging
import TradeStore

/// `ingest datasets`: finds the published quarters on SEC's listing page, downloads each ZIP once
/// (kept in a key-value store; later runs ask with a conditional GET) and loads each quarter in
/// one database transaction.
public struct DataSetIngestor: Sendable {
    let edgar: EdgarSource
    let store: any TradeStore
    let downloads: KeyValueStore
    let logger: Logger

    /// Creates the ingestor; `downloads` keeps the ZIPs across runs and purges.
    public init(edgar: EdgarSource, store: any TradeStore, downloads: KeyValueStore, logger: Logger) {
        self.edgar = edgar; self.store = store; self.downloads = downloads; self.logger = logger
    }

    /// What happened to one quarter.
    public struct QuarterReport: Sendable, Equatable {
        /// The quarter.
        public var quarter: Quarter
        /// `loaded`, or `unchanged` (same ZIP as the last load).
        public var outcome: String
        /// Forms 4 and 4/A in the ZIP.
        public var filings: Int
        /// Filings new to the store.
        public var newFilings: Int
        /// Transactions new to the store.
        public var newTransactions: Int
        /// Whether the ZIP came over the network (false: a 304 or no request).
        public var downloaded: Bool
    }

    /// The quarters SEC's listing page offers, with their link paths.
    public func publishedQuarters() async throws -> [Quarter: String] {
        let page = try await edgar.fetchSEC(path: DataSetListing.path)
        let links = DataSetListing.links(in: page.body)
        guard !links.isEmpty else {
            throw IngestionError("SEC's data-set listing page (\(edgar.secURL(path: DataSetListing.path).absoluteString)) lists no YYYYqN_form345.zip link: the page changed or is not the listing")
        }
        return links
    }

    /// Loads the quarters `from`...`to` (default: the last eight published), oldest first.
    public func ingest(from: Quarter?, to: Quarter?) async throws -> [QuarterReport] {
        let links = try await publishedQuarters()
        let published = links.keys.sorted()
        let wanted: [Quarter]
        if from == nil && to == nil {
            wanted = Array(published.suffix(8))
        } else {
            let first = from ?? published.first!, last = to ?? published.last!
            wanted = Quarter.range(first, last)
            let missing = wanted.filter { links[$0] == nil }
            guard missing.isEmpty else {
                throw IngestionError("\(missing.map(\.description).joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not offered on SEC's listing page (published: \(published.first!) to \(published.last!); the current quarter comes from `ingest daily`)")
            }
        }
        return try await load(wanted, links: links)
    }

    /// Loads `quarters` (each must be in `links`), skipping a quarter whose ZIP is unchanged since it was loaded.
    public func load(_ quarters: [Quarter], links: [Quarter: String]) async throws -> [QuarterReport] {
        let loaded = Dictionary(uniqueKeysWithValues: try await store.loadedQuarters().map { ($0.quarter, $0) })
        var reports: [QuarterReport] = []
        for q in quarters {
            let (zip, downloaded) = try await fetchZIP(q, path: links[q]!)
            let digest = FNV1a64.hex(zip)
            if let done = loaded[q.description], done.zipDigest == digest {
                logger.info("\(q): unchanged since it was loaded (\(done.filings) filings)")
                reports.append(QuarterReport(quarter: q, outcome: "unchanged", filings: done.filings, newFilings: 0, newTransactions: 0, downloaded: downloaded))
                continue
            }
            let name = "\(q)_form345.zip"
            let filings = try QuarterReader.filings(zip: zip, fileName: name)
            let marker = LoadedQuarter(quarter: q.description, filings: filings.count, zipDigest: digest, loadedAt: isoTimestamp())
            let outcome = try await store.load(filings, marking: .quarter(marker))
            logger.info("\(q): \(filings.count) Form 4 and 4/A filings, \(outcome.newFilings) new, \(outcome.newTransactions) transactions loaded")
            reports.append(QuarterReport(quarter: q, outcome: "loaded", filings: filings.count, newFilings: outcome.newFilings,
                                         newTransactions: outcome.newTransactions, downloaded: downloaded))
        }
        return reports
    }

    /// The quarter's ZIP: from the key-value store when SEC answers 304 to a conditional GET.
    func fetchZIP(_ q: Quarter, path: String) async throws -> (Data, downloaded: Bool) {
        let key = "\(q)_form345"
        let kept = downloads.get(key, fileExtension: "zip")
        var validators: [String: String] = [:]
        if kept != nil, let meta = downloads.get(key + ".meta").flatMap({ try? JSONValue.parse(Array($0)) }) {
            if let etag = meta["etag"]?.stringValue { validators["If-None-Match"] = etag }
            if let modified = meta["lastModified"]?.stringValue { validators["If-Modified-Since"] = modified }
        }
        logger.info("\(q): \(validators.isEmpty ? "downloading" : "checking") \(path)")
        let response = try await edgar.fetchSEC(path: path, extraHeaders: validators)
        if response.status == 304, let kept { return (kept, false) }
        guard response.status == 200 else {
            throw IngestionError("\(q): \(path) answered HTTP \(response.status)")
        }
        let data = Data(response.body)
        try downloads.set(key, data, fileExtension: "zip")
        var meta: [(String, JSONValue)] = [("path", .string(path))]
        if let etag = response.headers["etag"] { meta.append(("etag", .string(etag))) }
        if let modified = response.headers["last-modified"] { meta.append(("lastModified", .string(modified))) }
        try downloads.set(key + ".meta", Data(JSONValue.object(meta).prettyText.utf8))
        return (data, true)
    }
}

/// Ingestion could not go on; the message says what and where.
public struct IngestionError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
