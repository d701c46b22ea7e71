import EdgarForm4
import Foundation
import Testing

@Suite(.enabled(if: Fixtures.available, Fixtures.skip))
struct FixtureTests {
    @Test func everyFixtureFileHasAHandWrittenCase() throws {
        #expect(try Fixtures.form4Names() == fixtureCases.map(\.file).sorted())
    }

    @Test func everyFixtureParsesWithConsistentInvariants() throws {
        let names = try Fixtures.form4Names()
        #expect(names.count == 37)
        for name in names {
            let doc = try Form4Parser.parse(Array(try Data(contentsOf: Fixtures.form4.appendingPathComponent(name))))
            #expect(doc.issuer.cik.count == 10 && doc.issuer.cik.allSatisfy(\.isNumber), "\(name)")
            #expect(!doc.owners.isEmpty && doc.owners.count <= 10, "\(name)")
            #expect(doc.owners.allSatisfy { $0.cik.count == 10 && $0.cik.allSatisfy(\.isNumber) && !$0.name.isEmpty }, "\(name)")
            // Table I before table II, in both lists.
            let tables = doc.transactions.map(\.table)
            #expect(tables == tables.filter { $0 == .nonDerivative } + tables.filter { $0 == .derivative }, "\(name)")
            let holdingTables = doc.holdings.map(\.table)
            #expect(holdingTables == holdingTables.filter { $0 == .nonDerivative } + holdingTables.filter { $0 == .derivative }, "\(name)")
            // Footnote references: no repeats, and each one exists in the document.
            let ids = Set(doc.footnotes.map(\.id))
            #expect(ids.count == doc.footnotes.count, "\(name): duplicate footnote ids")
            for t in doc.transactions {
                #expect(Set(t.footnoteIds).count == t.footnoteIds.count, "\(name)")
                #expect(t.footnoteIds.allSatisfy(ids.contains), "\(name): \(t.footnoteIds) not all in \(ids.sorted())")
                #expect(t.code?.count == 1, "\(name)")
                #expect(t.date?.count == 10, "\(name)")
                #expect(t.shares.map { $0 >= 0 } ?? true, "\(name): shares are never negative")
            }
            for h in doc.holdings { #expect(h.footnoteIds.allSatisfy(ids.contains), "\(name)") }
            if doc.documentType == "3" { #expect(doc.transactions.isEmpty && !doc.holdings.isEmpty, "\(name): Form 3 holds holdings only") }
        }
    }

    @Test(arguments: fixtureCases)
    func fixtureFieldByField(_ c: FixtureCase) throws {
        let doc = try Fixtures.document(c.file)
        #expect(doc.schemaVersion == c.schema)
        #expect(doc.documentType == c.type)
        #expect(doc.periodOfReport == c.period)
        #expect(doc.dateOfOriginalSubmission == c.original)
        #expect(doc.notSubjectToSection16 == c.notSubject)
        #expect(doc.issuer.cik == c.issuer.cik)
        #expect(doc.issuer.name == c.issuer.name)
        #expect(doc.issuer.ticker == c.issuer.ticker)
        #expect(doc.aff10b5One == c.aff10b5One)
        #expect(doc.accession == c.accession)
        #expect(doc.acceptanceDateTime == c.acceptance)
        #expect(doc.transactions.count == c.counts.transactions)
        #expect(doc.holdings.count == c.counts.holdings)
        #expect(doc.footnotes.count == c.counts.footnotes)
        #expect((doc.remarks != nil) == c.hasRemarks)
        #expect(doc.owners.map(O.init) == c.owners)
        for (i, expected) in c.transactions {
            try #require(i < doc.transactions.count, "row \(i)")
            #expect(T(doc.transactions[i]) == expected, "transaction row \(i)")
        }
        for (i, expected) in c.holdings {
            try #require(i < doc.holdings.count, "holding \(i)")
            #expect(H(doc.holdings[i]) == expected, "holding row \(i)")
        }
    }

    // MARK: edge cases named in SOURCES.md and DOMAIN.md

    @Test func footnoteOnlyPricesAreNilNotZero() throws {
        let jblu = try Fixtures.document("JBLU")
        #expect(jblu.transactions.count == 1)
        #expect(jblu.transactions[0].price == nil && jblu.transactions[0].conversionOrExercisePrice == nil)
        #expect(jblu.transactions[0].footnoteIds == ["F1", "F2"])

        let adgi = try Fixtures.document("P_C_4_owners")
        let conversions = adgi.transactions.filter { $0.code == "C" }
        #expect(conversions.count == 4)
        // Table I C row: price given only by F1 -> nil. Table II C rows: price 0.00 (a real zero), exercise price by footnote -> nil.
        #expect(conversions.filter { $0.table == .nonDerivative }.map(\.price) == [nil])
        #expect(conversions.filter { $0.table == .derivative }.map(\.price) == [0, 0, 0])
        #expect(conversions.filter { $0.table == .derivative }.allSatisfy { $0.conversionOrExercisePrice == nil })
        #expect(conversions.filter { $0.table == .derivative }.map(\.underlyingShares) == [d("6250000"), d("881520"), d("2113060")])
        #expect(adgi.transactions.filter { $0.code == "P" }.map(\.price) == [d("17.00")])

        let tsla = try Fixtures.document("C_F_S_X_IPO_era_TSLA")
        #expect(tsla.transactions.filter { $0.code == "C" || $0.code == "X" }.allSatisfy { $0.price == nil })
        #expect(tsla.transactions.filter { $0.code == "F" || $0.code == "S" }.map(\.price) == [d("17.00"), d("17.00")])
    }

    @Test func courFiveTenPercentOwnersAndExactlyTwoPurchases() throws {
        let doc = try Fixtures.document("COUR")
        #expect(doc.owners.count == 5)
        #expect(doc.owners.allSatisfy { $0.isTenPercentOwner && !$0.isDirector && !$0.isOfficer && !$0.isOther })
        #expect(doc.owners.allSatisfy { $0.officerTitle == nil && $0.otherText == nil })
        #expect(Set(doc.owners.map(\.cik)).count == 5)
        let p = doc.transactions.filter { $0.code == "P" }
        #expect(p.count == 2 && doc.transactions.count == 2)
        #expect(p.map(\.date) == ["2026-09-25", "2026-09-29"])
        #expect(p.map(\.shares) == [d("1332742"), d("1000000")])
        #expect(p.map(\.price) == [d("5.0639"), d("4.6062")])
        #expect(p.map(\.sharesOwnedAfter) == [d("27806415"), d("28806415")])
        #expect(p.allSatisfy { $0.directIndirect == "I" && $0.natureOfOwnership == "By Pale Fire Capital SICAV a.s." })
        #expect(doc.footnote("F3")?.contains("prices ranging from $4.5759 to $4.6268, inclusive") == true)
        #expect(doc.footnote("F1")?.contains("Pale Fire Capital SE (\"Pale Fire Capital\")") == true)   // &quot; decoded
        #expect(p[1].footnoteIds == ["F1", "F3", "F2"])
    }

    @Test func amfnPennyPriceIsAnExactDecimalAndOtherTextIsKept() throws {
        let doc = try Fixtures.document("AMFN")
        let t = try #require(doc.transactions.first)
        let price = try #require(t.price)
        #expect(price == Decimal(string: "0.102"))
        #expect("\(price)" == "0.102")
        #expect(t.shares == d("842775"))
        let o = try #require(doc.owners.first)
        #expect(o.isOther && !o.isOfficer && !o.isDirector && !o.isTenPercentOwner)
        #expect(o.otherText == "Chief Revenue Officer")
        #expect(o.officerTitle == nil)   // <officerTitle></officerTitle>
    }

    @Test func ntraThreePurchasesSameDayAtDifferentPrices() throws {
        let doc = try Fixtures.document("NTRA")
        let p = doc.transactions.filter { $0.code == "P" }
        #expect(p.count == 3)
        #expect(p.allSatisfy { $0.date == "2022-03-16" && $0.acquiredDisposed == "A" && $0.directIndirect == "I" })
        #expect(p.map(\.price) == [d("31.9154"), d("32.5947"), d("33.4881")])
        #expect(p.map(\.shares) == [d("26402"), d("85903"), d("40695")])
        #expect(Set(p.compactMap(\.price)).count == 3)
    }

    @Test func teslaMuskPurchaseHeldByTrustDirectorOfficerAndTenPercentOwner() throws {
        let doc = try Fixtures.document("P_open_market_purchase_TSLA")
        #expect(doc.owners.map(O.init) == [O("0001494730", "Musk Elon", true, true, true, false, "Chief Executive Officer", nil)])
        #expect(doc.transactions.map(T.init) == [
            T(.nonDerivative, "Common Stock", "2011-06-08", "P", "4", d("1416000"), d("28.76"), "A", d("27131565"), "I", "by Trust", ["F1"], false),
        ])
        #expect(doc.schemaVersion == "X0303" && doc.aff10b5One == nil)
    }

