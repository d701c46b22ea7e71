import Foundation

/// How every store turns filed decimals into stored doubles and stored doubles into the API's
/// figures: one definition, so the implementations cannot round differently.
public enum StoredNumber {
    /// A filed decimal as the schema stores it (`DOUBLE PRECISION`).
    public static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// Half away from zero, as whole shares; 0 for none.
    public static func wholeShares(_ value: Double?) -> Int64 {
        guard let value, value.isFinite else { return 0 }
        return Int64(value.rounded(.toNearestOrAwayFromZero))
    }

    /// The shortest decimal that prints as the stored double (what was filed, for any realistic figure).
    public static func decimal(_ value: Double?) -> Decimal? {
        guard let value, value.isFinite else { return nil }
        return Decimal(string: "\(value)")
    }
}
