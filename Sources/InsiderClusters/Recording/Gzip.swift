import CZlibShim
import Foundation

/// gzip through the system zlib (Foundation on Linux has no compression API).
enum Gzip {
    /// A failure of zlib, with its error code.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One complete gzip member holding `bytes`.
    static func member(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var count = 0
        let rc = bytes.withUnsafeBufferPointer { czlib_gzip($0.baseAddress, $0.count, &out, &count) }
        guard rc == 0, let out else { throw Failure(description: "gzip failed (zlib error \(rc))") }
        defer { czlib_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: count))
    }

    /// Every member of a file of concatenated gzip members, each inflated on its own.
    static func members(_ bytes: [UInt8]) throws -> [[UInt8]] {
        var result: [[UInt8]] = []
        var offset = 0
        try bytes.withUnsafeBufferPointer { all in
            while offset < all.count {
                var out: UnsafeMutablePointer<UInt8>?
                var count = 0
                var consumed = 0
                let rc = czlib_gunzip_member(all.baseAddress! + offset, all.count - offset, &consumed, &out, &count)
                guard rc == 0, let out, consumed > 0 else {
                    throw Failure(description: "gzip member at byte \(offset) is corrupt or truncated (zlib error \(rc))")
                }
                result.append(Array(UnsafeBufferPointer(start: out, count: count)))
                czlib_free(out)
                offset += consumed
            }
        }
        return result
    }

    /// Whether `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b }
}