    @Test func scwoTrueFalseStringsAndOmittedFlagsAreFalse() throws {
        let doc = try Fixtures.document("SCWO")
        // Only <isOfficer>true</isOfficer> is present; the other three flags are omitted.
        #expect(doc.owners.map(O.init) == [O("0002064133", "Melkote Rajesh Ramaswamy", false, true, false, false, "Chief Technology Officer", nil)])
        #expect(doc.aff10b5One == false)   // <aff10b5One>false</aff10b5One>
        #expect(doc.notSubjectToSection16 == nil)   // element absent
        #expect(doc.transactions.allSatisfy { !$0.rule10b5_1 })
    }

    @Test func aptAmendmentFromAFullSubmission() throws {
        let doc = try Fixtures.document("4A_amendment_APT")
        #expect(doc.documentType == "4/A")
        #expect(doc.dateOfOriginalSubmission == "2023-10-02")
        #expect(doc.periodOfReport == "2023-09-28")
        #expect(doc.accession == "0001258134-26-000004")
        #expect(doc.acceptanceDateTime == "20260929165737")
        // <derivativeTable></derivativeTable> is empty: nothing from table II.
        #expect(doc.transactions.count == 1 && doc.transactions.allSatisfy { $0.table == .nonDerivative })
        #expect(doc.holdings.isEmpty)
        #expect(doc.remarks?.hasPrefix("This amendment is being filed solely to correct the type of securities acquired") == true)
        #expect(doc.transactions[0].natureOfOwnership == nil)   // <natureOfOwnership><value></value></natureOfOwnership>
    }

