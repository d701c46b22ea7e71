import Foundation

/// Exact decimals from ASCII bytes (`-1234.5600`, `1E+3`), without going through `String`.
enum DecimalText {
    /// The number, or nil when the bytes are not one (or hold more than 19 significant digits).
    static func parse(_ bytes: ArraySlice<UInt8>) -> Decimal? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end, bytes[i] == 0x20 { i += 1 }
        var negative = false
        if i < end, bytes[i] == 0x2D || bytes[i] == 0x2B { negative = bytes[i] == 0x2D; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawDot = false
        var sawDigit = false
        while i < end {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                sawDigit = true
                if mantissa == 0 && b == 0x30 {
                    if sawDot { scale -= 1 }
                } else {
                    guard digits < 19 else { return nil }
                    mantissa = mantissa * 10 + UInt64(b - 0x30)
                    digits += 1
                    if sawDot { scale -= 1 }
                }
            } else if b == 0x2E && !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < end, bytes[i] == 0x45 || bytes[i] == 0x65 {
            i += 1
            var expNegative = false
            if i < end, bytes[i] == 0x2D || bytes[i] == 0x2B { expNegative = bytes[i] == 0x2D; i += 1 }
            var exp = 0
            var expDigits = 0
            while i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39, expDigits < 4 { exp = exp * 10 + Int(bytes[i] - 0x30); expDigits += 1; i += 1 }
            guard expDigits > 0 else { return nil }
            scale += expNegative ? -exp : exp
        }
        while i < end, bytes[i] == 0x20 { i += 1 }
        guard i == end, scale >= -128, scale <= 127 else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: scale, significand: Decimal(mantissa))
    }
}
