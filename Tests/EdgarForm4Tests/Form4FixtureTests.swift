@testable import EdgarForm4
import Foundation
import Testing

enum F4Fixtures {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/edgar")
    static let available = FileManager.default.fileExists(atPath: dir.path)
    static let skip: Comment = "../shared/fixtures not found: skipping Form 4 fixture tests"

    static func bytes(_ prefix: String, folder: String = "form4") throws -> [UInt8] {
        let folderURL = dir.appendingPathComponent(folder)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folderURL.path).first { $0.hasPrefix(prefix) }, "no fixture \(prefix)")
        return Array(try Data(contentsOf: folderURL.appendingPathComponent(name)))
    }

    static func doc(_ prefix: String) throws -> Form4Document { try Form4Parser.parse(try bytes(prefix)) }
}

func dec(_ s: String) -> Decimal { Decimal(string: s)! }

@Suite(.enabled(if: F4Fixtures.available, F4Fixtures.skip)) struct Form4FixtureTests {
    @Test func everyFixtureParses() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: F4Fixtures.dir.appendingPathComponent("form4").path)
        #expect(names.count >= 37)
        for name in names {
            let doc = try Form4Parser.parse(Array(try Data(contentsOf: F4Fixtures.dir.appendingPathComponent("form4/\(name)"))))
            #expect(doc.issuer.cik.count == 10, "\(name)")
            #expect(!doc.owners.isEmpty, "\(name)")
            #expect(doc.owners.allSatisfy { $0.cik.count == 10 && !$0.name.isEmpty }, "\(name)")
            // Table I rows come before table II rows.
            let tables = doc.transactions.map(\.table)
            #expect(tables == tables.sorted { $0 == .nonDerivative && $1 == .derivative }, "\(name)")
            #expect(doc.transactions.allSatisfy { Set($0.footnoteIds).count == $0.footnoteIds.count }, "\(name)")
        }
    }

    @Test func ntraThreePurchasesSameDayDifferentPrices() throws {
        let doc = try F4Fixtures.doc("P_purchase_director_fund_indirect_NTRA")
        let p = doc.transactions.filter { $0.code == "P" }
        #expect(p.map(\.shares) == [dec("26402"), dec("85903"), dec("40695")])
        #expect(p.map(\.price) == [dec("31.9154"), dec("32.5947"), dec("33.4881")])
        #expect(p.allSatisfy { $0.date == "2022-03-16" && $0.acquiredDisposed == "A" && $0.directIndirect == "I" })
        #expect(p[0].natureOfOwnership == "By estate planning vehicles")
        #expect(p[0].sharesOwnedAfter == dec("1164986"))
        #expect(p[0].footnoteIds == ["F2", "F1"])   // document order
        #expect(doc.owners == [Form4Owner(cik: "0001222287", name: "BOTHA ROELOF", isDirector: true, isOfficer: false, isTenPercentOwner: false, isOther: false, officerTitle: nil, otherText: nil)])
        #expect(doc.aff10b5One == nil)   // pre-2023 schema: unknown, not false
    }

    @Test func teslaMuskPurchaseByTrust() throws {
        let doc = try F4Fixtures.doc("P_open_market_purchase_TSLA")
        let t = try #require(doc.transactions.first)
        #expect(t.code == "P" && t.date == "2011-06-08" && t.shares == dec("1416000") && t.price == dec("28.76"))
        #expect(t.directIndirect == "I" && t.natureOfOwnership == "by Trust" && t.sharesOwnedAfter == dec("27131565"))
        let o = try #require(doc.owners.first)
        #expect(o.isDirector && o.isOfficer && o.isTenPercentOwner && o.officerTitle == "Chief Executive Officer" && o.name == "Musk Elon")
        #expect(doc.issuer.cik == "0001318605")
    }

    @Test func courJointFilingFiveOwnersTwoPurchases() throws {
        let doc = try F4Fixtures.doc("P_purchase_5_owners")
        #expect(doc.owners.count == 5)
        #expect(doc.owners.allSatisfy { $0.isTenPercentOwner })
        #expect(doc.transactions.filter { $0.code == "P" }.map(\.price) == [dec("5.0639"), dec("4.6062")])
        #expect(doc.transactions.map(\.shares) == [dec("1332742"), dec("1000000")])
        #expect(doc.accession == "0000921895-26-002677")
        #expect(doc.aff10b5One == false)
    }

    @Test func amfnPennyPriceAndOtherText() throws {
        let doc = try F4Fixtures.doc("P_purchase_isOther_otherText_penny")
        #expect(doc.transactions.first?.price == dec("0.102"))
        #expect(doc.transactions.first?.shares == dec("842775"))
        let o = try #require(doc.owners.first)
        #expect(o.isOther && o.otherText == "Chief Revenue Officer" && o.officerTitle == nil)
    }

    @Test func footnoteOnlyPricesAreNil() throws {
        #expect(try F4Fixtures.doc("A_RSU_grant_derivative_only").transactions.first?.price == nil)
        let adgi = try F4Fixtures.doc("P_C_4_owners")
        #expect(adgi.transactions.first { $0.code == "C" && $0.table == .nonDerivative }?.price == nil)
        #expect(adgi.transactions.first { $0.code == "P" }?.price == dec("17"))
        #expect(adgi.owners.count == 4)
    }

    @Test func flagsAsTrueFalseAndOmitted() throws {
        let doc = try F4Fixtures.doc("A_RSU_award_CTO_bool_true_false_SCWO")
        let o = try #require(doc.owners.first)
        #expect(o.isOfficer && !o.isDirector && !o.isTenPercentOwner && !o.isOther)
        #expect(o.officerTitle == "Chief Technology Officer")
        #expect(doc.aff10b5One == false)
        let t = try #require(doc.transactions.first)
        #expect(t.code == "A" && t.price == 0 && t.shares == dec("757756") && t.date == "2025-04-30")
    }

    @Test func theTenB51Box() throws {
        #expect(try F4Fixtures.doc("S_sale_aff10b5One_1_AFRM").aff10b5One == true)
        #expect(try F4Fixtures.doc("S_sale_aff10b5One_1_AFRM").transactions.allSatisfy { $0.rule10b5_1 })
        #expect(try F4Fixtures.doc("C_conversion_aff10b5One_1_PLTR").aff10b5One == true)
        #expect(try F4Fixtures.doc("G_gift_director_indirect_MDB").aff10b5One == false)
        #expect(try F4Fixtures.doc("G_gift_director_indirect_MDB").transactions.allSatisfy { !$0.rule10b5_1 })
    }

    @Test func tenB51ByAttachedFootnote() throws {
        let doc = try F4Fixtures.doc("S_5rows_COO_price_footnotes_10b5_1_footnote_AAPL")
        #expect(doc.transactions.count == 5)
        #expect(doc.transactions.allSatisfy { $0.rule10b5_1 && $0.footnoteIds.contains("F1") })
        #expect(doc.footnote("F1")?.hasPrefix("This transaction was made pursuant to a Rule 10b5-1 trading plan") == true)
        #expect(doc.transactions[0].shares == dec("13433") && doc.transactions[0].price == dec("208.99"))
        // Remarks-only statement: the row flag stays false by design (SPEC: box or attached footnote).
        let goog = try F4Fixtures.doc("S_6rows_continuation")
        #expect(goog.remarks.map(statesRule10b5_1Plan) == true)
        #expect(goog.transactions.allSatisfy { !$0.rule10b5_1 })
    }

    @Test func amendmentFromAFullSubmission() throws {
        let doc = try F4Fixtures.doc("4A_amendment_APT")
        #expect(doc.documentType == "4/A")
        #expect(doc.dateOfOriginalSubmission == "2023-10-02")
        #expect(doc.accession == "0001258134-26-000004")
        #expect(doc.transactions.allSatisfy { $0.table == .nonDerivative })
        #expect(doc.remarks?.isEmpty == false)
    }

    @Test func ncWrapperWithSeeRemarks() throws {
        let doc = try F4Fixtures.doc("A_award_officerTitle_See_Remarks_TSVT")
        #expect(doc.owners.first?.officerTitle == "See Remarks")
        #expect(doc.remarks?.isEmpty == false)
        #expect(doc.accession == "0001562180-25-000280")
        #expect(doc.transactions.count == 2)
    }

    @Test func holdingsOnlyDerivativeOnlyAndTwoDocuments() throws {
        let h = try F4Fixtures.doc("holdings_only_no_transactions")
        #expect(h.transactions.isEmpty && h.holdings.count == 1 && h.owners.count == 4)
        #expect(h.owners.allSatisfy { $0.isOther && $0.otherText == "See Remarks" })
        let z = try F4Fixtures.doc("A_M_derivative_only_director_ZNGA")
        #expect(!z.transactions.isEmpty && z.transactions.allSatisfy { $0.table == .derivative })
        let air = try F4Fixtures.doc("S_sale_full_submission_2_documents_AIR")
        #expect(air.transactions.map(\.code) == ["S"] && air.transactions.first?.price == dec("66.903"))
        #expect(air.owners.first?.officerTitle == "Senior VP, GC, CAO & Secretary")
        #expect(try F4Fixtures.doc("FORM3_7_owners").documentType == "3")
    }

    @Test func errorBodiesAreNotFilings() throws {
        for name in ["sec_rate_limit_exceeded_page.html", "error_NoSuchKey_archives_txt_wrong_accession.xml",
                     "xsl_rendered_form4_374Water_SCWO.html", "xsl_rendered_form4_GOOG_Brin", "xsl_rendered_form4_MSFT_List_Teri.html"] {
            #expect(throws: Form4ParseError.noOwnershipDocument, "\(name)") { try Form4Parser.parse(try F4Fixtures.bytes(name, folder: "other")) }
        }
    }

    @Test func truncatedPrefixesThrowAndNeverCrash() throws {
        let bytes = try F4Fixtures.bytes("C_S_18rows_officerTitle_Co-Founder_GOOG")
        var failures = 0
        for n in stride(from: 0, to: bytes.count - 40, by: 97) {
            if (try? Form4Parser.parse(Array(bytes[0..<n]))) == nil { failures += 1 }
        }
        #expect(failures == (bytes.count - 40 + 96) / 97)
    }
}