    @Test func adgiHoldingsOnlyFiling() throws {
        let doc = try Fixtures.document("holdings_only_no_transactions")
        #expect(doc.transactions.isEmpty)
        #expect(doc.holdings.map(H.init) == [H(.nonDerivative, "Common Stock", d("11241580"), "D", nil, ["F1"])])
        #expect(doc.owners.count == 4 && doc.owners.allSatisfy { $0.isOther && $0.isTenPercentOwner && $0.otherText == "See Remarks" })
        #expect(doc.notSubjectToSection16 == false)
        #expect(doc.remarks?.hasPrefix("This Form 4 is not being filed in connection with the acquisition or disposition") == true)
    }

    @Test func zngaDerivativeOnlyFiling() throws {
        let doc = try Fixtures.document("ZNGA")
        #expect(doc.transactions.count == 3)
        #expect(doc.transactions.allSatisfy { $0.table == .derivative })
        #expect(doc.transactions.map(\.code) == ["A", "M", "M"])
        #expect(doc.transactions.map(\.acquiredDisposed) == ["A", "D", "A"])
        #expect(doc.transactions.map(\.securityTitle) == ["Restricted Stock Unit", "Restricted Stock Unit", "Class B Common Stock"])
        #expect(doc.transactions[0].underlyingSecurityTitle == "Class B Common Stock")
        #expect(doc.transactions[0].conversionOrExercisePrice == 0)
        #expect(doc.holdings.isEmpty)
    }

    @Test func tsvtNcWrapperWithSeeRemarksTitle() throws {
        let doc = try Fixtures.document("TSVT")
        #expect(doc.accession == "0001562180-25-000280")
        #expect(doc.acceptanceDateTime == nil)   // the .nc header carries no acceptance time
        #expect(doc.owners.map(O.init) == [O("0002009134", "Snow Jessica", false, true, false, false, "See Remarks", nil)])
        #expect(doc.remarks == "Title: Senior Vice President of Quality and Enabling Functions")
        #expect(doc.notSubjectToSection16 == false && doc.aff10b5One == false)
        #expect(doc.transactions.map(\.table) == [.nonDerivative, .derivative])
        #expect(doc.transactions[1].conversionOrExercisePrice == d("2.64"))
    }

