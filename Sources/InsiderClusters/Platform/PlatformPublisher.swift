import Foundation
import InsiderCore

/// Hands a finished run to the Apify platform: the rows to the run's default dataset, then the
/// charges, each under the idempotency key `<runId>-<event>-<item number>`.
///
/// The platform dataset is the commit point, as the local dataset is locally: rows are pushed
/// before they are charged, so a kill leaves at most rows without charges, never a charge
/// without its row. A restart of the same run (a migration, a crash) finds the rows already
/// pushed, pushes only the others, and sends every charge again under the same keys, which the
/// platform charges once.
public struct PlatformPublisher: Sendable {
    let platform: ApifyPlatform

    /// Publishes through `platform`.
    public init(platform: ApifyPlatform) { self.platform = platform }

    /// What a publication did.
    public struct Outcome: Sendable, Equatable {
        /// Rows pushed now.
        public var pushed: Int
        /// Rows in the platform dataset afterwards.
        public var total: Int
    }

    /// Pushes the `rows` (ranked) whose symbols are not among `alreadyPushed`, up to `limit` rows
    /// in all, then charges `actor-start` (when `actorStart`) and one `cluster-record` per row.
    public func publish(rows: [JSONValue], alreadyPushed: [String], limit: Int, actorStart: Bool) async throws -> Outcome {
        let have = Set(alreadyPushed)
        let fresh = Array(rows.filter { !have.contains($0["symbol"]?.stringValue ?? "") }.prefix(max(0, limit - alreadyPushed.count)))
        try await platform.push(fresh)
        let total = alreadyPushed.count + fresh.count
        if actorStart { try await platform.charge(Pricing.actorStart, item: 1) }
        if total > 0 {
            for item in 1...total {
                try await platform.charge(Pricing.clusterRecord, item: item)
            }
        }
        return Outcome(pushed: fresh.count, total: total)
    }
}
