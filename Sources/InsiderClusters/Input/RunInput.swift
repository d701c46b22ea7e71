import Foundation
import InsiderCore

/// Which path produces the trades.
public enum SourceChoice: String, Sendable {
    /// OpenInsider pages, cross-checked against EDGAR; EDGAR when OpenInsider stays down.
    case openinsider
    /// SEC EDGAR only.
    case edgar
}

/// The validated run input (SPEC section 1) with defaults applied.
public struct RunInput: Sendable, Equatable {
    /// Minimum distinct insiders.
    public var minClusterSize: Int
    /// `last_30d`, `last_60d`, `last_90d`.
    public var dateRange: String
    /// Minimum total value in dollars.
    public var minValueUSD: Int64
    /// Only all-buy clusters.
    public var excludeSells: Bool
    /// Tickers to restrict to (normalised, unique).
    public var tickers: [String]
    /// How many rows at most.
    public var limit: Int
    /// Fill `sector`.
    public var includeIndustry: Bool
    /// Where trades come from.
    public var source: SourceChoice
    /// The completed input as JSON, in schema order (stored with the run for reproducibility).
    public var resolved: JSONValue

    /// Window N in days.
    public var windowDays: Int {
        switch dateRange {
        case "last_60d": 60
        case "last_90d": 90
        default: 30
        }
    }

    /// The criteria for the cluster engine.
    public var criteria: ClusterCriteria {
        ClusterCriteria(minClusterSize: minClusterSize, windowDays: windowDays, minValueUSD: minValueUSD,
                        excludeSells: excludeSells, tickers: tickers, limit: limit, includeIndustry: includeIndustry)
    }

    /// Parses and validates input bytes against `schema`.
    public static func parse(_ bytes: [UInt8], schema: InputSchema) -> Result<RunInput, InputProblems> {
        let json: JSONValue
        do { json = try JSONValue.parse(bytes) } catch {
            return .failure(InputProblems(["input: \(error)"]))
        }
        switch schema.validate(json) {
        case .failure(let problems): return .failure(problems)
        case .success(let resolved):
            // The schema guarantees these types; a schema edited to drop a field falls back to SPEC defaults.
            let input = RunInput(
                minClusterSize: Int(resolved["min_cluster_size"]?.integerValue ?? 3),
                dateRange: resolved["date_range"]?.stringValue ?? "last_30d",
                minValueUSD: resolved["min_value_usd"]?.integerValue ?? 25000,
                excludeSells: resolved["exclude_sells"]?.boolValue ?? true,
                tickers: resolved["tickers"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                limit: Int(resolved["limit"]?.integerValue ?? 25),
                includeIndustry: resolved["include_industry"]?.boolValue ?? true,
                source: SourceChoice(rawValue: resolved["source"]?.stringValue ?? "openinsider") ?? .openinsider,
                resolved: resolved)
            return .success(input)
        }
    }
}
