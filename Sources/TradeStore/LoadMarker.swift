import Foundation
import InsiderCore

/// What a load completes, recorded in the same database transaction as its filings.
public enum LoadMarker: Sendable, Equatable {
    /// A quarter of SEC's data sets (`2026q3`), with the ZIP's validator for conditional GETs.
    case quarter(LoadedQuarter)
    /// A day of the daily form index.
    case day(LoadedDay)
}

/// A quarter loaded from SEC's data sets.
public struct LoadedQuarter: Sendable, Equatable {
    /// `2026q3`.
    public var quarter: String
    /// Form 4 and 4/A filings the quarter's ZIP held.
    public var filings: Int
    /// A digest of the ZIP (FNV-1a 64, hex): a re-download with the same bytes changes nothing.
    public var zipDigest: String
    /// When it was loaded, ISO 8601 UTC.
    public var loadedAt: String

    /// Creates a record.
    public init(quarter: String, filings: Int, zipDigest: String, loadedAt: String) {
        self.quarter = quarter; self.filings = filings; self.zipDigest = zipDigest; self.loadedAt = loadedAt
    }
}

/// A day of the daily form index loaded completely.
public struct LoadedDay: Sendable, Equatable {
    /// The index's date.
    public var day: Day
    /// Distinct Form 4 and 4/A filings the index listed.
    public var filings: Int
    /// When it was completed, ISO 8601 UTC.
    public var loadedAt: String

    /// Creates a record.
    public init(day: Day, filings: Int, loadedAt: String) { self.day = day; self.filings = filings; self.loadedAt = loadedAt }
}

/// What a load changed.
public struct LoadOutcome: Sendable, Equatable {
    /// Filings that were new.
    public var newFilings: Int
    /// Filings skipped because their accession was already stored.
    public var skippedFilings: Int
    /// Transactions inserted.
    public var newTransactions: Int

    /// Creates an outcome.
    public init(newFilings: Int = 0, skippedFilings: Int = 0, newTransactions: Int = 0) {
        self.newFilings = newFilings; self.skippedFilings = skippedFilings; self.newTransactions = newTransactions
    }
}

/// Counts and dates for `store status` and `/healthz`.
public struct StoreStatus: Sendable, Equatable {
    /// Where the store lives (a file path, or a database URL without its password).
    public var location: String
    /// Quarters loaded from the data sets.
    public var quarters: [LoadedQuarter]
    /// Days loaded from the daily index (count, first and last).
    public var days: [LoadedDay]
    /// Filings stored.
    public var filings: Int
    /// Transactions stored (superseded included).
    public var transactions: Int
    /// Transactions superseded by a later amendment.
    public var supersededTransactions: Int
    /// The newest filing date, nil when empty.
    public var newestFilingDate: Day?
    /// The file's size in bytes (nil for a server database).
    public var sizeBytes: Int64?
    /// The current data version.
    public var dataVersion: Int64

    /// Creates a status.
    public init(location: String, quarters: [LoadedQuarter], days: [LoadedDay], filings: Int, transactions: Int,
                supersededTransactions: Int, newestFilingDate: Day?, sizeBytes: Int64?, dataVersion: Int64) {
        self.location = location; self.quarters = quarters; self.days = days; self.filings = filings
        self.transactions = transactions; self.supersededTransactions = supersededTransactions
        self.newestFilingDate = newestFilingDate; self.sizeBytes = sizeBytes; self.dataVersion = dataVersion
    }
}
