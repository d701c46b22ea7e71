import Foundation
import OpenInsiderPages
import Testing

/// Locates ../shared/fixtures/openinsider relative to the package root (this file is Tests/<Target>/Support.swift).
enum Fixtures {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // OpenInsiderPagesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()  // /work
        .appendingPathComponent("shared/fixtures/openinsider")

    static var available: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("screener_s=NVDA__btopn_2026-04.html").path)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func page(_ name: String) throws -> OpenInsiderPage {
        try OpenInsiderPageParser.parse(bytes(name))
    }
}

/// Parses a synthetic document, turning a thrown parser error into a test failure with its description.
func parse(_ html: String) throws -> OpenInsiderPage {
    try OpenInsiderPageParser.parse(Array(html.utf8))
}

/// The parser's error for a document, or nil when it parses.
func parseError(_ html: String) -> OpenInsiderPageError? {
    do {
        _ = try OpenInsiderPageParser.parse(Array(html.utf8))
        return nil
    } catch {
        return error
    }
}

/// Builds small OpenInsider-shaped pages with the real template's hazards: `tinytable` inside
/// `<style>`, a decoy table before the data table, unquoted attributes and legend rows after it.
enum Synth {
    static let listingHeaders = ["X", "Filing&nbsp;Date", "Trade&nbsp;Date", "Ticker", "Company&nbsp;Name",
                                 "Insider&nbsp;Name", "Title", "Trade&nbsp;Type&nbsp;&nbsp;", "Price", "Qty",
                                 "Owned", "&Delta;Own", "Value", "1d", "1w", "1m", "6m"]

    static func page(headers: [String] = listingHeaders, rows: [String], title: String = "Synthetic - SEC Form 4 Insider Trading Screener - OpenInsider",
                     subject: String = "", newline: String = "\n") -> String {
        var h = "<!doctype html> \n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>\(title)</title>\n"
        h += "<style>\n.tinytable td {padding:5px 2px;}\n.tinytable tr:hover td {background-color:#cce6ff; }\n</style>\n"
        h += "</head>\n<body>\n<div class=\"menu\"><form action=\"/search\"><input name=q></form></div>\n"
        h += "<div class=\"h1title\"><h1>Synthetic</h1></div><div id=\"subjectDetails\" style=\"clear:both;\">\(subject)</div>"
        h += "<div id=\"screener\" style=\"clear:both;\">\n<form action=\"/screener\" method=\"GET\"><table><tr><td>form</td></tr></table></form>\n</div>\n"
        h += "<div id=\"results\">\(rows.count) results. <table cellpadding=0 cellspacing=2 border=0><thead><tr align=right><td>TC</td><td>cnt</td><td>1d</td><td>1w</td><td>1m</td><td>6m</td></tr></thead><tbody></tbody></table></div>"
        h += "\t\t\t<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" class=\"tinytable\">\n\t\t\t<thead>\n\t\t\t<tr>\n"
        for name in headers { h += "\t\t\t<th><h3>\(name)</h3></th>\n" }
        h += "\t\t\t</tr>\n\t\t\t</thead>\n\t\t\t<tbody>\n"
        for r in rows { h += r + "\n" }
        h += "</tbody></table><center>\n<table>\n<tr style=\"background:#ffefef\"><td>S - Sale</td><td>Sale of securities</td></tr><tr style=\"background:#ffffdf\"><td>S - Sale+OE</td><td>Sale after exercise</td></tr>\n</table>\n</center>\n"
        h += "<div id=\"footer\">Data provided by sec.gov</div>\n</body></html>\n"
        return newline == "\n" ? h : h.replacingOccurrences(of: "\n", with: newline)
    }

    static func tip(_ ticker: String) -> String {
        "onmouseover=\"Tip('<img src=\\'https://www.profitspi.com/stock/stock-charts.ashx?chart=\(ticker)&v=stock-chart&vs=637453390322078326\\' alt=\\'\\' width=\\'360px\\' height=\\'280px\\'>', DELAY, 1)\" onmouseout=\"UnTip()\""
    }

    /// One listing row in OpenInsider's exact cell markup; pass `nil` to omit a cell.
    static func row(x: String = "", filed: String = "2026-04-24 21:35:59",
                    secHref: String = "http://www.sec.gov/Archives/edgar/data/885508/000090266426002148/xslF345X03/ownership.xml",
                    traded: String = "2026-04-22", ticker: String = "STRS", company: String = "Stratus Properties Inc",
                    insiderSlug: String = "Oasis-Management-Co-Ltd./1317904",
                    insiderTitle: String = "1,016,765 indirect shares\n4Th Floor\nGrand Cayman,  KY1-1104",
                    insider: String = "Oasis Management Co Ltd.", title: String = "10%",
                    type: String = "P - Purchase", price: String = "$19.77", qty: String = "+27,500",
                    owned: String = "1,016,765", dOwn: String = "+4%", value: String = "+$543,551",
                    dropValue: Bool = false, tickerAttrs: String? = nil) -> String {
        var r = "<tr style=\"background:#ebffeb\"><td align=right>\(x)</td>"
        r += "<td align=right><div><a href=\"\(secHref)\" title=\"SEC Form 4\" target=\"_blank\">\(filed)</a></div></td>"
        r += "<td align=right><div>\(traded)</div></td>"
        r += "<td><b> <a href=\"/\(ticker)\" \(tickerAttrs ?? tip(ticker))>\(ticker)</a></b></td>"
        r += "<td><a href=\"/\(ticker)\">\(company)</a></td>"
        r += "<td><a href=\"/insider/\(insiderSlug)\" title=\"\(insiderTitle)\">\(insider)</a></td>"
        r += "<td>\(title)</td><td>\(type)</td><td align=right>\(price)</td><td align=right>\(qty)</td>"
        r += "<td align=right>\(owned)</td><td align=right>\(dOwn)</td>"
        if !dropValue { r += "<td align=right>\(value)</td>" }
        r += "<td align=right></td><td align=right></td><td align=right></td><td align=right></td></tr>"
        return r
    }
}
