import EdgarForm4
import Foundation
import Testing

/// Small hand-written documents for the pitfalls of DOMAIN.md 2.5-2.8 and 5.
struct SyntheticPitfallTests {
    typealias S = Synthetic

    @Test func footnoteIdBeforeAndAfterValueStillReadsTheValue() throws {
        let row = S.row(shares: "<footnoteId id=\"F2\"/><value>1000</value><footnoteId id=\"F1\"/>",
                        price: "<value>12.34</value><footnoteId id=\"F3\"/>",
                        after: "<footnoteId id=\"F3\"/><value>5000</value>")
        let doc = try S.parse(S.document(nonDerivative: row, footnotes: "<footnote id=\"F1\">a</footnote><footnote id=\"F2\">b</footnote><footnote id=\"F3\">c</footnote>"))
        let t = try #require(doc.transactions.first)
        #expect(t.shares == 1000)   // a parser expecting </value></transactionShares> reads 0
        #expect(t.price == d("12.34"))
        #expect(t.sharesOwnedAfter == 5000)
        #expect(t.footnoteIds == ["F2", "F1", "F3"])   // document order, F3 once
    }

    @Test func aRowWithoutTransactionCodingIsSkippedAndTheFilingKept() throws {
        let rows = S.row(code: "P", shares: "<value>1</value>") + S.row(code: nil, shares: "<value>2</value>") + S.row(code: "S", shares: "<value>3</value>")
        let doc = try S.parse(S.document(nonDerivative: rows))
        #expect(doc.transactions.map(\.shares) == [1, 3])
        #expect(doc.transactions.map(\.code) == ["P", "S"])
        #expect(doc.owners.count == 1 && doc.issuer.cik == "0000320193")
        // A filing whose only row lacks the coding still parses, with no transactions.
        let only = try S.parse(S.document(nonDerivative: S.row(code: nil)))
        #expect(only.transactions.isEmpty && only.owners.count == 1)
    }

    @Test(arguments: ["<value/>", "<value></value>", "<value>  \n </value>", "<value />", ""])
    func emptyValuesAreNil(_ empty: String) throws {
        let row = S.row(date: empty, shares: empty, price: empty, ad: empty, after: empty,
                        ownership: "<directOrIndirectOwnership>\(empty)</directOrIndirectOwnership><natureOfOwnership>\(empty)</natureOfOwnership>",
                        title: empty)
        let t = try #require(try S.parse(S.document(nonDerivative: row)).transactions.first)
        #expect(t.shares == nil && t.price == nil && t.sharesOwnedAfter == nil)
        #expect(t.date == nil && t.acquiredDisposed == nil && t.directIndirect == nil && t.natureOfOwnership == nil && t.securityTitle == nil)
        #expect(t.code == "P")
    }

    @Test func zeroIsARealPriceAndDistinctFromNoPrice() throws {
        let doc = try S.parse(S.document(nonDerivative: S.row(code: "A", price: "<value>0</value>") + S.row(code: "A", price: "<footnoteId id=\"F1\"/>")))
        #expect(doc.transactions.map(\.price) == [0, nil])
    }

    @Test func entitiesAreDecodedEverywhere() throws {
        let text = "A &amp; B &lt;C&gt; &#39;D&#39; &#x41;&quot;&apos;"
        let decoded = "A & B <C> 'D' A\"'"
        let doc = try S.parse(S.document(
            owners: [S.owner(name: text, relationship: "<isOfficer>1</isOfficer><officerTitle>Chief Digital &amp; Tech Officer</officerTitle>")],
            nonDerivative: S.row(ownership: "<directOrIndirectOwnership><value>I</value></directOrIndirectOwnership><natureOfOwnership><value>\(text)</value></natureOfOwnership>", title: "<value>\(text)</value>"),
            footnotes: "<footnote id=\"F1\">\(text)</footnote>", remarks: text))
        #expect(doc.owners.first?.name == decoded)
        #expect(doc.owners.first?.officerTitle == "Chief Digital & Tech Officer")
        #expect(doc.transactions.first?.securityTitle == decoded)
        #expect(doc.transactions.first?.natureOfOwnership == decoded)
        #expect(doc.footnote("F1") == decoded)
        #expect(doc.remarks == decoded)
        // One decoding pass only: &amp;lt; is the text "&lt;".
        let once = try S.parse(S.document(nonDerivative: S.row(title: "<value>&amp;lt;</value>")))
        #expect(once.transactions.first?.securityTitle == "&lt;")
    }

