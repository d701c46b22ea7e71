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
    ///
    /// With `progress`, each step is recorded there, no step starts once the run is stopping
    /// (a migration), and charges the saved state of this run lists as confirmed are not sent again.
    public func publish(rows: [JSONValue], alreadyPushed: [String], limit: Int, actorStart: Bool,
                        progress: RunProgress? = nil) async throws -> Outcome {
        let confirmed = progress?.current.charged ?? [:]
        let have = Set(alreadyPushed)
        let fresh = Array(rows.filter { !have.contains($0["symbol"]?.stringValue ?? "") }.prefix(max(0, limit - alreadyPushed.count)))
        await progress?.checkpoint()
        try await platform.push(fresh)
        let total = alreadyPushed.count + fresh.count
        progress?.update { $0.rowsPushed = total }
        if actorStart && confirmed[Pricing.actorStart, default: 0] < 1 {
            await progress?.checkpoint()
            try await platform.charge(Pricing.actorStart, item: 1)
            progress?.update { $0.charged[Pricing.actorStart] = 1 }
        }
        let first = confirmed[Pricing.clusterRecord, default: 0] + 1
        if total >= first {
            for item in first...total {
                await progress?.checkpoint()
                try await platform.charge(Pricing.clusterRecord, item: item)
                progress?.update { $0.charged[Pricing.clusterRecord] = item }
            }
        }
        return Outcome(pushed: fresh.count, total: total)
    }
}
