import Foundation
@testable import InsiderClusters
import InsiderCore
import Testing

/// Issue 12: EDGAR as the only source gives the same clusters as the OpenInsider path on the same
/// filings; only `data_source` and the `edgar` cross-check block may differ.
@Suite(.serialized) struct SourceParityTests {
    /// SPEC section 5's fields but `data_source` and `edgar`.
    static let compared = ["symbol", "company_name", "sector", "issuer_cik", "cluster_start_date", "cluster_end_date",
                           "insider_count", "insider_names", "insider_roles", "total_shares_bought", "total_value_usd",
                           "current_stock_price", "stock_move_since_cluster_start_pct", "is_all_buy",
                           "cluster_strength_score", "top_insider", "insiders"]
    static let input = #"{"tickers": ["AMND", "JNT", "EDGE", "SPAN"], "min_cluster_size": 2, "min_value_usd": 0, "exclude_sells": false"#

    func rows(source: String, discover: Bool = false) async throws -> [JSONValue] {
        let h = try Harness(world: Worlds.parity)
        let input = discover ? #"{"min_cluster_size": 2, "min_value_usd": 0, "exclude_sells": false}"#
                             : SourceParityTests.input + #", "source": "\#(source)"}"#
        _ = try await h.run(input: input)
        return try h.rows()
    }

    func expectSame(_ oi: [JSONValue], _ edgar: [JSONValue]) {
        #expect(oi.compactMap { $0["symbol"]?.stringValue } == edgar.compactMap { $0["symbol"]?.stringValue })
        for a in oi {
            guard let b = edgar.first(where: { $0["symbol"] == a["symbol"] }) else { continue }
            for field in SourceParityTests.compared {
                #expect(a[field] == b[field], "\(a["symbol"]?.stringValue ?? "?").\(field): openinsider \(a[field]?.compactText ?? "absent") vs edgar \(b[field]?.compactText ?? "absent")")
            }
        }
    }

    @Test func bothSourcesGiveTheSameClustersFieldByField() async throws {
        let oi = try await rows(source: "openinsider")
        let edgar = try await rows(source: "edgar")
        #expect(oi.count == 4)
        expectSame(oi, edgar)
        #expect(edgar.allSatisfy { $0["data_source"]?.stringValue == "SEC EDGAR Form 4 (submissions + filings)" })
        // Discovery instead of named tickers reaches the same clusters.
        expectSame(try await rows(source: "openinsider", discover: true), edgar)
    }

    @Test func amendmentsFollowTheStoreRuleOnBothPaths() async throws {
        for source in ["openinsider", "edgar"] {
            let amnd = try #require(try await rows(source: source).first { $0["symbol"]?.stringValue == "AMND" })
            let insiders = try #require(amnd["insiders"]?.arrayValue)
            func insider(_ name: String) -> JSONValue? { insiders.first { $0["name"]?.stringValue == name } }
            // The 4/A of the 20:30 filing replaces it: 1,200 shares, not 1,000 + 1,200.
            #expect(insider("Ames Alice")?["shares"]?.integerValue == 1200, "\(source)")
            // Amended twice: only the second amendment's 700 shares.
            #expect(insider("Baker Bob")?["shares"]?.integerValue == 700 && insider("Baker Bob")?["trades"]?.integerValue == 1, "\(source)")
            // The corrected trade date, once.
            #expect(insider("Cole Cara")?["first_buy_date"]?.stringValue == "2026-04-12" && insider("Cole Cara")?["trades"]?.integerValue == 1, "\(source)")
            // No original at hand: the 4/A stands; a derivative-only 4/A leaves the purchase in force.
            #expect(insider("Dunn Dan")?["shares"]?.integerValue == 300, "\(source)")
            #expect(insider("Eves Eve")?["shares"]?.integerValue == 800, "\(source)")
            #expect(amnd["total_shares_bought"]?.integerValue == 3400, "\(source)")
            #expect(amnd["total_value_usd"]?.integerValue == 36250, "\(source)")
        }
    }

    @Test func rolesJointFilingsAndWindowEdgesAgree() async throws {
        for source in ["openinsider", "edgar"] {
            let rows = try await rows(source: source)
            let jnt = try #require(rows.first { $0["symbol"]?.stringValue == "JNT" })
            let insiders = try #require(jnt["insiders"]?.arrayValue)
            func roles(_ name: String) -> [String]? { insiders.first { $0["name"]?.stringValue == name }?["roles"]?.arrayValue?.compactMap(\.stringValue) }
            #expect(roles("Remark Rita") == ["Other"], "\(source)")              // an officer titled "See Remarks"
            #expect(roles("Plain Pat") == ["Other"], "\(source)")                // no flag, no title
            #expect(roles("Both Ben") == ["CEO", "President"], "\(source)")
            #expect(jnt["insider_count"]?.integerValue == 5, "\(source)")
            #expect(jnt["total_shares_bought"]?.integerValue == 2450, "\(source)")   // the joint purchase counts once
            #expect(jnt["is_all_buy"] == .bool(false), "\(source)")

            let edge = try #require(rows.first { $0["symbol"]?.stringValue == "EDGE" })
            #expect(edge["cluster_start_date"]?.stringValue == "2026-03-31" && edge["cluster_end_date"]?.stringValue == "2026-04-30", "\(source)")
            // Span Sara's filing shows 03-30 on OpenInsider; its buy of 04-02 counts by its own date.
            #expect(edge["insider_names"] == .array(["Early Ed", "Multi Mia", "Span Sara", "Late Liz", "Night Nick"].map { .string($0) }), "\(source)")
            #expect(edge["insiders"]?.arrayValue?.first { $0["name"]?.stringValue == "Span Sara" }?["shares"]?.integerValue == 100, "\(source)")
            #expect(edge["current_stock_price"]?.doubleValue == 6.5, "\(source)")   // the 21:30 filing is the latest
            #expect(edge["is_all_buy"] == .bool(true), "\(source)")                 // the sale of 03-30 is outside the window
            let span = try #require(rows.first { $0["symbol"]?.stringValue == "SPAN" })
            #expect(span["is_all_buy"] == .bool(false), "\(source)")                // the sale of 04-06, shown on OpenInsider as 03-30
        }
    }
}
