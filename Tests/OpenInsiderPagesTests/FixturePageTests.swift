import Foundation
import OpenInsiderPages
import Testing

@Suite(.enabled(if: Fixtures.available, "../shared/fixtures not found: skipping fixture tests"))
struct FixturePageTests {
    /// Expected layout and data-row count per page, counted with grep over `<tr style="background:#..."><td align=right>`
    /// (the legend's trade-type rows have no `align=right` cell) and cross-checked with each page's "N results." line.
    static let expected: [(String, PageLayout?, Int)] = [
        ("insider-purchases__openbb_2022-01-21.html", .listing, 100),
        ("insider_Cook-Timothy-D_1214156__btopn_2026-04.html", .ticker, 6),
        ("latest-cluster-buys_TRUNCATED-10rows__stupolus_2026-05-31.html", .cluster, 10),
        ("latest-cluster-buys__btopn_2026-04.html", .cluster, 100),
        ("latest-officer-purchases-25k__btopn_2026-04.html", .listing, 100),
        ("screener_default-all-xp-xs__openbb_2021-12-12.html", .listing, 100),
        ("screener_pl=20_td=14_vl=100000__openbb_2021-12-18.html", .listing, 31),
        ("screener_s=NVDA__btopn_2026-04.html", .ticker, 100),
        ("screener_s=NVDA__chemoautotroph_2026-04-26.html", .ticker, 100),
        ("screener_s=PM__openbb_2022-01-21.html", .ticker, 17),
        ("screener_s=TSLA__openbb_2021-12-12.html", .ticker, 100),
        ("screener_s=VTI_no-results__chemoautotroph_2026-04-26.html", nil, 0),
        ("top-insider-purchases-of-the-week__btopn_2026-04.html", .listing, 100),
    ]

