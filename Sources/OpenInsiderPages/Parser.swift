/// Parses OpenInsider result pages (listing, grouped and single views) from raw bytes.
public enum OpenInsiderPageParser {
    /// Parses the bytes of one OpenInsider page.
    ///
    /// A page with `<title>` and the screener form but no `table.tinytable` is a normal empty
    /// result (`layout == nil`, no rows). Total on any input: it throws, never traps.
    public static func parse(_ bytes: [UInt8]) throws(OpenInsiderPageError) -> OpenInsiderPage {
        let result: Result<OpenInsiderPage, OpenInsiderPageError> = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, buf.count > 0 else {
                return .failure(.notAnOpenInsiderPage("empty body"))
            }
            var scanner = PageScanner(base, buf.count)
            return Result { () throws(OpenInsiderPageError) -> OpenInsiderPage in try scanner.run() }
        }
        return try result.get()
    }
}

/// One `<td>`/`<th>`: where its text segments sit in `segs`, and its first `<a>`'s attributes.
struct Cell {
    var segFirst: Int
    var segCount: Int
    var aStart: Int
    var aEnd: Int
    var isHeader: Bool
}

/// Where the scan is in `#subjectDetails`, and what it has read there.
struct SubjectScan {
    var subject: SubjectDetails?
    var inside = false
    var depth = 0
    /// A `CIK:` label (or an `owner=include` link) makes the block an insider's: its CIK is the owner's.
    var sawCIKLabel = false
    /// 0: none; 1: an industry link; 2: a CIK link.
    var linkKind = 0
    var linkCIK: String?
    var linkText: [UInt8] = []
}

struct PageScanner {
    var lx: HTMLLexer
    let p: UnsafePointer<UInt8>
    let n: Int

    var cells: [Cell] = []
    var segStart: [Int] = []
    var segEnd: [Int] = []
    var scratch: [UInt8] = []

    var headerNames: [String]?
    var colIndex: [Int] = []
    var layout: PageLayout?
    var rows: [OpenInsiderRow] = []
    var rowNo = 0
    var subjectScan = SubjectScan()

    // Resolved text of the last `resolve` call: a page range, or `scratch[tS..<tE]` when `inScratch`.
    var tS = 0
    var tE = 0
    var inScratch = false

    init(_ p: UnsafePointer<UInt8>, _ n: Int) {
        self.p = p
        self.n = n
        self.lx = HTMLLexer(p, n)
        cells.reserveCapacity(24)
        segStart.reserveCapacity(64)
        segEnd.reserveCapacity(64)
        scratch.reserveCapacity(256)
    }

    // MARK: page

    mutating func run() throws(OpenInsiderPageError) -> OpenInsiderPage {
        var title: String?
        var hasForm = false
        var tableSeen = false
        var tableError: OpenInsiderPageError?

        scan: while true {
            switch lx.next() {
            case .eof:
                break scan
            case .text:
                if subjectScan.inside { subjectText() }
            case .start:
                switch lx.tag {
                case .title:
                    if title == nil {
                        if lx.next() == .text {
                            var s = lx.start, e = lx.end
                            trimRange(p, &s, &e)
                            title = decodedString(p, s, e)
                        } else {
                            title = ""
                        }
                    }
                case .form:
                    subjectScan.inside = false
                    if let (s, e) = lx.attribute("action", in: lx.attrStart, lx.attrEnd) {
                        var s = s, e = e
                        trimRange(p, &s, &e)
                        if hasPrefix("/screener", s, e) { hasForm = true }
                    }
                case .div:
                    subjectDivStart()
                case .a:
                    if subjectScan.inside { subjectLinkStart() }
                case .table:
                    subjectScan.inside = false
                    if !tableSeen, let (s, e) = lx.attribute("class", in: lx.attrStart, lx.attrEnd),
                       find("tinytable", s, e) != nil {
                        tableSeen = true
                        do {
                            try parseTable()
                        } catch {
                            tableError = error
                        }
                        if hasForm && title != nil { break scan }
                    }
                default:
                    break
                }
            case .end:
                if lx.tag == .a && subjectScan.linkKind != 0 {
                    subjectLinkEnd()
                } else if lx.tag == .div && subjectScan.inside {
                    subjectScan.depth -= 1
                    if subjectScan.depth <= 0 { subjectScan.inside = false }
                }
            }
        }

        guard let pageTitle = title else {
            throw .notAnOpenInsiderPage("no <title>")
        }
        guard hasForm else {
            throw .notAnOpenInsiderPage("no screener form (<form action=\"/screener\">)")
        }
        if let tableError { throw tableError }
        // Every page has the div; on list pages it is empty or holds blank links.
        var subject = subjectScan.subject
        if subject == SubjectDetails() { subject = nil }
        return OpenInsiderPage(
            layout: layout, rows: rows, pageTitle: pageTitle,
            subjectCompanyName: subjectCompanyName(fromTitle: pageTitle), subject: subject)
    }

