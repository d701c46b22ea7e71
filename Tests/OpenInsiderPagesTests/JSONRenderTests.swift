import Foundation
import OpenInsiderPages
import Testing

struct JSONRenderTests {
    static let rowKeys = ["x_flags", "filing_datetime", "filing_url", "accession", "issuer_cik", "trade_date", "ticker",
                          "company_name", "insider_name", "insider_cik", "title", "industry", "insider_count", "trade_code",
                          "trade_type", "price", "qty", "owned", "delta_own_pct", "delta_own_text", "value"]

    /// Key order as written (JSONSerialization forgets it).
    static func keyOrder(_ json: String, _ keys: [String]) -> [Int] {
        keys.map { json.range(of: "\"\($0)\":")?.lowerBound.utf16Offset(in: json) ?? -1 }
    }

    @Test func listingRowRendersKeysInOrderWithNulls() throws {
        let page = try parse(Synth.page(rows: [Synth.row(company: "Quote \"Q\" &amp; Back\\slash", dOwn: "New")]))
        let json = page.renderJSON()
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(obj.keys) == ["layout", "rows"])
        #expect(obj["layout"] as? String == "listing")
        let rows = try #require(obj["rows"] as? [[String: Any]])
        let r = try #require(rows.first)
        #expect(Set(r.keys) == Set(Self.rowKeys))
        let order = Self.keyOrder(json, Self.rowKeys)
        #expect(order.allSatisfy { $0 >= 0 } && order == order.sorted())
        #expect(r["industry"] is NSNull && r["insider_count"] is NSNull && r["delta_own_pct"] is NSNull)
        #expect(r["company_name"] as? String == "Quote \"Q\" & Back\\slash")
        #expect(r["filing_url"] as? String == "http://www.sec.gov/Archives/edgar/data/885508/000090266426002148/xslF345X03/ownership.xml")
        #expect(json.contains("\"http://www.sec.gov/Archives/"), "`/` is not escaped")
        #expect((r["price"] as? NSNumber)?.doubleValue == 19.77)
        #expect((r["qty"] as? NSNumber)?.int64Value == 27_500 && (r["value"] as? NSNumber)?.int64Value == 543_551)
        #expect(r["delta_own_text"] as? String == "New" && r["accession"] as? String == "0000902664-26-002148")
    }

    @Test(.enabled(if: Fixtures.available, "../shared/fixtures not found: skipping fixture tests"))
    func clusterPageRendersValidJSONWithNulls() throws {
        let page = try Fixtures.page("latest-cluster-buys__btopn_2026-04.html")
        let json = page.renderJSON()
        #expect(json.hasPrefix("{\"layout\": \"cluster\", \"rows\": ["))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(obj["rows"] as? [[String: Any]])
        #expect(rows.count == 100)
        let r = rows[0]
        for k in ["filing_url", "accession", "issuer_cik", "insider_name", "insider_cik", "title"] { #expect(r[k] is NSNull, "\(k)") }
        #expect((r["insider_count"] as? NSNumber)?.intValue == 2 && (r["delta_own_pct"] as? NSNumber)?.intValue == 4)
        #expect(r["industry"] as? String == "Savings Institutions, Not Federally Chartered")
        #expect(rows[32]["delta_own_pct"] is NSNull && rows[32]["delta_own_text"] as? String == "%")
    }

    @Test func controlCharactersAreEscaped() throws {
        let page = OpenInsiderPage(layout: .ticker, rows: [OpenInsiderRow(ticker: "A\u{01}\n\t\"", title: "Δ é")])
        let json = page.renderJSON()
        #expect(json.contains("\"A\\u0001\\n\\t\\\"\""))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let r = try #require((obj["rows"] as? [[String: Any]])?.first)
        #expect(r["ticker"] as? String == "A\u{01}\n\t\"" && r["title"] as? String == "Δ é")
    }
}
