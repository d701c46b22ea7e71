import Crypto
import Foundation
import TradeStore

/// Makes new API keys and hashes presented ones. A key is `ick_` and 64 hex digits (256 random
/// bits); the store keeps only its SHA-256, so a copied database gives no usable key.
public enum APIKeyIssuer {
    /// The prefix every key starts with, so a leaked key is recognisable.
    public static let prefix = "ick_"

    /// A new key and the record to store for it.
    /// - Parameters:
    ///   - tier: `pro` or `free`.
    ///   - name: an optional label the owner chose.
    ///   - now: the creation time.
    public static func issue(tier: APITier, name: String?, now: Date = Date()) -> (key: String, record: APIKeyRecord) {
        let key = prefix + randomHex(bytes: 32)
        let record = APIKeyRecord(id: "key_" + randomHex(bytes: 6), name: name, tier: tier, hash: hash(of: key),
                                  createdAt: ISO8601DateFormatter().string(from: now))
        return (key, record)
    }

    /// SHA-256 of `key`, lower-case hex: what the store looks keys up by.
    public static func hash(of key: String) -> String { hex(SHA256.hash(data: Array(key.utf8))) }

    private static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()   // getrandom(2) on Linux: cryptographically secure
        return hex((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Lower-case hex of `bytes`.
    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
