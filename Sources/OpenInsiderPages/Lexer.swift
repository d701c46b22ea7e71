// A tag-level HTML tokenizer over raw bytes. It follows the HTML tokenizer's rules only as far as
// OpenInsider's markup needs: quote-aware attribute scanning (values hold `<`, `>`, `\'` and raw
// newlines), raw-text elements (`tinytable` also appears inside `<style>`), comments and bogus
// markup. It never builds a tree, so unclosed or stray elements cost nothing here; the page
// parser decides what an element's end means.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// libc's vectorised `memchr`: most of a page is long text runs and long quoted attribute values.
@inline(__always) func scanFor(_ c: UInt8, _ p: UnsafePointer<UInt8>, from j: Int, to n: Int) -> Int {
    if j >= n { return n }
    guard let r = memchr(p + j, Int32(c), n - j) else { return n }
    return p.distance(to: r.assumingMemoryBound(to: UInt8.self))
}

/// Elements the parsers look at; everything else is `.other`.
enum HTMLTag: UInt8 {
    case other, a, b, div, table, tr, td, th, thead, tbody, tfoot, title, form, script, style, textarea
}

enum HTMLToken: UInt8 {
    case eof, text, start, end
}

@inline(__always) func isHTMLSpace(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C
}

@inline(__always) func isASCIIAlpha(_ c: UInt8) -> Bool {
    (c | 0x20) &- 0x61 < 26
}

@inline(__always) func isASCIIDigit(_ c: UInt8) -> Bool {
    c &- 0x30 < 10
}

/// Packs up to 8 lower-cased name bytes, so tag names compare as one integer.
@inline(__always) func packName(_ s: StaticString) -> UInt64 {
    var v: UInt64 = 0
    let p = s.utf8Start
    for k in 0..<s.utf8CodeUnitCount {
        v = (v << 8) | UInt64(p[k] | 0x20)
    }
    return v
}

private let kA = packName("a"), kB = packName("b"), kDiv = packName("div"), kTable = packName("table")
private let kTr = packName("tr"), kTd = packName("td"), kTh = packName("th"), kThead = packName("thead")
private let kTbody = packName("tbody"), kTfoot = packName("tfoot"), kTitle = packName("title")
private let kForm = packName("form"), kScript = packName("script"), kStyle = packName("style")
private let kTextarea = packName("textarea")

struct HTMLLexer {
    let p: UnsafePointer<UInt8>
    let n: Int
    var i: Int = 0

    /// Kind and element of the last token.
    var kind: HTMLToken = .eof
    var tag: HTMLTag = .other
    /// Text tokens: the text's byte range. Tags: the whole tag `<...>`.
    var start: Int = 0
    var end: Int = 0
    /// Tags: the bytes between the name and the closing `>` (the attributes).
    var attrStart: Int = 0
    var attrEnd: Int = 0
    /// After the start tag of a raw-text element, its content is not markup.
    private var rawPending: HTMLTag = .other

    init(_ p: UnsafePointer<UInt8>, _ n: Int) {
        self.p = p
        self.n = n
    }

    @inline(__always) private func classify(_ s: Int, _ e: Int) -> HTMLTag {
        let len = e - s
        if len > 8 || len == 0 { return .other }
        var v: UInt64 = 0
        var k = s
        while k < e {
            v = (v << 8) | UInt64(p[k] | 0x20)
            k += 1
        }
        switch len {
        case 1: return v == kA ? .a : (v == kB ? .b : .other)
        case 2: return v == kTr ? .tr : (v == kTd ? .td : (v == kTh ? .th : .other))
        case 3: return v == kDiv ? .div : .other
        case 4: return v == kForm ? .form : .other
        case 5:
            if v == kTable { return .table }
            if v == kThead { return .thead }
            if v == kTbody { return .tbody }
            if v == kTfoot { return .tfoot }
            if v == kTitle { return .title }
            if v == kStyle { return .style }
            return .other
        case 6: return v == kScript ? .script : .other
        case 8: return v == kTextarea ? .textarea : .other
        default: return .other
        }
    }

    /// Scans attributes from `j`; returns the index of the closing `>`, or nil when the input ends first.
    @inline(__always) private func scanAttributes(_ j: Int) -> Int? {
        var k = j
        while k < n {
            let c = p[k]
            if c == 0x3E { return k }  // >
            if isHTMLSpace(c) || c == 0x2F { k += 1; continue }
            // Attribute name: the first byte may be anything (even `=`), as in the HTML tokenizer.
            k += 1
            while k < n {
                let d = p[k]
                if isHTMLSpace(d) || d == 0x2F || d == 0x3E || d == 0x3D { break }
                k += 1
            }
            var m = k
            while m < n && isHTMLSpace(p[m]) { m += 1 }
            if m < n && p[m] == 0x3D {  // =
                m += 1
                while m < n && isHTMLSpace(p[m]) { m += 1 }
                if m >= n { return nil }
                let q = p[m]
                if q == 0x22 || q == 0x27 {
                    m = scanFor(q, p, from: m + 1, to: n)
                    if m >= n { return nil }
                    k = m + 1
                } else {
                    while m < n && !isHTMLSpace(p[m]) && p[m] != 0x3E { m += 1 }
                    k = m
                }
            } else {
                k = m
            }
        }
        return nil
    }