    @Test func cdataIsTextAndItsMarkupIsNotParsed() throws {
        let doc = try S.parse(S.document(
            nonDerivative: S.row(title: "<value><![CDATA[Class <A> & \"B\"]]></value>"),
            footnotes: "<footnote id=\"F1\"><![CDATA[Pursuant to a Rule 10b5-1 plan <adopted>]]></footnote>",
            remarks: "<![CDATA[See <b>Exhibit</b> &amp; more]]>"))
        #expect(doc.transactions.first?.securityTitle == "Class <A> & \"B\"")
        #expect(doc.footnote("F1") == "Pursuant to a Rule 10b5-1 plan <adopted>")
        #expect(doc.remarks?.hasPrefix("See <b>Exhibit</b> &") == true)
    }

    /// XML 1.0 section 2.7: inside CDATA "&amp;" is five literal characters, not an entity reference.
    @Test func entitiesInsideCDATAStayLiteral() throws {
        let doc = try S.parse(S.document(nonDerivative: S.row(title: "<value><![CDATA[AT&amp;T]]></value>"),
                                         footnotes: "<footnote id=\"F1\"><![CDATA[&lt;b&gt;]]></footnote>", remarks: "<![CDATA[See &amp; more]]>"))
        do {
            #expect(doc.transactions.first?.securityTitle == "AT&amp;T")
            #expect(doc.footnote("F1") == "&lt;b&gt;")
            #expect(doc.remarks == "See &amp; more")
        }
    }

