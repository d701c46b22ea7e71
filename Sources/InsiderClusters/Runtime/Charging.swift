import Foundation
import InsiderCore

/// Event prices for pay-per-event charging (SPEC section 7), overridable by the platform's
/// `APIFY_ACTOR_PRICING_INFO`.
public struct Pricing: Sendable, Equatable {
    /// One event's title and price.
    public struct Event: Sendable, Equatable {
        /// Human title.
        public var title: String
        /// Price in USD.
        public var priceUSD: Decimal
    }
    /// Events by name.
    public var events: [String: Event]

    /// The run start event.
    public static let actorStart = "actor-start"
    /// One dataset row.
    public static let clusterRecord = "cluster-record"

    /// The product's own price table.
    public static let standard = Pricing(events: [
        actorStart: Event(title: "Actor start", priceUSD: Decimal(string: "0.01")!),
        clusterRecord: Event(title: "Cluster record", priceUSD: Decimal(string: "0.25")!),
    ])

    /// The standard table with any events the platform's pricing JSON defines replacing ours.
    public static func fromEnvironment(_ env: [String: String]) throws -> Pricing {
        var pricing = standard
        guard let raw = env.nonEmpty("APIFY_ACTOR_PRICING_INFO") else { return pricing }
        let json: JSONValue
        do { json = try JSONValue.parse(raw) } catch { throw ConfigurationError("APIFY_ACTOR_PRICING_INFO: \(error)") }
        guard let events = json["pricingPerEvent"]?["actorChargeEvents"]?.objectValue else { return pricing }
        for (name, spec) in events {
            let priceText: String?
            switch spec["eventPriceUsd"] {
            case .number(let n)?: priceText = n
            case .string(let s)?: priceText = s
            default: priceText = nil
            }
            guard let priceText, let price = Decimal(string: priceText), price >= 0 else {
                throw ConfigurationError("APIFY_ACTOR_PRICING_INFO: event \(name) has no valid eventPriceUsd")
            }
            pricing.events[name] = Event(title: spec["eventTitle"]?.stringValue ?? pricing.events[name]?.title ?? name, priceUSD: price)
        }
        return pricing
    }
}

/// Charges events against the budget and records each charge in the charging log dataset.
///
/// Every charge carries an idempotency key derived from stable facts (the run key, the event and
/// the row number), so a re-run after a kill recognises what was already charged and never
/// charges it twice.
public final class Charger: @unchecked Sendable {
    /// Prices in force.
    public let pricing: Pricing
    /// `ACTOR_MAX_TOTAL_CHARGE_USD`; nil for no limit.
    public let maxTotalUSD: Decimal?
    let log: Dataset
    var chargedKeys: Set<String> = []
    var counts: [String: Int]
    var spent: Decimal = 0
    /// `APIFY_CHARGED_ACTOR_EVENT_COUNTS`: what the platform already charged in this run.
    let platformCounts: [String: Int]

    /// Opens the charging log and loads what it already holds.
    ///
    /// Only log records of `runKey` count against this run's budget: with `--no-purge` the log
    /// keeps earlier runs' charges, which were paid for by those runs.
    public init(pricing: Pricing, maxTotalUSD: Decimal?, alreadyCharged: [String: Int] = [:], log: Dataset, runKey: String) throws {
        self.pricing = pricing
        self.maxTotalUSD = maxTotalUSD
        self.log = log
        self.counts = alreadyCharged
        self.platformCounts = alreadyCharged
        for (event, count) in alreadyCharged { spent += price(event) * Decimal(count) }
        try log.create()
        for item in try log.items() {
            guard let key = item["idempotencyKey"]?.stringValue, key.hasPrefix(runKey + "/") else { continue }
            chargedKeys.insert(key)
            let event = item["eventName"]?.stringValue ?? ""
            let count = Int(item["chargedCount"]?.integerValue ?? 0)
            counts[event, default: 0] += count
            spent += price(event) * Decimal(count)
        }
    }

    /// Reads `ACTOR_MAX_TOTAL_CHARGE_USD`: unset or empty means no limit, `0` means nothing may be charged.
    public static func budget(from env: [String: String]) throws -> Decimal? {
        guard let raw = env.nonEmpty("ACTOR_MAX_TOTAL_CHARGE_USD") else { return nil }
        guard let value = Decimal(string: raw.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw ConfigurationError("ACTOR_MAX_TOTAL_CHARGE_USD: \"\(raw)\" is not a non-negative decimal amount of USD")
        }
        return value
    }

    /// Reads `APIFY_CHARGED_ACTOR_EVENT_COUNTS` (`{"actor-start": 1, ...}`).
    public static func alreadyCharged(from env: [String: String]) throws -> [String: Int] {
        guard let raw = env.nonEmpty("APIFY_CHARGED_ACTOR_EVENT_COUNTS") else { return [:] }
        guard let members = (try? JSONValue.parse(raw))?.objectValue else {
            throw ConfigurationError("APIFY_CHARGED_ACTOR_EVENT_COUNTS: expected a JSON object of event counts")
        }
        var out: [String: Int] = [:]
        for (k, v) in members { out[k] = Int(v.integerValue ?? 0) }
        return out
    }

    /// The price of one event.
    public func price(_ event: String) -> Decimal { pricing.events[event]?.priceUSD ?? 1 }

    /// Total charged so far, in USD.
    public var totalChargedUSD: Decimal { spent }

    /// Events charged so far, by name.
    public var chargedCounts: [String: Int] { counts }

    /// Whether a charge with this key is already in the log.
    public func isCharged(key: String) -> Bool { chargedKeys.contains(key) }

    /// Whether the remaining budget pays for one more `event`.
    public func canAfford(_ event: String) -> Bool {
        guard let maxTotalUSD else { return true }
        return spent + price(event) <= maxTotalUSD
    }

    /// Charges a once-per-run event (`actor-start`) under `key`, unless the platform's
    /// `APIFY_CHARGED_ACTOR_EVENT_COUNTS` says this run was already charged for it (a migrated or
    /// restarted run): then nothing is charged and the run goes on. False when the budget cannot pay.
    @discardableResult
    public func chargeOncePerRun(_ event: String, key: String) throws -> Bool {
        if platformCounts[event, default: 0] >= 1 { return true }
        return try charge(event, key: key)
    }

    /// Charges one `event` under `key` unless that key was charged already; returns false (and
    /// charges nothing) when the budget cannot pay for it.
    @discardableResult
    public func charge(_ event: String, key: String) throws -> Bool {
        if chargedKeys.contains(key) { return true }
        guard canAfford(event) else { return false }
        let p = price(event)
        let record: JSONValue = .object([
            ("eventName", .string(event)),
            ("eventTitle", .string(pricing.events[event]?.title ?? "Unknown event '\(event)'")),
            ("eventPriceUsd", .number(NSDecimalNumber(decimal: p).stringValue)),
            ("chargedCount", .number("1")),
            ("timestamp", .string(isoTimestamp())),
            ("idempotencyKey", .string(key)),
        ])
        try log.push(record)
        chargedKeys.insert(key)
        counts[event, default: 0] += 1
        spent += p
        return true
    }
}
