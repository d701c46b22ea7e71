import Foundation
import OpenInsiderPages
import Testing

struct SyntheticPageTests {
    @Test func baselineRowParsesAndLegendRowsAreIgnored() throws {
        let page = try parse(Synth.page(rows: [Synth.row()]))
        #expect(page.layout == .listing)
        try #require(page.rows.count == 1)
        #expect(page.rows[0] == OpenInsiderRow(
            xFlags: "", filingDateTime: "2026-04-24 21:35:59",
            filingURL: "http://www.sec.gov/Archives/edgar/data/885508/000090266426002148/xslF345X03/ownership.xml",
            accession: "0000902664-26-002148", issuerCIK: "0000885508", tradeDate: "2026-04-22", ticker: "STRS",
            companyName: "Stratus Properties Inc", insiderName: "Oasis Management Co Ltd.", insiderCIK: "0001317904",
            title: "10%", tradeCode: "P", tradeType: "P - Purchase", price: 19.77, qty: 27_500, owned: 1_016_765,
            deltaOwnPct: 4, deltaOwnText: "+4%", value: 543_551, ownershipHint: "indirect"))
    }

    @Test func saturationOfOwnedAndValue() throws {
        let page = try parse(Synth.page(rows: [
            Synth.row(type: "S - Sale", qty: "-132,841,266", owned: "2,147,483,647", dOwn: "-6%", value: "-$2,147,483,647"),
            Synth.row(qty: "+5", owned: "2,147,483,646", value: "+$2,147,483,647"),
        ]))
        try #require(page.rows.count == 2)
        #expect(page.rows[0].owned == 2_147_483_647 && page.rows[0].ownedSaturated)
        #expect(page.rows[0].value == -2_147_483_647 && page.rows[0].valueSaturated)
        #expect(page.rows[0].tradeCode == "S")
        #expect(!page.rows[1].ownedSaturated && page.rows[1].valueSaturated && page.rows[1].value == 2_147_483_647)
    }

    @Test func deltaOwnSpecialForms() throws {
        let page = try parse(Synth.page(rows: [
            Synth.row(dOwn: "New"), Synth.row(dOwn: "&gt;999%"), Synth.row(dOwn: "%"),
            Synth.row(dOwn: "-100%"), Synth.row(dOwn: "0%"), Synth.row(dOwn: ""),
        ]))
        #expect(page.rows.map(\.deltaOwnText) == ["New", ">999%", "%", "-100%", "0%", ""])
        #expect(page.rows.map(\.deltaOwnPct) == [nil, nil, nil, -100, 0, nil])
    }

    @Test func ampersandsRawEscapedAndNumeric() throws {
        let page = try parse(Synth.page(rows: [
            Synth.row(company: "Bed Bath &amp; Beyond Inc", insiderSlug: "H-f-Corporate-Investors-Viii--Ltd./1767563",
                      insider: "H&f Corporate Investors Viii, Ltd."),
            Synth.row(company: "AT&T Inc.", insiderSlug: "O%27Grady-Michael/1527742", insider: "O&#39;Grady Michael",
                      title: "Pres&#x2C; CEO&nbsp;"),
        ]))
        try #require(page.rows.count == 2)
        #expect(page.rows[0].companyName == "Bed Bath & Beyond Inc")
        #expect(page.rows[0].insiderName == "H&f Corporate Investors Viii, Ltd.")
        #expect(page.rows[0].insiderCIK == "0001767563")
        #expect(page.rows[1].companyName == "AT&T Inc.")
        #expect(page.rows[1].insiderName == "O'Grady Michael")
        #expect(page.rows[1].insiderCIK == "0001527742")  // `%27` in the slug
        #expect(page.rows[1].title == "Pres, CEO")  // hex reference; trailing NBSP trimmed
    }

    @Test func dottedTickers() throws {
        let page = try parse(Synth.page(rows: [Synth.row(ticker: "BRK.B"), Synth.row(ticker: "AGM.A.")]))
        #expect(page.rows.map(\.ticker) == ["BRK.B", "AGM.A."])
    }

    @Test func renamedColumnIsLayoutDrift() {
        var headers = Synth.listingHeaders
        headers[9] = "Shares"
        let err = parseError(Synth.page(headers: headers, rows: [Synth.row()]))
        #expect(err == .layoutDrift(missing: ["Qty"], unknown: ["Shares"]))
    }

    @Test func missingRequiredColumnIsLayoutDrift() {
        let headers = Synth.listingHeaders.filter { $0 != "Value" }
        let err = parseError(Synth.page(headers: headers, rows: [Synth.row(dropValue: true)]))
        #expect(err == .layoutDrift(missing: ["Value"], unknown: []))
        // Drift is reported even when the table has no data rows.
        #expect(parseError(Synth.page(headers: headers, rows: [])) == .layoutDrift(missing: ["Value"], unknown: []))
    }

    @Test func driftNamesAreNormalisedAndCaseIsTolerated() throws {
        var headers = Synth.listingHeaders
        headers[1] = "  filing&nbsp;&nbsp;DATE "
        #expect(try parse(Synth.page(headers: headers, rows: [Synth.row()])).rows.count == 1)
        headers.append("Score&nbsp;")
        #expect(parseError(Synth.page(headers: headers, rows: [])) == .layoutDrift(missing: [], unknown: ["Score"]))
    }

    @Test func rowWithMissingCellIsMalformed() {
        let err = parseError(Synth.page(rows: [Synth.row(), Synth.row(dropValue: true)]))
        #expect(err == .malformedRow(row: 2, reason: "16 cells but the header has 17 columns"))
    }

    @Test func unparseableRequiredCellIsBadCell() {
        #expect(parseError(Synth.page(rows: [Synth.row(price: "n/a")])) == .badCell(row: 1, column: "Price", text: "n/a"))
        #expect(parseError(Synth.page(rows: [Synth.row(), Synth.row(qty: "+1,2x")])) == .badCell(row: 2, column: "Qty", text: "+1,2x"))
        #expect(parseError(Synth.page(rows: [Synth.row(value: "543,551")])) == .badCell(row: 1, column: "Value", text: "543,551"))
        #expect(parseError(Synth.page(rows: [Synth.row(filed: "yesterday")])) == .badCell(row: 1, column: "Filing Date", text: "yesterday"))
        #expect(parseError(Synth.page(rows: [Synth.row(traded: "2026-4-2")])) == .badCell(row: 1, column: "Trade Date", text: "2026-4-2"))
        #expect(parseError(Synth.page(rows: [Synth.row(qty: "+99,999,999,999,999,999,999")]))
            == .badCell(row: 1, column: "Qty", text: "+99,999,999,999,999,999,999"))
    }

    @Test func crlfLineEndingsEverywhere() throws {
        let rows = [Synth.row(), Synth.row(ticker: "BRK.B", type: "S - Sale", qty: "-10,493", value: "-$313,792")]
        let lf = try parse(Synth.page(rows: rows))
        let crlf = Synth.page(rows: rows, newline: "\r\n")
        #expect(crlf.contains("indirect shares\r\n4Th Floor"))
        let parsed = try parse(crlf)
        #expect(parsed.rows == lf.rows && parsed.rows.count == 2)
        #expect(parsed.rows[1].tradeCode == "S" && parsed.rows[1].value == -313_792 && parsed.rows[1].qty == -10_493)
    }

    @Test func tipAttributeWithMarkupInsideQuotes() throws {
        // Quote-aware scanning: `<`, `>`, `\'` and even `</td><td>` inside an attribute are not markup.
        let nasty = "onmouseover=\"Tip('<img src=\\'x.png\\' alt=\\'</td><td>\\'>', DELAY, 1)\" data-x='a\"b>' onmouseout=UnTip()"
        let page = try parse(Synth.page(rows: [Synth.row(tickerAttrs: nasty)]))
        try #require(page.rows.count == 1)
        #expect(page.rows[0].ticker == "STRS" && page.rows[0].companyName == "Stratus Properties Inc")
    }

    @Test func decoyTableStyleAndStrayClosersWithoutDataTable() throws {
        var html = Synth.page(rows: [Synth.row()])
        // Remove the data table entirely; keep the stray `</tbody></table>` as the empty page has it.
        let start = try #require(html.range(of: "\t\t\t<table width=\"100%\""))
        let end = try #require(html.range(of: "</tbody></table><center>"))
        html.replaceSubrange(start.lowerBound..<end.lowerBound, with: "")
        #expect(html.contains(".tinytable td"))
        let page = try parse(html)
        #expect(page.layout == nil && page.rows.isEmpty)
        #expect(page.renderJSON() == "{\"layout\": null, \"rows\": []}")
    }

    @Test func tinytableMustBeTheTableClass() throws {
        let html = Synth.page(rows: [Synth.row()]).replacingOccurrences(of: "class=\"tinytable\"", with: "id=\"tinytable\"")
        #expect(try parse(html).layout == nil)
        let unquoted = Synth.page(rows: [Synth.row()]).replacingOccurrences(of: "class=\"tinytable\"", with: "class=tinytable")
        #expect(try parse(unquoted).rows.count == 1)
        let single = Synth.page(rows: [Synth.row()]).replacingOccurrences(of: "class=\"tinytable\"", with: "class='sortable tinytable'")
        #expect(try parse(single).rows.count == 1)
        // Unquoted, the value stops at the space: `tinytable` is then a separate attribute, as browsers read it.
        let split = Synth.page(rows: [Synth.row()]).replacingOccurrences(of: "class=\"tinytable\"", with: "class=sortable tinytable")
        #expect(try parse(split).layout == nil)
    }

    @Test func commentsAndScriptsInsideTheTableAreNotCells() throws {
        let row = Synth.row().replacingOccurrences(of: "<td>10%</td>", with: "<td>10%<!-- <td>x</td> --><script>document.write('<td>y</td>')</script></td>")
        let page = try parse(Synth.page(rows: [row]))
        #expect(page.rows.count == 1 && page.rows[0].title == "10%")
    }

    @Test func insiderSubjectWithUnclosedDiv() throws {
        let subject = "<div id='subjectDetails'>CIK: <a href=\"https://sec.gov/cgi-bin/browse-edgar?action=getcompany&owner=include&count=100&CIK=1214156\" target=\"_blank\">1214156</a> - Address: <a href=\"https://maps.google.com/maps?q=One Bowerman Drive\">One Bowerman Drive</a> "
        let page = try parse(Synth.page(rows: [Synth.row()], title: "Cook Timothy D - SEC Form 4 Insider Trading Screener - OpenInsider", subject: subject))
        #expect(page.subject == SubjectDetails(ownerCIK: "0001214156"))
        #expect(page.subjectCompanyName == nil)
        #expect(page.rows.count == 1)
    }

    @Test func tickerSubjectAndTitleCompany() throws {
        let subject = "Finance - Insurance - <a href=\"/industry/Fire--Marine---Casualty-Insurance/6331\">Fire, Marine &amp; Casualty Insurance</a> - BRK.B (<a href=\"https://sec.gov/cgi-bin/browse-edgar?action=getcompany&owner=exclude&count=100&CIK=1067983\">1067983</a>)<br>"
        let page = try parse(Synth.page(rows: [Synth.row(ticker: "BRK.B")], title: "BRK.B - Berkshire Hathaway Inc &amp; Co - SEC Form 4 Insider Trading Screener - OpenInsider", subject: subject))
        #expect(page.subject == SubjectDetails(issuerCIK: "0001067983", industry: "Fire, Marine & Casualty Insurance", sic: "6331"))
        #expect(page.subjectCompanyName == "Berkshire Hathaway Inc & Co")
        #expect(page.pageTitle == "BRK.B - Berkshire Hathaway Inc & Co - SEC Form 4 Insider Trading Screener - OpenInsider")
    }

    @Test func groupedViewSynthetic() throws {
        let headers = ["X", "Filing&nbsp;Date", "Trade&nbsp;Date", "Ticker", "Company&nbsp;Name", "Industry", "Ins",
                       "Trade&nbsp;Type&nbsp;&nbsp;", "Price", "Qty", "Owned", "&Delta;Own", "Value", "1d", "1w", "1m", "6m"]
        let row = "<tr style=\"background:#e9ffe9\"><td align=right></td><td align=right><div><a href=\"/NBBK\">2026-04-24 15:04:40</a></div></td><td align=right><div>2026-04-24</div></td><td><b> <a href=\"/NBBK\" \(Synth.tip("NBBK"))>NBBK</a></b></td><td><a href=\"/NBBK\">Nb Bancorp, Inc.</a></td><td><a href=\"/industry/Closed-End-Funds/0\">Closed-End Funds</a></td><td>16</td><td>P - Purchase</td><td align=right>$0.00</td><td align=right>+27,500</td><td align=right>0</td><td align=right>%</td><td align=right>+$0</td><td align=right></td><td align=right></td><td align=right></td><td align=right></td></tr>"
        let page = try parse(Synth.page(headers: headers, rows: [row]))
        #expect(page.layout == .cluster)
        let r = try #require(page.rows.first)
        #expect(r.insiderCount == 16 && r.sic == "0" && r.industry == "Closed-End Funds" && r.filingURL == nil)
        #expect(r.price == 0 && r.value == 0 && r.deltaOwnPct == nil && r.insiderName == nil && r.title == nil)
    }

    @Test func tradeCodeIsTextBeforeFirstSeparator() throws {
        let page = try parse(Synth.page(rows: [
            Synth.row(type: "S - Sale+OE", qty: "-1", value: "-$1"), Synth.row(type: "M - Option Ex - Extra", qty: "-1", value: "-$1"),
            Synth.row(type: "G", qty: "-1", value: "-$1"),
        ]))
        #expect(page.rows.map(\.tradeCode) == ["S", "M", "G"])
        #expect(page.rows.map(\.tradeType) == ["S - Sale+OE", "M - Option Ex - Extra", "G"])
    }

    @Test func notOpenInsiderPages() {
        #expect(parseError("") == .notAnOpenInsiderPage("empty body"))
        #expect(parseError("{\"error\": \"rate limited\"}") == .notAnOpenInsiderPage("no <title>"))
        let apache = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>503 Service Unavailable</title>\n</head><body><h1>Service Unavailable</h1></body></html>"
        #expect(parseError(apache) == .notAnOpenInsiderPage("no screener form (<form action=\"/screener\">)"))
        let noTitle = Synth.page(rows: [Synth.row()]).replacingOccurrences(of: "<title>", with: "<tit>")
        #expect(parseError(noTitle) == .notAnOpenInsiderPage("no <title>"))
        // A broken page's table must not mask the fact that it is not an OpenInsider page.
        let noForm = Synth.page(headers: ["Foo"], rows: []).replacingOccurrences(of: "action=\"/screener\"", with: "action=\"/login\"")
        if case .notAnOpenInsiderPage = parseError(noForm) {} else { Issue.record("expected notAnOpenInsiderPage") }
    }

    @Test func errorDescriptionsNameTheProblem() {
        #expect(OpenInsiderPageError.layoutDrift(missing: ["Qty"], unknown: ["Shares"]).description.contains("Shares"))
        #expect(OpenInsiderPageError.badCell(row: 3, column: "Price", text: "x").description.contains("row 3"))
    }
}