    // MARK: subject details

    /// Text inside `#subjectDetails`: a link's words, or the `CIK:` label that makes the block an insider's.
    mutating func subjectText() {
        if subjectScan.linkKind != 0 {
            appendDecoded(p, lx.start, lx.end, to: &subjectScan.linkText)
        } else if find("CIK:", lx.start, lx.end) != nil {
            subjectScan.sawCIKLabel = true
        }
    }

    /// A `<div>`: the first `#subjectDetails` opens the block; inside it, divs nest.
    mutating func subjectDivStart() {
        let id = lx.attribute("id", in: lx.attrStart, lx.attrEnd)
        if subjectScan.inside {
            // The insider page never closes its inner div: the screener div ends the block.
            if let (s, e) = id, equals("screener", s, e) { subjectScan.inside = false } else { subjectScan.depth += 1 }
        } else if subjectScan.subject == nil, let (s, e) = id, equals("subjectDetails", s, e) {
            subjectScan.inside = true
            subjectScan.depth = 1
            subjectScan.subject = SubjectDetails()
        }
    }

    /// An `<a>` inside `#subjectDetails`: an industry link (its SIC in the href) or a CIK link.
    mutating func subjectLinkStart() {
        guard let (s, e) = lx.attribute("href", in: lx.attrStart, lx.attrEnd) else { return }
        subjectScan.linkText.removeAll(keepingCapacity: true)
        subjectScan.linkCIK = nil
        if let k = find("/industry/", s, e) {
            subjectScan.linkKind = 1
            let sic = lastSegmentDigits(k + 10, e)
            subjectScan.subject?.sic = sic
        } else if let k = find("CIK=", s, e) {
            subjectScan.linkKind = 2
            var j = k + 4
            while j < e && isASCIIDigit(p[j]) { j += 1 }
            subjectScan.linkCIK = paddedCIK(p, k + 4, j)
            if find("owner=include", s, e) != nil { subjectScan.sawCIKLabel = true }
        } else {
            subjectScan.linkKind = 0
        }
    }