    @Test func commentsAndProcessingInstructionsAreIgnored() throws {
        let row = "<!-- row 1 -->" + S.row(shares: "<!-- before --><value>1<!-- inside -->50</value><!-- after -->").replacingOccurrences(of: "<transactionDate>", with: "<?pi data?><transactionDate>")
        let doc = try S.parse(S.document(nonDerivative: row + "<!-- a comment with <tags> & ampersands -->", prolog: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- generated -->\n"))
        #expect(doc.transactions.count == 1)
        #expect(doc.transactions.first?.shares == 150)
        #expect(doc.transactions.first?.date == "2024-03-01")
    }

    @Test(arguments: ["Q", "K", "V", "Y", "p", "S"])
    func anyCodeLetterIsKeptVerbatim(_ code: String) throws {
        let doc = try S.parse(S.document(nonDerivative: S.row(code: code)))
        #expect(doc.transactions.map(\.code) == [code])
    }

    @Test func tenReportingOwnersAreAllKeptInOrder() throws {
        let owners = (1...10).map { S.owner(cik: "\($0 * 1111)", name: "Fund \($0) LP", relationship: "<isTenPercentOwner>1</isTenPercentOwner>") }
        let doc = try S.parse(S.document(owners: owners, nonDerivative: S.row()))
        #expect(doc.owners.count == 10)
        #expect(doc.owners.map(\.cik) == (1...10).map { String(repeating: "0", count: 10 - "\($0 * 1111)".count) + "\($0 * 1111)" })
        #expect(doc.owners.map(\.name) == (1...10).map { "Fund \($0) LP" })
        #expect(doc.owners.allSatisfy { $0.isTenPercentOwner && !$0.isDirector })
        #expect(doc.transactions.count == 1)   // one row for the group, not ten
    }

    @Test(arguments: [("1", true), ("0", false), ("true", true), ("false", false), (" 1 ", true), ("TRUE", true), ("False", false)])
    func booleansInEverySpelling(_ text: String, _ value: Bool) throws {
        let rel = "<isDirector>\(text)</isDirector><isOfficer>\(text)</isOfficer><isTenPercentOwner>\(text)</isTenPercentOwner><isOther>\(text)</isOther>"
        let doc = try S.parse(S.document(owners: [S.owner(relationship: rel)],
                                         head: "<notSubjectToSection16>\(text)</notSubjectToSection16><aff10b5One>\(text)</aff10b5One>"))
        let o = try #require(doc.owners.first)
        #expect([o.isDirector, o.isOfficer, o.isTenPercentOwner, o.isOther] == [value, value, value, value])
        #expect(doc.aff10b5One == value)
        #expect(doc.notSubjectToSection16 == value)
    }

    @Test func omittedFlagsAreFalseAndAnAbsentOrUnreadableBoxIsUnknown() throws {
        let doc = try S.parse(S.document(owners: [S.owner(relationship: "<isOfficer>true</isOfficer><officerTitle>CTO</officerTitle>")]))
        #expect(doc.owners.map(O.init) == [O("0001214156", "COOK TIMOTHY D", false, true, false, false, "CTO", nil)])
        #expect(doc.aff10b5One == nil)
        #expect(doc.notSubjectToSection16 == nil)
        #expect(try S.parse(S.document(head: "<aff10b5One>yes</aff10b5One>")).aff10b5One == nil)
        #expect(try S.parse(S.document(head: "<aff10b5One></aff10b5One>")).aff10b5One == nil)
        let blank = try S.parse(S.document(owners: [S.owner(relationship: "<isOfficer>1</isOfficer><officerTitle>  </officerTitle><otherText/>")]))
        #expect(blank.owners.first?.officerTitle == nil && blank.owners.first?.otherText == nil)
    }

    @Test(arguments: [("1.5E3", "1500"), ("1.5e3", "1500"), ("1.5E+3", "1500"), ("15E-1", "1.5"), ("0.102", "0.102"), ("0.0001", "0.0001"),
                      ("  42.50  ", "42.5"), ("1000.0000", "1000"), ("+7", "7"), ("12,345", "12345"), (".5", "0.5"), ("2598.325", "2598.325")])
    func decimalsAreExact(_ text: String, _ expected: String) throws {
        let doc = try S.parse(S.document(nonDerivative: S.row(shares: "<value>\(text)</value>", price: "<value>\(text)</value>")))
        let t = try #require(doc.transactions.first)
        #expect(t.shares == d(expected))
        #expect(t.price == d(expected))
    }

    @Test(arguments: ["abc", "1.2.3", "1E", "$12.50", "12 shares", "-", "."])
    func nonNumericTextIsNil(_ text: String) throws {
        let t = try #require(try S.parse(S.document(nonDerivative: S.row(price: "<value>\(text)</value>"))).transactions.first)
        #expect(t.price == nil)
    }

    @Test func datesKeepTheFirstTenCharacters() throws {
        let doc = try S.parse(S.document(head: "<dateOfOriginalSubmission>2023-10-02-04:00</dateOfOriginalSubmission>",
                                         nonDerivative: S.row(date: "<value>2024-03-01-05:00</value>")))
        #expect(doc.transactions.first?.date == "2024-03-01")
        #expect(doc.dateOfOriginalSubmission == "2023-10-02")
    }

    @Test func derivativeTableFirstInTheDocumentStillComesSecond() throws {
        let derivative = "<derivativeTransaction><securityTitle><value>Stock Option (Right to Buy)</value></securityTitle>"
            + "<conversionOrExercisePrice><value>23.8257</value></conversionOrExercisePrice><transactionDate><value>2019-08-12</value></transactionDate>"
            + "<transactionCoding><transactionFormType>4</transactionFormType><transactionCode>M</transactionCode></transactionCoding>"
            + "<transactionAmounts><transactionShares><value>17500</value></transactionShares><transactionPricePerShare><value>0</value></transactionPricePerShare>"
            + "<transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode></transactionAmounts>"
            + "<underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value></underlyingSecurityTitle><underlyingSecurityShares><value>17500.0</value></underlyingSecurityShares></underlyingSecurity>"
            + "<postTransactionAmounts><sharesOwnedFollowingTransaction><value>0</value></sharesOwnedFollowingTransaction></postTransactionAmounts>"
            + "<ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature></derivativeTransaction>"
            + "<derivativeHolding><securityTitle><value>Warrant</value></securityTitle><postTransactionAmounts><sharesOwnedFollowingTransaction><value>9</value></sharesOwnedFollowingTransaction></postTransactionAmounts></derivativeHolding>"
        let text = "<ownershipDocument><documentType>4</documentType><issuer><issuerCik>320193</issuerCik></issuer>\(S.owner())"
            + "<derivativeTable>\(derivative)</derivativeTable>"
            + "<nonDerivativeTable>\(S.row(code: "M", shares: "<value>1</value>"))\(S.row(code: "S", shares: "<value>2</value>"))"
            + "<nonDerivativeHolding><securityTitle><value>Common Stock</value></securityTitle><postTransactionAmounts><sharesOwnedFollowingTransaction><value>14000</value></sharesOwnedFollowingTransaction></postTransactionAmounts>"
            + "<ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership><natureOfOwnership><value>By Spouse</value></natureOfOwnership></ownershipNature></nonDerivativeHolding>"
            + "</nonDerivativeTable></ownershipDocument>"
        let doc = try S.parse(text)
        #expect(doc.transactions.map(\.table) == [.nonDerivative, .nonDerivative, .derivative])
        #expect(doc.transactions.map(\.code) == ["M", "S", "M"])
        #expect(T(doc.transactions[2]) == T(.derivative, "Stock Option (Right to Buy)", "2019-08-12", "M", "4", d("17500"), 0, "D", 0, "D", nil, [], false,
                                            conv: d("23.8257"), under: "Common Stock", underShares: d("17500")))
        #expect(doc.holdings.map(H.init) == [H(.nonDerivative, "Common Stock", 14000, "I", "By Spouse", []), H(.derivative, "Warrant", 9, nil, nil, [])])
    }