    @inline(__always) private func indexOf(_ c: UInt8, from j: Int) -> Int {
        scanFor(c, p, from: j, to: n)
    }

    /// Finds `</name` (case-insensitive, followed by a non-name byte) from `j`; returns its index or `n`.
    private func findClose(_ t: HTMLTag, from j: Int) -> Int {
        var k = j
        while true {
            k = indexOf(0x3C, from: k)
            if k >= n { return n }
            if k + 1 < n && p[k + 1] == 0x2F {
                var e = k + 2
                while e < n && isASCIIAlpha(p[e]) { e += 1 }
                if e > k + 2 && classify(k + 2, e) == t && (e >= n || !isASCIIAlpha(p[e])) { return k }
            }
            k += 1
        }
    }

    /// Advances to the next token. Comments, doctypes, processing instructions and the content of
    /// `<script>`/`<style>` are skipped; `<title>`/`<textarea>` content comes back as one text token.
    mutating func next() -> HTMLToken {
        if rawPending != .other {
            let t = rawPending
            rawPending = .other
            let close = findClose(t, from: i)
            if t == .title || t == .textarea, close > i {
                start = i
                end = close
                i = close
                kind = .text
                return .text
            }
            i = close
        }
        while true {
            if i >= n {
                kind = .eof
                return .eof
            }
            if p[i] != 0x3C {
                start = i
                i = indexOf(0x3C, from: i + 1)
                end = i
                kind = .text
                return .text
            }
            if i + 1 >= n {
                start = i
                end = n
                i = n
                kind = .text
                return .text
            }
            let d = p[i + 1]
            if isASCIIAlpha(d) {
                var j = i + 2
                while j < n {
                    let c = p[j]
                    if isHTMLSpace(c) || c == 0x2F || c == 0x3E { break }
                    j += 1
                }
                tag = classify(i + 1, j)
                attrStart = j
                guard let close = scanAttributes(j) else {
                    i = n
                    kind = .eof
                    return .eof
                }
                attrEnd = close
                start = i
                end = close + 1
                i = close + 1
                switch tag {
                case .script, .style, .title, .textarea: rawPending = tag
                default: break
                }
                kind = .start
                return .start
            }
            if d == 0x2F {  // </
                if i + 2 < n && isASCIIAlpha(p[i + 2]) {
                    var j = i + 3
                    while j < n {
                        let c = p[j]
                        if isHTMLSpace(c) || c == 0x2F || c == 0x3E { break }
                        j += 1
                    }
                    tag = classify(i + 2, j)
                    attrStart = j
                    guard let close = scanAttributes(j) else {
                        i = n
                        kind = .eof
                        return .eof
                    }
                    attrEnd = close
                    start = i
                    end = close + 1
                    i = close + 1
                    kind = .end
                    return .end
                }
                // `</>` or `</3`: a bogus comment up to the next `>`.
                i = indexOf(0x3E, from: i + 2) + 1
                continue
            }
            if d == 0x21 {  // <!
                if i + 3 < n && p[i + 2] == 0x2D && p[i + 3] == 0x2D {
                    var k = i + 4
                    while true {
                        k = indexOf(0x3E, from: k)
                        if k >= n { break }
                        if k - 2 >= i + 4 && p[k - 1] == 0x2D && p[k - 2] == 0x2D { break }
                        k += 1
                    }
                    i = k + 1
                    continue
                }
                i = indexOf(0x3E, from: i + 2) + 1
                continue
            }
            if d == 0x3F {  // <?
                i = indexOf(0x3E, from: i + 2) + 1
                continue
            }
            // A literal `<` in text.
            start = i
            i = indexOf(0x3C, from: i + 1)
            end = i
            kind = .text
            return .text
        }
    }

    /// The value range of attribute `name` (lower-case ASCII) within `[s, e)`, quotes excluded.
    func attribute(_ name: StaticString, in s: Int, _ e: Int) -> (Int, Int)? {
        let np = name.utf8Start
        let nl = name.utf8CodeUnitCount
        var k = s
        while k < e {
            let c = p[k]
            if isHTMLSpace(c) || c == 0x2F { k += 1; continue }
            let ns = k
            k += 1
            while k < e {
                let d = p[k]
                if isHTMLSpace(d) || d == 0x2F || d == 0x3E || d == 0x3D { break }
                k += 1
            }
            var match = (k - ns) == nl
            if match {
                var t = 0
                while t < nl {
                    if (p[ns + t] | 0x20) != np[t] { match = false; break }
                    t += 1
                }
            }
            var m = k
            while m < e && isHTMLSpace(p[m]) { m += 1 }
            var vs = m
            var ve = m
            if m < e && p[m] == 0x3D {
                m += 1
                while m < e && isHTMLSpace(p[m]) { m += 1 }
                if m < e && (p[m] == 0x22 || p[m] == 0x27) {
                    let q = p[m]
                    vs = m + 1
                    m = vs
                    while m < e && p[m] != q { m += 1 }
                    ve = m
                    k = m + 1
                } else {
                    vs = m
                    while m < e && !isHTMLSpace(p[m]) && p[m] != 0x3E { m += 1 }
                    ve = m
                    k = m
                }
            } else {
                k = m
            }
            if match { return (vs, ve) }
        }
        return nil
    }
}