    /// The end of a subject link: its text is the industry, or a CIK (the issuer's, or after a
    /// `CIK:` label the insider's).
    mutating func subjectLinkEnd() {
        let kind = subjectScan.linkKind
        subjectScan.linkKind = 0
        let (text, textCIK): (String, String?) = subjectScan.linkText.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return ("", nil) }
            var s = 0, e = b.count
            trimRange(base, &s, &e)
            return (String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self), paddedCIK(base, s, e))
        }
        if kind == 1 {
            // Generic screener pages print `<a href="/industry//9999"></a>`: a SIC bound, not an industry.
            if text.isEmpty {
                subjectScan.subject?.sic = nil
            } else {
                subjectScan.subject?.industry = text
            }
        } else if subjectScan.sawCIKLabel {
            subjectScan.subject?.ownerCIK = textCIK ?? subjectScan.linkCIK
        } else {
            subjectScan.subject?.issuerCIK = subjectScan.linkCIK ?? textCIK
        }
    }

    // MARK: table

    /// Consumes tokens up to the table's own `</table>` (nested tables are cell content), filling `rows`.
    mutating func parseTable() throws(OpenInsiderPageError) {
        var depth = 0
        var inCell = false
        loop: while true {
            switch lx.next() {
            case .eof:
                try finishRow()
                break loop
            case .text:
                if inCell {
                    segStart.append(lx.start)
                    segEnd.append(lx.end)
                    cells[cells.count - 1].segCount += 1
                }
            case .start:
                switch lx.tag {
                case .table:
                    depth += 1
                case .tr:
                    if depth == 0 { try finishRow(); inCell = false }
                case .td, .th:
                    if depth == 0 {
                        inCell = true
                        cells.append(Cell(segFirst: segStart.count, segCount: 0, aStart: -1, aEnd: -1,
                                          isHeader: lx.tag == .th))
                    }
                case .a:
                    if inCell && cells[cells.count - 1].aStart < 0 {
                        cells[cells.count - 1].aStart = lx.attrStart
                        cells[cells.count - 1].aEnd = lx.attrEnd
                    }
                case .thead, .tbody, .tfoot:
                    if depth == 0 { try finishRow(); inCell = false }
                default:
                    break
                }
            case .end:
                switch lx.tag {
                case .table:
                    if depth == 0 {
                        try finishRow()
                        break loop
                    }
                    depth -= 1
                case .tr, .thead, .tbody, .tfoot:
                    if depth == 0 { try finishRow(); inCell = false }
                case .td, .th:
                    if depth == 0 { inCell = false }
                default:
                    break
                }
            }
        }
        if headerNames == nil {
            throw .layoutDrift(missing: Column.required.map(\.headerName), unknown: [])
        }
    }

    mutating func finishRow() throws(OpenInsiderPageError) {
        if cells.isEmpty { return }
        defer {
            cells.removeAll(keepingCapacity: true)
            segStart.removeAll(keepingCapacity: true)
            segEnd.removeAll(keepingCapacity: true)
        }
        var allHeader = true
        for c in cells where !c.isHeader { allHeader = false; break }
        if allHeader {
            if headerNames == nil {
                var names: [String] = []
                for k in 0..<cells.count { names.append(normalizeHeader(cellString(k))) }
                switch resolveLayout(names) {
                case .success(let (lay, index)):
                    layout = lay
                    colIndex = index
                    headerNames = names
                case .failure(let e):
                    throw e
                }
            }
            return
        }
        guard let headers = headerNames else {
            throw .layoutDrift(missing: Column.required.map(\.headerName), unknown: [])
        }
        rowNo += 1
        if cells.count != headers.count {
            throw .malformedRow(row: rowNo, reason: "\(cells.count) cells but the header has \(headers.count) columns")
        }
        rows.append(try parseRow())
    }

    // MARK: cell text

    /// Resolves cell `k`'s text (all text segments, entities decoded, trimmed) into `tS..<tE`.
    /// Almost every cell has one plain segment, which is used in place without copying.
    mutating func resolve(_ k: Int) {
        let c = cells[k]
        var only = -1
        var nonBlank = 0
        var amp = false
        var s1 = 0, e1 = 0
        var q = c.segFirst
        let qe = c.segFirst + c.segCount
        while q < qe {
            var s = segStart[q], e = segEnd[q]
            trimRange(p, &s, &e)
            if s < e {
                nonBlank += 1
                only = q
                s1 = s
                e1 = e
                var j = s
                while j < e { if p[j] == 0x26 { amp = true; break }; j += 1 }
            }
            q += 1
        }
        if nonBlank == 0 {
            inScratch = false
            tS = 0
            tE = 0
            return
        }
        if nonBlank == 1 && !amp && only >= 0 {
            inScratch = false
            tS = s1
            tE = e1
            return
        }
        scratch.removeAll(keepingCapacity: true)
        q = c.segFirst
        while q < qe {
            appendDecoded(p, segStart[q], segEnd[q], to: &scratch)
            q += 1
        }
        var s = 0, e = scratch.count
        scratch.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { trimRange(base, &s, &e) }
        }
        inScratch = true
        tS = s
        tE = e
    }

    /// Runs `body` over the last resolved text.
    @inline(__always) func withResolved<R>(_ body: (UnsafePointer<UInt8>, Int, Int) -> R) -> R {
        if !inScratch { return body(p, tS, tE) }
        return scratch.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else {
                // Unreachable in practice (resolve only uses scratch for non-blank text); an empty view is the safe answer.
                var zero: UInt8 = 0
                return withUnsafePointer(to: &zero) { body($0, 0, 0) }
            }
            return body(base, tS, tE)
        }
    }

    mutating func cellString(_ k: Int) -> String {
        resolve(k)
        return withResolved { b, s, e in String(decoding: UnsafeBufferPointer(start: b + s, count: e - s), as: UTF8.self) }
    }

    // MARK: row

    @inline(__always) func col(_ c: Column) -> Int { colIndex[c.rawValue] }

    func header(_ c: Column) -> String {
        let k = col(c)
        if let h = headerNames, k >= 0 && k < h.count { return h[k] }
        return c.headerName
    }

    mutating func badCell(_ c: Column) -> OpenInsiderPageError {
        let k = col(c)
        return .badCell(row: rowNo, column: header(c), text: k >= 0 ? cellString(k) : "")
    }

    mutating func optionalString(_ c: Column) -> String? {
        let k = col(c)
        return k >= 0 ? cellString(k) : nil
    }

    mutating func parseRow() throws(OpenInsiderPageError) -> OpenInsiderRow {
        var r = OpenInsiderRow()

        if col(.x) >= 0 { r.xFlags = cellString(col(.x)) }

        try readFilingCell(into: &r)

        let tk = col(.tradeDate)
        resolve(tk)
        guard withResolved({ b, s, e in isDate(b, s, e) }) else { throw badCell(.tradeDate) }
        r.tradeDate = cellString(tk)

        r.ticker = cellString(col(.ticker))
        if r.ticker.isEmpty { throw badCell(.ticker) }

        r.companyName = optionalString(.companyName)

        readInsiderCell(into: &r)

        r.title = optionalString(.title)

        readIndustryCell(into: &r)

        let insk = col(.ins)
        if insk >= 0 {
            resolve(insk)
            if tE > tS {
                guard let v = withResolved({ b, s, e in parseSignedInt(b, s, e, dollar: false) }), v >= 0,
                      v <= Int64(Int32.max) else { throw badCell(.ins) }
                r.insiderCount = Int(v)
            }
        }

        resolve(col(.tradeType))
        if tE == tS { throw badCell(.tradeType) }
        r.tradeCode = withResolved { b, s, e in tradeCodeBytes(b, s, e) }
        r.tradeType = withResolved { b, s, e in String(decoding: UnsafeBufferPointer(start: b + s, count: e - s), as: UTF8.self) }

        try readAmounts(into: &r)
        return r
    }

    /// Filing Date: the text, and the SEC link, which carries the issuer CIK and the accession.
    mutating func readFilingCell(into r: inout OpenInsiderRow) throws(OpenInsiderPageError) {
            let fk = col(.filingDate)
            resolve(fk)
            guard withResolved({ b, s, e in isDateTime(b, s, e) }) else { throw badCell(.filingDate) }
            r.filingDateTime = cellString(fk)
            if cells[fk].aStart >= 0,
               let (hs, he) = lx.attribute("href", in: cells[fk].aStart, cells[fk].aEnd),
               let d = find("/edgar/data/", hs, he) {
                r.filingURL = decodedString(p, hs, he)
                var j = d + 12
                let cs = j
                while j < he && isASCIIDigit(p[j]) { j += 1 }
                r.issuerCIK = paddedCIK(p, cs, j)
                if j < he && p[j] == 0x2F {
                    let as0 = j + 1
                    var ae = as0
                    while ae < he && isASCIIDigit(p[ae]) { ae += 1 }
                    if ae - as0 == 18 && (ae == he || p[ae] == 0x2F) { r.accession = accessionString(p, as0) }
                }
            }
    }

    /// Insider Name: the text, the owner CIK from `/insider/<slug>/<CIK>`, the holdings hint from the link's title.
    mutating func readInsiderCell(into r: inout OpenInsiderRow) {
            let ik = col(.insiderName)
            if ik >= 0 {
                r.insiderName = cellString(ik)
                let c = cells[ik]
                if c.aStart >= 0 {
                    if let (hs, he) = lx.attribute("href", in: c.aStart, c.aEnd), let m = find("/insider/", hs, he) {
                        r.insiderCIK = lastSegmentCIK(m + 9, he)
                    }
                    if let (ts, te) = lx.attribute("title", in: c.aStart, c.aEnd) {
                        r.ownershipHint = ownershipHint(ts, te)
                    }
                }
            }
    }

    /// Industry (grouped view): the text, and the SIC from `/industry/<slug>/<SIC>`.
    mutating func readIndustryCell(into r: inout OpenInsiderRow) {
            let indk = col(.industry)
            if indk >= 0 {
                r.industry = cellString(indk)
                let c = cells[indk]
                if c.aStart >= 0, let (hs, he) = lx.attribute("href", in: c.aStart, c.aEnd),
                   let m = find("/industry/", hs, he) {
                    r.sic = lastSegmentDigits(m + 10, he)
                }
            }
    }

    /// Price, Qty, Owned, ΔOwn and Value; Owned and Value flag OpenInsider's clipping at 2,147,483,647.
    mutating func readAmounts(into r: inout OpenInsiderRow) throws(OpenInsiderPageError) {
            resolve(col(.price))
            guard let price = withResolved({ b, s, e in parsePrice(b, s, e) }) else { throw badCell(.price) }
            r.price = price

            resolve(col(.qty))
            guard let qty = withResolved({ b, s, e in parseSignedInt(b, s, e, dollar: false) }) else { throw badCell(.qty) }
            r.qty = qty

            let ok = col(.owned)
            if ok >= 0 {
                resolve(ok)
                guard let owned = withResolved({ b, s, e in parseSignedInt(b, s, e, dollar: false) }) else {
                    throw badCell(.owned)
                }
                r.owned = owned
                r.ownedSaturated = owned == Int64(Int32.max) || owned == -Int64(Int32.max)
            }

            let dk = col(.deltaOwn)
            if dk >= 0 {
                resolve(dk)
                r.deltaOwnPct = withResolved { b, s, e in parsePercent(b, s, e) }
                r.deltaOwnText = cellString(dk)
            }

            resolve(col(.value))
            guard let value = withResolved({ b, s, e in parseSignedInt(b, s, e, dollar: true) }) else {
                throw badCell(.value)
            }
            r.value = value
            r.valueSaturated = value == Int64(Int32.max) || value == -Int64(Int32.max)
    }

    // MARK: byte helpers over the page

    func find(_ needle: StaticString, _ s: Int, _ e: Int) -> Int? {
        let np = needle.utf8Start
        let nl = needle.utf8CodeUnitCount
        if nl == 0 || e - s < nl { return nil }
        let first = np[0]
        var k = s
        let last = e - nl
        while k <= last {
            if p[k] == first {
                var t = 1
                while t < nl && p[k + t] == np[t] { t += 1 }
                if t == nl { return k }
            }
            k += 1
        }
        return nil
    }

    func hasPrefix(_ needle: StaticString, _ s: Int, _ e: Int) -> Bool {
        let nl = needle.utf8CodeUnitCount
        if e - s < nl { return false }
        let np = needle.utf8Start
        for t in 0..<nl where p[s + t] != np[t] { return false }
        return true
    }

    func equals(_ needle: StaticString, _ s: Int, _ e: Int) -> Bool {
        e - s == needle.utf8CodeUnitCount && hasPrefix(needle, s, e)
    }

    /// `<slug>/<digits>` starting at `s`: the digits after the slug's `/`, as printed.
    func lastSegmentDigits(_ s: Int, _ e: Int) -> String? {
        var k = s
        while k < e && p[k] != 0x2F { k += 1 }
        if k >= e { return nil }
        let ds = k + 1
        var j = ds
        while j < e && isASCIIDigit(p[j]) { j += 1 }
        if j == ds { return nil }
        return String(decoding: UnsafeBufferPointer(start: p + ds, count: j - ds), as: UTF8.self)
    }

    func lastSegmentCIK(_ s: Int, _ e: Int) -> String? {
        var k = s
        while k < e && p[k] != 0x2F { k += 1 }
        if k >= e { return nil }
        let ds = k + 1
        var j = ds
        while j < e && isASCIIDigit(p[j]) { j += 1 }
        return paddedCIK(p, ds, j)
    }

    /// `"1,016,765 indirect shares"` on the first line of the insider link's title.
    func ownershipHint(_ s: Int, _ e: Int) -> String? {
        var k = s
        while k < e && isHTMLSpace(p[k]) { k += 1 }
        let ds = k
        while k < e && (isASCIIDigit(p[k]) || p[k] == 0x2C) { k += 1 }
        if k == ds || k >= e || p[k] != 0x20 { return nil }
        k += 1
        if hasPrefix("direct shares", k, e) { return "direct" }
        if hasPrefix("indirect shares", k, e) { return "indirect" }
        return nil
    }
}

