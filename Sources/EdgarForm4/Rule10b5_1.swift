/// Whether text states a Rule 10b5-1 trading plan (DOMAIN.md 2.12 point 4).
///
/// Matches "10b5-1" with any hyphen or space variant between the parts (including U+2010-U+2015
/// and U+2212), not followed by another digit, or "10b5 plan" / "10b-5 plan"; never the
/// anti-fraud "Rule 10b-5" alone or numbers such as "10b5-10". Hand-written: it runs on every
/// footnote of every filing.
public func statesRule10b5_1Plan(_ text: String) -> Bool {
    let s = Array(text.unicodeScalars)
    func isSeparator(_ c: UnicodeScalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "-" || c == "\u{A0}" || (0x2010...0x2015).contains(c.value) || c.value == 0x2212
    }
    func isDigit(_ i: Int) -> Bool { i < s.count && s[i].properties.numericType != nil && ("0"..."9").contains(s[i]) }
    var i = 0
    while i + 3 < s.count {
        defer { i += 1 }
        guard s[i] == "1", s[i + 1] == "0", s[i + 2] == "b" || s[i + 2] == "B" else { continue }
        if i > 0, isDigit(i - 1) { continue }
        var j = i + 3
        if j < s.count, isSeparator(s[j]) { j += 1 }
        guard j < s.count, s[j] == "5" else { continue }
        j += 1
        // "10b5-1" / "10b5 1" / "10b51"
        var k = j
        if k < s.count, isSeparator(s[k]) { k += 1 }
        if k < s.count, s[k] == "1", !isDigit(k + 1) { return true }
        // "10b5 plan" / "10b-5 plan"
        var p = j
        var separated = false
        while p < s.count, isSeparator(s[p]) { p += 1; separated = true }
        if separated, p + 4 <= s.count, String(String.UnicodeScalarView(s[p..<p + 4])).lowercased() == "plan" { return true }
    }
    return false
}