    @Test func airFullSubmissionWithTwoDocumentsReadsOnlyTheForm4() throws {
        let bytes = try Fixtures.bytes("AIR")
        #expect(String(decoding: bytes, as: UTF8.self).contains("PUBLIC DOCUMENT COUNT:\t\t2"))
        let doc = try Form4Parser.parse(bytes)
        #expect(doc.accession == "0001127602-25-001055")
        #expect(doc.acceptanceDateTime == "20250110160730")
        #expect(doc.transactions.map(T.init) == [
            T(.nonDerivative, "Common Stock", "2025-01-10", "S", "4", d("1500"), d("66.903"), "D", d("37565"), "D", nil, ["F1"], false),
        ])
        #expect(doc.owners.first?.officerTitle == "Senior VP, GC, CAO & Secretary")
        #expect(doc.footnotes.count == 1 && doc.remarks == nil)
    }

    // MARK: 10b5-1

    @Test func aaplWilliamsRowsFlaggedThroughTheAttachedF1() throws {
        let doc = try Fixtures.document("AAPL_Williams")
        #expect(doc.aff10b5One == nil)
        #expect(doc.transactions.count == 5)
        #expect(doc.transactions.allSatisfy { $0.rule10b5_1 && $0.footnoteIds.first == "F1" })
        #expect(doc.footnote("F1") == "This transaction was made pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on February 18, 2019.")
    }

    @Test func afrmAndPltrFlaggedByTheBox() throws {
        for part in ["AFRM", "S_sales_aff10b5One_1_PLTR", "C_conversion_aff10b5One_1_PLTR"] {
            let doc = try Fixtures.document(part)
            #expect(doc.aff10b5One == true, "\(part)")
            #expect(!doc.transactions.isEmpty && doc.transactions.allSatisfy(\.rule10b5_1), "\(part)")
        }
        // The box is document-level: the PLTR conversion filing has only C rows.
        #expect(try Fixtures.document("C_conversion_aff10b5One_1_PLTR").transactions.allSatisfy { $0.code == "C" })
    }

    @Test func rowsWithoutAnAttached10b5_1FootnoteAreNotFlagged() throws {
        let cook = try Fixtures.document("AAPL_Cook")
        #expect(cook.transactions.map(\.code) == ["M", "F", "S", "S", "S", "M"])
        #expect(cook.transactions.map(\.rule10b5_1) == [false, false, true, true, true, false])   // F7 is on the S rows only

        let lnkd = try Fixtures.document("LNKD")
        #expect(lnkd.transactions.map(\.code) == ["C", "S", "S", "C", "G", "C", "C"])
        #expect(lnkd.transactions.map(\.rule10b5_1) == [false, true, true, false, false, false, false])   // F5 on the S rows

        let pltr = try Fixtures.document("F_X_tax_withholding")
        #expect(pltr.transactions.allSatisfy { $0.footnoteIds.contains("F12") && $0.rule10b5_1 })

        for part in ["G_gift_director_indirect_MDB", "AIR", "COUR", "NTRA"] {
            #expect(try Fixtures.document(part).transactions.allSatisfy { !$0.rule10b5_1 }, "\(part)")
        }
        #expect(try Fixtures.document("G_gift_director_indirect_MDB").aff10b5One == false)
    }

    @Test func googBrinPlanStatedOnlyInRemarksLeavesRowsUnflagged() throws {
        let doc = try Fixtures.document("S_6rows_continuation")
        let remarks = try #require(doc.remarks)
        #expect(statesRule10b5_1Plan(remarks))
        #expect(!doc.footnotes.contains { statesRule10b5_1Plan($0.text) })
        #expect(doc.transactions.count == 6)
        #expect(doc.transactions.allSatisfy { !$0.rule10b5_1 })   // by design: box or attached footnote only
    }

    @Test func aff10b5OneIsNilBeforeTheX0407Schema() throws {
        for c in fixtureCases {
            let doc = try Fixtures.document(c.file)
            let schema = try #require(doc.schemaVersion)
            let checkboxEra = schema >= "X0407" && schema.hasPrefix("X0")
            #expect((doc.aff10b5One != nil) == checkboxEra, "\(c.file) \(schema)")
        }
    }

    // MARK: order

    @Test func transactionsAreNonDerivativeFirstInDocumentOrder() throws {
        let doc = try Fixtures.document("C_S_18rows")
        #expect(doc.transactions.count == 19)
        #expect(doc.transactions.map(\.table) == Array(repeating: .nonDerivative, count: 18) + [.derivative])
        #expect(doc.transactions.first?.code == "C" && doc.transactions.dropFirst().prefix(17).allSatisfy { $0.code == "S" })
        // Running totals after each S fall monotonically in document order.
        let after = doc.transactions.prefix(18).dropFirst().compactMap(\.sharesOwnedAfter)
        #expect(after.count == 17 && zip(after, after.dropFirst()).allSatisfy { $0 > $1 })
        #expect(after.last == 0)
    }

    @Test func footnoteIdsAreInDocumentOrderWithoutRepeats() throws {
        // F2 and F3 sit on conversionOrExercisePrice, exerciseDate and expirationDate; F1 on the coding; F4 on the nature.
        let lnkd = try Fixtures.document("LNKD")
        #expect(lnkd.transactions[5].footnoteIds == ["F2", "F3", "F1", "F4"])
        let cook = try Fixtures.document("AAPL_Cook")
        #expect(cook.transactions[0].footnoteIds == ["F1", "F2", "F3", "F4", "F5"])
        let ntra = try Fixtures.document("NTRA")
        #expect(ntra.transactions[0].footnoteIds == ["F2", "F1"])   // price's F2 comes before shares-after's F1
    }
}