@Suite struct Form4SyntheticTests {
    func doc(_ body: String, owners: Int = 1, extra: String = "") -> String {
        let o = (0..<owners).map { "<reportingOwner><reportingOwnerId><rptOwnerCik>\($0 + 100)</rptOwnerCik><rptOwnerName>Owner \($0)</rptOwnerName></reportingOwnerId><reportingOwnerRelationship><isDirector>true</isDirector></reportingOwnerRelationship></reportingOwner>" }.joined()
        return "<?xml version=\"1.0\"?><ownershipDocument><documentType>4</documentType><issuer><issuerCik>320193</issuerCik><issuerName>A &amp; B</issuerName></issuer>\(o)\(extra)<nonDerivativeTable>\(body)</nonDerivativeTable><footnotes><footnote id=\"F1\">Pursuant to a Rule 10b5&#8209;1 plan</footnote></footnotes></ownershipDocument>"
    }

    func parse(_ s: String) throws -> Form4Document { try Form4Parser.parse(Array(s.utf8)) }

    @Test func footnoteIdsAroundValuesAndEmptyValues() throws {
        let row = "<nonDerivativeTransaction><securityTitle><value>Common</value></securityTitle><transactionDate><value>2026-04-01</value></transactionDate><transactionCoding><transactionCode>P</transactionCode></transactionCoding><transactionAmounts><transactionShares><footnoteId id=\"F2\"/><value> 1,000 </value><footnoteId id=\"F1\"/></transactionShares><transactionPricePerShare><value/><footnoteId id=\"F2\"/></transactionPricePerShare></transactionAmounts><postTransactionAmounts><sharesOwnedFollowingTransaction><value></value></sharesOwnedFollowingTransaction></postTransactionAmounts></nonDerivativeTransaction>"
        let d = try parse(doc(row))
        let t = try #require(d.transactions.first)
        #expect(t.shares == 1000 && t.price == nil && t.sharesOwnedAfter == nil)
        #expect(t.footnoteIds == ["F2", "F1"])
        #expect(t.rule10b5_1)   // F1 states a 10b5-1 plan with a non-breaking hyphen
        #expect(d.issuer.cik == "0000320193" && d.issuer.name == "A & B")
        #expect(d.owners.first?.isDirector == true)
    }