    @Test func everyFixtureHasItsLayoutAndRowCount() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path).filter { $0.hasSuffix(".html") }
        #expect(Set(names) == Set(Self.expected.map(\.0)), "fixture set changed: update the expected table")
        for (name, layout, count) in Self.expected {
            let page = try Fixtures.page(name)
            #expect(page.layout == layout, "\(name)")
            #expect(page.rows.count == count, "\(name)")
            #expect(page.pageTitle?.hasSuffix("OpenInsider") == true, "\(name)")
        }
    }

    /// Invariants that hold for every row of every capture.
    @Test func rowInvariantsHoldOnEveryPage() throws {
        for (name, layout, _) in Self.expected {
            let page = try Fixtures.page(name)
            for (k, r) in page.rows.enumerated() {
                let where_ = "\(name) row \(k + 1)"
                #expect(["P", "S"].contains(r.tradeCode), "\(where_)")
                #expect(r.tradeType.hasPrefix(r.tradeCode + " - "), "\(where_)")
                #expect(r.filingDateTime.count == 19 && r.tradeDate.count == 10, "\(where_)")
                #expect(!r.ticker.isEmpty && !r.ticker.hasPrefix(" "), "\(where_)")
                #expect(r.price >= 0, "\(where_)")
                #expect(r.value == 0 || (r.value > 0) == (r.qty > 0), "\(where_): value sign follows qty")
                #expect(r.tradeCode == "P" ? r.qty > 0 : r.qty < 0, "\(where_)")
                switch layout {
                case .cluster:
                    #expect(r.filingURL == nil && r.accession == nil && r.insiderCIK == nil && r.insiderName == nil, "\(where_)")
                    #expect(r.industry != nil && r.sic != nil && (r.insiderCount ?? 0) >= 2, "\(where_)")
                    #expect(r.companyName != nil, "\(where_)")
                case .listing, .ticker:
                    #expect(r.filingURL?.contains("/xslF345X03/") == true, "\(where_)")
                    #expect(r.accession?.count == 20 && r.issuerCIK?.count == 10 && r.insiderCIK?.count == 10, "\(where_)")
                    #expect(r.ownershipHint == "direct" || r.ownershipHint == "indirect", "\(where_)")
                    #expect(r.industry == nil && r.insiderCount == nil, "\(where_)")
                    #expect((r.companyName != nil) == (layout == .listing), "\(where_)")
                case nil:
                    Issue.record("rows on a page without a table: \(where_)")
                }
            }
        }
    }

    @Test func listingRowsReadByEye() throws {
        let page = try Fixtures.page("latest-officer-purchases-25k__btopn_2026-04.html")
        #expect(page.subject == nil && page.subjectCompanyName == nil)
        #expect(page.pageTitle == "Latest Officer Purchases 25k -  - OpenInsider")
        try #require(page.rows.count == 100)
        #expect(page.rows[0] == OpenInsiderRow(
            xFlags: "M", filingDateTime: "2026-04-24 21:10:03",
            filingURL: "http://www.sec.gov/Archives/edgar/data/1415921/000119312526178241/xslF345X03/ownership.xml",
            accession: "0001193125-26-178241", issuerCIK: "0001415921", tradeDate: "2026-04-22", ticker: "NMM",
            companyName: "Navios Maritime Partners L.P.", insiderName: "Frangou Angeliki", insiderCIK: "0001310495",
            title: "See Remarks, 10%", industry: nil, sic: nil, insiderCount: nil, tradeCode: "P",
            tradeType: "P - Purchase", price: 70.06, qty: 3597, owned: 5_695_737, ownedSaturated: false,
            deltaOwnPct: 0, deltaOwnText: "0%", value: 251_999, valueSaturated: false, ownershipHint: "indirect"))
        #expect(page.rows[1] == OpenInsiderRow(
            xFlags: "M", filingDateTime: "2026-04-24 18:34:43",
            filingURL: "http://www.sec.gov/Archives/edgar/data/1941131/000114036126016783/xslF345X03/form4.xml",
            accession: "0001140361-26-016783", issuerCIK: "0001941131", tradeDate: "2026-04-22", ticker: "TORO",
            companyName: "Toro Corp.", insiderName: "Panagiotidis Petros Panagiotis", insiderCIK: "0002118775",
            title: "CEO", tradeCode: "P", tradeType: "P - Purchase", price: 6.15, qty: 2_315_971,
            owned: 20_822_206, deltaOwnPct: 13, deltaOwnText: "+13%", value: 14_254_646, ownershipHint: "indirect"))
    }

    @Test func listingEntitiesPercentEncodedSlugsAndNew() throws {
        let page = try Fixtures.page("insider-purchases__openbb_2022-01-21.html")
        let sfix = try #require(page.rows.first { $0.ticker == "SFIX" })
        #expect(sfix.insiderName == "Working Capital Advisors (Uk) Ltd.")
        #expect(sfix.insiderCIK == "0001807878")  // slug `Working-Capital-Advisors-%28Uk%29-Ltd.`
        #expect(sfix.filingURL == "http://www.sec.gov/Archives/edgar/data/1576942/000180787822000005/xslF345X03/primary_doc.xml")
        #expect(sfix.accession == "0001807878-22-000005" && sfix.issuerCIK == "0001576942")
        #expect(sfix.price == 16.39 && sfix.qty == 500_000 && sfix.owned == 11_879_753 && sfix.value == 8_194_305)
        let bbby = try #require(page.rows.first { $0.ticker == "BBBY" })
        #expect(bbby.companyName == "Bed Bath & Beyond Inc")  // `&amp;` in the page
        #expect(page.rows.contains { $0.companyName == "Jpmorgan Chase & Co" })
        let news = page.rows.filter { $0.deltaOwnText == "New" }
        #expect(news.count == 20)  // grep -c 'New<' on the page
        #expect(news.allSatisfy { $0.deltaOwnPct == nil && $0.owned == $0.qty })
    }

    @Test func saturatedValueAndRawAmpersandInInsiderName() throws {
        let page = try Fixtures.page("screener_pl=20_td=14_vl=100000__openbb_2021-12-18.html")
        let ppd = page.rows.filter { $0.ticker == "PPD" }
        try #require(ppd.count == 2)
        for r in ppd {
            #expect(r.xFlags == "E")
            #expect(r.value == -2_147_483_647 && r.valueSaturated)
            #expect(r.qty == -132_841_266 && r.price == 28.59)
            #expect(r.owned == 0 && !r.ownedSaturated && r.deltaOwnPct == -100 && r.deltaOwnText == "-100%")
            #expect(r.companyName == "Ppd, Inc." && r.title == "10%" && r.ownershipHint == "indirect")
        }
        #expect(ppd[0].insiderName == "H&f Corporate Investors Viii, Ltd.")
        #expect(ppd[0].insiderCIK == "0001767563")
        #expect(ppd[0].accession == "0000899243-21-047360" && ppd[0].issuerCIK == "0001793294")
        #expect(ppd[0].filingDateTime == "2021-12-08 17:05:14" && ppd[0].tradeDate == "2021-12-08")
        #expect(page.rows.filter(\.valueSaturated).count == 2)
    }

    @Test func clusterRowsReadByEye() throws {
        let page = try Fixtures.page("latest-cluster-buys__btopn_2026-04.html")
        #expect(page.subject == nil)
        try #require(page.rows.count == 100)
        #expect(page.rows[0] == OpenInsiderRow(
            xFlags: "", filingDateTime: "2026-04-24 15:04:40", filingURL: nil, accession: nil, issuerCIK: nil,
            tradeDate: "2026-04-24", ticker: "NBBK", companyName: "Nb Bancorp, Inc.", insiderName: nil,
            insiderCIK: nil, title: nil, industry: "Savings Institutions, Not Federally Chartered", sic: "6036",
            insiderCount: 2, tradeCode: "P", tradeType: "P - Purchase", price: 19.77, qty: 27_500, owned: 764_837,
            deltaOwnPct: 4, deltaOwnText: "+4%", value: 543_551, ownershipHint: nil))
        #expect(page.rows[1] == OpenInsiderRow(
            xFlags: "DM", filingDateTime: "2026-04-23 21:25:00", tradeDate: "2026-02-03", ticker: "PMN",
            companyName: "Promis Neurosciences Inc.", industry: "Pharmaceutical Preparations", sic: "2834",
            insiderCount: 4, tradeCode: "P", tradeType: "P - Purchase", price: 12.23, qty: 712_370,
            owned: 969_521, deltaOwnPct: 277, deltaOwnText: "+277%", value: 8_711_533))
        #expect(page.rows[2].industry == "Totalizing Fluid Meters & Counting Devices")  // raw `&`
        #expect(page.rows[2].ticker == "BMI" && page.rows[2].insiderCount == 5)
        let pics = page.rows[32]
        #expect(pics.ticker == "PICS" && pics.deltaOwnText == "%" && pics.deltaOwnPct == nil)
        #expect(pics.qty == 194_005 && pics.owned == 194_005 && pics.value == 2_263_133 && pics.sic == "6141")
        #expect(page.rows.contains { $0.companyName == "F&G Annuities & Life, Inc." })
    }

    @Test func truncatedClusterPageWithoutTbody() throws {
        let page = try Fixtures.page("latest-cluster-buys_TRUNCATED-10rows__stupolus_2026-05-31.html")
        try #require(page.rows.count == 10)
        #expect(page.rows[0] == OpenInsiderRow(
            xFlags: "M", filingDateTime: "2026-05-29 18:44:28", tradeDate: "2026-05-29", ticker: "WHF",
            companyName: "Whitehorse Finance, Inc.", industry: "Closed-End Funds", sic: "0", insiderCount: 2,
            tradeCode: "P", tradeType: "P - Purchase", price: 6.90, qty: 108_258, owned: 384_780,
            deltaOwnPct: 39, deltaOwnText: "+39%", value: 746_650))
        #expect(page.rows[9].ticker != "S - Sale")  // legend rows after `</table>` are not data
    }

    @Test func tickerRowsReadByEye() throws {
        let page = try Fixtures.page("screener_s=NVDA__chemoautotroph_2026-04-26.html")
        #expect(page.subjectCompanyName == "Nvidia Corp")
        #expect(page.subject == SubjectDetails(issuerCIK: "0001045810", industry: "Semiconductors & Related Devices", sic: "3674", ownerCIK: nil))
        try #require(page.rows.count == 100)
        #expect(page.rows[0] == OpenInsiderRow(
            xFlags: "", filingDateTime: "2026-03-24 17:13:39",
            filingURL: "http://www.sec.gov/Archives/edgar/data/1045810/000119903926000003/xslF345X03/wk-form4_1774386816.xml",
            accession: "0001199039-26-000003", issuerCIK: "0001045810", tradeDate: "2026-03-20", ticker: "NVDA",
            companyName: nil, insiderName: "Stevens Mark A", insiderCIK: "0001199039", title: "Dir",
            tradeCode: "S", tradeType: "S - Sale", price: 173.68, qty: -221_682, owned: 33_960_922,
            deltaOwnPct: -1, deltaOwnText: "-1%", value: -38_502_524, ownershipHint: "indirect"))
        #expect(page.rows[1] == OpenInsiderRow(
            xFlags: "", filingDateTime: "2026-03-20 20:14:03",
            filingURL: "http://www.sec.gov/Archives/edgar/data/1045810/000172529226000002/xslF345X03/wk-form4_1774052040.xml",
            accession: "0001725292-26-000002", issuerCIK: "0001045810", tradeDate: "2026-03-19", ticker: "NVDA",
            insiderName: "Shah Aarti S.", insiderCIK: "0001725292", title: "Dir", tradeCode: "S",
            tradeType: "S - Sale", price: 176.71, qty: -19_000, owned: 36_007, deltaOwnPct: -35,
            deltaOwnText: "-35%", value: -3_357_549, ownershipHint: "direct"))
    }

    @Test func crlfAndLfCapturesOfNvdaAgree() throws {
        let raw = try Fixtures.bytes("screener_s=NVDA__chemoautotroph_2026-04-26.html")
        #expect(raw.contains(0x0D), "the chemoautotroph capture keeps its CRLF template")
        let a = try Fixtures.page("screener_s=NVDA__chemoautotroph_2026-04-26.html")
        let b = try Fixtures.page("screener_s=NVDA__btopn_2026-04.html")
        #expect(a.rows == b.rows && a.subject == b.subject && a.pageTitle == b.pageTitle)
    }

    @Test func insiderPageRowsAndOwnerCIK() throws {
        let page = try Fixtures.page("insider_Cook-Timothy-D_1214156__btopn_2026-04.html")
        #expect(page.subject == SubjectDetails(ownerCIK: "0001214156"))
        #expect(page.subjectCompanyName == nil)
        try #require(page.rows.count == 6)
        #expect(Set(page.rows.map(\.ticker)) == ["NKE", "AAPL"])
        #expect(page.rows[0] == OpenInsiderRow(
            xFlags: "", filingDateTime: "2026-04-14 16:25:45",
            filingURL: "http://www.sec.gov/Archives/edgar/data/320187/000032018726000049/xslF345X03/form4.xml",
            accession: "0000320187-26-000049", issuerCIK: "0000320187", tradeDate: "2026-04-10", ticker: "NKE",
            insiderName: "Cook Timothy D", insiderCIK: "0001214156", title: "Dir", tradeCode: "P",
            tradeType: "P - Purchase", price: 42.43, qty: 25_000, owned: 130_480, deltaOwnPct: 24,
            deltaOwnText: "+24%", value: 1_060_750, ownershipHint: "direct"))
        #expect(page.rows[1] == OpenInsiderRow(
            xFlags: "D", filingDateTime: "2026-04-03 18:30:41",
            filingURL: "http://www.sec.gov/Archives/edgar/data/320193/000114036126013190/xslF345X03/form4.xml",
            accession: "0001140361-26-013190", issuerCIK: "0000320193", tradeDate: "2026-04-02", ticker: "AAPL",
            insiderName: "Cook Timothy D", insiderCIK: "0001214156", title: "CEO", tradeCode: "S",
            tradeType: "S - Sale+OE", price: 254.23, qty: -64_949, owned: 3_280_418, deltaOwnPct: -2,
            deltaOwnText: "-2%", value: -16_512_198, ownershipHint: "direct"))
    }

    @Test func otherTickerPagesSubjects() throws {
        let pm = try Fixtures.page("screener_s=PM__openbb_2022-01-21.html")
        #expect(pm.subjectCompanyName == "Philip Morris International Inc.")
        #expect(pm.subject == SubjectDetails(issuerCIK: "0001413329", industry: "Cigarettes", sic: "2111"))
        let tsla = try Fixtures.page("screener_s=TSLA__openbb_2021-12-12.html")
        #expect(tsla.subjectCompanyName == "Tesla, Inc.")
        #expect(tsla.subject?.issuerCIK == "0001318605")
        #expect(tsla.rows[0].insiderName == "Musk Elon" && tsla.rows[0].price == 1044.54)
    }

    @Test func emptyResultPage() throws {
        let page = try Fixtures.page("screener_s=VTI_no-results__chemoautotroph_2026-04-26.html")
        #expect(page.layout == nil && page.rows.isEmpty)
        #expect(page.pageTitle == "VTI -  - SEC Form 4 Insider Trading Screener - OpenInsider")
        #expect(page.subjectCompanyName == nil && page.subject == nil)
        #expect(page.renderJSON() == "{\"layout\": null, \"rows\": []}")
    }

    @Test func genericScreenerSicBoundIsNotAnIndustry() throws {
        let page = try Fixtures.page("screener_default-all-xp-xs__openbb_2021-12-12.html")
        #expect(page.subject == nil)  // `<a href="/industry//9999"></a>`
        // Same accession, same owner, a P row and an S row (DOMAIN 1.4, ODT).
        let odt = page.rows.filter { $0.accession == "0001567619-21-021902" }
        #expect(Set(odt.map(\.tradeCode)) == ["P", "S"])
    }
}
