import Foundation

/// A small market of issuers and Form 4 filings, rendered as OpenInsider would show it (the real
/// page template: table, headers, cell and link markup) and as EDGAR serves it (raw Form 4 XML,
/// company_tickers.json, submissions JSON), so tests run the real HTTP stack and parsers.
struct FakeWorld {
    struct Issuer { var ticker: String; var name: String; var cik: Int; var industry: String; var sic: Int }
    struct Owner {
        var cik: Int; var name: String; var title: String; var director = false; var officer = false; var tenPercent = false
        /// The filing's `officerTitle` when it differs from OpenInsider's `Title` ("Dir, CEO" on OpenInsider is `CEO` in the filing).
        var officerTitle: String? = nil
    }
    struct Row { var code: String; var date: String; var shares: Double; var price: Double?; var derivative = false; var footnote: String? = nil }
    struct Filing {
        var issuer: String              // ticker
        var accession: String           // 0001234567-26-000001
        var owners: [Owner]
        var rows: [Row]
        var filed: String               // 2026-04-20 18:00:00
        var amendmentOf: String? = nil  // original filing date for a 4/A
        var aff10b5One: Bool? = nil
        /// What OpenInsider shows differently (a data-entry discrepancy), by owner: shares override.
        var openInsiderQty: Int64? = nil
        var openInsiderValue: Int64? = nil
        var fileName = "form4.xml"
        /// False for a filing OpenInsider links but EDGAR does not serve (404).
        var onEdgar = true
    }

    var issuers: [Issuer]
    var filings: [Filing]
    /// Tickers the canned /latest-cluster-buys page lists (a pre-filtered sample).
    var cannedClusterTickers: [String] = []

    func issuer(_ ticker: String) -> Issuer { issuers.first { $0.ticker == ticker }! }

    static func pad(_ cik: Int) -> String { let s = String(cik); return String(repeating: "0", count: 10 - s.count) + s }

    // MARK: OpenInsider rows

    struct OIRow {
        var filing: Filing; var owner: Owner; var code: String; var date: String; var qty: Int64; var price: Double; var value: Int64; var multiple: Bool
    }

    /// One row per filing x owner x trade type, as OpenInsider lists filings (DOMAIN.md 1.4).
    func openInsiderRows() -> [OIRow] {
        var out: [OIRow] = []
        for f in filings {
            for code in ["P", "S", "M", "X", "D"] {
                let rows = f.rows.filter { $0.code == code && !$0.derivative }
                guard !rows.isEmpty else { continue }
                let shares = rows.reduce(0.0) { $0 + $1.shares }
                let value = rows.reduce(0.0) { $0 + $1.shares * ($1.price ?? 0) }
                for owner in f.owners {
                    let sign: Int64 = code == "P" ? 1 : -1
                    let qty = f.openInsiderQty ?? Int64(shares.rounded())
                    let v = f.openInsiderValue ?? Int64(value.rounded())
                    out.append(OIRow(filing: f, owner: owner, code: code, date: rows.map(\.date).min()!, qty: sign * qty,
                                     price: shares > 0 ? value / shares : 0, value: sign * min(v, 2_147_483_647), multiple: rows.count > 1))
                }
            }
        }
        return out.sorted { $0.filing.filed > $1.filing.filed }
    }

    static func money(_ x: Double) -> String {
        let cents = Int64((x * 100).rounded())
        return "$" + grouped(cents / 100) + "." + String(format: "%02d", cents % 100)
    }

    static func grouped(_ n: Int64) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    static let tradeTypes = ["P": "P - Purchase", "S": "S - Sale", "M": "M - Option Ex", "X": "X - Option Ex", "D": "D - Sale to Iss"]

    enum Layout { case listing, grouped, single }

    static let headers: [Layout: [String]] = [
        .listing: ["X", "Filing&nbsp;Date", "Trade&nbsp;Date", "Ticker", "Company&nbsp;Name", "Insider&nbsp;Name", "Title", "Trade&nbsp;Type&nbsp;&nbsp;", "Price", "Qty", "Owned", "&Delta;Own", "Value", "1d", "1w", "1m", "6m"],
        .grouped: ["X", "Filing&nbsp;Date", "Trade&nbsp;Date", "Ticker", "Company&nbsp;Name", "Industry", "Ins", "Trade&nbsp;Type&nbsp;&nbsp;", "Price", "Qty", "Owned", "&Delta;Own", "Value", "1d", "1w", "1m", "6m"],
        .single: ["X", "Filing&nbsp;Date", "Trade&nbsp;Date", "Ticker", "Insider&nbsp;Name", "Title", "Trade&nbsp;Type&nbsp;&nbsp;", "Price", "Qty", "Owned", "&Delta;Own", "Value", "1d", "1w", "1m", "6m"],
    ]

