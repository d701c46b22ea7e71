/// FNV-1a, 64 bits: a fast, stable fingerprint of bytes (not a cryptographic hash). One
/// implementation for every place that tells "the same bytes" apart: input fingerprints, ZIP
/// digests, API ETags, store-copy checksums.
public struct FNV1a64: Sendable {
    /// The running hash.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hash.
    public init() {}

    /// Feeds `bytes`.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    }

    /// The hash as 16 lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `bytes` as 16 hex digits.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var h = FNV1a64()
        h.add(bytes)
        return h.hex
    }
}
