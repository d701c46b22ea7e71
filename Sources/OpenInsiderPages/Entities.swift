// Character-reference decoding. Only reached for text that holds a `&`, which in OpenInsider
// pages is rare (company names, headers), so clarity beats speed here.

@inline(__always) func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    var v = scalar
    if v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || v == 0 { v = 0xFFFD }
    if v < 0x80 {
        out.append(UInt8(v))
    } else if v < 0x800 {
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}

/// Named references worth knowing on an English-language finance site. Unknown names stay literal,
/// which is also what keeps a raw `&` in `H&f Corporate Investors` intact.
private func namedEntity(_ name: String) -> UInt32? {
    switch name {
    case "amp": return 0x26
    case "lt": return 0x3C
    case "gt": return 0x3E
    case "quot": return 0x22
    case "apos": return 0x27
    case "nbsp": return 0xA0
    case "Delta": return 0x394
    case "delta": return 0x3B4
    case "copy": return 0xA9
    case "reg": return 0xAE
    case "trade": return 0x2122
    case "ndash": return 0x2013
    case "mdash": return 0x2014
    case "hellip": return 0x2026
    case "lsquo": return 0x2018
    case "rsquo": return 0x2019
    case "sbquo": return 0x201A
    case "ldquo": return 0x201C
    case "rdquo": return 0x201D
    case "bdquo": return 0x201E
    case "laquo": return 0xAB
    case "raquo": return 0xBB
    case "middot": return 0xB7
    case "bull": return 0x2022
    case "deg": return 0xB0
    case "plusmn": return 0xB1
    case "times": return 0xD7
    case "divide": return 0xF7
    case "frac12": return 0xBD
    case "frac14": return 0xBC
    case "frac34": return 0xBE
    case "sect": return 0xA7
    case "para": return 0xB6
    case "cent": return 0xA2
    case "pound": return 0xA3
    case "yen": return 0xA5
    case "euro": return 0x20AC
    case "shy": return 0xAD
    case "ensp": return 0x2002
    case "emsp": return 0x2003
    case "thinsp": return 0x2009
    case "iexcl": return 0xA1
    case "iquest": return 0xBF
    case "szlig": return 0xDF
    case "Agrave": return 0xC0
    case "Aacute": return 0xC1
    case "Acirc": return 0xC2
    case "Atilde": return 0xC3
    case "Auml": return 0xC4
    case "Aring": return 0xC5
    case "AElig": return 0xC6
    case "Ccedil": return 0xC7
    case "Egrave": return 0xC8
    case "Eacute": return 0xC9
    case "Ecirc": return 0xCA
    case "Euml": return 0xCB
    case "Igrave": return 0xCC
    case "Iacute": return 0xCD
    case "Icirc": return 0xCE
    case "Iuml": return 0xCF
    case "Ntilde": return 0xD1
    case "Ograve": return 0xD2
    case "Oacute": return 0xD3
    case "Ocirc": return 0xD4
    case "Otilde": return 0xD5
    case "Ouml": return 0xD6
    case "Oslash": return 0xD8
    case "Ugrave": return 0xD9
    case "Uacute": return 0xDA
    case "Ucirc": return 0xDB
    case "Uuml": return 0xDC
    case "Yacute": return 0xDD
    case "agrave": return 0xE0
    case "aacute": return 0xE1
    case "acirc": return 0xE2
    case "atilde": return 0xE3
    case "auml": return 0xE4
    case "aring": return 0xE5
    case "aelig": return 0xE6
    case "ccedil": return 0xE7
    case "egrave": return 0xE8
    case "eacute": return 0xE9
    case "ecirc": return 0xEA
    case "euml": return 0xEB
    case "igrave": return 0xEC
    case "iacute": return 0xED
    case "icirc": return 0xEE
    case "iuml": return 0xEF
    case "ntilde": return 0xF1
    case "ograve": return 0xF2
    case "oacute": return 0xF3
    case "ocirc": return 0xF4
    case "otilde": return 0xF5
    case "ouml": return 0xF6
    case "oslash": return 0xF8
    case "ugrave": return 0xF9
    case "uacute": return 0xFA
    case "ucirc": return 0xFB
    case "uuml": return 0xFC
    case "yacute": return 0xFD
    case "yuml": return 0xFF
    default: return nil
    }
}

/// Legacy names that browsers also accept without the `;` (only when no alphanumeric follows).
private func isLegacyName(_ name: String) -> Bool {
    name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp" || name == "copy"
}

/// Appends `[s, e)` to `out` with character references decoded. Unknown or malformed references stay as written.
func appendDecoded(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, to out: inout [UInt8]) {
    var k = s
    while k < e {
        let c = p[k]
        if c != 0x26 {
            out.append(c)
            k += 1
            continue
        }
        // `&` at k.
        var j = k + 1
        if j < e && p[j] == 0x23 {  // &#
            j += 1
            var hex = false
            if j < e && (p[j] | 0x20) == 0x78 { hex = true; j += 1 }
            let ds = j
            var v: UInt32 = 0
            var overflow = false
            while j < e {
                let d = p[j]
                var digit: UInt32
                if isASCIIDigit(d) {
                    digit = UInt32(d - 0x30)
                } else if hex && (d | 0x20) >= 0x61 && (d | 0x20) <= 0x66 {
                    digit = UInt32((d | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                if v > 0x10FFFF { overflow = true } else { v = v * (hex ? 16 : 10) + digit }
                j += 1
            }
            if j == ds {  // `&#` with no digits stays literal
                out.append(c)
                k += 1
                continue
            }
            if j < e && p[j] == 0x3B { j += 1 }
            appendUTF8(overflow ? 0xFFFD : v, to: &out)
            k = j
            continue
        }
        let ns = j
        while j < e && j - ns < 32 && (isASCIIAlpha(p[j]) || isASCIIDigit(p[j])) { j += 1 }
        if j > ns {
            let name = String(decoding: UnsafeBufferPointer(start: p + ns, count: j - ns), as: UTF8.self)
            if j < e && p[j] == 0x3B, let v = namedEntity(name) {
                appendUTF8(v, to: &out)
                k = j + 1
                continue
            }
            if (j >= e || p[j] != 0x3B) && isLegacyName(name), let v = namedEntity(name) {
                appendUTF8(v, to: &out)
                k = j
                continue
            }
        }
        out.append(c)
        k += 1
    }
}

/// Decodes `[s, e)` into a String (repairing invalid UTF-8).
func decodedString(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String {
    var k = s
    while k < e && p[k] != 0x26 { k += 1 }
    if k == e { return String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(e - s)
    appendDecoded(p, s, e, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Trims ASCII white space and UTF-8 NBSP (C2 A0) from both ends of `[s, e)` in place.
@inline(__always) func trimRange(_ p: UnsafePointer<UInt8>, _ s: inout Int, _ e: inout Int) {
    while s < e {
        if isHTMLSpace(p[s]) { s += 1; continue }
        if p[s] == 0xC2 && s + 1 < e && p[s + 1] == 0xA0 { s += 2; continue }
        break
    }
    while e > s {
        if isHTMLSpace(p[e - 1]) { e -= 1; continue }
        if p[e - 1] == 0xA0 && e - 2 >= s && p[e - 2] == 0xC2 { e -= 2; continue }
        break
    }
}

/// Header normalisation: NBSP becomes a space, white space is trimmed and runs collapse to one space.
func normalizeHeader(_ s: String) -> String {
    var words: [Substring] = []
    for w in s.split(whereSeparator: { $0 == "\u{A0}" || $0.isWhitespace }) { words.append(w) }
    return words.joined(separator: " ")
}
