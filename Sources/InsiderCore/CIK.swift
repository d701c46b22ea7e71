/// A CIK as SEC's URLs and OpenInsider's links write it: 10 digits, zero-padded. Any non-digits
/// are dropped first, so `320193`, `0000320193` and ` 320193 ` are one CIK.
public func padCIK(_ cik: String) -> String {
    let digits = cik.filter(\.isNumber)
    let trimmed = String(digits.drop { $0 == "0" })
    return String(repeating: "0", count: max(0, 10 - trimmed.count)) + trimmed
}
