import EdgarForm4
import Foundation
import InsiderCore
import Logging
import TradeStore

/// `ingest daily`: every weekday's form index up to the as-of date, each listed Form 4 and 4/A
/// fetched through the SEC client (rate limit, block pages and the filing cache apply), parsed
/// and loaded one filing at a time. A day is marked loaded only when every filing of it is in,
/// so a killed run starts that day again and skips the filings already stored.
public struct DailyIngestor: Sendable {
    let edgar: EdgarSource
    let store: any TradeStore
    let logger: Logger
    let concurrency: Int

    /// Creates the ingestor.
    public init(edgar: EdgarSource, store: any TradeStore, logger: Logger, concurrency: Int = 8) {
        self.edgar = edgar; self.store = store; self.logger = logger; self.concurrency = max(1, concurrency)
    }

    /// What one day brought.
    public struct DayReport: Sendable, Equatable {
        /// The day.
        public var day: Day
        /// False when SEC has no index for it (weekend, holiday, not yet published).
        public var indexFound: Bool
        /// Distinct Form 4 and 4/A filings listed.
        public var listed: Int
        /// Filings loaded now.
        public var loaded: Int
        /// Filings already in the store.
        public var alreadyStored: Int
        /// Filings that could not be read (named in the log).
        public var unreadable: Int
    }

    /// The first day to ask for: `since`, else the day after the newest loaded day, but no later
    /// than five days before the end of the newest loaded quarter (filings late on a quarter's
    /// last day can land in the next quarter's file; the overlap costs nothing); with an empty
    /// store, a week before `asOf`.
    public func startDay(since: Day?, asOf: Day) async throws -> Day {
        if let since { return since }
        let lastDay = try await store.loadedDays().last?.day
        let lastQuarter = try await store.loadedQuarters().compactMap { Quarter($0.quarter) }.max()
        var start: Day?
        if let lastDay { start = lastDay.adding(days: 1) }
        if let lastQuarter {
            let seam = lastQuarter.lastDay.adding(days: -4)
            if start == nil || seam > start! { start = seam }
        }
        if let start { return start }
        logger.notice("the store is empty: loading the week before \(asOf); run `insider-clusters ingest datasets` for history")
        return asOf.adding(days: -6)
    }

    /// Loads every weekday from `since` (or `startDay`) through `asOf`.
    public func ingest(since: Day?, asOf: Day) async throws -> [DayReport] {
        let first = try await startDay(since: since, asOf: asOf)
        var reports: [DayReport] = []
        var day = first
        while day <= asOf {
            defer { day = day.adding(days: 1) }
            if day.isWeekend { continue }
            reports.append(try await ingest(day: day))
        }
        return reports
    }

    /// Loads one day's index.
    public func ingest(day: Day) async throws -> DayReport {
        let response: HTTPResponse
        do {
            response = try await edgar.fetchSEC(path: DailyFormIndex.path(for: day))
        } catch let error as HTTPClientError where error.status == 404 || error.status == 403 {
            logger.info("\(day): no daily index (weekend, holiday, or not yet published)")
            return DayReport(day: day, indexFound: false, listed: 0, loaded: 0, alreadyStored: 0, unreadable: 0)
        }
        let entries = DailyFormIndex.form4Filings(in: response.body, day: day)
        let stored = try await store.storedAccessions(among: entries.map(\.accession))
        let todo = entries.filter { !stored.contains($0.accession) }
        let store = self.store, edgar = self.edgar, logger = self.logger
        let results = try await forEach(todo, concurrency: concurrency) { entry -> Bool in
            let url = edgar.secURL(path: "Archives/" + entry.path)
            let document: Form4Document
            do {
                document = try await edgar.document(at: url, accession: entry.accession)
            } catch let error as EdgarError {
                logger.warning("\(entry.accession): unreadable, not loaded: \(error)")
                return false
            } catch let error as HTTPClientError where error.status == 404 {
                logger.warning("\(entry.accession): listed in the index but not found: \(error)")
                return false
            }
            guard let filing = StoredFiling(document: document, accession: entry.accession, filingDate: entry.filed, source: .dailyIndex) else {
                logger.warning("\(entry.accession): listed as Form \(entry.form) but the document is a Form \(document.documentType); not loaded")
                return false
            }
            try await store.load([filing], marking: nil)
            return true
        }
        let loaded = results.filter { $0 }.count
        try await store.load([], marking: .day(LoadedDay(day: day, filings: entries.count, loadedAt: isoTimestamp())))
        let report = DayReport(day: day, indexFound: true, listed: entries.count, loaded: loaded, alreadyStored: stored.count,
                               unreadable: todo.count - loaded)
        logger.info("\(day): \(report.listed) Form 4 and 4/A filings listed, \(report.loaded) loaded, \(report.alreadyStored) already stored, \(report.unreadable) unreadable")
        return report
    }
}

extension Day {
    /// Saturday or Sunday.
    var isWeekend: Bool {
        // 1970-01-01 (ordinal 0 if the ordinal counts from the epoch) was a Thursday.
        let weekday = ((ordinal - Day(year: 1970, month: 1, day: 1)!.ordinal) % 7 + 7 + 4) % 7   // 0 = Sunday
        return weekday == 0 || weekday == 6
    }
}