// MARK: field parsers (pure, over any byte range)

/// Zero-pads 1...10 digits to a 10-digit CIK.
func paddedCIK(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String? {
    let len = e - s
    if len < 1 || len > 10 { return nil }
    for k in s..<e where !isASCIIDigit(b[k]) { return nil }
    return String(unsafeUninitializedCapacity: 10) { out in
        let pad = 10 - len
        for k in 0..<pad { out[k] = 0x30 }
        for k in 0..<len { out[pad + k] = b[s + k] }
        return 10
    }
}

/// 18 digits at `s` -> `NNNNNNNNNN-YY-NNNNNN`.
func accessionString(_ b: UnsafePointer<UInt8>, _ s: Int) -> String {
    String(unsafeUninitializedCapacity: 20) { out in
        var o = 0
        for k in 0..<18 {
            if k == 10 || k == 12 { out[o] = 0x2D; o += 1 }
            out[o] = b[s + k]
            o += 1
        }
        return o
    }
}

@inline(__always) private func digitsAt(_ b: UnsafePointer<UInt8>, _ s: Int, _ count: Int) -> Bool {
    for k in s..<(s + count) where !isASCIIDigit(b[k]) { return false }
    return true
}

/// `YYYY-MM-DD`.
func isDate(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
    e - s == 10 && digitsAt(b, s, 4) && b[s + 4] == 0x2D && digitsAt(b, s + 5, 2) && b[s + 7] == 0x2D
        && digitsAt(b, s + 8, 2)
}

/// `YYYY-MM-DD HH:MM:SS`.
func isDateTime(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
    e - s == 19 && isDate(b, s, s + 10) && b[s + 10] == 0x20 && digitsAt(b, s + 11, 2) && b[s + 13] == 0x3A
        && digitsAt(b, s + 14, 2) && b[s + 16] == 0x3A && digitsAt(b, s + 17, 2)
}

/// `[+-]?[$]?d{1,3}(,ddd)*` or plain digits; `dollar` requires the `$`. Nil on anything else or overflow.
func parseSignedInt(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int, dollar: Bool) -> Int64? {
    var k = s
    var neg = false
    if k < e && (b[k] == 0x2B || b[k] == 0x2D) { neg = b[k] == 0x2D; k += 1 }
    if k < e && b[k] == 0x24 { k += 1 } else if dollar { return nil }
    var v: Int64 = 0
    var digits = 0
    while k < e {
        let c = b[k]
        if isASCIIDigit(c) {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c &- 0x30))
            if o1 || o2 { return nil }
            v = a
            digits += 1
        } else if c != 0x2C || digits == 0 {
            return nil
        }
        k += 1
    }
    if digits == 0 || b[e - 1] == 0x2C { return nil }
    return neg ? -v : v
}