    @Test func aRowWithoutCodingIsSkippedAndUnknownCodesKept() throws {
        let rows = "<nonDerivativeTransaction><transactionAmounts><transactionShares><value>5</value></transactionShares></transactionAmounts></nonDerivativeTransaction>"
            + "<nonDerivativeTransaction><transactionCoding><transactionCode>Q</transactionCode></transactionCoding><transactionAmounts><transactionShares><value>1.5E3</value></transactionShares></transactionAmounts></nonDerivativeTransaction>"
        let d = try parse(doc(rows))
        #expect(d.transactions.map(\.code) == ["Q"])
        #expect(d.transactions.first?.shares == 1500)
    }

    @Test func entitiesCDATAAndComments() throws {
        let row = "<!-- a comment --><nonDerivativeTransaction><securityTitle><value><![CDATA[Class <A>]]></value></securityTitle><transactionCoding><transactionCode>S</transactionCode></transactionCoding><ownershipNature><natureOfOwnership><value>By &#39;Trust&#x27; &lt;1&gt;</value></natureOfOwnership></ownershipNature></nonDerivativeTransaction>"
        let t = try #require(try parse(doc(row)).transactions.first)
        #expect(t.securityTitle == "Class <A>")
        #expect(t.natureOfOwnership == "By 'Trust' <1>")
    }