    @Test func rule10b5_1PerRowFromTheBoxOrAnAttachedFootnote() throws {
        let rows = S.row(code: "S", shares: "<value>1</value><footnoteId id=\"F1\"/>")
            + S.row(code: "S", shares: "<value>2</value><footnoteId id=\"F2\"/>")
            + S.row(code: "S", shares: "<value>3</value>")
        let notes = "<footnote id=\"F1\">Sold under a Rule 10b5\u{2011}1 trading plan adopted May 1.</footnote><footnote id=\"F2\">Weighted average; see Rule 10b-5.</footnote>"
        let text = S.document(nonDerivative: rows, footnotes: notes, remarks: "All sales under a 10b5-1 plan.")
        #expect(try S.parse(text).transactions.map(\.rule10b5_1) == [true, false, false])
        // The box flags every row; a box of 0 changes nothing.
        let boxed = S.document(head: "<aff10b5One>1</aff10b5One>", nonDerivative: rows, footnotes: notes)
        #expect(try S.parse(boxed).transactions.map(\.rule10b5_1) == [true, true, true])
        let unboxed = S.document(head: "<aff10b5One>0</aff10b5One>", nonDerivative: rows, footnotes: notes)
        #expect(try S.parse(unboxed).transactions.map(\.rule10b5_1) == [true, false, false])
        // A reference to a footnote that does not exist flags nothing.
        let dangling = S.document(nonDerivative: S.row(shares: "<value>1</value><footnoteId id=\"F9\"/>"), footnotes: notes)
        #expect(try S.parse(dangling).transactions.map(\.rule10b5_1) == [false])
    }

    @Test func prologsNamespacesAndWhitespaceAroundTheRoot() throws {
        let body = S.document(nonDerivative: S.row(), prolog: "").replacingOccurrences(
            of: "<ownershipDocument>", with: "<ownershipDocument xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"ownership.xsd\">")
        for prolog in ["", "\u{FEFF}", "<?xml version=\"1.0\"?>", "\r\n\r\n  ", "<XML>\n<?xml version=\"1.0\"?>\n"] {
            let doc = try S.parse(prolog + body + "\n</XML>\n")
            #expect(doc.transactions.count == 1 && doc.issuer.cik == "0000320193", "\(prolog.debugDescription)")
        }
    }

    @Test func issuerAndOwnerCIKsArePaddedToTenDigits() throws {
        let doc = try S.parse(S.document(owners: [S.owner(cik: " 1494730 "), S.owner(cik: "0001214156")], issuerCik: "1318605"))
        #expect(doc.issuer.cik == "0001318605")
        #expect(doc.owners.map(\.cik) == ["0001494730", "0001214156"])
    }
}