private let powersOfTen: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18]

/// `$1,026.75` -> 1026.75. Integer mantissa / power of ten is correctly rounded, so it equals `Double("1026.75")`.
func parsePrice(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Double? {
    var k = s
    var neg = false
    if k < e && (b[k] == 0x2B || b[k] == 0x2D) { neg = b[k] == 0x2D; k += 1 }
    if k < e && b[k] == 0x24 { k += 1 }
    var m: Int64 = 0
    var digits = 0
    var frac = 0
    var seenDot = false
    while k < e {
        let c = b[k]
        if isASCIIDigit(c) {
            let (x, o1) = m.multipliedReportingOverflow(by: 10)
            let (a, o2) = x.addingReportingOverflow(Int64(c &- 0x30))
            if o1 || o2 { return nil }
            m = a
            digits += 1
            if seenDot { frac += 1 }
        } else if c == 0x2E && !seenDot {
            seenDot = true
        } else if c != 0x2C || seenDot || digits == 0 {
            return nil
        }
        k += 1
    }
    if digits == 0 || frac > 18 || (seenDot && frac == 0) { return nil }
    let v = Double(m) / powersOfTen[frac]
    return neg ? -v : v
}

/// `+4%`, `-100%`, `0%` -> Int; `New`, `>999%`, a bare `%` -> nil.
func parsePercent(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
    if e - s < 2 || b[e - 1] != 0x25 { return nil }
    var k = s
    var neg = false
    if b[k] == 0x2B || b[k] == 0x2D { neg = b[k] == 0x2D; k += 1 }
    let ds = k
    var v = 0
    while k < e - 1 {
        if !isASCIIDigit(b[k]) { return nil }
        v = v * 10 + Int(b[k] &- 0x30)
        k += 1
        if k - ds > 9 { return nil }
    }
    if k == ds { return nil }
    return neg ? -v : v
}

/// The trade code: the text before the first `" - "` (`"S - Sale+OE"` -> `"S"`), or the whole text without one.
func tradeCodeBytes(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String {
    var k = s
    while k + 2 < e {
        if b[k] == 0x20 && b[k + 1] == 0x2D && b[k + 2] == 0x20 {
            var cs = s, ce = k
            trimRange(b, &cs, &ce)
            return String(decoding: UnsafeBufferPointer(start: b + cs, count: ce - cs), as: UTF8.self)
        }
        k += 1
    }
    return String(decoding: UnsafeBufferPointer(start: b + s, count: e - s), as: UTF8.self)
}

/// `"NVDA - Nvidia Corp - SEC Form 4 Insider Trading Screener - OpenInsider"` -> `"Nvidia Corp"`.
/// Only a ticker-shaped first part (no spaces) counts, so insider and screener titles give nil.
func subjectCompanyName(fromTitle title: String) -> String? {
    guard let suffix = title.firstRange(of: " - SEC Form 4") else { return nil }
    // `VTI -  - SEC Form 4 ...` leaves the prefix `VTI - `, whose company part is empty.
    let prefix = title[..<suffix.lowerBound]
    guard let sep = prefix.firstRange(of: " - ") else { return nil }
    let ticker = prefix[..<sep.lowerBound]
    if ticker.isEmpty || ticker.contains(" ") { return nil }
    let name = String(prefix[sep.upperBound...]).trimmingSpaces()
    return name.isEmpty ? nil : name
}

extension String {
    func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f.isWhitespace || f == "\u{A0}" { s.removeFirst() }
        while let l = s.last, l.isWhitespace || l == "\u{A0}" { s.removeLast() }
        return String(s)
    }
}
