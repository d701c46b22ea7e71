import Foundation
import InsiderCore

/// Reads the Apify-style environment (DOMAIN.md 3.1): `ACTOR_*` before `APIFY_*` before `CRAWLEE_*`,
/// an empty value counting as unset.
public struct RunEnvironment: Sendable {
    /// The raw environment.
    public var values: [String: String]

    /// Wraps an environment.
    public init(_ values: [String: String] = ProcessInfo.processInfo.environment) { self.values = values }

    /// The first non-empty of `keys`.
    public func first(_ keys: String...) -> String? {
        for k in keys { if let v = values.nonEmpty(k) { return v } }
        return nil
    }

    /// Storage root: `--storage`, then `APIFY_LOCAL_STORAGE_DIR`, `CRAWLEE_STORAGE_DIR`, then `./storage`.
    public func storageRoot(override: String?) -> URL {
        let path = override ?? first("APIFY_LOCAL_STORAGE_DIR", "CRAWLEE_STORAGE_DIR") ?? "storage"
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// Key of the input record: `ACTOR_INPUT_KEY`, `APIFY_INPUT_KEY`, `CRAWLEE_INPUT_KEY`, else `INPUT`.
    public var inputKey: String { first("ACTOR_INPUT_KEY", "APIFY_INPUT_KEY", "CRAWLEE_INPUT_KEY") ?? "INPUT" }

    /// Whether to purge at start (`APIFY_PURGE_ON_START` / `CRAWLEE_PURGE_ON_START`; `0`, `false` turn it off).
    public var purgeOnStart: Bool {
        guard let v = first("APIFY_PURGE_ON_START", "CRAWLEE_PURGE_ON_START")?.lowercased() else { return true }
        return !(v == "0" || v == "false")
    }

    /// The as-of date: `--as-of`, then `INSIDER_CLUSTERS_AS_OF`, then today in America/New_York.
    public func asOf(override: String?, now: Date = Date()) throws -> Day {
        if let text = override ?? first("INSIDER_CLUSTERS_AS_OF") {
            guard text.count == 10, let day = Day(text) else {
                throw ConfigurationError("as-of date \"\(text)\" is not a YYYY-MM-DD date (from \(override != nil ? "--as-of" : "INSIDER_CLUSTERS_AS_OF"))")
            }
            return day
        }
        return RunEnvironment.today(in: "America/New_York", now: now)
    }

    /// The calendar date at `now` in the given time zone.
    public static func today(in zone: String, now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }
}