    static func tickerCell(_ t: String) -> String {
        "<td><b> <a href=\"/\(t)\" onmouseover=\"Tip('<img src=\\'https://www.profitspi.com/stock/stock-charts.ashx?chart=\(t)&v=stock-chart&vs=637453390322078326\\' alt=\\'\\' width=\\'360px\\' height=\\'280px\\'>', DELAY, 1)\" onmouseout=\"UnTip()\">\(t)</a></b></td>"
    }

    static func escape(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;") }

    func rowHTML(_ r: OIRow, layout: Layout) -> String {
        let iss = issuer(r.filing.issuer)
        let acc = r.filing.accession.replacingOccurrences(of: "-", with: "")
        let link = "http://www.sec.gov/Archives/edgar/data/\(iss.cik)/\(acc)/xslF345X03/\(r.filing.fileName)"
        var x = ""
        if r.filing.amendmentOf != nil { x += "A" }
        if r.filing.rows.contains(where: \.derivative) { x += "D" }
        if r.multiple { x += "M" }
        let slug = r.owner.name.replacingOccurrences(of: " ", with: "-")
        var cells = ["<td align=right>\(x)</td>",
                     "<td align=right><div><a href=\"\(link)\" title=\"SEC Form 4\" target=\"_blank\">\(r.filing.filed)</a></div></td>",
                     "<td align=right><div>\(r.date)</div></td>", FakeWorld.tickerCell(iss.ticker)]
        if layout == .listing { cells.append("<td><a href=\"/\(iss.ticker)\">\(FakeWorld.escape(iss.name))</a></td>") }
        cells.append("<td><a href=\"/insider/\(slug)/\(r.owner.cik)\" title=\"1,000 direct shares\nSomewhere\">\(r.owner.name)</a></td>")
        cells.append("<td>\(r.owner.title)</td>")
        cells.append("<td>\(FakeWorld.tradeTypes[r.code]!)</td>")
        cells.append("<td align=right>\(FakeWorld.money(r.price))</td>")
        cells.append("<td align=right>\(r.qty > 0 ? "+" : "")\(FakeWorld.grouped(r.qty))</td>")
        cells.append("<td align=right>1,000,000</td><td align=right>+1%</td>")
        cells.append("<td align=right>\(r.value >= 0 ? "+" : "-")$\(FakeWorld.grouped(abs(r.value)))</td>")
        cells.append(String(repeating: "<td align=right></td>", count: 4))
        return "<tr style=\"background:#e9ffe9\">" + cells.joined() + "</tr>"
    }

    func groupedRowHTML(ticker: String, rows: [OIRow]) -> String {
        let iss = issuer(ticker)
        let qty = rows.reduce(Int64(0)) { $0 + $1.qty }
        let value = rows.reduce(Int64(0)) { $0 + $1.value }
        let insiders = Set(rows.map(\.owner.cik)).count
        let cells = ["<td align=right>M</td>", "<td align=right><div><a href=\"/\(ticker)\">\(rows[0].filing.filed)</a></div></td>",
                     "<td align=right><div>\(rows.map(\.date).min()!)</div></td>", FakeWorld.tickerCell(ticker),
                     "<td><a href=\"/\(ticker)\">\(FakeWorld.escape(iss.name))</a></td>",
                     "<td><a href=\"/industry/\(iss.industry.replacingOccurrences(of: " ", with: "-"))/\(iss.sic)\">\(iss.industry)</a></td>",
                     "<td>\(insiders)</td>", "<td>P - Purchase</td>",
                     "<td align=right>\(FakeWorld.money(qty == 0 ? 0 : Double(value) / Double(qty)))</td>",
                     "<td align=right>+\(FakeWorld.grouped(qty))</td>", "<td align=right>9,999,999</td>", "<td align=right>%</td>",
                     "<td align=right>+$\(FakeWorld.grouped(value))</td>", String(repeating: "<td align=right></td>", count: 4)]
        return "<tr style=\"background:#e9ffe9\">" + cells.joined() + "</tr>"
    }

    static func page(title: String, subject: String?, layout: Layout, rows: [String]) -> [UInt8] {
        var html = "<!doctype html> \n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>\(title) - OpenInsider</title>\n"
        html += "<style type=\"text/css\">\n.tinytable { max-width:1230px; }\n.tinytable th {background:#cce6ff;}\n</style>\n</head>\n<body>\n"
        html += "<div class=\"menu\"><form action=\"/search\"><input name=q></form></div>\n"
        html += "<div class=\"h1title\"><h1>\(title)</h1></div>"
        if let subject { html += "<div id=\"subjectDetails\" style=\"clear:both;\">\(subject)<br></div>" }
        html += "<div id=\"screener\" style=\"clear:both;\">\n<form action=\"/screener\" method=\"GET\"><table><tr><td><input name=s value=\"\"></td></tr></table></form></div>\n"
        if rows.isEmpty {
            html += "</tbody></table><center>\n"
        } else {
            html += "<div id=\"results\">\(rows.count) results. <br><table cellpadding=0 cellspacing=2 border=0><thead><tr align=right><td>TC</td><td>cnt</td><td>1d</td><td>1w</td><td>1m</td><td>6m</td></tr></thead><tbody></tbody></table></div>"
            html += "\t\t\t<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" class=\"tinytable\">\n\t\t\t<thead>\n\t\t\t<tr>\n"
            for h in headers[layout]! { html += "\t\t\t<th><h3>\(h)</h3></th>\n" }
            html += "\t\t\t</tr>\n\t\t\t</thead>\n\t\t\t<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody></table><center>\n"
        }
        html += "<br><div>\n\t<table>\n\t<tr style=\"background:#ffefef\"><td>S - Sale</td><td>Sale of securities</td></tr><tr style=\"background:#efffef\"><td>P - Purchase</td><td>Purchase</td></tr>\n\t</table>\n</div>\n"
        html += "<div id=\"footer\">Data provided by sec.gov 6:00-22:00 ET Mon-Fri except federal holidays.</div>\n</center>\n</body></html>\n"
        return Array(html.utf8)
    }

    /// Parses `MM/DD/YYYY - MM/DD/YYYY`.
    static func range(_ text: String?) -> ClosedRange<String>? {
        guard let text else { return nil }
        let parts = text.components(separatedBy: " - ")
        guard parts.count == 2 else { return nil }
        func iso(_ us: String) -> String? {
            let p = us.split(separator: "/")
            guard p.count == 3 else { return nil }
            return "\(p[2])-\(p[0])-\(p[1])"
        }
        guard let a = iso(parts[0].trimmingCharacters(in: .whitespaces)), let b = iso(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        return a...b
    }

    /// The OpenInsider site: `/latest-cluster-buys`, `/screener` (grouped and per ticker), paging with `cnt`/`page`.
    func openInsiderResponse(_ req: RecordedRequest) -> CannedResponse {
        let all = openInsiderRows()
        switch req.path {
        case "/latest-cluster-buys":
            let rows = cannedClusterTickers.map { t in groupedRowHTML(ticker: t, rows: all.filter { $0.filing.issuer == t && $0.code == "P" }) }
            return .ok(FakeWorld.page(title: "Latest Cluster Buys - ", subject: nil, layout: .grouped, rows: rows))
        case "/screener":
            let filed = FakeWorld.range(req.query["fdr"])
            var rows = all.filter { r in filed.map { $0.contains(String(r.filing.filed.prefix(10))) } ?? true }
            let wanted = Set(["P", "S", "M", "X", "D"].filter { req.query["x\($0.lowercased())"] == "1" })
            rows = rows.filter { wanted.contains($0.code) }
            let cnt = Int(req.query["cnt"] ?? "100") ?? 100
            let page = Int(req.query["page"] ?? "1") ?? 1
            func slice(_ items: [String]) -> [String] {
                Array(items.dropFirst((page - 1) * cnt).prefix(cnt))
            }
            if let s = req.query["s"], !s.isEmpty {
                rows = rows.filter { $0.filing.issuer == s.uppercased() }
                guard issuers.contains(where: { $0.ticker == s.uppercased() }) else {
                    return .ok(FakeWorld.page(title: "\(s) -  - SEC Form 4 Insider Trading Screener", subject: nil, layout: .single, rows: []))
                }
                let iss = issuer(s.uppercased())
                let subject = "Sector - \(iss.industry) - <a href=\"/industry/x/\(iss.sic)\">\(iss.industry)</a> - \(iss.ticker) (<a href=\"https://sec.gov/cgi-bin/browse-edgar?action=getcompany&owner=exclude&count=100&CIK=\(iss.cik)\">\(iss.cik)</a>)"
                return .ok(FakeWorld.page(title: "\(iss.ticker) - \(FakeWorld.escape(iss.name)) - SEC Form 4 Insider Trading Screener", subject: subject,
                                          layout: .single, rows: slice(rows.map { rowHTML($0, layout: .single) })))
            }
            if req.query["grp"] == "2" {
                let minInsiders = Int(req.query["nil"] ?? "0") ?? 0
                let tickers = Array(Set(rows.map(\.filing.issuer))).sorted()
                let groups = tickers.compactMap { t -> String? in
                    let g = rows.filter { $0.filing.issuer == t }
                    return Set(g.map(\.owner.cik)).count >= minInsiders ? groupedRowHTML(ticker: t, rows: g) : nil
                }
                return .ok(FakeWorld.page(title: "All Sectors - SEC Form 4 Insider Trading Screener", subject: nil, layout: .grouped, rows: slice(groups)))
            }
            return .ok(FakeWorld.page(title: "All Sectors - SEC Form 4 Insider Trading Screener", subject: nil, layout: .listing, rows: slice(rows.map { rowHTML($0, layout: .listing) })))
        default:
            return .notFound
        }
    }

    // MARK: EDGAR

    func form4XML(_ f: Filing) -> [UInt8] {
        let iss = issuer(f.issuer)
        func value(_ tag: String, _ v: String?, footnote: String? = nil) -> String {
            let fn = footnote.map { "<footnoteId id=\"\($0)\"/>" } ?? ""
            return "<\(tag)>" + (v.map { "<value>\($0)</value>" } ?? "") + fn + "</\(tag)>"
        }
        var xml = "<?xml version=\"1.0\"?>\n<ownershipDocument>\n<schemaVersion>X0508</schemaVersion>\n"
        xml += "<documentType>\(f.amendmentOf == nil ? "4" : "4/A")</documentType>\n<periodOfReport>\(f.rows.map(\.date).min()!)</periodOfReport>\n"
        if let orig = f.amendmentOf { xml += "<dateOfOriginalSubmission>\(orig)</dateOfOriginalSubmission>\n" }
        xml += "<issuer><issuerCik>\(FakeWorld.pad(iss.cik))</issuerCik><issuerName>\(FakeWorld.escape(iss.name))</issuerName><issuerTradingSymbol>\(iss.ticker)</issuerTradingSymbol></issuer>\n"
        for o in f.owners {
            xml += "<reportingOwner><reportingOwnerId><rptOwnerCik>\(FakeWorld.pad(o.cik))</rptOwnerCik><rptOwnerName>\(o.name)</rptOwnerName></reportingOwnerId>"
            xml += "<reportingOwnerRelationship><isDirector>\(o.director ? 1 : 0)</isDirector><isOfficer>\(o.officer ? 1 : 0)</isOfficer><isTenPercentOwner>\(o.tenPercent ? 1 : 0)</isTenPercentOwner><isOther>0</isOther>"
            if o.officer { xml += "<officerTitle>\(o.officerTitle ?? o.title)</officerTitle>" }
            xml += "</reportingOwnerRelationship></reportingOwner>\n"
        }
        if let aff = f.aff10b5One { xml += "<aff10b5One>\(aff ? 1 : 0)</aff10b5One>\n" }
        xml += "<nonDerivativeTable>\n"
        var footnotes: [(String, String)] = []
        for r in f.rows where !r.derivative {
            var fn: String?
            if let text = r.footnote { fn = "F\(footnotes.count + 1)"; footnotes.append((fn!, text)) }
            xml += "<nonDerivativeTransaction>" + value("securityTitle", "Common Stock") + value("transactionDate", r.date)
            xml += "<transactionCoding><transactionFormType>4</transactionFormType><transactionCode>\(r.code)</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>"
            xml += "<transactionAmounts>" + value("transactionShares", String(r.shares), footnote: fn)
            xml += value("transactionPricePerShare", r.price.map { String($0) })
            xml += value("transactionAcquiredDisposedCode", r.code == "P" ? "A" : "D") + "</transactionAmounts>"
            xml += "<postTransactionAmounts>" + value("sharesOwnedFollowingTransaction", "100000") + "</postTransactionAmounts>"
            xml += "<ownershipNature>" + value("directOrIndirectOwnership", "D") + "</ownershipNature></nonDerivativeTransaction>\n"
        }
        xml += "</nonDerivativeTable>\n<derivativeTable>\n"
        for r in f.rows where r.derivative {
            xml += "<derivativeTransaction>" + value("securityTitle", "Stock Option") + value("conversionOrExercisePrice", "1.0") + value("transactionDate", r.date)
            xml += "<transactionCoding><transactionFormType>4</transactionFormType><transactionCode>\(r.code)</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>"
            xml += "<transactionAmounts>" + value("transactionShares", String(r.shares)) + value("transactionPricePerShare", "0") + value("transactionAcquiredDisposedCode", "D") + "</transactionAmounts>"
            xml += "<underlyingSecurity>" + value("underlyingSecurityTitle", "Common Stock") + value("underlyingSecurityShares", String(r.shares)) + "</underlyingSecurity>"
            xml += "<postTransactionAmounts>" + value("sharesOwnedFollowingTransaction", "0") + "</postTransactionAmounts><ownershipNature>" + value("directOrIndirectOwnership", "D") + "</ownershipNature></derivativeTransaction>\n"
        }
        xml += "</derivativeTable>\n<footnotes>"
        for (id, text) in footnotes { xml += "<footnote id=\"\(id)\">\(text)</footnote>" }
        xml += "</footnotes>\n<remarks></remarks>\n</ownershipDocument>\n"
        return Array(xml.utf8)
    }

    /// The raw XML path of a filing on www.sec.gov.
    func filingPath(_ f: Filing) -> String {
        "/Archives/edgar/data/\(issuer(f.issuer).cik)/\(f.accession.replacingOccurrences(of: "-", with: ""))/\(f.fileName)"
    }

    func companyTickersJSON() -> [UInt8] {
        let entries = issuers.enumerated().map { i, iss in
            "\"\(i)\":{\"cik_str\":\(iss.cik),\"ticker\":\"\(iss.ticker.replacingOccurrences(of: ".", with: "-"))\",\"title\":\"\(iss.name)\"}"
        }
        return Array(("{" + entries.joined(separator: ",") + "}").utf8)
    }

    func submissionsJSON(cik: Int) -> [UInt8]? {
        guard let iss = issuers.first(where: { $0.cik == cik }) else { return nil }
        let mine = filings.filter { $0.issuer == iss.ticker && $0.onEdgar }.sorted { $0.filed > $1.filed }
        func col(_ f: (Filing) -> String) -> String { "[" + mine.map { "\"\(f($0))\"" }.joined(separator: ",") + "]" }
        let recent = "{\"accessionNumber\":\(col { $0.accession }),\"filingDate\":\(col { String($0.filed.prefix(10)) }),"
            + "\"acceptanceDateTime\":\(col { FakeWorld.utcAcceptance($0.filed) }),"
            + "\"form\":\(col { $0.amendmentOf == nil ? "4" : "4/A" }),\"primaryDocument\":\(col { "xslF345X05/" + $0.fileName })}"
        let json = "{\"cik\":\"\(cik)\",\"entityType\":\"operating\",\"sic\":\"\(iss.sic)\",\"sicDescription\":\"\(iss.industry)\",\"name\":\"\(iss.name)\",\"tickers\":[\"\(iss.ticker)\"],\"filings\":{\"recent\":\(recent),\"files\":[]}}"
        return Array(json.utf8)
    }

    /// `filed` (New York wall clock, as OpenInsider shows it) as the submissions JSON's UTC
    /// `acceptanceDateTime`: an evening filing is accepted on the next UTC day.
    static func utcAcceptance(_ filed: String) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "America/New_York")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let instant = f.date(from: filed)!
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'.000Z'"
        return f.string(from: instant)
    }

    /// The SEC sites: Archives (raw Form 4 XML), `files/company_tickers.json`, `submissions/CIK##########.json`.
    func secResponse(_ req: RecordedRequest) -> CannedResponse {
        if req.path == "/files/company_tickers.json" { return .ok(companyTickersJSON(), contentType: "application/json") }
        if req.path.hasPrefix("/submissions/CIK"), let cik = Int(req.path.dropFirst("/submissions/CIK".count).prefix(10)),
           let body = submissionsJSON(cik: cik) {
            return .ok(body, contentType: "application/json")
        }
        if let f = filings.first(where: { filingPath($0) == req.path && $0.onEdgar }) { return .ok(form4XML(f), contentType: "text/xml") }
        return CannedResponse(status: 404, headers: [("Content-Type", "application/xml")],
                              body: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>".utf8))
    }
}