    @Test func tenOwnersAndTheBox() throws {
        let d = try parse(doc("", owners: 10, extra: "<aff10b5One>1</aff10b5One>"))
        #expect(d.owners.count == 10 && d.owners.last?.cik == "0000000109")
        #expect(d.aff10b5One == true)
    }

    @Test func brokenDocumentsThrow() {
        #expect(throws: Form4ParseError.self) { try Form4Parser.parse([]) }
        #expect(throws: Form4ParseError.self) { try Form4Parser.parse(Array("<ownershipDocument><documentType>4</issuer></ownershipDocument>".utf8)) }
        #expect(throws: Form4ParseError.missingElement("issuerCik")) { try Form4Parser.parse(Array("<ownershipDocument><documentType>4</documentType></ownershipDocument>".utf8)) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let junk = (0..<Int.random(in: 0..<400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? Form4Parser.parse(Array("<ownershipDocument>".utf8) + junk)
        }
    }

    @Test(arguments: [("Rule 10b5-1", true), ("10b5-1(c)", true), ("10b-5-1", true), ("10b5 1", true), ("10b5\u{2011}1", true),
                      ("a 10b5-1 trading plan", true), ("a 10b5 plan", true), ("10B5-1", true),
                      ("Rule 10b-5", false), ("10b5-10", false), ("10b5-12", false), ("110b5-1", false), ("", false), ("Rule 16a-13", false)])
    func tenB51Detector(text: String, expected: Bool) {
        #expect(statesRule10b5_1Plan(text) == expected, "\(text)")
    }

    @Test func renderedJSONHasTheDocumentedShape() throws {
        let d = try parse(doc("<nonDerivativeTransaction><transactionCoding><transactionCode>P</transactionCode></transactionCoding><transactionAmounts><transactionPricePerShare><value>12.34</value></transactionPricePerShare></transactionAmounts></nonDerivativeTransaction>"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(d.renderJSON().utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["document_type", "period_of_report", "date_of_original_submission", "issuer", "owners", "aff10b5_one",
                                    "transactions", "holdings", "footnotes", "remarks"])
        #expect(json["aff10b5_one"] is NSNull)
        let t = try #require((json["transactions"] as? [[String: Any]])?.first)
        #expect((t["price"] as? NSNumber)?.doubleValue == 12.34)
        #expect(t["shares"] is NSNull)
        #expect(d.renderJSON().hasPrefix("{\"document_type\": \"4\", \"period_of_report\": null"))
    }
}
